//! A procedure's processing workflow: ISO-style steps kept as data (`procedure_step`), each with
//! the role that acts, the agency it happens in and its time allowance in working hours.
//!
//! A procedure without configured steps gets the default two: a specialist reviews (70% of the
//! processing time), a leader approves (the rest). Administrators replace them per procedure
//! with [`replace`].
//!
//! A dossier must never wait at a step nobody can take (issue 27): [`staffing_gaps`] lists the
//! steps whose role has no active staff in an agency that uses them, for `/ready` and the
//! workflow editor, and `queues` shows the dossiers already waiting at such a step to the
//! agency administrator.

use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
};
use serde::{Deserialize, Serialize};

use super::lifecycle::Position;
use crate::access::{Actor, Role};
use crate::audit::{Entry, Origin};
use crate::catalogue::ProcedureDetails;
use crate::entities::{account, agency, dossier, procedure, procedure_step};
use crate::error::{DomainError, DomainResult, FieldError};

/// One step of a workflow.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepDef {
    /// Name shown to staff; empty for a default step (the UI names it after its role).
    pub name: String,
    /// Who acts.
    pub role: Role,
    /// Where; `None`: the procedure's processing agency.
    pub agency_code: Option<String>,
    /// Allowance in working hours.
    pub allowance_hours: i32,
}

/// The default workflow for a procedure that takes `processing_days` working days.
pub fn default_steps(processing_days: i32) -> Vec<StepDef> {
    let total = (processing_days.max(1)) * 8;
    let review = (total * 7 / 10).max(1);
    vec![
        StepDef {
            name: String::new(),
            role: Role::Specialist,
            agency_code: None,
            allowance_hours: review,
        },
        StepDef {
            name: String::new(),
            role: Role::Leader,
            agency_code: None,
            allowance_hours: (total - review).max(1),
        },
    ]
}

/// The configured steps of `procedure_code`, or the default ones.
pub async fn steps<C: ConnectionTrait>(
    db: &C,
    procedure: &procedure::Model,
) -> DomainResult<Vec<StepDef>> {
    let rows = procedure_step::Entity::find()
        .filter(procedure_step::Column::ProcedureCode.eq(&procedure.code))
        .order_by_asc(procedure_step::Column::Position)
        .all(db)
        .await?;
    if rows.is_empty() {
        return Ok(default_steps(procedure.processing_days));
    }
    Ok(rows
        .into_iter()
        .map(|r| StepDef {
            name: r.name,
            role: Role::from_code(&r.role).unwrap_or(Role::Specialist),
            agency_code: r.agency_code,
            allowance_hours: r.allowance_hours,
        })
        .collect())
}

/// The agency that processes a procedure's dossiers: the first processing agency named, else
/// the implementing agency; `None` for commune-level procedures, processed where they were filed.
pub fn processing_agency(
    procedure: &procedure::Model,
    details: &ProcedureDetails,
) -> Option<String> {
    details
        .processing
        .iter()
        .find_map(|p| p.agency.clone())
        .or_else(|| procedure.agency_code.clone())
}

/// The agency a step happens in: its own, else the processing agency, else the agency that
/// received the dossier.
pub fn step_agency(step: &StepDef, processing: Option<&str>, receiving: &str) -> String {
    step.agency_code
        .clone()
        .or_else(|| processing.map(str::to_owned))
        .unwrap_or_else(|| receiving.to_owned())
}

/// Where dossier `row` stands in its workflow `steps`.
pub fn position(steps: &[StepDef], row: &dossier::Model) -> Position {
    let step = usize::try_from(row.step_index.unwrap_or(0)).unwrap_or(0);
    Position {
        step,
        steps: steps.len(),
        step_role: steps.get(step).map(|d| d.role),
        transferred: row.transfer_origin.is_some(),
    }
}

