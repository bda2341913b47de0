//! Refund orders: money an applicant is owed and that no gateway refund call returns — a
//! VietQR transfer or cash for a dossier that ended without a result, an overpayment after
//! the fee was lowered, a second payment through a channel other than VNPay. The order waits
//! for the applicant's bank account (given on the dossier page), goes to the collecting bank
//! through [`Payouts`], and is done when the bank's signed result says the money arrived.
//! Orders the bank could not take are tried again by the housekeeping rounds with back-off; a
//! stuck one is shown to the desk, who can send it again at once. Every step is a public
//! event on the dossier, audited, and told to the applicant.
//!
//! VNPay payments keep their own refund call (`refunds`) while no order exists for the
//! dossier; once one does, every refund of it is an order, so no money is returned twice.

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
};

use super::payouts::{self, PayoutRequest, PayoutResult, Payouts};
use crate::access::{Actor, Role};
use crate::accounts::Mailing;
use crate::audit::Origin;
use crate::dossiers::change::{self, By, DossierChange};
use crate::dossiers::Status;
use crate::entities::{dossier, payment, refund_order};
use crate::error::{DomainError, DomainResult, FieldError};
use crate::services::Services;

pub mod statement;
#[cfg(test)]
mod tests;

/// Waiting for the applicant's bank account (or its correction).
pub const AWAITING_ACCOUNT: &str = "awaiting_account";
/// Account given; to be sent to the bank.
pub const QUEUED: &str = "queued";
/// Accepted by the bank; waiting for its result.
pub const SENT: &str = "sent";
/// Paid into the account.
pub const COMPLETED: &str = "completed";

/// Sends after which an order counts as stuck (the desk sees it and may send it again).
pub const STUCK_AFTER_ATTEMPTS: i32 = 5;
/// Hours an accepted order may wait for the bank's result before it counts as stuck.
pub const STUCK_AFTER_HOURS: i64 = 24;

/// What the dossier's payments hold beyond what it keeps, less what is being returned
/// already: the amount a new order is for (0 when nothing is owed).
///
/// Held money is every `paid` or `duplicate` payment. A dossier that ended without a result
/// keeps nothing; otherwise it keeps its fee due. While no order exists, VNPay payments the
/// desk refunds through the gateway (a duplicate, or the paid fee of an ended dossier) are
/// left to that call.
pub fn owed(
    status: &str,
    fee_due: Option<i64>,
    payments: &[payment::Model],
    orders: &[refund_order::Model],
) -> i64 {
    let ended = ended(status);
    let held: i64 = payments
        .iter()
        .filter(|p| p.status == "paid" || p.status == "duplicate")
        .map(|p| p.amount_vnd)
        .sum();
    let keep = if ended {
        0
    } else {
        fee_due.unwrap_or(0).max(0)
    };
    let ordered: i64 = orders.iter().map(|o| o.amount_vnd).sum();
    let by_gateway: i64 = if orders.is_empty() {
        payments
            .iter()
            .filter(|p| p.gateway == "vnpay")
            .filter(|p| p.status == "duplicate" || (p.status == "paid" && ended))
            .map(|p| p.amount_vnd)
            .sum()
    } else {
        0
    };
    (held - keep - ordered - by_gateway).max(0)
}

/// True when a dossier in `status` ended without a result (it keeps no fee).
pub(crate) fn ended(status: &str) -> bool {
    [Status::Refused, Status::Stopped, Status::Withdrawn]
        .iter()
        .any(|s| s.code() == status)
}

/// The orders of dossier `id`, oldest first.
pub async fn of_dossier<C: ConnectionTrait>(
    db: &C,
    id: &str,
) -> DomainResult<Vec<refund_order::Model>> {
    Ok(refund_order::Entity::find()
        .filter(refund_order::Column::DossierId.eq(id))
        .order_by_asc(refund_order::Column::CreatedAt)
        .all(db)
        .await?)
}

