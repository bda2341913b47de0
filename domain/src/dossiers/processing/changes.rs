//! The column changes of one move on a dossier, gathered while the move is worked out and
//! written in one UPDATE guarded by the revision.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use super::{agency_at, involve, Plan};
use crate::dossiers::deadlines::Clock;
use crate::dossiers::Status;
use crate::entities::dossier;
use crate::error::{DomainError, DomainResult};

/// The column changes of one move, gathered before one guarded UPDATE.
#[derive(Default)]
pub(super) struct Changes {
    pub(super) holding: Option<Option<String>>,
    pub(super) step_index: Option<Option<i32>>,
    pub(super) step_role: Option<Option<String>>,
    pub(super) assignee: Option<Option<String>>,
    pub(super) accepted_at: Option<DateTime<Utc>>,
    pub(super) due_at: Option<Option<DateTime<Utc>>>,
    pub(super) paused_at: Option<Option<DateTime<Utc>>>,
    pub(super) resume_status: Option<Option<String>>,
    pub(super) step_due_at: Option<Option<DateTime<Utc>>>,
    pub(super) transfer_origin: Option<Option<String>>,
    pub(super) apologies: Option<i32>,
    pub(super) finished_at: Option<DateTime<Utc>>,
}

impl Changes {
    /// Enters `step` of the workflow: its agency holds the dossier, nobody is assigned yet, and
    /// its allowance starts now.
    pub(super) fn enter_step(
        &mut self,
        plan: &Plan,
        step: usize,
        receiving: &str,
        clock: &Clock,
        now: DateTime<Utc>,
    ) {
        let def = plan.steps.get(step);
        self.holding = Some(Some(agency_at(plan, step, receiving)));
        self.step_index = Some(Some(i32::try_from(step).unwrap_or(i32::MAX)));
        self.step_role = Some(def.map(|d| d.role.code().to_owned()));
        self.assignee = Some(None);
        self.step_due_at = Some(def.map(|d| clock.after_hours(now, d.allowance_hours)));
    }
}

impl Changes {
    /// Writes the move to `to` with these changes in one UPDATE guarded by the revision `row`
    /// had (`Conflict` when someone changed the dossier meanwhile), and records that a new
    /// holding agency has a part in it.
    pub(super) async fn write<C: ConnectionTrait>(
        &self,
        txn: &C,
        row: &dossier::Model,
        to: Status,
        now: DateTime<Utc>,
    ) -> DomainResult<()> {
        let stamp = now.fixed_offset();
        let mut update = dossier::Entity::update_many()
            .col_expr(dossier::Column::Status, Expr::value(to.code()))
            .col_expr(dossier::Column::UpdatedAt, Expr::value(stamp))
            .col_expr(dossier::Column::Revision, Expr::value(row.revision + 1));
        macro_rules! set {
            ($field:expr, $column:expr, $map:expr) => {
                if let Some(v) = $field {
                    update = update.col_expr($column, Expr::value($map(v)));
                }
            };
        }
        let ts = |v: Option<DateTime<Utc>>| v.map(|t| t.fixed_offset());
        let at = |v: DateTime<Utc>| v.fixed_offset();
        set!(
            self.holding.clone(),
            dossier::Column::HoldingAgencyCode,
            |v| v
        );
        set!(self.step_index, dossier::Column::StepIndex, |v| v);
        set!(self.step_role.clone(), dossier::Column::StepRole, |v| v);
        set!(self.assignee.clone(), dossier::Column::AssigneeId, |v| v);
        set!(self.accepted_at, dossier::Column::AcceptedAt, at);
        set!(self.due_at, dossier::Column::DueAt, ts);
        set!(self.paused_at, dossier::Column::PausedAt, ts);
        set!(
            self.resume_status.clone(),
            dossier::Column::ResumeStatus,
            |v| v
        );
        set!(self.step_due_at, dossier::Column::StepDueAt, ts);
        set!(
            self.transfer_origin.clone(),
            dossier::Column::TransferOrigin,
            |v| v
        );
        set!(self.apologies, dossier::Column::Apologies, |v| v);
        set!(self.finished_at, dossier::Column::FinishedAt, at);
        if self.step_index.is_some() || self.holding.is_some() {
            update = update.col_expr(
                dossier::Column::EscalatedAt,
                Expr::value(Option::<sea_orm::prelude::DateTimeWithTimeZone>::None),
            );
        }
        let updated = update
            .filter(dossier::Column::Id.eq(&row.id))
            .filter(dossier::Column::Revision.eq(row.revision))
            .exec(txn)
            .await?;
        if updated.rows_affected != 1 {
            return Err(DomainError::Conflict("dossier changed meanwhile".into()));
        }
        if let Some(Some(agency)) = &self.holding {
            involve(txn, &row.id, agency, now).await?;
        }
        Ok(())
    }
}
