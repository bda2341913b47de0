//! The applicant changes how the result of a filed dossier comes home (*đăng ký nhận kết quả
//! qua bưu chính sau khi nộp*): most people decide on postal return only once they know the
//! result is near, so the choice stays open after filing until the result leaves the desk.
//!
//! Rules: only the dossier's owner; only while it is open or processed (not yet returned) and no
//! parcel is on its way; not while a payment waits for the bank's answer (its amount was the
//! balance before the change). The postal fee comes from the tariff of the day of the change
//! (kept when the parcel's zone does not change), and when it is paid with the fee the fee due
//! follows; what was already paid is never left above what is due, and a fee to pay online is
//! only added while the dossier can still be paid online. A change that does not pass its
//! checks is kept as typed (`delivery_request`) so the page can show it back with its problems.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use crate::access::Actor;
use crate::dossiers::change::{self, DossierChange};
use crate::dossiers::drafts::json;
use crate::dossiers::{checks, lifecycle, Delivery, DeliveryMethod, Status};
use crate::entities::{dossier, payment, shipment};
use crate::error::{DomainError, DomainResult, FieldError};
use crate::payments::{money, online};
use crate::services::Services;

/// Longest text kept in a field of a delivery request.
pub const MAX_TEXT: usize = 300;

/// The statuses in which the way home can still change: open, or processed and waiting to be
/// returned.
fn status_allows(row: &dossier::Model) -> bool {
    Status::from_code(&row.status)
        .is_some_and(|s| s == Status::Processed || lifecycle::OPEN.contains(&s))
}

/// True when the owner of `row` may change how its result is returned now (what the dossier
/// page offers): see the module's rules.
pub fn may_change(
    actor: &Actor,
    row: &dossier::Model,
    shipments: &[shipment::Model],
    payments: &[payment::Model],
    now: DateTime<Utc>,
) -> bool {
    actor.account_id() == Some(row.owner_id.as_str())
        && status_allows(row)
        && super::shipments::live(shipments).is_none()
        && online::pending(payments, now).is_none()
}

/// What the dossier's fee due and postal fee become with `new` instead of what `row` has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fees {
    /// The postal fee frozen for the new choice (`None` when not by post, or no tariff).
    pub postal_fee_vnd: Option<i64>,
    /// The fee due with it.
    pub fee_due_vnd: i64,
}

/// The fees of `new` for `row` on the day of `now`.
pub async fn fees_with<C: ConnectionTrait>(
    db: &C,
    row: &dossier::Model,
    new: &Delivery,
    now: DateTime<Utc>,
) -> DomainResult<Fees> {
    let old = super::shipments::delivery_of(row);
    let agency = row.receiving_agency_code.clone().unwrap_or_default();
    let today = now
        .with_timezone(&crate::dossiers::codes::vietnam())
        .date_naive();
    // The same zone keeps the fee frozen when postal return was first chosen.
    let postal_fee = if new.method == DeliveryMethod::Post
        && old.method == DeliveryMethod::Post
        && old.province == new.province
        && row.postal_fee_vnd.is_some()
    {
        row.postal_fee_vnd
    } else {
        super::tariff::fee_for(db, new, &agency, today).await?
    };
    let due = row.fee_due_vnd.unwrap_or(0) - old.postal_with_fee(row.postal_fee_vnd)
        + new.postal_with_fee(postal_fee);
    Ok(Fees {
        postal_fee_vnd: postal_fee,
        fee_due_vnd: due.max(0),
    })
}

/// Problems of `new` for `row`: the delivery step's checks, an electronic result only where
/// the procedure gives one, and money rules (paid fees stay covered; a balance to pay online
/// only while the dossier can be paid).
async fn problems<C: ConnectionTrait>(
    db: &C,
    row: &dossier::Model,
    electronic_offered: bool,
    new: &Delivery,
    fees_after: Fees,
    payments: &[payment::Model],
) -> DomainResult<Vec<FieldError>> {
    let mut errors = checks::delivery_errors(db, new).await?;
    if new.method == DeliveryMethod::Electronic && !electronic_offered {
        errors.push(FieldError::rule(
            "delivery-method",
            "delivery_electronic_unavailable",
            "this procedure gives no electronic result; choose the desk or the post",
        ));
    }
    if !errors.is_empty() {
        return Ok(errors);
    }
    let paid = money::paid_total(payments);
    if paid > fees_after.fee_due_vnd {
        errors.push(FieldError::rule(
            "delivery-method",
            "postal_fee_paid",
            "the postal fee is already paid; ask the desk to change how the result is returned",
        ));
    } else if fees_after.fee_due_vnd > paid.max(row.fee_due_vnd.unwrap_or(0))
        && !Status::from_code(&row.status).is_some_and(|s| lifecycle::OPEN.contains(&s))
    {
        errors.push(FieldError::rule(
            "delivery-postal_payment",
            "postal_with_fee_closed",
            "the fee can no longer be paid online; choose to pay the postman",
        ));
    }
    Ok(errors)
}

/// What a change did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Changed {
    /// The fee due after it.
    pub fee_due_vnd: i64,
    /// The postal fee frozen for it.
    pub postal_fee_vnd: Option<i64>,
    /// What is left to pay online.
    pub balance_vnd: i64,
}

