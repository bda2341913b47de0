//! Staff (and applicant) moves on a filed dossier, applied in one transaction: the
//! [`lifecycle`] check against the agency that holds the dossier now, the working-time clock,
//! the workflow step, the event on the timeline, the audit entry and the notice to the
//! applicant. The UI's server functions and the API both call [`act`], so the rules are the
//! same everywhere.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ActiveValue::Set, ConnectionTrait, EntityTrait};
use serde::{Deserialize, Serialize};

use super::change::{AuditAgency, DossierChange};
use super::deadlines::Clock;
use super::lifecycle::{self, Refusal, Standing, Transition};
use super::workflow::{self, StepDef};
use super::Status;
use crate::access::{Actor, Role, Scope};
use crate::catalogue::ProcedureDetails;
use crate::entities::{account, agency, dossier, dossier_agency};
use crate::error::{invalid, DomainError, DomainResult};
use crate::services::Services;

mod changes;
use crate::working_time::TimeLimit;
use changes::Changes;

/// What to do, with what the move needs.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Command {
    /// Note the applicant reads (required for requests, refusals, stops and apologies).
    pub public_note: String,
    /// Note for staff only.
    pub internal_note: String,
    /// `Assign`: the staff member (empty: the actor takes it).
    pub assignee_id: String,
    /// `Transfer`: the agency that takes its part.
    pub target_agency: String,
    /// `Apologise`: the new due date.
    pub new_due_date: Option<NaiveDate>,
    /// `RequestSupplement`: what is missing, one item per entry.
    pub missing: Vec<String>,
    /// The revision the actor saw; a stale one is refused (someone else acted meanwhile).
    pub revision: Option<i32>,
    /// `Approve`: the signed result made by [`crate::results::approve`] (never from a client).
    #[serde(skip)]
    pub signed_result: Option<crate::results::record::SignedResult>,
}

/// The dossier after the move.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Moved {
    /// Dossier id.
    pub id: String,
    /// Code.
    pub code: String,
    /// New status.
    pub status: Status,
    /// Agency holding it now.
    pub holding_agency: Option<String>,
    /// Due date, if the clock runs.
    pub due_at: Option<DateTime<Utc>>,
    /// New revision.
    pub revision: i32,
}

/// The actor's standing towards a dossier held by `holding`.
pub fn standing(actor: &Actor, row: &dossier::Model) -> Standing {
    let holding = row
        .holding_agency_code
        .as_deref()
        .or(row.receiving_agency_code.as_deref());
    let owner =
        actor.account_id() == Some(row.owner_id.as_str()) && matches!(actor, Actor::Citizen { .. });
    let roles = match actor {
        Actor::Staff {
            agency_code, roles, ..
        } if Some(agency_code.as_str()) == holding => roles.clone(),
        // An agency's own one-stop software may receive and process through the API; approval
        // stays with a signed-in leader.
        Actor::ApiClient {
            agency_code: Some(agency_code),
            scopes,
            ..
        } if Some(agency_code.as_str()) == holding && scopes.contains(&Scope::DossiersWrite) => {
            vec![Role::IntakeClerk, Role::Specialist]
        }
        _ => Vec::new(),
    };
    Standing { owner, roles }
}

fn refusal(actor: &Actor, transition: Transition, why: Refusal, status: Status) -> DomainError {
    match (actor, why) {
        (Actor::Anonymous, _) => DomainError::Unauthorized,
        (_, Refusal::WrongStatus) => DomainError::Conflict(format!(
            "{} is not possible while the dossier is {}",
            transition.code(),
            status.code()
        )),
        (_, Refusal::NotPermitted) => DomainError::Forbidden(transition.code().into()),
    }
}

pub(crate) fn utc(t: Option<sea_orm::prelude::DateTimeWithTimeZone>) -> Option<DateTime<Utc>> {
    t.map(|t| t.with_timezone(&Utc))
}

/// Everything a move needs to know about the dossier's procedure.
struct Plan {
    steps: Vec<StepDef>,
    processing_agency: Option<String>,
    processing_days: i32,
    /// The time limit the dossier was filed under (its version's, else the procedure's).
    limit: TimeLimit,
    procedure_name: String,
}