/// The last four digits of an account number (all that pages, notices and events show).
fn last_four(number: &str) -> &str {
    &number[number.len().saturating_sub(4)..]
}

/// The account `order` is paid to as people recognise it without the full number
/// ("BIDV …8901"), once given.
pub fn account_of(order: &refund_order::Model) -> Option<String> {
    let number = order.account_number.as_deref()?;
    let bank = order
        .bank_bin
        .as_deref()
        .and_then(payouts::bank_name)
        .unwrap_or_default();
    Some(format!("{bank} …{}", last_four(number)))
}

/// The bank's refusal the applicant must act on: set only while the order is back waiting
/// for an account.
pub fn problem_of(order: &refund_order::Model) -> Option<String> {
    (order.status == AWAITING_ACCOUNT)
        .then(|| order.last_error.clone())
        .flatten()
}

/// True when `actor` may ask for refunds of `row`'s fees, or send its refund orders again: an
/// intake clerk or leader of the agency that received it.
pub fn may_refund(actor: &Actor, row: &dossier::Model) -> bool {
    matches!(actor, Actor::Staff { agency_code, roles, .. }
        if row.receiving_agency_code.as_deref() == Some(agency_code.as_str())
            && roles.iter().any(|r| matches!(r, Role::IntakeClerk | Role::Leader)))
}

/// True when `order` needs the desk: sent many times without the bank taking it, or taken
/// and not settled for a day.
pub fn is_stuck(order: &refund_order::Model, now: DateTime<Utc>) -> bool {
    (order.status == QUEUED && order.attempts >= STUCK_AFTER_ATTEMPTS)
        || (order.status == SENT
            && order.sent_at.is_some_and(|at| {
                now - at.with_timezone(&Utc) > Duration::hours(STUCK_AFTER_HOURS)
            }))
}

/// Opens an order for what dossier `row` is owed now, if anything (inside the caller's
/// transaction, after the change that made it owed; `row` as that change left it). The
/// applicant is told to give a bank account — at once with `mailing`, else (a payment
/// gateway's callback has none) by the next round of [`tell_opened`]; an account given for an
/// earlier order of the dossier is used again.
pub async fn open_owed<C: ConnectionTrait>(
    txn: &C,
    row: &dossier::Model,
    mailing: Option<Mailing<'_>>,
    origin: &Origin,
    now: DateTime<Utc>,
) -> DomainResult<Option<refund_order::Model>> {
    let payments = super::online::of_dossier(txn, &row.id).await?;
    let orders = of_dossier(txn, &row.id).await?;
    let amount = owed(&row.status, row.fee_due_vnd, &payments, &orders);
    if amount <= 0 {
        return Ok(None);
    }
    let known = orders.iter().rev().find(|o| o.account_number.is_some());
    let status = if known.is_some() {
        QUEUED
    } else {
        AWAITING_ACCOUNT
    };
    let order = refund_order::Model {
        id: uuid::Uuid::new_v4().to_string(),
        dossier_id: row.id.clone(),
        reference: format!(
            "HT{}",
            &uuid::Uuid::new_v4().simple().to_string()[..14].to_uppercase()
        ),
        amount_vnd: amount,
        reason: if ended(&row.status) {
            "ended"
        } else {
            "overpaid"
        }
        .to_owned(),
        status: status.to_owned(),
        bank_bin: known.and_then(|o| o.bank_bin.clone()),
        account_number: known.and_then(|o| o.account_number.clone()),
        account_name: known.and_then(|o| o.account_name.clone()),
        attempts: 0,
        last_error: None,
        next_attempt_at: Some(now.fixed_offset()),
        bank_ref: None,
        created_at: now.fixed_offset(),
        updated_at: now.fixed_offset(),
        sent_at: None,
        completed_at: None,
        confirmed_at: None,
        told_at: mailing.map(|_| now.fixed_offset()),
    };
    refund_order::Entity::insert(refund_order::ActiveModel::from(order.clone()))
        .exec_without_returning(txn)
        .await?;
    let what = if known.is_some() {
        "refund_order_queued"
    } else {
        "refund_order_opened"
    };
    let mut change = DossierChange::new(row, By::Party("system"))
        .event(what)
        .data(serde_json::json!({ "amount_vnd": amount, "reference": order.reference, "reason": order.reason }))
        .audit("refund.open")
        .detail(serde_json::json!({ "amount_vnd": amount, "reference": order.reference }));
    if let Some(mailing) = mailing {
        change = change.notify(mailing, what, "", None);
    }
    change.record(txn, origin, now).await?;
    Ok(Some(order))
}

