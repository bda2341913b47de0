//! Fees added by staff while a dossier is processed (*phí phát sinh*: a survey, extra copies, a
//! measurement the procedure charges for once the case is known). The amount raises the
//! dossier's fee due; the applicant is told and pays the balance online — the portal always
//! asks for what is due minus what was paid, never an amount from the browser.
//!
//! The desk also corrects the quantity a per-unit fee was declared for (3 copies asked, 2
//! papers given): the fee is recomputed by the procedure's rule, never typed.

use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::access::{Actor, Role};
use crate::dossiers::change::{self, AuditAgency, DossierChange};
use crate::dossiers::{lifecycle, Status};
use crate::entities::dossier;
use crate::error::{invalid, DomainError, DomainResult, FieldError};
use crate::services::Services;

/// Smallest extra fee, in đồng.
pub const MIN_VND: i64 = 1_000;
/// Largest extra fee, in đồng (a typo guard; larger charges are not set this way).
pub const MAX_VND: i64 = 100_000_000;
/// Longest reason.
pub const MAX_REASON: usize = 500;

/// True when `actor` may add a fee to `row`: a specialist or leader of the agency holding it,
/// or the receiving desk.
pub fn may_add(actor: &Actor, row: &dossier::Model) -> bool {
    match actor {
        Actor::Staff {
            agency_code, roles, ..
        } => {
            let holding = row
                .holding_agency_code
                .as_deref()
                .or(row.receiving_agency_code.as_deref());
            (holding == Some(agency_code.as_str())
                && roles
                    .iter()
                    .any(|r| matches!(r, Role::Specialist | Role::Leader)))
                || (row.receiving_agency_code.as_deref() == Some(agency_code.as_str())
                    && roles.contains(&Role::IntakeClerk))
        }
        _ => false,
    }
}

/// True while `row` can still be charged: it is open.
fn is_open(row: &dossier::Model) -> bool {
    Status::from_code(&row.status).is_some_and(|s| lifecycle::OPEN.contains(&s))
}

/// True when `actor` may add a fee to `row` now (what the staff page offers).
pub fn offered(actor: &Actor, row: &dossier::Model) -> bool {
    may_add(actor, row) && is_open(row)
}

/// Adds `reason_required` to `errors` when `reason` (trimmed) is empty or too long; `what`
/// says what it must tell.
fn check_reason(reason: &str, what: &str, errors: &mut Vec<FieldError>) {
    if reason.is_empty() || reason.chars().count() > MAX_REASON {
        errors.push(FieldError::rule(
            "reason",
            "reason_required",
            format!("{what} (at most 500 characters)"),
        ));
    }
}

/// The checks every fee change shares, in order: dossier `id` locked for `actor`, who may
/// charge it (`Forbidden` otherwise), still open (`fee_closed` on `field`), then the change's
/// own field `errors`.
async fn locked_for_fee<C: sea_orm::ConnectionTrait>(
    txn: &C,
    actor: &Actor,
    id: &str,
    field: &str,
    errors: Vec<FieldError>,
) -> DomainResult<dossier::Model> {
    let row = change::lock_for_change(txn, actor, id).await?;
    if !may_add(actor, &row) {
        return Err(DomainError::Forbidden("fee".into()));
    }
    if !is_open(&row) {
        return Err(invalid(
            field,
            "fee_closed",
            "the dossier is no longer open",
        ));
    }
    if !errors.is_empty() {
        return Err(DomainError::Validation(errors));
    }
    Ok(row)
}

/// Adds `amount_vnd` for `reason` to dossier `id`'s fee due; returns the new fee due.
/// Refusals: `Validation` naming `amount` (`fee_amount_range`) or `reason` (`reason_required`),
/// or `fee_closed` when the dossier is no longer open; `Forbidden` for other staff.
pub async fn add_extra(
    services: Services<'_>,
    actor: &Actor,
    id: &str,
    amount_vnd: i64,
    reason: &str,
) -> DomainResult<i64> {
    let (db, mailing, origin, now) = (services.db, services.mailing, services.origin, services.now);
    if matches!(actor, Actor::Anonymous) {
        return Err(DomainError::Unauthorized);
    }
    let reason = reason.trim();
    let mut errors = Vec::new();
    if !(MIN_VND..=MAX_VND).contains(&amount_vnd) {
        errors.push(FieldError::rule(
            "amount",
            "fee_amount_range",
            "an amount from 1,000 to 100,000,000 đồng",
        ));
    }
    check_reason(reason, "say what the fee is for", &mut errors);
    let txn = crate::db::begin_write(db).await?;
    let row = locked_for_fee(&txn, actor, id, "amount", errors).await?;
    let due = row.fee_due_vnd.unwrap_or(0) + amount_vnd;
    dossier::Entity::update_many()
        .col_expr(dossier::Column::FeeDueVnd, Expr::value(due))
        .col_expr(dossier::Column::UpdatedAt, Expr::value(now.fixed_offset()))
        .col_expr(dossier::Column::Revision, Expr::value(row.revision + 1))
        .filter(dossier::Column::Id.eq(id))
        .exec(&txn)
        .await?;
    DossierChange::new(&row, actor)
        .event("fee_added")
        .public_note(reason)
        .data(serde_json::json!({ "amount_vnd": amount_vnd, "fee_due_vnd": due }))
        .audit("dossier.fee_add")
        .audit_agency(AuditAgency::Holding)
        .detail(serde_json::json!({
            "amount_vnd": amount_vnd, "fee_due_vnd": due, "reason": reason,
        }))
        .notify(mailing, "fee_added", reason, None)
        .record(&txn, origin, now)
        .await?;
    txn.commit().await?;
    Ok(due)
}

