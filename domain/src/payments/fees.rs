//! Fees added by staff while a dossier is processed (*phí phát sinh*: a survey, extra copies, a
//! measurement the procedure charges for once the case is known). The amount raises the
//! dossier's fee due; the applicant is told and pays the balance online — the portal always
//! asks for what is due minus what was paid, never an amount from the browser.

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
    if reason.is_empty() || reason.chars().count() > MAX_REASON {
        errors.push(FieldError::rule(
            "reason",
            "reason_required",
            "say what the fee is for (at most 500 characters)",
        ));
    }
    let txn = crate::db::begin_write(db).await?;
    let row = change::lock_for_change(&txn, actor, id).await?;
    if !may_add(actor, &row) {
        return Err(DomainError::Forbidden("fee".into()));
    }
    if !is_open(&row) {
        return Err(invalid(
            "amount",
            "fee_closed",
            "the dossier is no longer open",
        ));
    }
    if !errors.is_empty() {
        return Err(DomainError::Validation(errors));
    }
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