/// Tells the applicants of orders opened without a notice (by a payment gateway's callback,
/// which has no mailing) that money is owed to them, once each. Returns how many were told.
pub async fn tell_opened(
    db: &DatabaseConnection,
    mailing: Mailing<'_>,
    now: DateTime<Utc>,
) -> DomainResult<usize> {
    let untold = refund_order::Entity::find()
        .filter(refund_order::Column::ToldAt.is_null())
        .order_by_asc(refund_order::Column::CreatedAt)
        .all(db)
        .await?;
    let mut told = 0;
    for order in untold {
        let txn = crate::db::begin_write(db).await?;
        let claimed = refund_order::Entity::update_many()
            .col_expr(
                refund_order::Column::ToldAt,
                Expr::value(Some(now.fixed_offset())),
            )
            .filter(refund_order::Column::Id.eq(&order.id))
            .filter(refund_order::Column::ToldAt.is_null())
            .exec(&txn)
            .await?
            .rows_affected;
        let Some(row) = change::lock(&txn, &order.dossier_id).await? else {
            continue;
        };
        if claimed != 1 {
            continue;
        }
        // Told what the order is now: it may have its account already.
        let what = match order.status.as_str() {
            AWAITING_ACCOUNT => "refund_order_opened",
            COMPLETED => "refund_completed",
            _ => "refund_order_queued",
        };
        DossierChange::new(&row, By::Party("system"))
            .notify(mailing, what, "", None)
            .record(&txn, &Origin::default(), now)
            .await?;
        txn.commit().await?;
        told += 1;
    }
    Ok(told)
}

/// A bank account as the applicant typed it, checked and put in the bank's form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Account {
    /// Bank BIN (from [`payouts::BANKS`]).
    pub bank_bin: String,
    /// Digits only.
    pub number: String,
    /// Upper case without diacritics.
    pub name: String,
}

/// Checks an account typed on the dossier page; every problem names its field.
pub fn check_account(bank_bin: &str, number: &str, name: &str) -> DomainResult<Account> {
    let number: String = number
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '.' && *c != '-')
        .collect();
    let name = crate::text::fold(name).to_uppercase();
    let mut errors = Vec::new();
    if payouts::bank_name(bank_bin.trim()).is_none() {
        errors.push(FieldError::rule(
            "refund-bank",
            "refund_bank_unknown",
            "choose the bank from the list",
        ));
    }
    if !(6..=19).contains(&number.len()) || !number.bytes().all(|b| b.is_ascii_digit()) {
        errors.push(FieldError::rule(
            "refund-account",
            "refund_account_number",
            "an account number of 6 to 19 digits",
        ));
    }
    if name.is_empty()
        || name.len() > 100
        || !name.chars().all(|c| c.is_ascii_alphabetic() || c == ' ')
    {
        errors.push(FieldError::rule(
            "refund-name",
            "refund_account_name",
            "the account holder's name as the bank shows it (letters only)",
        ));
    }
    if !errors.is_empty() {
        return Err(DomainError::Validation(errors));
    }
    Ok(Account {
        bank_bin: bank_bin.trim().to_owned(),
        number,
        name,
    })
}

