//! Steps that ran over their allowance go up to the holding agency's leaders, once per step.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect,
};

use super::change::{By, DossierChange};
use super::processing::utc;
use super::Status;
use crate::access::Role;
use crate::accounts::{Mailing, Notice};
use crate::audit::Origin;
use crate::entities::{account, dossier};
use crate::error::DomainResult;

/// Escalates every step that ran over its allowance to the leaders of the agency holding the
/// dossier: marks it (once per step), writes an internal event and e-mails the leaders. Safe to
/// run on several instances at once: the mark is a guarded update, so only one instance
/// escalates each dossier.
pub async fn escalate_overruns(
    db: &DatabaseConnection,
    mailing: Mailing<'_>,
    now: DateTime<Utc>,
) -> DomainResult<usize> {
    let mut escalated = 0;
    for row in overrun_steps(db, now, 200).await? {
        let txn = crate::db::begin_write(db).await?;
        let marked = dossier::Entity::update_many()
            .col_expr(
                dossier::Column::EscalatedAt,
                Expr::value(now.fixed_offset()),
            )
            .filter(dossier::Column::Id.eq(&row.id))
            .filter(dossier::Column::EscalatedAt.is_null())
            .filter(dossier::Column::Revision.eq(row.revision))
            .exec(&txn)
            .await?;
        if marked.rows_affected != 1 {
            continue;
        }
        let holding = row.holding_agency_code.clone().unwrap_or_default();
        // Internal, and not audited: the portal itself noticed the overrun.
        DossierChange::new(&row, By::Party("system"))
            .event("escalated")
            .data(serde_json::json!({
                "agency": holding,
                "step": row.step_index,
                "step_due_at": utc(row.step_due_at),
            }))
            .record(&txn, &Origin::default(), now)
            .await?;
        let leaders = account::Entity::find()
            .filter(account::Column::AgencyCode.eq(&holding))
            .filter(account::Column::Roles.contains(Role::Leader.code()))
            .filter(account::Column::Disabled.eq(false))
            .all(&txn)
            .await?;
        let code = row.code.clone().unwrap_or_default();
        let link = format!("{}/mot-cua/ho-so/{}", mailing.base_url, row.id);
        for leader in leaders {
            let Some(email) = leader.email else { continue };
            let (subject, body) = mailing.notices.render(&Notice::StepOverrun {
                name: &leader.full_name,
                code: &code,
                link: &link,
            });
            crate::outbox::queue_email(&txn, &email, &subject, &body).await?;
        }
        txn.commit().await?;
        escalated += 1;
    }
    Ok(escalated)
}

/// Ids of dossiers whose current step has run over its allowance and not yet been escalated.
pub async fn overrun_steps<C: ConnectionTrait>(
    db: &C,
    now: DateTime<Utc>,
    limit: u64,
) -> DomainResult<Vec<dossier::Model>> {
    Ok(dossier::Entity::find()
        .filter(dossier::Column::Status.is_in([Status::Accepted.code(), Status::Processing.code()]))
        .filter(dossier::Column::StepDueAt.lt(now.fixed_offset()))
        .filter(dossier::Column::EscalatedAt.is_null())
        .filter(dossier::Column::PausedAt.is_null())
        .limit(limit)
        .all(db)
        .await?)
}
