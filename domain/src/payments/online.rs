//! Paying a dossier's fee online through VNPay: starting a payment (the amount is the fee the
//! portal computed and froze at submission, never one from the browser), the gateway's IPN
//! call (authoritative: it alone changes a payment's state) and the browser's return (which
//! only shows what the IPN recorded).
//!
//! Correctness rules: one pending payment at a time per dossier (no paying twice while the
//! bank has not answered); each payment is confirmed once, whatever the number or order of the
//! callbacks (a replay answers `02` and changes nothing); a wrong amount answers `04`; a bad
//! signature `97`, and every callback is kept in `payment_callback`; a second successful
//! payment of an already paid dossier is recorded as `duplicate`, to be refunded.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::{NotSet, Set},
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
};

use super::vnpay::{self, IpnCode};
use crate::access::Actor;
use crate::audit::Origin;
use crate::dossiers::change::{self, By, DossierChange};
use crate::dossiers::{lifecycle, Status};
use crate::entities::{dossier, payment, payment_callback};
use crate::error::{invalid, DomainError, DomainResult};
use crate::services::Services;

mod confirmation;
use confirmation::{apply_ipn, keep_callback};
pub(crate) use confirmation::{confirm, GatewayAnswer};
pub use confirmation::{vnpay_ipn, vnpay_return};

/// How long the gateway's page accepts a payment (`vnp_ExpireDate`).
pub const PAYMENT_MINUTES: i64 = 15;

/// The merchant account at VNPay and where its pages are.
#[derive(Clone, Debug)]
pub struct VnpayConfig {
    /// `vnp_TmnCode`.
    pub tmn_code: String,
    /// The merchant secret (`vnp_HashSecret`), from the environment.
    pub secret: String,
    /// The payment page (`…/paymentv2/vpcpay.html`).
    pub pay_url: String,
    /// Where the browser comes back (`vnp_ReturnUrl`).
    pub return_url: String,
}

fn refuse(code: &str, message: &str) -> DomainError {
    invalid("payment", code, message)
}

pub(crate) fn vietnam(at: DateTime<Utc>) -> String {
    at.with_timezone(&crate::dossiers::codes::vietnam())
        .format("%Y%m%d%H%M%S")
        .to_string()
}

/// The payments of dossier `id`, newest first.
pub async fn of_dossier<C: ConnectionTrait>(db: &C, id: &str) -> DomainResult<Vec<payment::Model>> {
    Ok(payment::Entity::find()
        .filter(payment::Column::DossierId.eq(id))
        .order_by_desc(payment::Column::CreatedAt)
        .all(db)
        .await?)
}

/// The payment still waiting for the bank's answer, if any.
pub fn pending(payments: &[payment::Model], now: DateTime<Utc>) -> Option<&payment::Model> {
    payments
        .iter()
        .find(|p| p.status == "pending" && p.expires_at.with_timezone(&Utc) > now)
}

/// Starts a payment of dossier `id`'s fee by its owner; returns the gateway page to open.
pub async fn start(
    services: Services<'_>,
    config: &VnpayConfig,
    actor: &Actor,
    id: &str,
) -> DomainResult<String> {
    let (db, origin, now) = (services.db, services.origin, services.now);
    open_gateway(db, config, actor, origin, id, Waiting::Refuse, now).await
}

/// What "pay again" led to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PayAgain {
    /// The gateway says the earlier attempt was paid after all: nothing more to pay.
    AlreadyPaid,
    /// The gateway page of a new attempt, to open.
    Open(String),
}

/// "Pay again" while an online payment waits for the bank (the citizen backed out of the
/// gateway's page, or closed it): asks the gateway about the waiting attempt first — if it
/// was paid, that is recorded and nothing new is opened — then abandons it and opens a new
/// one. An abandoned attempt the gateway later confirms is still recorded, as paid or, when
/// the new attempt was paid too, as a duplicate to refund: money is never lost or kept twice.
pub async fn pay_again(
    services: Services<'_>,
    gateway: &Gateway,
    actor: &Actor,
    id: &str,
) -> DomainResult<PayAgain> {
    let (db, origin, now) = (services.db, services.origin, services.now);
    // The owner's own dossier (the same checks as the page); nothing is asked for others.
    let loaded = crate::dossiers::drafts::load_readable(db, actor, id).await?;
    if actor.account_id() != Some(loaded.dossier.owner_id.as_str()) {
        return Err(DomainError::Forbidden("payment".into()));
    }
    check_waiting(db, gateway, actor, id, now).await?;
    if super::money::balance(loaded.dossier.fee_due_vnd, &of_dossier(db, id).await?) <= 0 {
        return Ok(PayAgain::AlreadyPaid);
    }
    open_gateway(
        db,
        &gateway.config,
        actor,
        origin,
        id,
        Waiting::Abandon,
        now,
    )
    .await
    .map(PayAgain::Open)
}