/// The owner of dossier `id` gives (or corrects) the bank account its orders waiting for one
/// are paid to; they are queued to be sent. Returns how many orders were queued.
pub async fn give_account(
    services: Services<'_>,
    actor: &Actor,
    id: &str,
    account: &Account,
) -> DomainResult<usize> {
    let (db, origin, now) = (services.db, services.origin, services.now);
    let txn = crate::db::begin_write(db).await?;
    let row = change::lock_for_change(&txn, actor, id).await?;
    if actor.account_id() != Some(row.owner_id.as_str()) {
        return Err(DomainError::Forbidden("refund account".into()));
    }
    let waiting = refund_order::Entity::update_many()
        .col_expr(refund_order::Column::Status, Expr::value(QUEUED))
        .col_expr(
            refund_order::Column::BankBin,
            Expr::value(account.bank_bin.clone()),
        )
        .col_expr(
            refund_order::Column::AccountNumber,
            Expr::value(account.number.clone()),
        )
        .col_expr(
            refund_order::Column::AccountName,
            Expr::value(account.name.clone()),
        )
        .col_expr(
            refund_order::Column::LastError,
            Expr::value(Option::<String>::None),
        )
        .col_expr(
            refund_order::Column::NextAttemptAt,
            Expr::value(now.fixed_offset()),
        )
        .col_expr(
            refund_order::Column::UpdatedAt,
            Expr::value(now.fixed_offset()),
        )
        .filter(refund_order::Column::DossierId.eq(id))
        .filter(refund_order::Column::Status.eq(AWAITING_ACCOUNT))
        .exec(&txn)
        .await?
        .rows_affected;
    if waiting == 0 {
        return Err(crate::error::invalid(
            "refund-account",
            "refund_nothing_waiting",
            "no refund is waiting for an account",
        ));
    }
    let masked = format!("…{}", last_four(&account.number));
    DossierChange::new(&row, actor)
        .event("refund_account_given")
        .data(serde_json::json!({ "bank": payouts::bank_name(&account.bank_bin), "account": masked }))
        .audit("refund.account")
        .detail(serde_json::json!({ "bank_bin": account.bank_bin, "account": masked, "orders": waiting }))
        .record(&txn, origin, now)
        .await?;
    txn.commit().await?;
    Ok(waiting as usize)
}

/// Sends dossier orders that are due (queued, their time come) to the bank; returns how many
/// the bank accepted. Safe on several instances: each order is claimed by moving its next
/// attempt on before the call.
pub async fn send_due(
    db: &DatabaseConnection,
    bank: &dyn Payouts,
    mailing: Mailing<'_>,
    now: DateTime<Utc>,
) -> DomainResult<usize> {
    let due = refund_order::Entity::find()
        .filter(refund_order::Column::Status.eq(QUEUED))
        .filter(refund_order::Column::NextAttemptAt.lte(now.fixed_offset()))
        .all(db)
        .await?;
    let mut accepted = 0;
    for order in due {
        if send_one(db, bank, mailing, &order, now).await? {
            accepted += 1;
        }
    }
    Ok(accepted)
}

/// The wait before send number `attempts + 1`: 1, 2, 4… minutes, at most 6 hours.
fn back_off(attempts: i32) -> Duration {
    Duration::minutes((1i64 << attempts.clamp(0, 9)).min(360))
}