/// Checks a workflow an administrator typed: at least one step, the last one a leader's
/// approval, known roles that process dossiers, existing agencies, allowances of 1–2000 hours.
pub async fn validate<C: ConnectionTrait>(db: &C, steps: &[StepDef]) -> DomainResult<()> {
    let mut errors = Vec::new();
    if steps.is_empty() {
        errors.push(FieldError::rule(
            "steps",
            "workflow_empty",
            "add at least one step",
        ));
    }
    if steps.last().is_some_and(|s| s.role != Role::Leader) {
        errors.push(FieldError::rule(
            "steps",
            "workflow_last_leader",
            "the last step must be the leader's approval",
        ));
    }
    for (i, step) in steps.iter().enumerate() {
        let field = format!("steps[{i}]");
        if !matches!(step.role, Role::Specialist | Role::Leader) {
            errors.push(FieldError::rule(
                format!("{field}.role"),
                "workflow_role",
                "a step is taken by a specialist or a leader",
            ));
        }
        if !(1..=2000).contains(&step.allowance_hours) {
            errors.push(FieldError::rule(
                format!("{field}.allowance_hours"),
                "workflow_allowance",
                "give 1 to 2000 working hours",
            ));
        }
        if let Some(code) = &step.agency_code {
            if agency::Entity::find_by_id(code.clone())
                .one(db)
                .await?
                .is_none()
            {
                errors.push(FieldError::rule(
                    format!("{field}.agency_code"),
                    "workflow_agency",
                    "choose an existing agency",
                ));
            }
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(DomainError::Validation(errors))
    }
}

/// A procedure's workflow as the administrator's editor shows it.
#[derive(Clone, Debug)]
pub struct Editable {
    /// The procedure.
    pub procedure: procedure::Model,
    /// Its steps (configured, or the default ones).
    pub steps: Vec<StepDef>,
    /// True when no steps are configured and the default ones apply.
    pub default: bool,
    /// The agency that processes its dossiers when a step names none.
    pub processing_agency: Option<String>,
}

/// The workflow of `procedure_code` for editing (system administrators).
pub async fn editable<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    procedure_code: &str,
) -> DomainResult<Editable> {
    if matches!(actor, Actor::Anonymous) {
        return Err(DomainError::Unauthorized);
    }
    if !actor.has_role(Role::SystemAdmin) {
        return Err(DomainError::Forbidden("workflow".into()));
    }
    let procedure = procedure::Entity::find_by_id(procedure_code.trim().to_owned())
        .one(db)
        .await?
        .ok_or_else(|| DomainError::NotFound(format!("procedure {procedure_code}")))?;
    let configured = procedure_step::Entity::find()
        .filter(procedure_step::Column::ProcedureCode.eq(&procedure.code))
        .one(db)
        .await?
        .is_some();
    let details: ProcedureDetails =
        serde_json::from_value(procedure.details.clone()).unwrap_or_default();
    Ok(Editable {
        steps: steps(db, &procedure).await?,
        default: !configured,
        processing_agency: processing_agency(&procedure, &details),
        procedure,
    })
}

/// Replaces the steps of a procedure (system administrators), audited. Dossiers already in
/// processing keep their step index; the new steps apply from their next move.
pub async fn replace(
    db: &sea_orm::DatabaseConnection,
    actor: &Actor,
    origin: &Origin,
    procedure_code: &str,
    steps: &[StepDef],
) -> DomainResult<()> {
    if matches!(actor, Actor::Anonymous) {
        return Err(DomainError::Unauthorized);
    }
    if !actor.has_role(Role::SystemAdmin) {
        return Err(DomainError::Forbidden("workflow".into()));
    }
    procedure::Entity::find_by_id(procedure_code.to_owned())
        .one(db)
        .await?
        .ok_or_else(|| DomainError::NotFound(format!("procedure {procedure_code}")))?;
    validate(db, steps).await?;
    let txn = crate::db::begin_write(db).await?;
    procedure_step::Entity::delete_many()
        .filter(procedure_step::Column::ProcedureCode.eq(procedure_code))
        .exec(&txn)
        .await?;
    for (i, step) in steps.iter().enumerate() {
        procedure_step::Entity::insert(procedure_step::ActiveModel {
            procedure_code: Set(procedure_code.to_owned()),
            position: Set(i32::try_from(i).unwrap_or(i32::MAX)),
            name: Set(step.name.trim().to_owned()),
            role: Set(step.role.code().to_owned()),
            agency_code: Set(step.agency_code.clone()),
            allowance_hours: Set(step.allowance_hours),
        })
        .exec_without_returning(&txn)
        .await?;
    }
    Entry::by(&txn, actor, "procedure.workflow")
        .await?
        .on("procedure", procedure_code.to_owned())
        .detail(serde_json::json!({ "steps": steps }))
        .record(&txn, origin)
        .await?;
    txn.commit().await?;
    Ok(())
}

