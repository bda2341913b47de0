//! The seam between a verified national identity and a portal session.
//!
//! PLACEHOLDER — replaced when accounts land: the accounts work (in parallel on another
//! branch) finds or creates the account for `identity.subject` / `identity.citizen_id`, opens
//! a session and redirects to `next`. Until then this answers with the verified identity as
//! JSON so the whole OpenID Connect flow can be exercised end to end.

use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

use super::VerifiedIdentity;
use crate::state::AppState;

/// Turns a verified identity into a signed-in session and sends the browser to `next` (a
/// local path already checked by the client).
///
/// Placeholder (replaced when accounts land): returns `200` with
/// `{"identity": …, "next": …}`.
pub async fn complete_sign_in(
    state: &AppState,
    identity: VerifiedIdentity,
    next: String,
    headers: &HeaderMap,
) -> Response {
    let _ = (state, headers);
    tracing::info!(
        subject = %identity.subject,
        "national identity verified (placeholder: no session is opened yet)"
    );
    Json(json!({ "identity": identity, "next": next })).into_response()
}