/// The applicant of dossier `id` asks for its result to come home as `new`. On `Validation`
/// the request is kept as typed (see [`request_of`]); refusals that are not about what was
/// typed use the field `delivery` (`delivery_locked`: returned, on its way, or a payment
/// waiting). Someone else's dossier is `NotFound`.
pub async fn change(
    services: Services<'_>,
    actor: &Actor,
    id: &str,
    new: Delivery,
) -> DomainResult<Changed> {
    let (db, origin, now) = (services.db, services.origin, services.now);
    if matches!(actor, Actor::Anonymous) {
        return Err(DomainError::Unauthorized);
    }
    // What is kept as typed is bounded (a form post could carry anything).
    let clip = |text: &mut String| {
        if text.chars().count() > MAX_TEXT {
            *text = text.chars().take(MAX_TEXT).collect();
        }
    };
    let mut new = new;
    for text in [
        &mut new.recipient,
        &mut new.phone,
        &mut new.province,
        &mut new.commune,
        &mut new.street,
    ] {
        clip(text);
    }
    let txn = crate::db::begin_write(db).await?;
    // Only the owner changes how the result comes home (not a member of their organisation).
    let row = change::lock(&txn, id)
        .await?
        .filter(|r| actor.account_id() == Some(r.owner_id.as_str()))
        .ok_or_else(|| DomainError::NotFound(format!("dossier {id}")))?;
    if row.status == Status::Draft.code() {
        return Err(DomainError::NotFound(format!("dossier {id}")));
    }
    let shipments = super::shipments::of_dossier(&txn, id).await?;
    let payments = online::of_dossier(&txn, id).await?;
    if !may_change(actor, &row, &shipments, &payments, now) {
        return Err(crate::error::invalid(
            "delivery",
            "delivery_locked",
            "the result is returned, on its way, or a payment is waiting for the bank",
        ));
    }
    let loaded = crate::dossiers::drafts::load_unchecked(&txn, id).await?;
    let electronic = loaded.details.channels.iter().any(|c| c == "online");
    let after = fees_with(&txn, &row, &new, now).await?;
    let errors = problems(&txn, &row, electronic, &new, after, &payments).await?;
    if !errors.is_empty() {
        dossier::Entity::update_many()
            .col_expr(
                dossier::Column::DeliveryRequest,
                Expr::value(Some(json(&new)?)),
            )
            .filter(dossier::Column::Id.eq(id))
            .exec(&txn)
            .await?;
        txn.commit().await?;
        return Err(DomainError::Validation(errors));
    }
    let stamp = now.fixed_offset();
    dossier::Entity::update_many()
        .col_expr(dossier::Column::Delivery, Expr::value(json(&new)?))
        .col_expr(
            dossier::Column::DeliveryRequest,
            Expr::value(Option::<serde_json::Value>::None),
        )
        .col_expr(
            dossier::Column::PostalFeeVnd,
            Expr::value(after.postal_fee_vnd),
        )
        .col_expr(dossier::Column::FeeDueVnd, Expr::value(after.fee_due_vnd))
        .col_expr(dossier::Column::UpdatedAt, Expr::value(stamp))
        .col_expr(dossier::Column::Revision, Expr::value(row.revision + 1))
        .filter(dossier::Column::Id.eq(id))
        .exec(&txn)
        .await?;
    let method = json(&new.method)?;
    // No notice: the applicant made the change.
    DossierChange::new(&row, actor)
        .event("delivery_changed")
        .data(serde_json::json!({
            "method": method,
            "postal_payment": new.postal_payment.code(),
            "postal_fee_vnd": after.postal_fee_vnd,
            "fee_due_vnd": after.fee_due_vnd,
        }))
        .audit("dossier.delivery_change")
        .detail(serde_json::json!({
            "method": method,
            "postal_fee_vnd": after.postal_fee_vnd,
            "fee_due_vnd": after.fee_due_vnd,
        }))
        .record(&txn, origin, now)
        .await?;
    txn.commit().await?;
    Ok(Changed {
        fee_due_vnd: after.fee_due_vnd,
        postal_fee_vnd: after.postal_fee_vnd,
        balance_vnd: money::balance(Some(after.fee_due_vnd), &payments),
    })
}

/// The change the applicant typed that did not pass its checks yet, if any.
pub fn request_of(row: &dossier::Model) -> Option<Delivery> {
    row.delivery_request
        .clone()
        .and_then(|v| serde_json::from_value(v).ok())
}

/// The problems of the kept request of `row` (what the page lists next to the fields).
pub async fn request_problems<C: ConnectionTrait>(
    db: &C,
    row: &dossier::Model,
    electronic_offered: bool,
    now: DateTime<Utc>,
) -> DomainResult<Vec<FieldError>> {
    let Some(new) = request_of(row) else {
        return Ok(Vec::new());
    };
    let payments = online::of_dossier(db, &row.id).await?;
    let after = fees_with(db, row, &new, now).await?;
    problems(db, row, electronic_offered, &new, after, &payments).await
}