/// A step nobody can take: in `agency_code` no active staff member holds `role`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffingGap {
    /// The procedure.
    pub procedure_code: String,
    /// Index of the step (0-based).
    pub step: usize,
    /// The role the step needs.
    pub role: Role,
    /// The agency where nobody holds it.
    pub agency_code: String,
}

/// The roles held by active (not disabled) staff, per agency that has any active staff. An
/// agency without staff accounts does not work in the portal yet, so it is not "using" steps.
pub async fn staffed_roles<C: ConnectionTrait>(
    db: &C,
) -> DomainResult<std::collections::BTreeMap<String, Vec<Role>>> {
    let mut out: std::collections::BTreeMap<String, Vec<Role>> = Default::default();
    let staff = account::Entity::find()
        .filter(account::Column::Kind.eq("staff"))
        .filter(account::Column::Disabled.eq(false))
        .all(db)
        .await?;
    for a in staff {
        let Some(code) = a.agency_code else { continue };
        let roles = out.entry(code).or_default();
        for r in Role::parse_list(&a.roles) {
            if !roles.contains(&r) {
                roles.push(r);
            }
        }
    }
    Ok(out)
}

/// The roles of the workflow that nobody active holds in `agency` (intake at the desk, a
/// specialist's review, a leader's approval): the steps a dossier there would wait at forever.
pub async fn missing_roles<C: ConnectionTrait>(db: &C, agency: &str) -> DomainResult<Vec<Role>> {
    let staff = account::Entity::find()
        .filter(account::Column::AgencyCode.eq(agency))
        .filter(account::Column::Disabled.eq(false))
        .all(db)
        .await?;
    let held: Vec<Role> = staff
        .iter()
        .flat_map(|a| Role::parse_list(&a.roles))
        .collect();
    Ok([Role::IntakeClerk, Role::Specialist, Role::Leader]
        .into_iter()
        .filter(|r| !held.contains(r))
        .collect())
}

/// The gaps of one procedure's `steps`: each step's agency (its own, else the processing
/// agency; for commune-level procedures every commune with staff, since each receives and
/// processes them) checked against `staffed`.
fn gaps_of(
    procedure_code: &str,
    steps: &[StepDef],
    processing: Option<&str>,
    staffed: &std::collections::BTreeMap<String, Vec<Role>>,
    communes: &[String],
) -> Vec<StaffingGap> {
    let mut out = Vec::new();
    for (i, step) in steps.iter().enumerate() {
        let agencies: Vec<&str> = match step.agency_code.as_deref().or(processing) {
            Some(code) => vec![code],
            None => communes.iter().map(String::as_str).collect(),
        };
        for code in agencies {
            if let Some(roles) = staffed.get(code) {
                if !roles.contains(&step.role) {
                    out.push(StaffingGap {
                        procedure_code: procedure_code.to_owned(),
                        step: i,
                        role: step.role,
                        agency_code: code.to_owned(),
                    });
                }
            }
        }
    }
    out
}

