//! The seam between a verified national identity and a portal session: the account is found by
//! the provider's subject, or linked by a *verified* citizen ID or by the browser's own
//! password session, or created (`domain::accounts`, issue #22), a new session replaces
//! whatever session the browser had, and the browser goes on to `next`.

use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Redirect, Response};

use app::session::{cookie, RequestContext, CSRF_COOKIE, SESSION_COOKIE};
use domain::accounts::NationalIdentity;

use super::VerifiedIdentity;
use crate::state::AppState;

/// Turns a verified identity into a signed-in session and sends the browser to `next` (a
/// local path already checked by the client).
pub async fn complete_sign_in(
    state: &AppState,
    identity: VerifiedIdentity,
    next: String,
    context: Option<RequestContext>,
) -> Response {
    let origin = context
        .as_ref()
        .map(|c| c.origin.clone())
        .unwrap_or_default();
    let previous = context.as_ref().and_then(|c| c.session_token.clone());
    let claims = NationalIdentity {
        subject: identity.subject,
        citizen_id: identity.citizen_id,
        full_name: identity.full_name,
        birthdate: identity.birthdate,
        email: identity.email,
        phone: identity.phone,
    };
    let result = domain::accounts::sign_in_with_national_id(
        &state.db,
        &claims,
        &origin,
        state.config.session_policy(),
        previous.as_deref(),
        state.mailing(),
    )
    .await;
    match result {
        Ok((signed, how)) => {
            tracing::info!(account = %signed.account.id, how, "signed in with the national identity");
            crate::business_registry::after_national_id_sign_in(
                state,
                &signed.account.id,
                claims.citizen_id.as_deref(),
                &origin,
            )
            .await;
            let secure = state.config.secure_cookies();
            let mut response = Redirect::to(&next).into_response();
            for value in [
                cookie(SESSION_COOKIE, &signed.session.token, true, secure, None),
                cookie(CSRF_COOKIE, &signed.session.csrf_token, false, secure, None),
            ] {
                if let Ok(v) = HeaderValue::from_str(&value) {
                    response.headers_mut().append(header::SET_COOKIE, v);
                }
            }
            response
        }
        Err(error) => {
            tracing::warn!(%error, "national identity accepted by the provider but not by the portal");
            Redirect::to("/dang-nhap?loi=dinh-danh").into_response()
        }
    }
}