async fn plan<C: ConnectionTrait>(db: &C, row: &dossier::Model) -> DomainResult<Plan> {
    let (procedure, version) = super::notice::filed_under(db, row).await?;
    let details: ProcedureDetails = version
        .as_ref()
        .and_then(|v| serde_json::from_value(v.content.clone()).ok())
        .or_else(|| serde_json::from_value(procedure.details.clone()).ok())
        .unwrap_or_default();
    // The version keeps the imported row, time-limit fields included (seed/README.md).
    let content = version.as_ref().map(|v| &v.content);
    let limit = TimeLimit::from_catalogue(
        content
            .and_then(|c| c.get("processing_days"))
            .and_then(serde_json::Value::as_i64)
            .unwrap_or_else(|| i64::from(procedure.processing_days)),
        content
            .and_then(|c| c.get("processing_hours"))
            .and_then(serde_json::Value::as_i64),
    );
    Ok(Plan {
        steps: workflow::steps(db, &procedure).await?,
        processing_agency: workflow::processing_agency(&procedure, &details),
        processing_days: procedure.processing_days,
        limit,
        procedure_name: version.map_or_else(|| procedure.name.clone(), |v| v.name),
    })
}

/// The agency that holds a dossier at `step`.
fn agency_at(plan: &Plan, step: usize, receiving: &str) -> String {
    plan.steps.get(step).map_or_else(
        || receiving.to_owned(),
        |s| workflow::step_agency(s, plan.processing_agency.as_deref(), receiving),
    )
}

/// Records that `agency` has a part in the dossier (it may then read it).
pub(crate) async fn involve<C: ConnectionTrait>(
    db: &C,
    dossier_id: &str,
    agency: &str,
    now: DateTime<Utc>,
) -> DomainResult<()> {
    dossier_agency::Entity::insert(dossier_agency::ActiveModel {
        dossier_id: Set(dossier_id.to_owned()),
        agency_code: Set(agency.to_owned()),
        since: Set(now.fixed_offset()),
    })
    .on_conflict_do_nothing_on([
        dossier_agency::Column::DossierId,
        dossier_agency::Column::AgencyCode,
    ])
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// Takes `transition` on dossier `id` for `actor`. Refusals: `NotFound` when the actor may not
/// even see the dossier, `Forbidden` when they see it but may not do this, `Conflict` when the
/// dossier has moved on (or the revision is stale), `Validation` naming the missing input.
pub async fn act(
    services: Services<'_>,
    actor: &Actor,
    id: &str,
    transition: Transition,
    command: &Command,
) -> DomainResult<Moved> {
    let (db, mailing, origin, now) = (services.db, services.mailing, services.origin, services.now);
    let txn = crate::db::begin_write(db).await?;
    let row = super::change::lock_for_change(&txn, actor, id).await?;
    let moving = Move::open(&txn, actor, &row, transition, command, now).await?;
    let (changes, data) = moving.changes(&txn, actor, command).await?;
    changes.write(&txn, &row, moving.to, now).await?;

    let (from, to) = (moving.from, moving.to);
    let mut change = DossierChange::new(&row, actor)
        .event(transition.code())
        .status(from, to)
        .public_note(moving.public_note.clone())
        .internal_note(command.internal_note.trim())
        .data(serde_json::Value::Object(data))
        .audit(format!("dossier.{}", transition.code()))
        .audit_agency(AuditAgency::Holding)
        .detail(serde_json::json!({ "from": from.code(), "to": to.code() }))
        .procedure_name(&moving.plan.procedure_name)
        .tally();
    // The first assignment starts the processing: the applicant hears of that too.
    let told = if transition.tells_applicant() {
        Some(transition.code())
    } else if (from, to) == (Status::Accepted, Status::Processing) {
        Some(super::notice::PROCESSING_STARTED)
    } else {
        None
    };
    if let Some(what) = told {
        let due = changes.due_at.flatten().or(moving.due_at);
        change = change.notify(mailing, what, &moving.public_note, due);
    }
    change.record(&txn, origin, now).await?;
    // Ended without a result: what was paid is owed back.
    if matches!(to, Status::Refused | Status::Stopped | Status::Withdrawn) {
        let mut ended = row.clone();
        ended.status = to.code().to_owned();
        crate::payments::refund_orders::open_owed(&txn, &ended, Some(mailing), origin, now).await?;
    }
    txn.commit().await?;
    Ok(Moved {
        id: id.to_owned(),
        code: row.code.clone().unwrap_or_default(),
        status: to,
        holding_agency: changes.holding.unwrap_or(row.holding_agency_code.clone()),
        due_at: changes.due_at.unwrap_or(moving.due_at),
        revision: row.revision + 1,
    })
}

/// The details of a move's timeline event.
type Data = serde_json::Map<String, serde_json::Value>;

/// A move on a locked dossier that passed the checks every transition shares, with what working
/// out its changes needs.
struct Move<'r> {
    row: &'r dossier::Model,
    transition: Transition,
    from: Status,
    to: Status,
    standing: Standing,
    /// The note the applicant reads, trimmed.
    public_note: String,
    /// The due date before the move.
    due_at: Option<DateTime<Utc>>,
    receiving: String,
    /// The agency holding the dossier before the move (the receiving one when none does).
    holding: String,
    /// The holding agency's working-time clock.
    clock: Clock,
    plan: Plan,
    /// The workflow step the dossier is at.
    step: usize,
    now: DateTime<Utc>,
}

