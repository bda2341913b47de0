//! The staff workspace's queues: what waits for the actor's agency and role, ordered by
//! urgency, with counts for the tabs, and a search by code, citizen ID or name across the
//! dossiers the agency has had a part in. Built to stay fast at a million dossiers: the tab
//! counts of the desk's slots are read from the tally kept as dossiers move (`tally`), the
//! clock's counts (due soon, overdue) from a partial index of running dossiers, a page's ids
//! from an index in the page's order (`idx_dossier_open_due`, `idx_dossier_running_due`,
//! `idx_dossier_desk_queue`) before its 25 rows are read, and a whole code or citizen ID is an
//! index probe.
//!
//! Each tab is shown only to who can act on it (issue 27): "to approve" to leaders, "stuck" —
//! dossiers waiting at a step whose role nobody active holds in the agency — to the agency
//! administrator, who can give someone the role.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Select,
};
use serde::{Deserialize, Serialize};

use super::deadlines::Clock;
use super::lifecycle::OPEN;
use super::tally::Slot;
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
    /// Waiting at a step whose role no active staff member of the agency holds (the agency
    /// administrator's: nobody else can act on them).
    Stuck,
}

impl Queue {
    /// Every queue, in tab order.
    pub const ALL: [Queue; 10] = [
        Queue::New,
        Queue::Mine,
        Queue::Unassigned,
        Queue::ToApprove,
        Queue::DueSoon,
        Queue::Overdue,
        Queue::Waiting,
        Queue::ToReturn,
        Queue::All,
        Queue::Stuck,
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
            Queue::Stuck => "stuck",
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
        } else if !processes(roles) && roles.contains(&Role::AgencyAdmin) {
            Queue::Stuck
        } else {
            Queue::Mine
        }
    }

    /// True when someone with `roles` sees this tab: its count is shown only to who can act
    /// on its dossiers (a "to approve" count to a specialist is a promise nobody keeps).
    pub fn shown_to(self, roles: &[Role]) -> bool {
        match self {
            Queue::ToApprove => roles.contains(&Role::Leader),
            Queue::Stuck => roles.contains(&Role::AgencyAdmin),
            _ => processes(roles),
        }
    }
}