/// The merchant API with the merchant's settings: what asking the gateway about a payment
/// needs (the real gateway, or its simulator, behind [`super::vnpay_api::Api`]).
#[derive(Clone)]
pub struct Gateway {
    /// The merchant account.
    pub config: VnpayConfig,
    /// The merchant API.
    pub api: std::sync::Arc<dyn super::vnpay_api::Api>,
}

impl std::fmt::Debug for Gateway {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gateway")
            .field("tmn_code", &self.config.tmn_code)
            .finish_non_exhaustive()
    }
}

/// The citizen is back on the dossier's page (from the gateway, by the back button, or
/// later): asks the gateway at once about the dossier's online payments still waiting, so a
/// finished payment shows without waiting for its IPN or the worker's ten-minute round.
/// Only the owner's visit asks (nothing is asked for staff or anyone else), and only when an
/// online payment waits: every other page view costs one query. Returns how many were
/// resolved; an unreachable gateway resolves none (the page says the payment is waiting, and
/// the citizen may pay again).
pub async fn check_waiting(
    db: &DatabaseConnection,
    gateway: &Gateway,
    actor: &Actor,
    id: &str,
    now: DateTime<Utc>,
) -> DomainResult<usize> {
    let waiting: Vec<payment::Model> = of_dossier(db, id)
        .await?
        .into_iter()
        .filter(|p| p.gateway == "vnpay" && p.status == "pending")
        .collect();
    if waiting.is_empty() {
        return Ok(0);
    }
    let loaded = crate::dossiers::drafts::load_readable(db, actor, id).await?;
    if actor.account_id() != Some(loaded.dossier.owner_id.as_str()) {
        return Ok(0);
    }
    let mut resolved = 0;
    for p in waiting {
        resolved += usize::from(query(db, gateway.api.as_ref(), &gateway.config, &p, now).await?);
    }
    Ok(resolved)
}

/// A payment attempt to open: through `gateway` under reference `txn_ref`, accepted for
/// `open_for`, and what to do with one still waiting.
pub(crate) struct Opening<'a> {
    pub gateway: &'a str,
    pub txn_ref: String,
    pub open_for: Duration,
    pub waiting: Waiting,
}

/// What to do with an online payment still waiting when a new one is opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Waiting {
    /// Refuse the new one (the page says the bank's answer is awaited).
    Refuse,
    /// Abandon the waiting one ("pay again", after asking the gateway).
    Abandon,
}

async fn open_gateway(
    db: &DatabaseConnection,
    config: &VnpayConfig,
    actor: &Actor,
    origin: &Origin,
    id: &str,
    waiting: Waiting,
    now: DateTime<Utc>,
) -> DomainResult<String> {
    let txn_ref = format!(
        "{}{}",
        vietnam(now).get(2..8).unwrap_or("000000"),
        uuid::Uuid::new_v4()
            .simple()
            .to_string()
            .get(..10)
            .unwrap_or("0")
            .to_uppercase()
    );
    let (row, opened) = open_payment(
        db,
        actor,
        origin,
        id,
        Opening {
            gateway: "vnpay",
            txn_ref: txn_ref.clone(),
            open_for: Duration::minutes(PAYMENT_MINUTES),
            waiting,
        },
        now,
    )
    .await?;
    let amount = opened.amount_vnd;
    let code = row.code.clone().unwrap_or_default();
    let expires = opened.expires_at.with_timezone(&Utc);
    let mut params = BTreeMap::new();
    for (k, v) in [
        ("vnp_Version", vnpay::VERSION.to_owned()),
        ("vnp_Command", "pay".to_owned()),
        ("vnp_TmnCode", config.tmn_code.clone()),
        ("vnp_Amount", (amount * 100).to_string()),
        ("vnp_CurrCode", "VND".to_owned()),
        ("vnp_TxnRef", txn_ref),
        ("vnp_OrderInfo", format!("Thanh toan le phi ho so {code}")),
        ("vnp_OrderType", "other".to_owned()),
        ("vnp_Locale", "vn".to_owned()),
        ("vnp_ReturnUrl", config.return_url.clone()),
        (
            "vnp_IpAddr",
            origin.ip.clone().unwrap_or_else(|| "127.0.0.1".into()),
        ),
        ("vnp_CreateDate", vietnam(now)),
        ("vnp_ExpireDate", vietnam(expires)),
    ] {
        params.insert(k.to_owned(), v);
    }
    Ok(vnpay::payment_url(&config.pay_url, &config.secret, &params))
}

