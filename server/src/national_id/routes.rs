//! The portal's two national-identity routes: `GET /dang-nhap/dinh-danh` sends the browser to
//! the provider, `GET /dang-nhap/dinh-danh/callback` receives it back. Failures go to the
//! sign-in page with a short `loi` code; the cause is logged here, once.

use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::{complete_sign_in, NationalIdError};
use crate::state::AppState;

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

/// Where a failed sign-in lands.
fn sign_in_page(error: &NationalIdError) -> Response {
    Redirect::to(&format!("/dang-nhap?loi={}", error.code())).into_response()
}

/// `GET /dang-nhap/dinh-danh?next=/ho-so`: 303 to the provider's authorization endpoint.
pub async fn start(State(state): State<AppState>, Query(params): Query<StartParams>) -> Response {
    let next = params.next.as_deref().unwrap_or("/");
    match state.national_id.client.start(&state.db, next).await {
        Ok(url) => Redirect::to(&url).into_response(),
        Err(error) => {
            tracing::error!(%error, "national-id sign-in could not start");
            Redirect::to("/dang-nhap?loi=dinh-danh").into_response()
        }
    }
}

/// `GET /dang-nhap/dinh-danh/callback`: finishes the flow and hands the identity to
/// [`complete_sign_in`].
pub async fn callback(
    State(state): State<AppState>,
    Query(params): Query<CallbackParams>,
    context: Option<axum::Extension<app::session::RequestContext>>,
) -> Response {
    let client = &state.national_id.client;
    let flow_state = params.state.as_deref().unwrap_or_default();
    if let Some(error) = params.error {
        if !flow_state.is_empty() {
            if let Err(db_error) = client.discard(&state.db, flow_state).await {
                tracing::warn!(error = %db_error, "could not discard a national-id flow");
            }
        }
        let error = NationalIdError::ProviderError {
            error,
            description: params.error_description,
        };
        tracing::info!(%error, "national-id sign-in not authorised by the provider");
        return sign_in_page(&error);
    }
    let code = params.code.as_deref().unwrap_or_default();
    let result = if code.is_empty() {
        Err(NationalIdError::TokenExchangeRefused(
            "callback without code".into(),
        ))
    } else {
        client.finish(&state.db, code, flow_state).await
    };
    match result {
        Ok((identity, next)) => {
            complete_sign_in(&state, identity, next, context.map(|c| c.0)).await
        }
        Err(error) => {
            match &error {
                NationalIdError::UnknownState | NationalIdError::ExpiredState => {
                    tracing::info!(%error, "national-id callback refused");
                }
                _ => tracing::error!(%error, "national-id sign-in failed"),
            }
            sign_in_page(&error)
        }
    }
}
