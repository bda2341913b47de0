//! The one answer of a browser route (a form post, a download) to a domain error, derived from
//! `DomainError::status` like the JSON API's and the server functions' answers.
//!
//! Routes keep their own arms for the refusals they explain on the page (a redirect back with a
//! code); everything else comes here. Gateway and carrier callbacks answer in their own
//! protocols and do not use it.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::DomainError;

/// Sign-in (then back to `sign_in_next`) for 401; a bare 404 for what the caller may not see
/// (403 too, so that a dossier's existence is not revealed); other refusals with their own
/// status (400, 409, 429), logged at info; 500 for the system's faults, logged at error once.
pub fn failure(e: DomainError, sign_in_next: &str) -> Response {
    match StatusCode::from_u16(e.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR) {
        StatusCode::UNAUTHORIZED => {
            Redirect::to(&format!("/dang-nhap?next={sign_in_next}")).into_response()
        }
        StatusCode::FORBIDDEN | StatusCode::NOT_FOUND => StatusCode::NOT_FOUND.into_response(),
        status if status.is_client_error() => {
            tracing::info!(error = %e, "browser request refused");
            status.into_response()
        }
        status => {
            tracing::error!(error = %e, "browser request failed");
            status.into_response()
        }
    }
}
