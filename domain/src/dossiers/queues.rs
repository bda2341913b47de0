//! The staff workspace's queues: what waits for the actor's agency and role, ordered by
//! urgency, with counts for the tabs, and a search by code, citizen ID or name across the
//! dossiers the agency has had a part in. Every queue is one indexed query on the dossier
//! table (`idx_dossier_queue`, `idx_dossier_assignee`), so it stays fast at a million dossiers.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Query;
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Select,
};
use serde::{Deserialize, Serialize};

use super::deadlines::Clock;
use super::lifecycle::OPEN;
use super::visibility::reading_agency;
use super::{Applicant, Status};
use crate::access::{Actor, Role};
use crate::entities::{dossier, dossier_agency};
use crate::error::{DomainError, DomainResult};

/// A queue (a tab of the workspace).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Queue {
    /// Filed, waiting for the desk (status 1).
    New,
    /// Assigned to me.
    Mine,
    /// Accepted or in processing with nobody assigned at a specialist's step.
    Unassigned,
    /// At the leader's approval step.
    ToApprove,
    /// Due within one working day.
    DueSoon,
    /// Past the due date.
    Overdue,
    /// Waiting for the applicant (supplement requested).
    Waiting,
    /// Processed, to be returned at the desk.
    ToReturn,
    /// Every open dossier the agency holds.
    All,
}

impl Queue {
    /// Every queue, in tab order.
    pub const ALL: [Queue; 9] = [
        Queue::New,
        Queue::Mine,
        Queue::Unassigned,
        Queue::ToApprove,
        Queue::DueSoon,
        Queue::Overdue,
        Queue::Waiting,
        Queue::ToReturn,
        Queue::All,
    ];

    /// Stable code (URL parameter and API value).
    pub fn code(self) -> &'static str {
        match self {
            Queue::New => "new",
            Queue::Mine => "mine",
            Queue::Unassigned => "unassigned",
            Queue::ToApprove => "to_approve",
            Queue::DueSoon => "due_soon",
            Queue::Overdue => "overdue",
            Queue::Waiting => "waiting",
            Queue::ToReturn => "to_return",
            Queue::All => "all",
        }
    }

    /// Parses a code.
    pub fn from_code(code: &str) -> Option<Queue> {
        Queue::ALL.into_iter().find(|q| q.code() == code)
    }

    /// The queue a staff member starts in.
    pub fn home(roles: &[Role]) -> Queue {
        if roles.contains(&Role::IntakeClerk) {
            Queue::New
        } else if roles.contains(&Role::Leader) {
            Queue::ToApprove
        } else {
            Queue::Mine
        }
    }
}

/// What to list.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct QueueQuery {
    /// Queue code; empty for the actor's home queue.
    pub queue: String,
    /// Only this procedure.
    pub procedure: String,
    /// Search text: a dossier code, a citizen ID or a name (searches every dossier the agency
    /// had a part in, open or not).
    pub q: String,
    /// 1-based page.
    pub page: u64,
}

/// One row of a queue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueRow {
    /// Dossier id.
    pub id: String,
    /// Code.
    pub code: String,
    /// Procedure code.
    pub procedure_code: String,
    /// Applicant's name.
    pub applicant: String,
    /// Status.
    pub status: Status,
    /// Received (filed) at.
    pub submitted_at: Option<DateTime<Utc>>,
    /// Due at.
    pub due_at: Option<DateTime<Utc>>,
    /// Working minutes left (negative: overdue); `None` when the clock does not run.
    pub minutes_left: Option<i64>,
    /// True while the clock is stopped (waiting for the applicant).
    pub paused: bool,
    /// True when the current step ran over its allowance.
    pub escalated: bool,
    /// Assigned staff member's id.
    pub assignee_id: Option<String>,
    /// The role acting at the current step.
    pub step_role: Option<String>,
    /// `online`, `desk` or `post`.
    pub channel: String,
}

/// A page of a queue with the tab counts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueuePage {
    /// The queue shown.
    pub queue: Queue,
    /// Rows.
    pub rows: Vec<QueueRow>,
    /// Rows in the queue (or matching the search).
    pub total: u64,
    /// Page.
    pub page: u64,
    /// Rows per page.
    pub per_page: u64,
    /// Count per queue, in tab order.
    pub counts: Vec<(Queue, u64)>,
}

/// Rows per page.
pub const PER_PAGE: u64 = 25;

fn open_codes() -> Vec<&'static str> {
    OPEN.iter().map(|s| s.code()).collect()
}

/// The query behind one queue for `agency` (and `me` for "mine").
fn queue_select(
    queue: Queue,
    agency: &str,
    me: &str,
    now: DateTime<Utc>,
    soon: DateTime<Utc>,
) -> Select<dossier::Entity> {
    let held = dossier::Entity::find().filter(dossier::Column::HoldingAgencyCode.eq(agency));
    let running = |s: Select<dossier::Entity>| {
        s.filter(dossier::Column::Status.is_in([
            Status::Accepted.code(),
            Status::Processing.code(),
            Status::AwaitingPayment.code(),
        ]))
        .filter(dossier::Column::PausedAt.is_null())
    };
    match queue {
        Queue::New => held.filter(dossier::Column::Status.eq(Status::Submitted.code())),
        Queue::Mine => dossier::Entity::find()
            .filter(dossier::Column::AssigneeId.eq(me))
            .filter(dossier::Column::Status.is_in(open_codes())),
        Queue::Unassigned => held
            .filter(
                dossier::Column::Status.is_in([Status::Accepted.code(), Status::Processing.code()]),
            )
            .filter(dossier::Column::AssigneeId.is_null())
            .filter(
                Condition::any()
                    .add(dossier::Column::StepRole.ne(Role::Leader.code()))
                    .add(dossier::Column::StepRole.is_null()),
            ),
        Queue::ToApprove => held
            .filter(dossier::Column::Status.eq(Status::Processing.code()))
            .filter(dossier::Column::StepRole.eq(Role::Leader.code()))
            .filter(dossier::Column::TransferOrigin.is_null()),
        Queue::DueSoon => running(held)
            .filter(dossier::Column::DueAt.gte(now.fixed_offset()))
            .filter(dossier::Column::DueAt.lt(soon.fixed_offset())),
        Queue::Overdue => running(held).filter(dossier::Column::DueAt.lt(now.fixed_offset())),
        Queue::Waiting => {
            held.filter(dossier::Column::Status.eq(Status::SupplementRequested.code()))
        }
        Queue::ToReturn => held.filter(dossier::Column::Status.eq(Status::Processed.code())),
        Queue::All => held.filter(dossier::Column::Status.is_in(open_codes())),
    }
}

