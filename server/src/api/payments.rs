//! `/api/v1/dossiers/{id}/payments`: a dossier's fee payments for its owner (mobile apps,
//! kiosks), and starting one, which answers the gateway's page to open. The gateway's own
//! callbacks (`/thanh-toan/vnpay/ipn`) are not part of this API: they are public routes that
//! check the signature before touching anything. Rules: `domain::payments`.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::{router::OpenApiRouter, routes};

use app::session::RequestContext;
use domain::payments::online;

use super::error::{ApiError, ApiErrorBody};
use crate::request_context::Ctx;
use crate::state::AppState;

pub(super) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_payments, start_payment))
        .routes(routes!(order_transfer))
        .routes(routes!(pay_again))
}

/// One payment attempt.
#[derive(Serialize, ToSchema)]
pub struct PaymentDto {
    /// The reference sent to the gateway.
    pub txn_ref: String,
    /// Gateway (`vnpay`).
    pub gateway: String,
    /// Amount in đồng.
    pub amount_vnd: i64,
    /// `pending`, `paid`, `failed`, `expired`, `abandoned` (replaced by "pay again"),
    /// `duplicate`, `refunding` or `refunded`.
    pub status: String,
    /// Started at.
    pub created_at: DateTime<Utc>,
    /// Paid at.
    pub paid_at: Option<DateTime<Utc>>,
    /// The gateway's transaction number.
    pub gateway_txn_no: Option<String>,
}

/// Where to send the payer.
#[derive(Serialize, ToSchema)]
pub struct PaymentStartDto {
    /// The gateway's payment page, signed; open it in a browser.
    pub pay_url: String,
}

fn owner_of(ctx: &RequestContext, row: &domain::entities::dossier::Model) -> Result<(), ApiError> {
    if ctx.actor.account_id() == Some(row.owner_id.as_str()) {
        Ok(())
    } else {
        Err(domain::DomainError::NotFound(format!("dossier {}", row.id)).into())
    }
}

/// The payments of one of the caller's dossiers, newest first.
#[utoipa::path(get, path = "/dossiers/{id}/payments", tag = "payments",
    params(("id" = String, Path, description = "Dossier id")),
    responses(
        (status = 200, description = "Payments, newest first", body = [PaymentDto]),
        (status = 401, description = "Not signed in", body = ApiErrorBody),
        (status = 404, description = "No such dossier of the caller", body = ApiErrorBody),
    ),
    security(("session" = [])))]
async fn list_payments(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Path(id): Path<String>,
) -> Result<Json<Vec<PaymentDto>>, ApiError> {
    let loaded = domain::dossiers::drafts::load_readable(&state.db, &ctx.actor, &id).await?;
    owner_of(&ctx, &loaded.dossier)?;
    Ok(Json(
        online::of_dossier(&state.db, &id)
            .await?
            .into_iter()
            .map(|p| PaymentDto {
                txn_ref: p.txn_ref,
                gateway: p.gateway,
                amount_vnd: p.amount_vnd,
                status: p.status,
                created_at: p.created_at.with_timezone(&Utc),
                paid_at: p.paid_at.map(|t| t.with_timezone(&Utc)),
                gateway_txn_no: p.gateway_txn_no,
            })
            .collect(),
    ))
}

/// Starts paying the dossier's fee (the amount is the portal's, never the caller's). Refused
/// while another payment waits for the bank (`payment_pending`), once paid (`payment_done`),
/// without a fee (`payment_no_fee`) or when the dossier is closed (`payment_closed`).
#[utoipa::path(post, path = "/dossiers/{id}/payments", tag = "payments",
    params(("id" = String, Path, description = "Dossier id")),
    responses(
        (status = 201, description = "The gateway's page to open", body = PaymentStartDto),
        (status = 400, description = "No payment can start now (the field `payment` says why)", body = ApiErrorBody),
        (status = 401, description = "Not signed in", body = ApiErrorBody),
        (status = 404, description = "No such dossier of the caller", body = ApiErrorBody),
    ),
    security(("session" = [])))]
async fn start_payment(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Path(id): Path<String>,
) -> Result<(StatusCode, Json<PaymentStartDto>), ApiError> {
    let config = state
        .config
        .vnpay()
        .map_err(|e| ApiError::from(domain::DomainError::Internal(e.to_string())))?;
    let pay_url = online::start(state.services(&ctx.origin), &config, &ctx.actor, &id).await?;
    Ok((StatusCode::CREATED, Json(PaymentStartDto { pay_url })))
}