/// True for the roles that work on dossiers.
fn processes(roles: &[Role]) -> bool {
    roles
        .iter()
        .any(|r| matches!(r, Role::IntakeClerk | Role::Specialist | Role::Leader))
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

/// The open statuses written out, word for word the `WHERE` of the partial index
/// `idx_dossier_open_due`: PostgreSQL and SQLite use a partial index only when the query's
/// condition contains the index's own, which a bound parameter never matches.
const OPEN_SQL: &str =
    "status IN ('submitted', 'accepted', 'processing', 'supplement_requested', 'awaiting_payment')";

/// The statuses whose clock runs, with `PAUSED_SQL` the `WHERE` of `idx_dossier_running_due`.
pub(crate) const RUNNING_SQL: &str = "status IN ('accepted', 'processing', 'awaiting_payment')";
pub(crate) const PAUSED_SQL: &str = "paused_at IS NULL";

/// "New" and "waiting", written out so that PostgreSQL can prove they fall within the
/// `WHERE` of `idx_dossier_arrived` (`status IN ('submitted', 'supplement_requested')`).
const NEW_SQL: &str = "status = 'submitted'";
const WAITING_SQL: &str = "status = 'supplement_requested'";

/// What puts a dossier in `queue` for `agency` (and `me` for "mine").
fn queue_condition(
    queue: Queue,
    agency: &str,
    me: &str,
    now: DateTime<Utc>,
    soon: DateTime<Utc>,
    missing: &[Role],
) -> Condition {
    let held = Condition::all().add(dossier::Column::HoldingAgencyCode.eq(agency));
    let running = |c: Condition| c.add(Expr::cust(RUNNING_SQL)).add(Expr::cust(PAUSED_SQL));
    match queue {
        Queue::New => held.add(Expr::cust(NEW_SQL)),
        Queue::Mine => Condition::all()
            .add(dossier::Column::AssigneeId.eq(me))
            .add(dossier::Column::Status.is_in(open_codes())),
        Queue::Unassigned => held
            .add(
                dossier::Column::Status.is_in([Status::Accepted.code(), Status::Processing.code()]),
            )
            .add(dossier::Column::AssigneeId.is_null())
            .add(
                Condition::any()
                    .add(dossier::Column::StepRole.ne(Role::Leader.code()))
                    .add(dossier::Column::StepRole.is_null()),
            ),
        Queue::ToApprove => held
            .add(dossier::Column::Status.eq(Status::Processing.code()))
            .add(dossier::Column::StepRole.eq(Role::Leader.code()))
            .add(dossier::Column::TransferOrigin.is_null()),
        Queue::DueSoon => running(held)
            .add(dossier::Column::DueAt.gte(now.fixed_offset()))
            .add(dossier::Column::DueAt.lt(soon.fixed_offset())),
        Queue::Overdue => running(held).add(dossier::Column::DueAt.lt(now.fixed_offset())),
        Queue::Waiting => held.add(Expr::cust(WAITING_SQL)),
        Queue::ToReturn => held.add(dossier::Column::Status.eq(Status::Processed.code())),
        Queue::All => held.add(Expr::cust(OPEN_SQL)),
        Queue::Stuck => held.add(stuck_condition(missing)),
    }
}

/// Dossiers nobody in the agency can move, given the roles `missing` there: at the desk
/// (new, or processed and to be returned) without an intake clerk; at a step whose role is
/// missing; or transferred in for a part that neither a specialist nor a leader can do.
fn stuck_condition(missing: &[Role]) -> Condition {
    let mut any = Condition::any();
    if missing.contains(&Role::IntakeClerk) {
        any = any.add(
            dossier::Column::Status.is_in([Status::Submitted.code(), Status::Processed.code()]),
        );
    }
    let steps: Vec<&str> = missing
        .iter()
        .filter(|r| matches!(r, Role::Specialist | Role::Leader))
        .map(|r| r.code())
        .collect();
    if !steps.is_empty() {
        any = any.add(
            Condition::all()
                .add(
                    dossier::Column::Status
                        .is_in([Status::Accepted.code(), Status::Processing.code()]),
                )
                .add(dossier::Column::TransferOrigin.is_null())
                .add(dossier::Column::StepRole.is_in(steps.clone())),
        );
    }
    if steps.len() == 2 {
        any = any.add(
            Condition::all()
                .add(dossier::Column::Status.eq(Status::Processing.code()))
                .add(dossier::Column::TransferOrigin.is_not_null()),
        );
    }
    if missing.is_empty() {
        // Everyone needed is there: nothing is stuck.
        any = any.add(Expr::cust("1 = 0"));
    }
    any
}

/// The count of every queue. The slots of the desk come from the tally kept as dossiers move
/// (`tally`); "due soon" and "overdue" depend on the clock and are counted live over the index
/// of running dossiers, "mine" over the assignee index (it spans agencies).
#[expect(
    clippy::too_many_arguments,
    reason = "the query's parts, each used once"
)]
async fn counts<C: ConnectionTrait>(
    db: &C,
    roles: &[Role],
    agency: &str,
    me: &str,
    now: DateTime<Utc>,
    soon: DateTime<Utc>,
    procedure: Option<&str>,
    missing: &[Role],
) -> DomainResult<Vec<(Queue, u64)>> {
    let tally = super::tally::counts(db, agency, procedure).await?;
    let slot = |s: Slot| tally.get(&s).copied().unwrap_or(0);
    let mut out = Vec::with_capacity(Queue::ALL.len());
    for q in Queue::ALL.into_iter().filter(|q| q.shown_to(roles)) {
        let n = match q {
            Queue::New => slot(Slot::New),
            Queue::Unassigned => slot(Slot::Unassigned),
            Queue::ToApprove => slot(Slot::ToApprove),
            Queue::Waiting => slot(Slot::Waiting),
            Queue::ToReturn => slot(Slot::ToReturn),
            Queue::All => Slot::ALL
                .into_iter()
                .filter(|s| s.is_open())
                .map(slot)
                .sum(),
            Queue::Mine | Queue::DueSoon | Queue::Overdue | Queue::Stuck => {
                dossier::Entity::find()
                    .filter(queue_condition(q, agency, me, now, soon, missing))
                    .filter(procedure_condition(procedure))
                    .count(db)
                    .await?
            }
        };
        out.push((q, n));
    }
    Ok(out)
}

fn procedure_condition(procedure: Option<&str>) -> Condition {
    match procedure {
        None => Condition::all(),
        Some(code) => Condition::all().add(dossier::Column::ProcedureCode.eq(code)),
    }
}

/// How a search text is read: a whole dossier code or citizen ID is looked up exactly (an
/// index probe); anything else is a part of a code or of a name, matched anywhere in the
/// dossiers the agency had a part in (through `pg_trgm` indexes on PostgreSQL, see the
/// migration `m20261204_000001_dossier_search_trigram`).
enum Search {
    Exact(String),
    Partial { upper: String, folded: String },
}

impl Search {
    fn parse(text: &str) -> Search {
        let text = text.trim();
        let upper = text.to_uppercase();
        let citizen_id =
            matches!(text.len(), 9 | 10 | 12 | 13) && text.bytes().all(|b| b.is_ascii_digit());
        let whole_code = super::codes::looks_like_code(&upper);
        if citizen_id || whole_code {
            Search::Exact(upper)
        } else {
            Search::Partial {
                upper,
                folded: crate::text::fold(text),
            }
        }
    }