/// Dossiers `agency` had a part in that match `text` (code, citizen ID or name).
fn search_select(agency: &str, text: &str) -> Select<dossier::Entity> {
    let text = text.trim();
    let folded = crate::text::fold(text);
    let mut any = Condition::any()
        .add(dossier::Column::Code.eq(text.to_uppercase()))
        .add(dossier::Column::ApplicantCitizenId.eq(text));
    if text.len() >= 4 {
        any = any.add(dossier::Column::Code.starts_with(text.to_uppercase()));
    }
    if folded.chars().count() >= 2 {
        any = any.add(dossier::Column::ApplicantSearch.contains(&folded));
    }
    dossier::Entity::find()
        .filter(
            dossier::Column::Id.in_subquery(
                Query::select()
                    .column(dossier_agency::Column::DossierId)
                    .from(dossier_agency::Entity)
                    .and_where(dossier_agency::Column::AgencyCode.eq(agency))
                    .to_owned(),
            ),
        )
        .filter(any)
}

fn row(d: dossier::Model, clock: &Clock, now: DateTime<Utc>) -> Option<QueueRow> {
    let status = Status::from_code(&d.status)?;
    let applicant: Applicant = serde_json::from_value(d.applicant).unwrap_or_default();
    let due_at = d.due_at.map(|t| t.with_timezone(&Utc));
    let paused = d.paused_at.is_some();
    let open = OPEN.contains(&status);
    Some(QueueRow {
        id: d.id,
        code: d.code.unwrap_or_default(),
        procedure_code: d.procedure_code,
        applicant: applicant.full_name,
        status,
        submitted_at: d.submitted_at.map(|t| t.with_timezone(&Utc)),
        due_at,
        minutes_left: due_at
            .filter(|_| open)
            .map(|due| clock.left(d.paused_at.map_or(now, |p| p.with_timezone(&Utc)), due)),
        paused,
        escalated: d.escalated_at.is_some(),
        assignee_id: d.assignee_id,
        step_role: d.step_role,
        channel: d.channel,
    })
}

/// One page of a queue (or of a search) for a staff member.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    query: &QueueQuery,
    now: DateTime<Utc>,
) -> DomainResult<QueuePage> {
    let Actor::Staff { roles, .. } = actor else {
        return Err(match actor {
            Actor::Anonymous => DomainError::Unauthorized,
            _ => DomainError::Forbidden("staff queues".into()),
        });
    };
    let agency = reading_agency(actor)
        .ok_or_else(|| DomainError::Forbidden("staff queues".into()))?
        .to_owned();
    let me = actor.account_id().unwrap_or_default().to_owned();
    let queue = if query.queue.is_empty() {
        Queue::home(roles)
    } else {
        Queue::from_code(&query.queue).ok_or_else(|| {
            DomainError::Validation(vec![crate::error::FieldError::rule(
                "queue",
                "queue_unknown",
                "unknown queue",
            )])
        })?
    };
    let clock = Clock::for_agency(db, &agency).await?;
    let soon = clock.after_hours(now, 8);
    let procedure = query.procedure.trim();
    let narrow = |s: Select<dossier::Entity>| {
        if procedure.is_empty() {
            s
        } else {
            s.filter(dossier::Column::ProcedureCode.eq(procedure))
        }
    };
    let mut counts = Vec::new();
    for q in Queue::ALL {
        counts.push((
            q,
            narrow(queue_select(q, &agency, &me, now, soon))
                .count(db)
                .await?,
        ));
    }
    let searching = !query.q.trim().is_empty();
    let select = if searching {
        narrow(search_select(&agency, &query.q)).order_by_desc(dossier::Column::SubmittedAt)
    } else {
        let s = narrow(queue_select(queue, &agency, &me, now, soon));
        match queue {
            Queue::New | Queue::Waiting => s.order_by_asc(dossier::Column::SubmittedAt),
            _ => s
                .order_by_asc(dossier::Column::DueAt)
                .order_by_asc(dossier::Column::SubmittedAt),
        }
    };
    let total = if searching {
        select.clone().count(db).await?
    } else {
        counts
            .iter()
            .find(|(q, _)| *q == queue)
            .map_or(0, |(_, n)| *n)
    };
    let page = query.page.max(1);
    let rows = select
        .offset((page - 1) * PER_PAGE)
        .limit(PER_PAGE)
        .all(db)
        .await?
        .into_iter()
        .filter_map(|d| row(d, &clock, now))
        .collect();
    Ok(QueuePage {
        queue,
        rows,
        total,
        page,
        per_page: PER_PAGE,
        counts,
    })
}
