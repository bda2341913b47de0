//! Filing a draft: one transaction that checks every step again, takes the dossier code, freezes
//! the procedure version and the fee due, sets status 1 (submitted), opens the timeline, writes
//! the audit entry and queues the confirmation e-mail.
//!
//! Idempotent: a double click, a retry after a lost answer, or the same draft submitted from two
//! tabs all end with one dossier and one code; the later calls get the code already given.

use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use serde::Serialize;

use super::change::{AuditAgency, By, DossierChange};
use super::checks::{self, files_per_slot};
use super::codes::{self, vietnam};
use super::{drafts, owned_by, Loaded, Status};
use crate::access::Actor;
use crate::accounts::Notice;
use crate::entities::dossier;
use crate::error::{DomainError, DomainResult, FieldError};
use crate::services::Services;

/// A filed dossier.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Submitted {
    /// Dossier id.
    pub id: String,
    /// Its code.
    pub code: String,
    /// True when it had already been filed by an earlier call.
    pub already: bool,
}

/// The names staff search a dossier by (applicant and the person it is for), folded.
pub fn applicant_search(loaded: &Loaded) -> String {
    let a = loaded.applicant();
    crate::text::fold(&format!("{} {}", a.full_name, a.subject_name))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The code of a dossier that is already filed.
async fn existing(db: &DatabaseConnection, actor: &Actor, id: &str) -> DomainResult<Submitted> {
    let loaded = drafts::load(db, actor, id).await?;
    match (loaded.status, loaded.dossier.code) {
        (Status::Draft, _) | (_, None) => Err(DomainError::Conflict(
            "dossier changed during submission".into(),
        )),
        (_, Some(code)) => Ok(Submitted {
            id: id.to_owned(),
            code,
            already: true,
        }),
    }
}

/// Files the caller's draft. `declared` is the applicant's declaration that the information is
/// true (required).
pub async fn submit(
    services: Services<'_>,
    actor: &Actor,
    id: &str,
    declared: bool,
) -> DomainResult<Submitted> {
    let (db, mailing, origin, now) = (services.db, services.mailing, services.origin, services.now);
    let txn = crate::db::begin_write(db).await?;
    let row = super::change::lock(&txn, id)
        .await?
        .ok_or_else(|| DomainError::NotFound(format!("dossier {id}")))?;
    owned_by(actor, &row)?;
    if row.status != Status::Draft.code() {
        txn.rollback().await?;
        return existing(db, actor, id).await;
    }
    if !declared {
        return Err(DomainError::Validation(vec![FieldError::rule(
            "declaration",
            "declaration_required",
            "tick the declaration",
        )]));
    }
    let loaded = drafts::load_unchecked(&txn, id).await?;
    let today = now.with_timezone(&vietnam()).date_naive();
    let problems = checks::problems(&txn, actor, &loaded, today).await?;
    let errors: Vec<FieldError> = problems.into_values().flatten().collect();
    if !errors.is_empty() {
        return Err(DomainError::Validation(errors));
    }
    let agency = loaded
        .receiving_agency()
        .ok_or_else(|| DomainError::Internal(format!("dossier {id}: no receiving agency")))?;
    // The same quote check-answers showed: the fee item times the copies, and a postal fee
    // paid with it (otherwise the postman collects it).
    let quote = crate::payments::quote::of(&txn, &loaded, Some(&agency), today).await?;
    let fee = quote.fee_vnd();
    let postal_fee = quote.postal_vnd;
    let fee_total = quote.total_vnd;
    // Paid first: an online dossier of such a procedure waits for its fee before the desk.
    let status = if fee > 0
        && loaded.details.pay_before_processing
        && !super::counter::registered_by_desk(&loaded.dossier.channel)
    {
        Status::AwaitingPayment
    } else {
        Status::Submitted
    };
    let code = codes::next_code(&txn, &agency, now).await?;
    let stamp = now.fixed_offset();
    let updated = dossier::Entity::update_many()
        .col_expr(dossier::Column::Code, Expr::value(code.clone()))
        .col_expr(dossier::Column::Status, Expr::value(status.code()))
        .col_expr(
            dossier::Column::ReceivingAgencyCode,
            Expr::value(agency.clone()),
        )
        .col_expr(
            dossier::Column::ProcedureVersion,
            Expr::value(loaded.version.version),
        )
        .col_expr(dossier::Column::FeeDueVnd, Expr::value(fee_total))
        .col_expr(dossier::Column::PostalFeeVnd, Expr::value(postal_fee))
        .col_expr(
            dossier::Column::HoldingAgencyCode,
            Expr::value(agency.clone()),
        )
        .col_expr(
            dossier::Column::ApplicantSearch,
            Expr::value(applicant_search(&loaded)),
        )
        .col_expr(
            dossier::Column::ApplicantCitizenId,
            Expr::value(loaded.applicant().citizen_id.trim().to_owned()),
        )
        .col_expr(dossier::Column::DeclaredAt, Expr::value(stamp))
        .col_expr(dossier::Column::SubmittedAt, Expr::value(stamp))
        .col_expr(dossier::Column::UpdatedAt, Expr::value(stamp))
        .col_expr(
            dossier::Column::Revision,
            Expr::value(loaded.dossier.revision + 1),
        )
        .filter(dossier::Column::Id.eq(id))
        .filter(dossier::Column::Status.eq(Status::Draft.code()))
        .exec(&txn)
        .await?;
    if updated.rows_affected != 1 {
        txn.rollback().await?;
        return existing(db, actor, id).await;
    }
    super::processing::involve(&txn, id, &agency, now).await?;
    let applicant = loaded.applicant();
    let files = files_per_slot(&txn, id).await?;
    // The applicant's own channels (a dossier the desk registered belongs to the clerk, who
    // is never told on the applicant's behalf).
    let link = format!("{}/ho-so/{id}", mailing.base_url);
    let (subject, body) = mailing.notices.render(&Notice::DossierSubmitted {
        name: &applicant.full_name,
        code: &code,
        procedure: &loaded.version.name,
        link: &link,
    });
    super::notice::deliver(
        &txn,
        &loaded.dossier,
        &applicant,
        "submitted",
        (&subject, &body),
        &link,
    )
    .await?;
    // In the applicant's name (the filer may be a clerk at the desk); under the agency just
    // chosen, which the row read before the filing does not carry yet.
    let filer = By::Named {
        id: actor.audit_id(),
        label: applicant.full_name.clone(),
    };
    DossierChange::new(&loaded.dossier, filer)
        .event("submitted")
        .status(Status::Draft, status)
        .data(serde_json::json!({
            "code": code,
            "procedure_version": loaded.version.version,
            "fee_due_vnd": fee_total,
            "postal_fee_vnd": postal_fee,
            "files": files.values().sum::<usize>(),
            "channel": loaded.dossier.channel,
        }))
        .audit("dossier.submit")
        .audit_agency(AuditAgency::Given(Some(agency)))
        .detail(serde_json::json!({ "code": code }))
        .tally()
        .record(&txn, origin, now)
        .await?;
    txn.commit().await?;
    Ok(Submitted {
        id: id.to_owned(),
        code,
        already: false,
    })
}
