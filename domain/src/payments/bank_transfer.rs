//! Paying a dossier's fee by VietQR bank transfer: the applicant asks for a transfer order
//! (the balance due, a reference of the portal's own making, and the VietQR code with both),
//! makes the transfer in any banking app, and the collecting bank's signed credit notice
//! confirms the payment through the same rules as every gateway (`online::confirm`). The
//! browser never tells the portal that anything was paid.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveValue::NotSet, ActiveValue::Set, DatabaseConnection, EntityTrait};

use super::online::{self, GatewayAnswer};
use super::vietqr::{self, Beneficiary, CreditNotice};
use super::vnpay::IpnCode;
use crate::access::Actor;
use crate::audit::Origin;
use crate::entities::{payment, payment_callback};
use crate::error::DomainResult;

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
    db: &DatabaseConnection,
    actor: &Actor,
    origin: &Origin,
    id: &str,
    now: DateTime<Utc>,
) -> DomainResult<payment::Model> {
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
        (GATEWAY, vietqr::new_reference()),
        Duration::minutes(ORDER_MINUTES),
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
        params: Set(serde_json::from_slice(body)
            .unwrap_or_else(|_| serde_json::json!(String::from_utf8_lossy(body)))),
    })
    .exec_without_returning(db)
    .await?;
    Ok(answer)
}