    fn condition(&self) -> Condition {
        match self {
            Search::Exact(text) => Condition::any()
                .add(dossier::Column::Code.eq(text.as_str()))
                .add(dossier::Column::ApplicantCitizenId.eq(text.as_str())),
            Search::Partial { upper, folded } => {
                let mut any = Condition::any();
                if upper.len() >= 4 {
                    any = any.add(dossier::Column::Code.contains(upper.as_str()));
                }
                if folded.chars().count() >= 2 {
                    any = any.add(dossier::Column::ApplicantSearch.contains(folded.as_str()));
                }
                any
            }
        }
    }
}

/// Dossiers `agency` had a part in that match `search`.
fn search_select(agency: &str, search: &Search) -> Select<dossier::Entity> {
    dossier::Entity::find().filter(search.condition()).filter(
        dossier::Column::Id.in_subquery(
            Query::select()
                .column(dossier_agency::Column::DossierId)
                .from(dossier_agency::Entity)
                .and_where(dossier_agency::Column::AgencyCode.eq(agency))
                .to_owned(),
        ),
    )
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

/// The ids of one page of `ordered`: chosen from the index alone (the queue index holds every
/// column a queue filters and sorts on), so the wide rows are read only for the page itself.
async fn page_ids<C: ConnectionTrait>(
    db: &C,
    ordered: Select<dossier::Entity>,
    page: u64,
) -> DomainResult<Vec<String>> {
    Ok(ordered
        .order_by_asc(dossier::Column::Id)
        .select_only()
        .column(dossier::Column::Id)
        .offset((page - 1) * PER_PAGE)
        .limit(PER_PAGE)
        .into_tuple::<String>()
        .all(db)
        .await?)
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
    // The agency administrator reads no dossiers but sees the stuck ones, to staff the step.
    let reads = reading_agency(actor).is_some();
    let agency = match actor {
        Actor::Staff {
            agency_code, roles, ..
        } if reads || roles.contains(&Role::AgencyAdmin) => agency_code.clone(),
        _ => return Err(DomainError::Forbidden("staff queues".into())),
    };
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
    if !queue.shown_to(roles) || (!reads && !query.q.trim().is_empty()) {
        return Err(DomainError::Forbidden(format!("queue {}", queue.code())));
    }
    let missing = if Queue::Stuck.shown_to(roles) {
        super::workflow::missing_roles(db, &agency).await?
    } else {
        Vec::new()
    };
    let clock = Clock::for_agency(db, &agency).await?;
    let soon = clock.after_hours(now, 8);
    let procedure_code = Some(query.procedure.trim()).filter(|c| !c.is_empty());
    let procedure = procedure_condition(procedure_code);
    let counts = counts(db, roles, &agency, &me, now, soon, procedure_code, &missing).await?;
    let page = query.page.max(1);
    let (ids, total) = if query.q.trim().is_empty() {
        let select = dossier::Entity::find()
            .filter(queue_condition(queue, &agency, &me, now, soon, &missing))
            .filter(procedure);
        let ordered = match queue {
            Queue::New | Queue::Waiting => select.order_by_asc(dossier::Column::SubmittedAt),
            _ => select
                .order_by_asc(dossier::Column::DueAt)
                .order_by_asc(dossier::Column::SubmittedAt),
        };
        let total = counts
            .iter()
            .find(|(q, _)| *q == queue)
            .map_or(0, |(_, n)| *n);
        (page_ids(db, ordered, page).await?, total)
    } else {
        let search = Search::parse(&query.q);
        let select = search_select(&agency, &search).filter(procedure);
        let total = select.clone().count(db).await?;
        let ordered = select.order_by_desc(dossier::Column::SubmittedAt);
        (page_ids(db, ordered, page).await?, total)
    };
    let mut found = dossier::Entity::find()
        .filter(dossier::Column::Id.is_in(ids.clone()))
        .all(db)
        .await?;
    found.sort_by_key(|d| ids.iter().position(|id| *id == d.id));
    let rows = found
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

#[cfg(test)]
mod tests {
    use super::*;

    fn listed(statuses: &[Status]) -> String {
        let codes: Vec<String> = statuses.iter().map(|s| format!("'{}'", s.code())).collect();
        format!("status IN ({})", codes.join(", "))
    }

    #[test]
    fn literal_status_lists_are_the_lifecycles() {
        assert_eq!(OPEN_SQL, listed(&OPEN));
        assert_eq!(
            RUNNING_SQL,
            listed(&[
                Status::Accepted,
                Status::Processing,
                Status::AwaitingPayment
            ])
        );
        assert_eq!(NEW_SQL, format!("status = '{}'", Status::Submitted.code()));
        assert_eq!(
            WAITING_SQL,
            format!("status = '{}'", Status::SupplementRequested.code())
        );
    }
}
