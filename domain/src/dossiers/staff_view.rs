//! What the back office shows of one dossier: the row, its procedure and workflow, every event
//! (internal notes included), the working time left and the moves the viewer may take. Staff
//! of an agency with no part in the dossier are told it does not exist.

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use super::deadlines::Clock;
use super::lifecycle::{self, Transition};
use super::processing::standing;
use super::visibility::may_read;
use super::workflow::{self, StepDef};
use super::Status;
use crate::access::{Actor, Role};
use crate::catalogue::ProcedureDetails;
use crate::entities::{account, dossier, dossier_event, procedure};
use crate::error::{DomainError, DomainResult};

/// One dossier as staff see it.
#[derive(Clone, Debug)]
pub struct StaffDossier {
    /// The row.
    pub row: dossier::Model,
    /// Status.
    pub status: Status,
    /// Its procedure.
    pub procedure: procedure::Model,
    /// The workflow.
    pub steps: Vec<StepDef>,
    /// The agency each step happens in, in step order.
    pub step_agencies: Vec<String>,
    /// Every event, oldest first.
    pub events: Vec<dossier_event::Model>,
    /// Name of the assigned staff member.
    pub assignee_name: Option<String>,
    /// Moves the viewer may take now.
    pub available: Vec<Transition>,
    /// Working minutes left (negative: overdue) while the dossier is open and has a due date.
    pub minutes_left: Option<i64>,
    /// The agency holding it now.
    pub holding: String,
}

/// Loads dossier `id` for a staff member who may read it.
pub async fn load<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    id: &str,
    now: DateTime<Utc>,
) -> DomainResult<StaffDossier> {
    if !matches!(actor, Actor::Staff { .. }) {
        return Err(match actor {
            Actor::Anonymous => DomainError::Unauthorized,
            _ => DomainError::NotFound(format!("dossier {id}")),
        });
    }
    let row = dossier::Entity::find_by_id(id.to_owned())
        .one(db)
        .await?
        .ok_or_else(|| DomainError::NotFound(format!("dossier {id}")))?;
    let status = Status::from_code(&row.status)
        .ok_or_else(|| DomainError::Internal(format!("status {}", row.status)))?;
    if status == Status::Draft || !may_read(db, actor, &row).await? {
        return Err(DomainError::NotFound(format!("dossier {id}")));
    }
    let procedure = procedure::Entity::find_by_id(row.procedure_code.clone())
        .one(db)
        .await?
        .ok_or_else(|| DomainError::Internal(format!("procedure {}", row.procedure_code)))?;
    let details: ProcedureDetails =
        serde_json::from_value(procedure.details.clone()).unwrap_or_default();
    let receiving = row.receiving_agency_code.clone().unwrap_or_default();
    let holding = row
        .holding_agency_code
        .clone()
        .unwrap_or_else(|| receiving.clone());
    let steps = workflow::steps(db, &procedure).await?;
    let processing = workflow::processing_agency(&procedure, &details);
    let step_agencies = steps
        .iter()
        .map(|s| workflow::step_agency(s, processing.as_deref(), &receiving))
        .collect();
    let events = dossier_event::Entity::find()
        .filter(dossier_event::Column::DossierId.eq(id))
        .order_by_asc(dossier_event::Column::Id)
        .all(db)
        .await?;
    let assignee_name = match &row.assignee_id {
        Some(a) => account::Entity::find_by_id(a.clone())
            .one(db)
            .await?
            .map(|a| a.full_name),
        None => None,
    };
    let open = lifecycle::OPEN.contains(&status);
    let clock = Clock::for_agency(db, &holding).await?;
    let minutes_left = row.due_at.filter(|_| open).map(|due| {
        clock.left(
            row.paused_at.map_or(now, |p| p.with_timezone(&Utc)),
            due.with_timezone(&Utc),
        )
    });
    let resume = row.resume_status.as_deref().and_then(Status::from_code);
    let available = lifecycle::offered(
        status,
        resume,
        &standing(actor, &row),
        &workflow::position(&steps, &row),
    );
    Ok(StaffDossier {
        row,
        status,
        procedure,
        steps,
        step_agencies,
        events,
        assignee_name,
        available,
        minutes_left,
        holding,
    })
}

/// Staff of `agency` who can be given a dossier (specialists and leaders, enabled), as
/// `(id, name)`: all of them for a leader, the specialists for an intake clerk (the desk hands
/// an accepted dossier on; issue 27), only themself for anyone else.
pub async fn assignable<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    agency: &str,
) -> DomainResult<Vec<(String, String)>> {
    let me = actor.account_id().unwrap_or_default();
    let leader = actor.has_role(Role::Leader);
    let desk = actor.has_role(Role::IntakeClerk);
    Ok(account::Entity::find()
        .filter(account::Column::AgencyCode.eq(agency))
        .filter(account::Column::Disabled.eq(false))
        .order_by_asc(account::Column::FullName)
        .all(db)
        .await?
        .into_iter()
        .filter(|a| {
            Role::parse_list(&a.roles)
                .iter()
                .any(|r| matches!(r, Role::Specialist | Role::Leader))
        })
        .filter(|a| {
            leader || a.id == me || (desk && Role::parse_list(&a.roles).contains(&Role::Specialist))
        })
        .map(|a| (a.id, a.full_name))
        .collect())
}

/// Event `event_id` of dossier `dossier_id` (the caller has checked that the reader may see
/// the dossier).
pub async fn event<C: ConnectionTrait>(
    db: &C,
    dossier_id: &str,
    event_id: i64,
) -> DomainResult<dossier_event::Model> {
    dossier_event::Entity::find_by_id(event_id)
        .one(db)
        .await?
        .filter(|e| e.dossier_id == dossier_id)
        .ok_or_else(|| DomainError::NotFound(format!("event {event_id}")))
}

/// Where an open dossier is, as its applicant may know: the current step, the agency holding
/// it and the working time left (counted up to the pause while waiting for the applicant).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Position {
    /// The step's name (empty for a default step: named after its role).
    pub step_name: String,
    /// Who acts at this step.
    pub role: Option<Role>,
    /// The agency holding the dossier.
    pub agency_name: String,
    /// Working minutes left (negative: late).
    pub minutes_left: Option<i64>,
}

/// The [`Position`] of `row` (the caller has checked that the reader may see it).
pub async fn position<C: ConnectionTrait>(
    db: &C,
    row: &dossier::Model,
    now: DateTime<Utc>,
) -> DomainResult<Position> {
    let holding = row
        .holding_agency_code
        .clone()
        .or_else(|| row.receiving_agency_code.clone())
        .unwrap_or_default();
    let procedure = procedure::Entity::find_by_id(row.procedure_code.clone())
        .one(db)
        .await?
        .ok_or_else(|| DomainError::Internal(format!("procedure {}", row.procedure_code)))?;
    let steps = workflow::steps(db, &procedure).await?;
    let step = row
        .step_index
        .and_then(|i| usize::try_from(i).ok())
        .and_then(|i| steps.get(i));
    let agency_name = crate::entities::agency::Entity::find_by_id(holding.clone())
        .one(db)
        .await?
        .map_or(holding.clone(), |a| a.name);
    let clock = Clock::for_agency(db, &holding).await?;
    let minutes_left = row.due_at.map(|due| {
        clock.left(
            row.paused_at.map_or(now, |p| p.with_timezone(&Utc)),
            due.with_timezone(&Utc),
        )
    });
    Ok(Position {
        step_name: step.map(|s| s.name.clone()).unwrap_or_default(),
        role: step.map(|s| s.role),
        agency_name,
        minutes_left,
    })
}
