//! Old drafts are deleted, never silently: a draft untouched for `max_age - notice_before` gets
//! an e-mail saying when it will go (with the link to finish it); it is deleted only once it is
//! older than `max_age` and the notice went out at least `notice_before` ago. Saving the draft
//! again starts the count anew. Safe to run on every instance at once: the notice is claimed by
//! a conditional update before it is queued.

use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use super::Status;
use crate::accounts::{Mailing, Notice};
use crate::entities::{account, dossier, procedure};
use crate::error::DomainResult;

/// How long drafts live.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DraftPolicy {
    /// Age (since the last save) at which a draft is deleted.
    pub max_age: Duration,
    /// How long before deletion the owner is told.
    pub notice_before: Duration,
}

impl Default for DraftPolicy {
    fn default() -> Self {
        Self {
            max_age: Duration::days(30),
            notice_before: Duration::days(7),
        }
    }
}

/// What one run did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ExpiryReport {
    /// Owners told.
    pub noticed: usize,
    /// Drafts deleted.
    pub deleted: u64,
}

/// Sends the notices that are due and deletes the drafts whose time is up.
pub async fn run(
    db: &DatabaseConnection,
    policy: DraftPolicy,
    mailing: Mailing<'_>,
    now: DateTime<Utc>,
) -> DomainResult<ExpiryReport> {
    let mut report = ExpiryReport::default();
    let notice_from = (now - (policy.max_age - policy.notice_before)).fixed_offset();
    let due = dossier::Entity::find()
        .filter(dossier::Column::Status.eq(Status::Draft.code()))
        .filter(dossier::Column::UpdatedAt.lt(notice_from))
        .filter(dossier::Column::DraftNoticeAt.is_null())
        .all(db)
        .await?;
    for draft in due {
        let txn = crate::db::begin_write(db).await?;
        let claimed = dossier::Entity::update_many()
            .col_expr(
                dossier::Column::DraftNoticeAt,
                Expr::value(now.fixed_offset()),
            )
            .filter(dossier::Column::Id.eq(&draft.id))
            .filter(dossier::Column::DraftNoticeAt.is_null())
            .filter(dossier::Column::UpdatedAt.eq(draft.updated_at))
            .exec(&txn)
            .await?;
        if claimed.rows_affected == 1 {
            let owner = account::Entity::find_by_id(draft.owner_id.clone())
                .one(&txn)
                .await?;
            let name = procedure::Entity::find_by_id(draft.procedure_code.clone())
                .one(&txn)
                .await?
                .map(|p| p.name)
                .unwrap_or_default();
            if let Some((email, full_name)) = owner.and_then(|o| o.email.map(|e| (e, o.full_name)))
            {
                let deleted_on = (draft.updated_at.with_timezone(&Utc) + policy.max_age)
                    .max(now + policy.notice_before)
                    .with_timezone(&super::codes::vietnam())
                    .format("%d/%m/%Y")
                    .to_string();
                let link = format!("{}/ho-so/{}", mailing.base_url, draft.id);
                let (subject, body) = mailing.notices.render(&Notice::DraftExpiring {
                    name: &full_name,
                    procedure: &name,
                    date: &deleted_on,
                    link: &link,
                });
                crate::outbox::queue_email(&txn, &email, &subject, &body).await?;
                report.noticed += 1;
            }
        }
        txn.commit().await?;
    }
    let deleted = dossier::Entity::delete_many()
        .filter(dossier::Column::Status.eq(Status::Draft.code()))
        .filter(dossier::Column::UpdatedAt.lt((now - policy.max_age).fixed_offset()))
        .filter(dossier::Column::DraftNoticeAt.lt((now - policy.notice_before).fixed_offset()))
        .exec(db)
        .await?;
    report.deleted = deleted.rows_affected;
    Ok(report)
}