/// What "pay again" led to.
#[derive(Serialize, ToSchema)]
pub struct PayAgainDto {
    /// The gateway says the waiting payment was paid after all: nothing more to pay.
    pub already_paid: bool,
    /// Otherwise the new attempt's payment page, signed; open it in a browser.
    pub pay_url: Option<String>,
}

/// "Pay again" while an online payment waits for the bank (the payer left the gateway's page):
/// the gateway is asked about the waiting payment first; if it was not paid it is abandoned
/// and a new one opened. An abandoned payment the gateway confirms later is recorded, and kept
/// as a duplicate to refund when the new one was paid too.
#[utoipa::path(post, path = "/dossiers/{id}/payments/again", tag = "payments",
    params(("id" = String, Path, description = "Dossier id")),
    responses(
        (status = 200, description = "Paid after all, or the new payment page", body = PayAgainDto),
        (status = 400, description = "No payment can start now (the field `payment` says why)", body = ApiErrorBody),
        (status = 401, description = "Not signed in", body = ApiErrorBody),
        (status = 404, description = "No such dossier of the caller", body = ApiErrorBody),
    ),
    security(("session" = [])))]
async fn pay_again(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Path(id): Path<String>,
) -> Result<Json<PayAgainDto>, ApiError> {
    let gateway = state.payment_gateway().ok_or_else(|| {
        ApiError::from(domain::DomainError::Internal(
            "VNPay is not configured".into(),
        ))
    })?;
    Ok(Json(
        match online::pay_again(state.services(&ctx.origin), &gateway, &ctx.actor, &id).await? {
            online::PayAgain::AlreadyPaid => PayAgainDto {
                already_paid: true,
                pay_url: None,
            },
            online::PayAgain::Open(url) => PayAgainDto {
                already_paid: false,
                pay_url: Some(url),
            },
        },
    ))
}

/// A VietQR transfer order.
#[derive(Serialize, ToSchema)]
pub struct TransferOrderDto {
    /// The transfer's content: the payment's reference (keep it as it is).
    pub reference: String,
    /// Amount in đồng.
    pub amount_vnd: i64,
    /// The VietQR payload (NAPAS/EMVCo), to show as a QR code.
    pub payload: String,
    /// Bank's short name.
    pub bank: String,
    /// NAPAS BIN of the bank.
    pub bank_bin: String,
    /// Collecting account.
    pub account: String,
    /// Account holder.
    pub account_name: String,
    /// Offered until; a later transfer is still matched by its reference.
    pub expires_at: DateTime<Utc>,
}

/// A VietQR transfer order for the dossier's balance (the order still waiting, if any). The
/// bank's signed credit notice, not this API, confirms the payment. Refused like a payment
/// (`payment_pending` while a card payment waits, `payment_done`, `payment_no_fee`,
/// `payment_closed`).
#[utoipa::path(post, path = "/dossiers/{id}/payments/transfer", tag = "payments",
    params(("id" = String, Path, description = "Dossier id")),
    responses(
        (status = 201, description = "The transfer to make", body = TransferOrderDto),
        (status = 400, description = "No payment can start now (the field `payment` says why)", body = ApiErrorBody),
        (status = 401, description = "Not signed in", body = ApiErrorBody),
        (status = 404, description = "No such dossier of the caller", body = ApiErrorBody),
    ),
    security(("session" = [])))]
async fn order_transfer(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    Path(id): Path<String>,
) -> Result<(StatusCode, Json<TransferOrderDto>), ApiError> {
    use domain::payments::bank_transfer;
    let order = bank_transfer::order(state.services(&ctx.origin), &ctx.actor, &id).await?;
    let to = state.config.vietqr_beneficiary();
    Ok((
        StatusCode::CREATED,
        Json(TransferOrderDto {
            payload: bank_transfer::payload_of(&to, &order),
            reference: order.txn_ref,
            amount_vnd: order.amount_vnd,
            bank: to.bank_name,
            bank_bin: to.bank_bin,
            account: to.account,
            account_name: to.account_name,
            expires_at: order.expires_at.with_timezone(&Utc),
        }),
    ))
}
