//! Paying a dossier's fee by VietQR bank transfer: the applicant asks for a transfer order
//! (the balance due, a reference of the portal's own making, and the VietQR code with both),
//! makes the transfer in any banking app, and the collecting bank's signed credit notice
//! confirms the payment through the same rules as every gateway (`online::confirm`); a notice
//! that never came is made good by the day's account statement ([`reconcile_statement`]). The
//! browser never tells the portal that anything was paid.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveValue::NotSet, ActiveValue::Set, DatabaseConnection, EntityTrait};
use serde::{Deserialize, Serialize};

use super::online::{self, GatewayAnswer};
use super::vietqr::{self, Beneficiary, CreditNotice};
use super::vnpay::IpnCode;
use crate::access::Actor;
use crate::entities::{payment, payment_callback};
use crate::error::DomainResult;
use crate::services::Services;

/// Gateway code of bank transfers in the payments table.
pub const GATEWAY: &str = "vietqr";
/// How long a transfer order is offered (a NAPAS 247 transfer arrives in seconds; a late one
/// is still matched by its reference).
pub const ORDER_MINUTES: i64 = 30;

/// The transfer order waiting for the bank's notice, if any.
pub fn waiting(payments: &[payment::Model], now: DateTime<Utc>) -> Option<&payment::Model> {
    online::pending(payments, now).filter(|p| p.gateway == GATEWAY)
}

/// The owner of dossier `id` asks to pay its balance by transfer: the order still waiting, or
/// a new one (the same refusals as any payment: `payment_pending` while another gateway's
/// payment waits, `payment_done`, `payment_no_fee`, `payment_closed`).
pub async fn order(
    services: Services<'_>,
    actor: &Actor,
    id: &str,
) -> DomainResult<payment::Model> {
    let (db, origin, now) = (services.db, services.origin, services.now);
    let loaded = crate::dossiers::drafts::load_readable(db, actor, id).await?;
    let existing = online::of_dossier(db, &loaded.dossier.id).await?;
    if let Some(order) = waiting(&existing, now) {
        if actor.account_id() == Some(loaded.dossier.owner_id.as_str()) {
            return Ok(order.clone());
        }
    }
    let (_, opened) = online::open_payment(
        db,
        actor,
        origin,
        id,
        online::Opening {
            gateway: GATEWAY,
            txn_ref: vietqr::new_reference(),
            open_for: Duration::minutes(ORDER_MINUTES),
            waiting: online::Waiting::Refuse,
        },
        now,
    )
    .await?;
    Ok(opened)
}

/// The VietQR payload of transfer order `order` to `to`.
pub fn payload_of(to: &Beneficiary, order: &payment::Model) -> String {
    vietqr::payload(to, order.amount_vnd, &order.txn_ref)
}

/// What the notice address answers the bank.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeAnswer {
    /// The payment it pays is confirmed (or recorded as failed or paid twice).
    Confirmed,
    /// That payment was confirmed before: nothing changed.
    AlreadyConfirmed,
    /// No payment of the portal has the reference the content carries (kept for the desk).
    Unmatched,
    /// The amount is not the payment's (kept for the desk; the payment stays open).
    WrongAmount,
    /// Another account than the portal's was credited.
    WrongAccount,
    /// The signature does not match the body.
    BadSignature,
    /// The body is not a credit notice.
    Malformed,
}

impl NoticeAnswer {
    /// The code in the answer's body.
    pub fn code(self) -> &'static str {
        match self {
            NoticeAnswer::Confirmed => "00",
            NoticeAnswer::Unmatched => "01",
            NoticeAnswer::AlreadyConfirmed => "02",
            NoticeAnswer::WrongAmount => "04",
            NoticeAnswer::WrongAccount => "05",
            NoticeAnswer::BadSignature => "97",
            NoticeAnswer::Malformed => "99",
        }
    }
}