/// Opens a payment of dossier `id`'s balance by its owner through `gateway` under reference
/// `txn_ref`, accepted for `open_for`: the checks every gateway shares (the owner, an open
/// dossier with a fee still due, no other payment waiting for its answer), the row, the
/// timeline event and the audit entry. Returns the dossier and the payment.
pub(crate) async fn open_payment(
    db: &DatabaseConnection,
    actor: &Actor,
    origin: &Origin,
    id: &str,
    opening: Opening<'_>,
    now: DateTime<Utc>,
) -> DomainResult<(dossier::Model, payment::Model)> {
    let Opening {
        gateway,
        txn_ref,
        open_for,
        waiting,
    } = opening;
    let loaded = crate::dossiers::drafts::load_readable(db, actor, id).await?;
    let row = loaded.dossier;
    if actor.account_id() != Some(row.owner_id.as_str()) {
        return Err(DomainError::Forbidden("payment".into()));
    }
    let status = Status::from_code(&row.status).unwrap_or(Status::Draft);
    if status == Status::Draft || !lifecycle::OPEN.contains(&status) {
        return Err(refuse("payment_closed", "the dossier is not open"));
    }
    if row.fee_due_vnd.unwrap_or(0) <= 0 {
        return Err(refuse("payment_no_fee", "this dossier has no fee"));
    }
    let txn = crate::db::begin_write(db).await?;
    // Hold the dossier while deciding, so two tabs cannot start two payments; what is due is
    // read under the lock, so a fee added since the checks above is asked for too.
    let row = change::lock(&txn, id)
        .await?
        .ok_or_else(|| DomainError::NotFound(format!("dossier {id}")))?;
    let existing = of_dossier(&txn, id).await?;
    // What is still due: the fee frozen at submission plus staff's extra fees, less what was
    // paid.
    let amount = super::money::balance(row.fee_due_vnd, &existing);
    if amount <= 0 {
        return Err(refuse("payment_done", "the fee is already paid"));
    }
    // Named once for both records below (abandoning the waiting attempt, opening this one).
    let by = By::from(actor).resolve(&txn).await?;
    if let Some(w) = pending(&existing, now) {
        // Only an online attempt is abandoned: a transfer order may already have been paid
        // at the citizen's bank, whose notice is still on its way.
        if waiting == Waiting::Refuse || w.gateway != "vnpay" {
            return Err(refuse(
                "payment_pending",
                "a payment is waiting for the bank's answer",
            ));
        }
        abandon(&txn, by.clone(), origin, &row, w, now).await?;
    }
    let expires = now + open_for;
    let opened = payment::Model {
        expires_at: expires.fixed_offset(),
        ..super::new_row(id, gateway, txn_ref.clone(), amount, "pending", now)
    };
    payment::Entity::insert(payment::ActiveModel::from(opened.clone()))
        .exec_without_returning(&txn)
        .await?;
    DossierChange::new(&row, by)
        .event("payment_started")
        .data(serde_json::json!({ "amount_vnd": amount, "txn_ref": txn_ref, "gateway": gateway }))
        .audit("payment.start")
        .detail(serde_json::json!({ "amount_vnd": amount, "txn_ref": txn_ref }))
        .record(&txn, origin, now)
        .await?;
    txn.commit().await?;
    Ok((row, opened))
}

/// Marks online attempt `w` abandoned ("pay again"), audited; a later answer about it is
/// still recorded (see [`confirm`]).
async fn abandon<C: ConnectionTrait>(
    txn: &C,
    by: By<'_>,
    origin: &Origin,
    row: &dossier::Model,
    w: &payment::Model,
    now: DateTime<Utc>,
) -> DomainResult<()> {
    payment::Entity::update_many()
        .col_expr(payment::Column::Status, Expr::value("abandoned"))
        .col_expr(payment::Column::UpdatedAt, Expr::value(now.fixed_offset()))
        .filter(payment::Column::Id.eq(&w.id))
        .filter(payment::Column::Status.eq("pending"))
        .exec(txn)
        .await?;
    // Audited only: the timeline shows the new attempt.
    DossierChange::new(row, by)
        .audit("payment.abandon")
        .detail(serde_json::json!({ "txn_ref": w.txn_ref, "amount_vnd": w.amount_vnd }))
        .record(txn, origin, now)
        .await
}