impl<'r> Move<'r> {
    /// Checks `transition` on `row` for `actor` against what every move shares: the lifecycle
    /// table (from this status, with this standing), the revision the actor saw, the note it
    /// needs, the due date not passed for a processing move, and its place in the workflow.
    async fn open<C: ConnectionTrait>(
        txn: &C,
        actor: &Actor,
        row: &'r dossier::Model,
        transition: Transition,
        command: &Command,
        now: DateTime<Utc>,
    ) -> DomainResult<Move<'r>> {
        let from = Status::from_code(&row.status)
            .ok_or_else(|| DomainError::Internal(format!("status {}", row.status)))?;
        let standing = standing(actor, row);
        let resume = row.resume_status.as_deref().and_then(Status::from_code);
        let to = lifecycle::check(transition, from, resume, &standing)
            .map_err(|why| refusal(actor, transition, why, from))?;
        if command.revision.is_some_and(|r| r != row.revision) {
            return Err(DomainError::Conflict("stale revision".into()));
        }
        let public_note = command.public_note.trim().to_owned();
        if transition.needs_public_note() && public_note.is_empty() {
            return Err(invalid(
                "public_note",
                "note_required",
                "write the reason or what the applicant must do",
            ));
        }
        let due_at = utc(row.due_at);
        if transition.needs_time_left()
            && row.paused_at.is_none()
            && due_at.is_some_and(|due| now > due)
        {
            return Err(invalid(
                "transition",
                "apology_required",
                "the due date has passed: issue an apology letter with a new date first",
            ));
        }
        let receiving = row.receiving_agency_code.clone().ok_or_else(|| {
            DomainError::Internal(format!("dossier {}: no receiving agency", row.id))
        })?;
        let holding = row
            .holding_agency_code
            .clone()
            .unwrap_or_else(|| receiving.clone());
        let clock = Clock::for_agency(txn, &holding).await?;
        let plan = plan(txn, row).await?;
        let step = usize::try_from(row.step_index.unwrap_or(0)).unwrap_or(0);
        if let Err(m) = lifecycle::fits(transition, &workflow::position(&plan.steps, row)) {
            return Err(invalid(m.field, m.code, m.message));
        }
        Ok(Move {
            row,
            transition,
            from,
            to,
            standing,
            public_note,
            due_at,
            receiving,
            holding,
            clock,
            plan,
            step,
            now,
        })
    }

    /// The column changes of the move and its event's details, refusing what only this
    /// transition checks (the missing documents, the assignee, the transfer's target…).
    async fn changes<C: ConnectionTrait>(
        &self,
        txn: &C,
        actor: &Actor,
        command: &Command,
    ) -> DomainResult<(Changes, Data)> {
        let (row, plan, clock, now) = (self.row, &self.plan, &self.clock, self.now);
        let mut changes = Changes::default();
        let mut data = Data::new();
        match self.transition {
            Transition::Accept => {
                let desk_clock = Clock::for_agency(txn, &self.receiving).await?;
                // Same-day procedures are due at the end of the working day, not the moment
                // they are accepted (issue 27).
                let due = desk_clock.due(now, plan.limit);
                changes.accepted_at = Some(now);
                changes.due_at = Some(Some(due));
                changes.enter_step(plan, 0, &self.receiving, clock, now);
                data.insert("due_at".into(), serde_json::json!(due));
                data.insert(
                    "processing_days".into(),
                    serde_json::json!(plan.processing_days),
                );
            }
            Transition::RequestSupplement => {
                let missing: Vec<String> = command
                    .missing
                    .iter()
                    .map(|m| m.trim().to_owned())
                    .filter(|m| !m.is_empty())
                    .collect();
                if missing.is_empty() {
                    return Err(invalid(
                        "missing",
                        "missing_required",
                        "tick or write at least one missing document",
                    ));
                }
                changes.paused_at = Some(Some(now));
                changes.resume_status = Some(Some(self.from.code().to_owned()));
                data.insert("missing".into(), serde_json::json!(missing));
            }
            Transition::Supply => {
                if let (Some(due), Some(paused)) = (self.due_at, utc(row.paused_at)) {
                    let moved = clock.resume(due, paused, now);
                    changes.due_at = Some(Some(moved));
                    if let Some(step_due) = utc(row.step_due_at) {
                        changes.step_due_at = Some(Some(clock.resume(step_due, paused, now)));
                    }
                    data.insert("due_at".into(), serde_json::json!(moved));
                }
                changes.paused_at = Some(None);
                changes.resume_status = Some(None);
            }
            Transition::Refuse | Transition::Stop | Transition::Withdraw => {
                changes.finished_at = Some(now);
                changes.paused_at = Some(None);
            }
            Transition::Assign => {
                self.assign(txn, actor, command, &mut changes, &mut data)
                    .await?;
            }
            Transition::Forward => {
                if let Some(def) = plan.steps.get(self.step) {
                    let roles = &self.standing.roles;
                    if !roles.contains(&def.role) && !roles.contains(&Role::Leader) {
                        return Err(DomainError::Forbidden("not this step's role".into()));
                    }
                }
                let next = (self.step + 1).min(plan.steps.len().saturating_sub(1));
                changes.enter_step(plan, next, &self.receiving, clock, now);
                data.insert("step".into(), serde_json::json!(next));
            }
            Transition::SendBack => {
                changes.enter_step(plan, self.step - 1, &self.receiving, clock, now);
                data.insert("step".into(), serde_json::json!(self.step - 1));
            }
            Transition::Transfer => {
                self.transfer(txn, command, &mut changes, &mut data).await?;
            }
            Transition::TransferBack => {
                let Some(back) = row.transfer_origin.clone() else {
                    return Err(invalid(
                        "transition",
                        "transfer_none",
                        "the dossier was not transferred to this agency",
                    ));
                };
                changes.transfer_origin = Some(None);
                changes.holding = Some(Some(back.clone()));
                changes.assignee = Some(None);
                data.insert("from_agency".into(), serde_json::json!(self.holding));
                data.insert("to_agency".into(), serde_json::json!(back));
            }
            Transition::Approve => {
                self.approve(txn, command, &mut changes, &mut data).await?;
            }
            Transition::Apologise => self.apologise(command, &mut changes, &mut data)?,
            Transition::Return => self.hand_over_at_desk(txn, actor, &mut data).await?,
        }
        let (from, to) = (self.from, self.to);
        if to != from && lifecycle::OPEN.contains(&from) && !lifecycle::OPEN.contains(&to) {
            changes.finished_at.get_or_insert(now);
        }
        Ok((changes, data))
    }

    /// `Assign`: to the specialist or leader named (the actor when none is), of the agency
    /// holding the dossier. A leader assigns anyone; the desk hands the dossier to a specialist
    /// (issue 27); anyone else takes it themself.
    async fn assign<C: ConnectionTrait>(
        &self,
        txn: &C,
        actor: &Actor,
        command: &Command,
        changes: &mut Changes,
        data: &mut Data,
    ) -> DomainResult<()> {
        let assignee = if command.assignee_id.trim().is_empty() {
            actor
                .account_id()
                .ok_or_else(|| invalid("assignee_id", "assignee_required", "choose a specialist"))?
                .to_owned()
        } else {
            command.assignee_id.trim().to_owned()
        };
        let person = account::Entity::find_by_id(assignee.clone())
            .one(txn)
            .await?;
        let roles = &self.standing.roles;
        let desk_to_specialist = roles.contains(&Role::IntakeClerk)
            && person
                .as_ref()
                .is_some_and(|p| Role::parse_list(&p.roles).contains(&Role::Specialist));
        if !roles.contains(&Role::Leader)
            && Some(assignee.as_str()) != actor.account_id()
            && !desk_to_specialist
        {
            return Err(DomainError::Forbidden(
                "only a leader assigns others".into(),
            ));
        }
        let fits = person.as_ref().is_some_and(|p| {
            !p.disabled
                && p.agency_code.as_deref() == Some(self.holding.as_str())
                && Role::parse_list(&p.roles)
                    .iter()
                    .any(|r| matches!(r, Role::Specialist | Role::Leader))
        });
        if !fits {
            return Err(invalid(
                "assignee_id",
                "assignee_agency",
                "choose a specialist or leader of the agency holding the dossier",
            ));
        }
        changes.assignee = Some(Some(assignee.clone()));
        data.insert("assignee_id".into(), serde_json::json!(assignee));
        data.insert(
            "assignee".into(),
            serde_json::json!(person.map(|p| p.full_name).unwrap_or_default()),
        );
        Ok(())
    }

    /// `Transfer`: to another existing agency, for its part; it transfers back when done.
    async fn transfer<C: ConnectionTrait>(
        &self,
        txn: &C,
        command: &Command,
        changes: &mut Changes,
        data: &mut Data,
    ) -> DomainResult<()> {
        let refused = || invalid("target_agency", "transfer_target", "choose another agency");
        let target = command.target_agency.trim().to_owned();
        if target.is_empty() || target == self.holding {
            return Err(refused());
        }
        let target_row = agency::Entity::find_by_id(target.clone())
            .one(txn)
            .await?
            .ok_or_else(refused)?;
        changes.transfer_origin = Some(Some(self.holding.clone()));
        changes.holding = Some(Some(target.clone()));
        changes.assignee = Some(None);
        data.insert("from_agency".into(), serde_json::json!(self.holding));
        data.insert("to_agency".into(), serde_json::json!(target));
        data.insert("to_agency_name".into(), serde_json::json!(target_row.name));
        Ok(())
    }

    /// `Approve`: the dossier is done, back at the receiving desk to be returned, with the
    /// signed result (if one was uploaded) recorded.
    async fn approve<C: ConnectionTrait>(
        &self,
        txn: &C,
        command: &Command,
        changes: &mut Changes,
        data: &mut Data,
    ) -> DomainResult<()> {
        let now = self.now;
        changes.finished_at = Some(now);
        changes.holding = Some(Some(self.receiving.clone()));
        changes.assignee = Some(None);
        changes.step_role = Some(None);
        changes.step_due_at = Some(None);
        // A dossier that needed an apology letter is late, whatever its new date says (the
        // statistics count it so too: `statistics::rollup::deltas`).
        let on_time = self.row.apologies == 0 && self.due_at.is_none_or(|due| now <= due);
        data.insert("on_time".into(), serde_json::json!(on_time));
        let signed = command.signed_result.as_ref();
        if let Some(sha256) =
            crate::results::record::record_signature(txn, &self.row.id, signed, now).await?
        {
            data.insert("result_sha256".into(), serde_json::json!(sha256));
        }
        Ok(())
    }

    /// `Apologise`: a later due date, a working day after the current one (and after today).
    fn apologise(
        &self,
        command: &Command,
        changes: &mut Changes,
        data: &mut Data,
    ) -> DomainResult<()> {
        let Some(date) = command.new_due_date else {
            return Err(invalid(
                "new_due_date",
                "due_date_required",
                "choose the new due date",
            ));
        };
        let new_due = self.clock.end_of_day(date);
        let floor = self.due_at.map_or(self.now, |d| d.max(self.now));
        if new_due.is_none_or(|d| d <= floor) {
            return Err(invalid(
                "new_due_date",
                "due_date_later",
                "choose a working day after the current due date",
            ));
        }
        changes.due_at = Some(new_due);
        changes.apologies = Some(self.row.apologies + 1);
        data.insert("old_due_at".into(), serde_json::json!(self.due_at));
        data.insert("due_at".into(), serde_json::json!(new_due));
        Ok(())
    }

    /// `Return` at the desk (a result sent by post is returned by its delivery,
    /// `postal::shipments`); not while a shipment of it is on its way.
    async fn hand_over_at_desk<C: ConnectionTrait>(
        &self,
        txn: &C,
        actor: &Actor,
        data: &mut Data,
    ) -> DomainResult<()> {
        let id = &self.row.id;
        let shipments = crate::postal::shipments::of_dossier(txn, id).await?;
        if crate::postal::shipments::live(&shipments).is_some() {
            return Err(invalid(
                "transition",
                "shipment_live",
                "the result is with the postal carrier: it is returned when delivered",
            ));
        }
        crate::results::record::record_delivery(txn, id, "desk", actor.audit_id(), self.now)
            .await?;
        data.insert("method".into(), serde_json::json!("desk"));
        Ok(())
    }
}