async fn send_one(
    db: &DatabaseConnection,
    bank: &dyn Payouts,
    mailing: Mailing<'_>,
    order: &refund_order::Model,
    now: DateTime<Utc>,
) -> DomainResult<bool> {
    // Claim: only the instance that moves the attempt time on sends it.
    let claimed = refund_order::Entity::update_many()
        .col_expr(
            refund_order::Column::NextAttemptAt,
            Expr::value((now + back_off(order.attempts)).fixed_offset()),
        )
        .col_expr(
            refund_order::Column::Attempts,
            Expr::value(order.attempts + 1),
        )
        .filter(refund_order::Column::Id.eq(&order.id))
        .filter(refund_order::Column::Status.eq(QUEUED))
        .filter(refund_order::Column::Attempts.eq(order.attempts))
        .exec(db)
        .await?
        .rows_affected;
    if claimed != 1 {
        return Ok(false);
    }
    let request = PayoutRequest {
        reference: order.reference.clone(),
        amount_vnd: order.amount_vnd,
        bank_bin: order.bank_bin.clone().unwrap_or_default(),
        account_number: order.account_number.clone().unwrap_or_default(),
        account_name: order.account_name.clone().unwrap_or_default(),
        description: format!("Hoan phi le phi {}", order.reference),
    };
    let answer = bank.send(&request).await;
    let txn = crate::db::begin_write(db).await?;
    let Some(row) = change::lock(&txn, &order.dossier_id).await? else {
        return Err(DomainError::Internal(format!(
            "order {} without dossier",
            order.id
        )));
    };
    let mut update = refund_order::Entity::update_many()
        .col_expr(
            refund_order::Column::UpdatedAt,
            Expr::value(now.fixed_offset()),
        )
        .filter(refund_order::Column::Id.eq(&order.id))
        .filter(refund_order::Column::Status.eq(QUEUED));
    let accepted = match &answer {
        Ok(a) if a.accepted() => {
            update = update
                .col_expr(refund_order::Column::Status, Expr::value(SENT))
                .col_expr(
                    refund_order::Column::BankRef,
                    Expr::value(a.bank_ref.clone()),
                )
                .col_expr(
                    refund_order::Column::SentAt,
                    Expr::value(now.fixed_offset()),
                )
                .col_expr(
                    refund_order::Column::LastError,
                    Expr::value(Option::<String>::None),
                );
            true
        }
        Ok(a) if a.account_refused() => {
            update = update
                .col_expr(refund_order::Column::Status, Expr::value(AWAITING_ACCOUNT))
                .col_expr(
                    refund_order::Column::LastError,
                    Expr::value(Some(format!("{}: {}", a.code, a.message))),
                );
            false
        }
        Ok(a) => {
            update = update.col_expr(
                refund_order::Column::LastError,
                Expr::value(Some(format!("{}: {}", a.code, a.message))),
            );
            false
        }
        Err(e) => {
            update = update.col_expr(
                refund_order::Column::LastError,
                Expr::value(Some(e.clone())),
            );
            false
        }
    };
    update.exec(&txn).await?;
    let refused = matches!(&answer, Ok(a) if a.account_refused());
    let outcome = match &answer {
        Ok(a) => serde_json::json!({ "code": a.code, "message": a.message }),
        Err(e) => serde_json::json!({ "error": e }),
    };
    let mut change = DossierChange::new(&row, By::Party("bank"))
        .audit("refund.send")
        .detail(serde_json::json!({ "reference": order.reference, "outcome": outcome }));
    if refused {
        change = change
            .event("refund_account_refused")
            .data(serde_json::json!({ "reference": order.reference }))
            .notify(mailing, "refund_account_refused", "", None);
    }
    change.record(&txn, &Origin::default(), now).await?;
    txn.commit().await?;
    Ok(accepted)
}

/// What the portal answers the bank's result notice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResultAnswer {
    /// Applied (or already applied: a replay changes nothing).
    Done,
    /// The signature does not match.
    BadSignature,
    /// No order has this reference.
    Unknown,
}

/// Applies the bank's signed result notice `body`: the money arrived (the order is done) or
/// the receiving bank refused it (the applicant is asked to check the account).
pub async fn on_result(
    db: &DatabaseConnection,
    secret: &str,
    body: &[u8],
    signature: &str,
    mailing: Mailing<'_>,
    now: DateTime<Utc>,
) -> DomainResult<ResultAnswer> {
    if !super::vietqr::verify(secret, body, signature) {
        return Ok(ResultAnswer::BadSignature);
    }
    let Ok(result) = serde_json::from_slice::<PayoutResult>(body) else {
        return Ok(ResultAnswer::Unknown);
    };
    let Some(order) = refund_order::Entity::find()
        .filter(refund_order::Column::Reference.eq(&result.reference))
        .one(db)
        .await?
    else {
        return Ok(ResultAnswer::Unknown);
    };
    Ok(
        if settle(db, &order, &result, "notice", mailing, now).await? {
            ResultAnswer::Done
        } else {
            ResultAnswer::Unknown
        },
    )
}