/// Asks the gateway how each payment still pending after [`PAYMENT_MINUTES`] ended (its IPN
/// never came) and records the answer as an IPN would: paid, failed, or expired when the
/// gateway has no such transaction once the payment page has closed. A missing or unsigned
/// answer leaves the payment pending for the next round. Returns how many were resolved.
pub async fn resolve_pending(
    db: &DatabaseConnection,
    api: &dyn super::vnpay_api::Api,
    config: &VnpayConfig,
    now: DateTime<Utc>,
) -> DomainResult<usize> {
    let waiting = payment::Entity::find()
        .filter(payment::Column::Gateway.eq("vnpay"))
        .filter(payment::Column::Status.eq("pending"))
        .filter(
            payment::Column::CreatedAt
                .lt((now - Duration::minutes(PAYMENT_MINUTES)).fixed_offset()),
        )
        .order_by_asc(payment::Column::CreatedAt)
        .all(db)
        .await?;
    let mut resolved = 0;
    for p in waiting {
        resolved += usize::from(query(db, api, config, &p, now).await?);
    }
    Ok(resolved)
}

/// Asks the gateway how payment `p` ended and records a final answer as its IPN would: paid,
/// failed, or expired when the gateway has no such transaction once the payment page has
/// closed. True when that changed the payment.
async fn query(
    db: &DatabaseConnection,
    api: &dyn super::vnpay_api::Api,
    config: &VnpayConfig,
    p: &payment::Model,
    now: DateTime<Utc>,
) -> DomainResult<bool> {
    let request = super::vnpay_api::request(
        "querydr",
        &config.tmn_code,
        &p.txn_ref,
        &vietnam(p.created_at.with_timezone(&Utc)),
        &vietnam(now),
        "Truy van giao dich",
    )
    .sign(&config.secret);
    let answer = match api.call(request).await {
        Ok(a) => a,
        Err(e) => {
            tracing::warn!(txn_ref = %p.txn_ref, error = %e, "VNPay query failed; retried next round");
            return Ok(false);
        }
    };
    if !answer.verify(&config.secret) || answer.vnp_TxnRef != p.txn_ref {
        tracing::warn!(txn_ref = %p.txn_ref, "VNPay query answer with a bad signature ignored");
        return Ok(false);
    }
    let expired = p.expires_at.with_timezone(&Utc) < now;
    match (
        answer.vnp_ResponseCode.as_str(),
        answer.vnp_TransactionStatus.as_str(),
    ) {
        ("00", "01") => Ok(false),
        ("00", status) => {
            let mut params = BTreeMap::new();
            for (k, v) in [
                ("vnp_TxnRef", answer.vnp_TxnRef.clone()),
                ("vnp_Amount", answer.vnp_Amount.clone()),
                (
                    "vnp_ResponseCode",
                    if status == "00" {
                        "00".to_owned()
                    } else {
                        status.to_owned()
                    },
                ),
                ("vnp_TransactionStatus", status.to_owned()),
                ("vnp_TransactionNo", answer.vnp_TransactionNo.clone()),
                ("vnp_BankCode", answer.vnp_BankCode.clone()),
            ] {
                params.insert(k.to_owned(), v);
            }
            let code = apply_ipn(db, &params, now).await?;
            keep_callback(db, "querydr", &params, true, code, now).await?;
            Ok(code == IpnCode::Confirmed)
        }
        ("91", _) if expired => {
            let changed = payment::Entity::update_many()
                .col_expr(payment::Column::Status, Expr::value("expired"))
                .col_expr(payment::Column::UpdatedAt, Expr::value(now.fixed_offset()))
                .filter(payment::Column::Id.eq(&p.id))
                .filter(payment::Column::Status.eq("pending"))
                .exec(db)
                .await?;
            Ok(changed.rows_affected > 0)
        }
        (code, _) => {
            tracing::info!(txn_ref = %p.txn_ref, code, "VNPay query: not resolved yet");
            Ok(false)
        }
    }
}
