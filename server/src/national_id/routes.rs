//! The portal's two national-identity routes: `GET /dang-nhap/dinh-danh` sends the browser to
//! the provider with the flow sealed in its cookie, `GET /dang-nhap/dinh-danh/callback`
//! receives it back and accepts only the flow that cookie holds. Failures go to the sign-in
//! page with a short `loi` code; the cause is logged here, once. The callback always clears the
//! cookie, whatever the outcome, so a flow is tried once per browser.

use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use serde::Deserialize;

use super::client::{FLOW_COOKIE, FLOW_COOKIE_PATH, FLOW_LIFETIME_SECS};
use super::{complete_sign_in, NationalIdError};
use crate::state::AppState;

/// The two sign-in routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/dang-nhap/dinh-danh", get(start))
        .route("/dang-nhap/dinh-danh/callback", get(callback))
}

/// `?next=` of the start route.
#[derive(Debug, Default, Deserialize)]
pub struct StartParams {
    /// Local path to return to after sign-in (anything else becomes `/`).
    pub next: Option<String>,
}

/// The provider's redirect back: `code` and `state`, or `error`, `error_description` and
/// `state` (RFC 6749 §4.1.2, §4.1.2.1).
#[derive(Debug, Default, Deserialize)]
pub struct CallbackParams {
    /// Authorization code.
    pub code: Option<String>,
    /// Our `state`, echoed.
    pub state: Option<String>,
    /// Error code when the provider did not authorise (e.g. `access_denied`).
    pub error: Option<String>,
    /// Human-readable detail of `error`.
    pub error_description: Option<String>,
}

/// The flow cookie: HttpOnly, SameSite=Lax (the provider's redirect back is a top-level GET,
/// which Lax lets through), scoped to the two routes, ten minutes; `value` empty clears it.
fn flow_cookie(value: &str, secure: bool) -> String {
    let max_age = if value.is_empty() {
        0
    } else {
        FLOW_LIFETIME_SECS
    };
    format!(
        "{FLOW_COOKIE}={value}; Path={FLOW_COOKIE_PATH}; Max-Age={max_age}; HttpOnly; \
         SameSite=Lax{}",
        if secure { "; Secure" } else { "" }
    )
}

fn with_cookie(mut response: Response, cookie: &str) -> Response {
    if let Ok(value) = HeaderValue::from_str(cookie) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}

/// Where a failed sign-in lands.
fn sign_in_page(error: &NationalIdError) -> Response {
    Redirect::to(&format!("/dang-nhap?loi={}", error.code())).into_response()
}

/// `GET /dang-nhap/dinh-danh?next=/ho-so`: 303 to the provider's authorization endpoint, with
/// the flow sealed in the browser's cookie (nothing is written to the database).
pub async fn start(State(state): State<AppState>, Query(params): Query<StartParams>) -> Response {
    let next = params.next.as_deref().unwrap_or("/");
    let client = &state.national_id.client;
    let started = match client.start(next).await {
        Ok((url, flow)) => client.cookie.seal(&flow).map(|sealed| (url, sealed)),
        Err(error) => Err(error),
    };
    match started {
        Ok((url, sealed)) => with_cookie(
            Redirect::to(&url).into_response(),
            &flow_cookie(&sealed, state.config.secure_cookies()),
        ),
        Err(error) => {
            tracing::error!(%error, "national-id sign-in could not start");
            Redirect::to("/dang-nhap?loi=dinh-danh").into_response()
        }
    }
}

/// `GET /dang-nhap/dinh-danh/callback`: finishes the flow this browser started and hands the
/// identity to [`complete_sign_in`].
pub async fn callback(
    State(state): State<AppState>,
    Query(params): Query<CallbackParams>,
    headers: HeaderMap,
    context: Option<axum::Extension<app::session::RequestContext>>,
) -> Response {
    let clear = flow_cookie("", state.config.secure_cookies());
    let client = &state.national_id.client;
    let flow =
        crate::auth::cookie_value(&headers, FLOW_COOKIE).and_then(|v| client.cookie.open(&v));
    if let Some(error) = params.error {
        let error = NationalIdError::ProviderError {
            error,
            description: params.error_description,
        };
        tracing::info!(%error, "national-id sign-in not authorised by the provider");
        return with_cookie(sign_in_page(&error), &clear);
    }
    let flow_state = params.state.as_deref().unwrap_or_default();
    let code = params.code.as_deref().unwrap_or_default();
    let result = if code.is_empty() {
        Err(NationalIdError::TokenExchangeRefused(
            "callback without code".into(),
        ))
    } else {
        client
            .finish(&state.db, code, flow_state, flow.as_ref())
            .await
    };
    let response = match result {
        Ok((identity, next)) => {
            complete_sign_in(&state, identity, next, context.map(|c| c.0)).await
        }
        Err(error) => {
            match &error {
                NationalIdError::UnknownState
                | NationalIdError::ForeignState
                | NationalIdError::ExpiredState => {
                    tracing::warn!(%error, "national-id callback refused");
                }
                _ => tracing::error!(%error, "national-id sign-in failed"),
            }
            sign_in_page(&error)
        }
    };
    with_cookie(response, &clear)
}