/// Communes (agencies of level `commune`) among the agencies with staff.
async fn staffed_communes<C: ConnectionTrait>(
    db: &C,
    staffed: &std::collections::BTreeMap<String, Vec<Role>>,
) -> DomainResult<Vec<String>> {
    Ok(agency::Entity::find()
        .filter(agency::Column::Code.is_in(staffed.keys().cloned()))
        .filter(agency::Column::Level.eq("commune"))
        .all(db)
        .await?
        .into_iter()
        .map(|a| a.code)
        .collect())
}

/// The gaps of `steps` (the ones shown in the editor) for `procedure`.
pub async fn procedure_gaps<C: ConnectionTrait>(
    db: &C,
    procedure: &procedure::Model,
    steps: &[StepDef],
) -> DomainResult<Vec<StaffingGap>> {
    let staffed = staffed_roles(db).await?;
    let communes = staffed_communes(db, &staffed).await?;
    let details: ProcedureDetails =
        serde_json::from_value(procedure.details.clone()).unwrap_or_default();
    let processing = processing_agency(procedure, &details);
    Ok(gaps_of(
        &procedure.code,
        steps,
        processing.as_deref(),
        &staffed,
        &communes,
    ))
}

/// Every step of every procedure whose role has no active staff in an agency that uses it
/// (`/ready` reports them as a warning: the site still serves, but such dossiers would wait
/// forever).
pub async fn staffing_gaps<C: ConnectionTrait>(db: &C) -> DomainResult<Vec<StaffingGap>> {
    let staffed = staffed_roles(db).await?;
    let communes = staffed_communes(db, &staffed).await?;
    let mut configured: std::collections::BTreeMap<String, Vec<procedure_step::Model>> =
        Default::default();
    for row in procedure_step::Entity::find()
        .order_by_asc(procedure_step::Column::Position)
        .all(db)
        .await?
    {
        configured
            .entry(row.procedure_code.clone())
            .or_default()
            .push(row);
    }
    let mut out = Vec::new();
    for procedure in procedure::Entity::find()
        .order_by_asc(procedure::Column::Code)
        .all(db)
        .await?
    {
        let steps = match configured.get(&procedure.code) {
            Some(rows) => rows
                .iter()
                .map(|r| StepDef {
                    name: r.name.clone(),
                    role: Role::from_code(&r.role).unwrap_or(Role::Specialist),
                    agency_code: r.agency_code.clone(),
                    allowance_hours: r.allowance_hours,
                })
                .collect(),
            None => default_steps(procedure.processing_days),
        };
        let details: ProcedureDetails =
            serde_json::from_value(procedure.details.clone()).unwrap_or_default();
        let processing = processing_agency(&procedure, &details);
        out.extend(gaps_of(
            &procedure.code,
            &steps,
            processing.as_deref(),
            &staffed,
            &communes,
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_workflow_splits_the_time_and_ends_with_the_leader() {
        let steps = default_steps(5);
        assert_eq!(steps.len(), 2);
        assert_eq!(steps[0].role, Role::Specialist);
        assert_eq!(steps[1].role, Role::Leader);
        assert_eq!(steps[0].allowance_hours + steps[1].allowance_hours, 40);
        assert_eq!(steps[0].allowance_hours, 28);
        // Same-day procedures still give each step some time.
        let quick = default_steps(0);
        assert!(quick.iter().all(|s| s.allowance_hours >= 1));
    }

    #[test]
    fn a_step_happens_in_its_own_agency_else_the_processing_one_else_the_desk() {
        let step = &default_steps(1)[0];
        assert_eq!(step_agency(step, None, "DESK"), "DESK");
        assert_eq!(step_agency(step, Some("DEPT"), "DESK"), "DEPT");
        let own = StepDef {
            agency_code: Some("OWN".into()),
            ..step.clone()
        };
        assert_eq!(step_agency(&own, Some("DEPT"), "DESK"), "OWN");
    }
}
