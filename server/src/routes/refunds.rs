//! The routes of refund orders (`domain::payments::refund_orders`): the applicant gives the
//! bank account a refund is paid to (a plain form post on the dossier page), the bank posts
//! its signed result server to server, and the desk sends a waiting order again.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::{Json, Router};
use chrono::Utc;
use domain::payments::refund_orders::{self, ResultAnswer};
use domain::DomainError;
use serde::Deserialize;

use crate::request_context::Ctx;
use crate::state::AppState;

/// Refund orders' routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/ho-so/{id}/hoan-tien", post(give_account))
        .route("/thanh-toan/chi-ho/ket-qua", post(result))
        .route("/mot-cua/hoan-tien/{order}/gui-lai", post(send_again))
}

/// The account form of the dossier page.
#[derive(Debug, Deserialize)]
pub struct AccountForm {
    bank: String,
    account: String,
    name: String,
}

/// The owner of dossier `id` gives the account `[bank BIN, number, holder]` its waiting refund
/// orders are paid to; they are sent to the bank at once (the housekeeping sends again what
/// the bank did not take). The page's form and the JSON API both come here.
pub(crate) async fn account_given(
    state: &AppState,
    ctx: &app::session::RequestContext,
    id: &str,
    [bank, number, name]: [&str; 3],
) -> Result<(), DomainError> {
    let account = refund_orders::check_account(bank, number, name)?;
    refund_orders::give_account(state.services(&ctx.origin), &ctx.actor, id, &account).await?;
    if let Some(payouts) = state.config.payouts() {
        let sent = refund_orders::send_due(&state.db, &payouts, state.mailing(), Utc::now()).await;
        if let Err(e) = sent {
            tracing::warn!(error = %e, "refund orders not sent now; the housekeeping will");
        }
    }
    Ok(())
}

/// `POST /ho-so/{id}/hoan-tien`: the owner gives (or corrects) the account; the waiting orders
/// are sent to the bank at once (and again by the housekeeping if the bank does not take them).
pub async fn give_account(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Path(id): Path<String>,
    axum::Form(form): axum::Form<AccountForm>,
) -> Response {
    let back = format!("/ho-so/{id}");
    match account_given(&state, &ctx, &id, [&form.bank, &form.account, &form.name]).await {
        Ok(()) => Redirect::to(&format!("{back}?hoan-tien=da-gui#hoan-tien")).into_response(),
        Err(DomainError::Validation(errors)) => {
            let codes: Vec<&str> = errors.iter().map(|e| e.code.as_str()).collect();
            Redirect::to(&format!(
                "{back}?hoan-tien=loi&ma={}&__err=1#hoan-tien",
                codes.join(",")
            ))
            .into_response()
        }
        Err(e) => crate::form_errors::failure(e, &back),
    }
}

/// `POST /thanh-toan/chi-ho/ket-qua`: the bank's signed result of a payout order, answered
/// `{"code": …}`: 200 `00` applied (a replay too), 404 `01` no such order, 401 `97` bad
/// signature (only a prefix kept; 429 once the address sent too many, see
/// [`crate::callbacks`]), 500 `99` when the bank should try again.
pub async fn result(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    headers: axum::http::HeaderMap,
    body: axum::body::Body,
) -> Response {
    use axum::http::StatusCode;
    const CALLBACK: &str = "payout_result";
    let answer_with =
        |status, code: &str| (status, Json(serde_json::json!({ "code": code }))).into_response();
    let Some(body) = crate::callbacks::read_body(body).await else {
        crate::callbacks::count(CALLBACK, "too_large");
        return answer_with(StatusCode::PAYLOAD_TOO_LARGE, "99");
    };
    let signature = headers
        .get(domain::payments::payouts::SIGNATURE_HEADER)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let secret = match state.config.payouts_secret() {
        Ok(secret) => secret,
        Err(e) => {
            tracing::error!(error = %e, "payout result without a bank secret");
            return answer_with(StatusCode::INTERNAL_SERVER_ERROR, "99");
        }
    };
    let signed = domain::payments::vietqr::verify(&secret, &body, signature);
    let ip = crate::callbacks::client_ip(&ctx);
    if let Err(refusal) = crate::callbacks::admit(&state.db, CALLBACK, signed, &ip).await {
        return answer_with(refusal.status(), "97");
    }
    match refund_orders::on_result(
        &state.db,
        &secret,
        &body,
        signature,
        state.mailing(),
        Utc::now(),
    )
    .await
    {
        Ok(ResultAnswer::Done) => answer_with(StatusCode::OK, "00"),
        Ok(ResultAnswer::Unknown) => answer_with(StatusCode::NOT_FOUND, "01"),
        Ok(ResultAnswer::BadSignature) => answer_with(StatusCode::UNAUTHORIZED, "97"),
        Err(e) => {
            tracing::error!(error = %e, "payout result failed");
            answer_with(StatusCode::INTERNAL_SERVER_ERROR, "99")
        }
    }
}

/// `POST /mot-cua/hoan-tien/{order}/gui-lai`: the desk sends a waiting order again now.
pub async fn send_again(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Path(order): Path<String>,
) -> Response {
    let Some(bank) = state.config.payouts() else {
        return axum::http::StatusCode::SERVICE_UNAVAILABLE.into_response();
    };
    let dossier = domain::entities::refund_order::Entity::find_by_id(order.clone());
    use sea_orm::EntityTrait;
    let back = match dossier.one(&state.db).await {
        Ok(Some(o)) => format!("/mot-cua/ho-so/{}", o.dossier_id),
        Ok(None) => return axum::http::StatusCode::NOT_FOUND.into_response(),
        Err(e) => return crate::form_errors::failure(e.into(), "/mot-cua"),
    };
    match refund_orders::send_again(state.services(&ctx.origin), &bank, &ctx.actor, &order).await {
        Ok(true) => Redirect::to(&format!("{back}?da=refund_sent")).into_response(),
        Ok(false) => Redirect::to(&format!("{back}?da=refund_not_sent")).into_response(),
        Err(e) => crate::form_errors::failure(e, &back),
    }
}