/// Handles the bank's notice of a credit to `to`'s account: `body` exactly as received and
/// its signature header. Every notice is kept in `payment_callback`, whatever it said.
pub async fn credit_notice(
    db: &DatabaseConnection,
    secret: &str,
    to: &Beneficiary,
    body: &[u8],
    signature: &str,
    now: DateTime<Utc>,
) -> DomainResult<NoticeAnswer> {
    let valid = vietqr::verify(secret, body, signature);
    let notice = serde_json::from_slice::<CreditNotice>(body).ok();
    let reference = notice
        .as_ref()
        .and_then(|n| vietqr::find_reference(&n.description));
    let answer = match (&notice, valid) {
        (_, false) => {
            tracing::warn!("bank credit notice with a bad signature");
            NoticeAnswer::BadSignature
        }
        (None, true) => NoticeAnswer::Malformed,
        (Some(n), true) if n.account.trim() != to.account => NoticeAnswer::WrongAccount,
        (Some(_), true) if reference.is_none() => NoticeAnswer::Unmatched,
        (Some(n), true) => {
            let code = online::confirm(
                db,
                &GatewayAnswer {
                    gateway: "VietQR",
                    txn_ref: reference.as_deref().unwrap_or_default(),
                    amount_x100: n.amount_vnd.checked_mul(100),
                    success: true,
                    gateway_txn_no: &n.transaction_id,
                    bank_code: &to.bank_bin,
                    response_code: "00",
                },
                now,
            )
            .await?;
            match code {
                IpnCode::Confirmed => NoticeAnswer::Confirmed,
                IpnCode::AlreadyConfirmed => NoticeAnswer::AlreadyConfirmed,
                IpnCode::WrongAmount => NoticeAnswer::WrongAmount,
                _ => NoticeAnswer::Unmatched,
            }
        }
    };
    payment_callback::Entity::insert(payment_callback::ActiveModel {
        id: NotSet,
        gateway: Set(GATEWAY.into()),
        kind: Set("credit".into()),
        txn_ref: Set(reference),
        received_at: Set(now.fixed_offset()),
        signature_valid: Set(valid),
        answer: Set(answer.code().to_owned()),
        // Anyone can post to the notice address: of an unsigned notice only a short prefix
        // is kept.
        params: Set(if valid {
            serde_json::from_slice(body)
                .unwrap_or_else(|_| serde_json::json!(String::from_utf8_lossy(body)))
        } else {
            super::unsigned_excerpt(body)
        }),
    })
    .exec_without_returning(db)
    .await?;
    Ok(answer)
}

/// One credit on the collecting account's statement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatementCredit {
    /// The bank's id of the transaction.
    pub transaction_id: String,
    /// The credited account.
    pub account: String,
    /// Amount credited, in đồng.
    pub amount_vnd: i64,
    /// The transfer's content as the bank kept it (the portal's reference is somewhere in it).
    pub description: String,
}

/// Reads the collecting bank's account statement of a day (the CSV its corporate banking
/// exports): a header naming `TransactionId`, `Account`, `Amount` (đồng) and `Description` in
/// any order (other columns are ignored), then one line per movement; a debit (a negative
/// amount: a refund paid out, `refund_orders::statement`) is not a credit and is skipped.
pub fn parse_statement(csv_text: &str) -> DomainResult<Vec<StatementCredit>> {
    Ok(super::reconciliation::statement_rows(
        csv_text,
        ["TransactionId", "Account", "Description"],
        "Amount",
    )?
    .into_iter()
    .filter(|(_, amount)| *amount > 0)
    .map(
        |([transaction_id, account, description], amount_vnd)| StatementCredit {
            transaction_id,
            account,
            amount_vnd,
            description,
        },
    )
    .collect())
}

/// Reconciles the collecting account's statement of `day` with the portal's transfer orders.
/// A credit to `to`'s account that names an order still waiting — its notice never came, or
/// came unreadable — confirms it by the same rules as a notice (the right amount, once; the
/// dossier moves on); then every disagreement is flagged as for VNPay's statement: a credit
/// naming no order of the portal, a different amount, an order the portal counts as paid that
/// the statement does not show. The report is kept (gateway `vietqr`).
pub async fn reconcile_statement(
    db: &DatabaseConnection,
    to: &Beneficiary,
    day: chrono::NaiveDate,
    credits: &[StatementCredit],
    now: DateTime<Utc>,
) -> DomainResult<crate::entities::reconciliation_run::Model> {
    let mut lines = Vec::new();
    for credit in credits.iter().filter(|c| c.account.trim() == to.account) {
        let reference = vietqr::find_reference(&credit.description);
        if let Some(r) = &reference {
            let code = online::confirm(
                db,
                &GatewayAnswer {
                    gateway: "VietQR",
                    txn_ref: r,
                    amount_x100: credit.amount_vnd.checked_mul(100),
                    success: true,
                    gateway_txn_no: &credit.transaction_id,
                    bank_code: &to.bank_bin,
                    response_code: "00",
                },
                now,
            )
            .await?;
            if code == IpnCode::Confirmed {
                tracing::info!(reference = %r, "bank transfer confirmed by the statement");
            }
        }
        lines.push(super::reconciliation::StatementLine {
            // A credit naming no reference is listed under the bank's own id.
            txn_ref: reference.unwrap_or_else(|| credit.transaction_id.clone()),
            transaction_no: credit.transaction_id.clone(),
            amount_vnd: credit.amount_vnd,
            status: "00".into(),
        });
    }
    super::reconciliation::reconcile_gateway(db, GATEWAY, day, &lines, now).await
}