/// Applies a payout's `result` to `order` — from the bank's notice, or from the statement when
/// the notice never came (`via`): paid (the order is done) or refused by the receiving bank
/// (the applicant is asked to check the account). An order already done, or waiting for an
/// account, is left as it is (a replay changes nothing). False when the dossier is gone.
pub(crate) async fn settle(
    db: &DatabaseConnection,
    order: &refund_order::Model,
    result: &PayoutResult,
    via: &str,
    mailing: Mailing<'_>,
    now: DateTime<Utc>,
) -> DomainResult<bool> {
    let txn = crate::db::begin_write(db).await?;
    let Some(order) = refund_order::Entity::find_by_id(order.id.clone())
        .one(&txn)
        .await?
    else {
        return Ok(false);
    };
    if order.status == COMPLETED || order.status == AWAITING_ACCOUNT {
        return Ok(true);
    }
    let Some(row) = change::lock(&txn, &order.dossier_id).await? else {
        return Ok(false);
    };
    let completed = result.status == "completed";
    let update = refund_order::Entity::update_many()
        .col_expr(
            refund_order::Column::UpdatedAt,
            Expr::value(now.fixed_offset()),
        )
        .col_expr(
            refund_order::Column::BankRef,
            Expr::value(Some(result.bank_ref.clone())),
        )
        .filter(refund_order::Column::Id.eq(&order.id))
        // A notice and the statement (or two notices) at once: only one moves the order.
        .filter(refund_order::Column::Status.is_not_in([COMPLETED, AWAITING_ACCOUNT]));
    let update = if completed {
        update
            .col_expr(refund_order::Column::Status, Expr::value(COMPLETED))
            .col_expr(
                refund_order::Column::CompletedAt,
                Expr::value(result.at.fixed_offset()),
            )
            .col_expr(
                refund_order::Column::LastError,
                Expr::value(Option::<String>::None),
            )
    } else {
        update
            .col_expr(refund_order::Column::Status, Expr::value(AWAITING_ACCOUNT))
            .col_expr(
                refund_order::Column::LastError,
                Expr::value(Some(result.message.clone())),
            )
    };
    if update.exec(&txn).await?.rows_affected != 1 {
        return Ok(true);
    }
    let what = if completed {
        "refund_completed"
    } else {
        "refund_account_refused"
    };
    DossierChange::new(&row, By::Party("bank"))
        .event(what)
        .data(serde_json::json!({ "amount_vnd": order.amount_vnd, "reference": order.reference }))
        .audit("refund.result")
        .detail(serde_json::json!({ "reference": order.reference, "status": result.status, "message": result.message, "via": via }))
        .notify(mailing, what, "", None)
        .record(&txn, &Origin::default(), now)
        .await?;
    txn.commit().await?;
    Ok(true)
}

/// The desk (an intake clerk or leader of the receiving agency) sends a queued order again
/// now, e.g. once the bank is back.
pub async fn send_again(
    services: Services<'_>,
    bank: &dyn Payouts,
    actor: &Actor,
    order_id: &str,
) -> DomainResult<bool> {
    let (db, now) = (services.db, services.now);
    let order = refund_order::Entity::find_by_id(order_id.to_owned())
        .one(db)
        .await?
        .ok_or_else(|| DomainError::NotFound(format!("refund order {order_id}")))?;
    let row = change::readable(db, actor, &order.dossier_id).await?;
    if !may_refund(actor, &row) {
        return Err(DomainError::Forbidden("refund".into()));
    }
    if order.status != QUEUED {
        return Err(crate::error::invalid(
            "refund",
            "refund_not_queued",
            "only an order waiting to be sent can be sent again",
        ));
    }
    send_one(db, bank, services.mailing, &order, now).await
}