/// The quantity the fee of `loaded` is charged for, when its rule counts one (a per-unit fee),
/// with the unit.
pub fn charged_quantity(loaded: &crate::dossiers::Loaded) -> Option<(i64, String)> {
    super::quote::lines(loaded)
        .into_iter()
        .find_map(|l| l.per.map(|per| (l.quantity, per)))
}

/// The quantity dossier `id`'s fee is charged for and its unit, for staff who may correct
/// it now (`None` otherwise, or when the fee is not per unit).
pub async fn correctable_quantity(
    db: &sea_orm::DatabaseConnection,
    actor: &Actor,
    id: &str,
) -> DomainResult<Option<(i64, String)>> {
    let row = change::readable(db, actor, id).await?;
    if !offered(actor, &row) {
        return Ok(None);
    }
    let loaded = crate::dossiers::drafts::load_unchecked(db, id).await?;
    Ok(charged_quantity(&loaded))
}

/// Sets the quantity dossier `id`'s per-unit fee is charged for to `quantity`, for `reason`;
/// the fee due follows the rule (extra fees and postage kept). Returns the new fee due.
/// Refusals as [`add_extra`], plus `fee_quantity_range` and `fee_no_quantity` (a fee not
/// charged per unit).
pub async fn correct_quantity(
    services: Services<'_>,
    actor: &Actor,
    id: &str,
    quantity: i64,
    reason: &str,
) -> DomainResult<i64> {
    let (db, mailing, origin, now) = (services.db, services.mailing, services.origin, services.now);
    if matches!(actor, Actor::Anonymous) {
        return Err(DomainError::Unauthorized);
    }
    let reason = reason.trim();
    let mut errors = Vec::new();
    if !(1..=super::fee_rules::MAX_QUANTITY).contains(&quantity) {
        errors.push(FieldError::rule(
            "quantity",
            "fee_quantity_range",
            "a whole number from 1 to 1,000",
        ));
    }
    check_reason(reason, "say why the quantity changes", &mut errors);
    let txn = crate::db::begin_write(db).await?;
    let row = locked_for_fee(&txn, actor, id, "quantity", errors).await?;
    let mut loaded = crate::dossiers::drafts::load_unchecked(&txn, id).await?;
    let Some((before, _)) = charged_quantity(&loaded) else {
        return Err(invalid(
            "quantity",
            "fee_no_quantity",
            "this procedure's fee is not charged per copy, page or item",
        ));
    };
    let day = now
        .with_timezone(&crate::dossiers::codes::vietnam())
        .date_naive();
    let old_fee = super::quote::shown(&txn, &loaded, day).await?.fee_vnd();
    let mut answers = loaded.dossier.answers.clone();
    if let Some(map) = answers.as_object_mut() {
        map.insert(
            super::fee_rules::CORRECTED_KEY.to_owned(),
            serde_json::json!(quantity),
        );
    }
    loaded.dossier.answers = answers.clone();
    let new_fee = super::quote::shown(&txn, &loaded, day).await?.fee_vnd();
    let due = (row.fee_due_vnd.unwrap_or(0) - old_fee + new_fee).max(0);
    dossier::Entity::update_many()
        .col_expr(dossier::Column::Answers, Expr::value(answers))
        .col_expr(dossier::Column::FeeDueVnd, Expr::value(due))
        .col_expr(dossier::Column::UpdatedAt, Expr::value(now.fixed_offset()))
        .col_expr(dossier::Column::Revision, Expr::value(row.revision + 1))
        .filter(dossier::Column::Id.eq(id))
        .exec(&txn)
        .await?;
    let detail = serde_json::json!({
        "from": before, "to": quantity, "fee_vnd": new_fee, "fee_due_vnd": due,
    });
    DossierChange::new(&row, actor)
        .event("fee_quantity_corrected")
        .public_note(reason)
        .data(detail.clone())
        .audit("dossier.fee_quantity")
        .audit_agency(AuditAgency::Holding)
        .detail(serde_json::json!({ "change": detail, "reason": reason }))
        .notify(mailing, "fee_quantity_corrected", reason, None)
        .record(&txn, origin, now)
        .await?;
    // A lower fee than was paid: the difference is owed back.
    let mut lowered = row.clone();
    lowered.fee_due_vnd = Some(due);
    super::refund_orders::open_owed(&txn, &lowered, Some(mailing), origin, now).await?;
    txn.commit().await?;
    Ok(due)
}
