//! The routes of postal return: the desk hands a result to the carrier from the staff dossier
//! page (a plain form post), and the carrier posts its signed status updates to the webhook
//! (server to server; the signature is checked before anything is read or changed).
//!
//! Rules live in `domain::postal`; these handlers only translate requests and outcomes.

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::Json;
use axum::Router;
use chrono::Utc;
use domain::postal::carrier::{self, SIGNATURE_HEADER};
use domain::postal::shipments::{self, UpdateAnswer};
use domain::DomainError;

use crate::request_context::Ctx;
use crate::state::AppState;

/// Handing a result to the carrier, and the carrier's status webhook.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/mot-cua/ho-so/{id}/chuyen-phat", post(hand_over))
        .route("/buu-chinh/webhook", post(webhook))
}

/// `POST /mot-cua/ho-so/{id}/chuyen-phat`: the desk hands the result to the carrier.
pub async fn hand_over(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Path(id): Path<String>,
) -> Response {
    let back = format!("/mot-cua/ho-so/{id}");
    let carrier = match state.config.carrier() {
        Ok(c) => crate::carrier_client::HttpCarrier::from_config(&c),
        Err(e) => {
            tracing::error!(error = %e, "the carrier is not configured");
            return Redirect::to(&format!("{back}?chuyen-phat=loi&ma=carrier_unavailable"))
                .into_response();
        }
    };
    match shipments::hand_over(state.services(&ctx.origin), &carrier, &ctx.actor, &id).await {
        Ok(_) => Redirect::to(&format!("{back}?da=ship")).into_response(),
        Err(DomainError::Validation(errors)) => {
            let code = errors
                .first()
                .map_or("shipment_not_ready", |e| e.code.as_str());
            Redirect::to(&format!("{back}?chuyen-phat=loi&ma={code}")).into_response()
        }
        Err(DomainError::Conflict(_)) => {
            Redirect::to(&format!("{back}?chuyen-phat=loi&ma=dossier_moved_on")).into_response()
        }
        Err(e) => crate::form_errors::failure(e, &back),
    }
}

/// `POST /buu-chinh/webhook`: the carrier's status update. Answers `{"code": …}`: `00`
/// recorded, `02` already recorded (200, so the carrier stops resending), `01` unknown
/// shipment (404), `97` bad signature (401), `99` unreadable (400) or an error on our side
/// (500, so the carrier tries again later). A body over [`crate::callbacks::BODY_LIMIT`] gets
/// 413; an address that sent too many with a bad signature gets 429 (see [`crate::callbacks`]).
pub async fn webhook(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    body: Body,
) -> Response {
    const CALLBACK: &str = "carrier_webhook";
    let answer_with =
        |status, code: &str| (status, Json(serde_json::json!({ "code": code }))).into_response();
    let Some(body) = crate::callbacks::read_body(body).await else {
        crate::callbacks::count(CALLBACK, "too_large");
        return answer_with(StatusCode::PAYLOAD_TOO_LARGE, "99");
    };
    let signature = headers
        .get(SIGNATURE_HEADER)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let mailing = state.mailing();
    let answer = match state.config.carrier() {
        Ok(config) => {
            let signed = carrier::verify(&config.webhook_secret, &body, &signature);
            let ip = crate::callbacks::client_ip(&ctx);
            if let Err(refusal) = crate::callbacks::admit(&state.db, CALLBACK, signed, &ip).await {
                return answer_with(refusal.status(), "97");
            }
            shipments::apply_update(
                &state.db,
                &config.webhook_secret,
                &body,
                &signature,
                mailing,
                Utc::now(),
            )
            .await
        }
        Err(e) => Err(DomainError::Internal(e.to_string())),
    };
    let (status, code) = match answer {
        Ok(a @ (UpdateAnswer::Accepted | UpdateAnswer::Duplicate)) => (StatusCode::OK, a.code()),
        Ok(a @ UpdateAnswer::UnknownShipment) => (StatusCode::NOT_FOUND, a.code()),
        Ok(a @ UpdateAnswer::BadSignature) => (StatusCode::UNAUTHORIZED, a.code()),
        Ok(a @ UpdateAnswer::Malformed) => (StatusCode::BAD_REQUEST, a.code()),
        Err(e) => {
            tracing::error!(error = %e, "carrier webhook failed");
            (StatusCode::INTERNAL_SERVER_ERROR, "99")
        }
    };
    answer_with(status, code)
}
