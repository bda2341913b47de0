//! `/api/v1/dossiers/{id}/refunds`: the money owed back to a dossier's owner (refund orders,
//! `domain::payments::refund_orders`) and the bank account it is paid to — what the dossier
//! page shows and asks, for mobile apps and kiosks. The bank's signed result
//! (`/thanh-toan/chi-ho/ket-qua`) is a public route, not part of this API.

use axum::extract::{Path, State};
use axum::Json;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::{router::OpenApiRouter, routes};

use domain::payments::refund_orders;

use super::error::{ApiError, ApiErrorBody, ApiJson};
use crate::request_context::Ctx;
use crate::state::AppState;

pub(super) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list_refunds, give_account))
}

/// One refund order.
#[derive(Serialize, ToSchema)]
pub struct RefundDto {
    /// The order's reference at the bank.
    pub reference: String,
    /// Amount in đồng.
    pub amount_vnd: i64,
    /// `ended` (the dossier ended without a result) or `overpaid`.
    pub reason: String,
    /// `awaiting_account`, `queued`, `sent` or `completed`.
    pub status: String,
    /// The bank and the account's last 4 digits, once given.
    pub account: Option<String>,
    /// The bank's refusal, when the account must be checked.
    pub problem: Option<String>,
    /// Paid out at.
    pub completed_at: Option<DateTime<Utc>>,
    /// The collecting account's statement showed the debit (reconciled) at.
    pub confirmed_at: Option<DateTime<Utc>>,
}

/// The account a refund is paid to.
#[derive(Deserialize, ToSchema)]
pub struct RefundAccountDto {
    /// The bank's NAPAS BIN (`970436`: Vietcombank, …).
    pub bank_bin: String,
    /// The account number (digits).
    pub account_number: String,
    /// The holder's name, as the bank writes it (diacritics are removed).
    pub account_name: String,
}

async fn views(db: &domain::db::DatabaseConnection, id: &str) -> Result<Vec<RefundDto>, ApiError> {
    Ok(refund_orders::of_dossier(db, id)
        .await?
        .into_iter()
        .map(|o| RefundDto {
            account: refund_orders::account_of(&o),
            problem: refund_orders::problem_of(&o),
            completed_at: o.completed_at.map(|t| t.with_timezone(&Utc)),
            confirmed_at: o.confirmed_at.map(|t| t.with_timezone(&Utc)),
            reference: o.reference,
            amount_vnd: o.amount_vnd,
            reason: o.reason,
            status: o.status,
        })
        .collect())
}

/// The refunds of one of the caller's dossiers, oldest first.
#[utoipa::path(get, path = "/dossiers/{id}/refunds", tag = "payments",
    params(("id" = String, Path, description = "Dossier id")),
    responses(
        (status = 200, description = "Refund orders, oldest first", body = [RefundDto]),
        (status = 401, description = "Not signed in", body = ApiErrorBody),
        (status = 404, description = "No such dossier of the caller", body = ApiErrorBody),
    ),
    security(("session" = [])))]
async fn list_refunds(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Path(id): Path<String>,
) -> Result<Json<Vec<RefundDto>>, ApiError> {
    domain::dossiers::drafts::load(&state.db, &ctx.actor, &id).await?;
    Ok(Json(views(&state.db, &id).await?))
}

/// Gives (or corrects) the account the dossier's waiting refunds are paid to; they are sent
/// to the bank at once. Refused with the field named: `refund-bank` (`refund_bank_unknown`),
/// `refund-account` (`refund_account_number`, `refund_nothing_waiting`), `refund-name`
/// (`refund_account_name`).
#[utoipa::path(put, path = "/dossiers/{id}/refunds/account", tag = "payments",
    params(("id" = String, Path, description = "Dossier id")),
    request_body = RefundAccountDto,
    responses(
        (status = 200, description = "The refund orders after the account was given", body = [RefundDto]),
        (status = 400, description = "A field is wrong (`fields` names it)", body = ApiErrorBody),
        (status = 401, description = "Not signed in", body = ApiErrorBody),
        (status = 404, description = "No such dossier of the caller", body = ApiErrorBody),
    ),
    security(("session" = [])))]
async fn give_account(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<RefundAccountDto>,
) -> Result<Json<Vec<RefundDto>>, ApiError> {
    let typed = [
        body.bank_bin.as_str(),
        body.account_number.as_str(),
        body.account_name.as_str(),
    ];
    crate::routes::refunds::account_given(&state, &ctx, &id, typed).await?;
    Ok(Json(views(&state.db, &id).await?))
}
