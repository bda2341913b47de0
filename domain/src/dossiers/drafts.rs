//! Drafts: started from a procedure, prefilled from the profile, saved at every step with an
//! optimistic revision check (two tabs never silently overwrite each other), listed in "my
//! dossiers", resumed at the first step not done, deleted by their owner.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
};
use serde::Serialize;

use super::checks::{self, Problems};
use super::{owned_by, version_parts, Applicant, Delivery, Loaded, Status, Step};
use crate::access::Actor;
use crate::audit::{self, Entry, Origin, Outcome};
use crate::entities::{account, dossier, procedure, procedure_version};
use crate::error::{DomainError, DomainResult, FieldError};

/// The error code of a save refused because the draft changed elsewhere since it was loaded.
pub const CHANGED_ELSEWHERE: &str = "draft_changed";

/// What one step's save changes.
#[derive(Clone, Debug)]
pub enum Change {
    /// The applicant step.
    Applicant(Applicant),
    /// The form's answers (as typed).
    Answers(serde_json::Value),
    /// The applicant has uploaded what they have and goes on.
    Documents,
    /// How the result is returned.
    Delivery(Delivery),
}

impl Change {
    fn step(&self) -> Step {
        match self {
            Change::Applicant(_) => Step::Applicant,
            Change::Answers(_) => Step::Form,
            Change::Documents => Step::Documents,
            Change::Delivery(_) => Step::Delivery,
        }
    }
}

/// A row of "my dossiers".
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Dossier id.
    pub id: String,
    /// Code, once submitted.
    pub code: Option<String>,
    /// Procedure code.
    pub procedure_code: String,
    /// Procedure name.
    pub procedure_name: String,
    /// Status code.
    pub status: String,
    /// Last change.
    pub updated_at: DateTime<Utc>,
    /// Filed.
    pub submitted_at: Option<DateTime<Utc>>,
    /// Where a draft resumes.
    pub resume_step: Option<Step>,
}

/// The result of a save: the draft as stored and what its step still needs.
#[derive(Clone, Debug)]
pub struct Saved {
    /// The dossier with its new revision.
    pub loaded: Loaded,
    /// Every step's problems after the save.
    pub problems: Problems,
    /// The step that was saved.
    pub step: Step,
}

impl Saved {
    /// True when the saved step passed its checks.
    pub fn step_done(&self) -> bool {
        self.problems.get(&self.step).is_none_or(Vec::is_empty)
    }
}

fn now() -> DateTime<Utc> {
    Utc::now()
}

/// Loads a dossier with its procedure version (current for drafts, frozen afterwards), without
/// any access check (callers check).
pub(crate) async fn load_unchecked(db: &impl ConnectionTrait, id: &str) -> DomainResult<Loaded> {
    let dossier = dossier::Entity::find_by_id(id.to_owned())
        .one(db)
        .await?
        .ok_or_else(|| DomainError::NotFound(format!("dossier {id}")))?;
    let status = Status::from_code(&dossier.status)
        .ok_or_else(|| DomainError::Internal(format!("dossier {id}: status {}", dossier.status)))?;
    let version_number = if status == Status::Draft {
        procedure::Entity::find_by_id(dossier.procedure_code.clone())
            .one(db)
            .await?
            .map(|p| p.current_version)
            .unwrap_or(dossier.procedure_version)
    } else {
        dossier.procedure_version
    };
    let version = procedure_version::Entity::find()
        .filter(procedure_version::Column::ProcedureCode.eq(&dossier.procedure_code))
        .filter(procedure_version::Column::Version.eq(version_number))
        .one(db)
        .await?
        .ok_or_else(|| {
            DomainError::Internal(format!(
                "procedure {} has no version {version_number}",
                dossier.procedure_code
            ))
        })?;
    let (details, form) = version_parts(&version)?;
    let form = form.unwrap_or_else(|| crate::forms::default_schema(&details));
    let form = crate::payments::fee_rules::with_fee_questions(form, &details, &dossier.answers);
    Ok(Loaded {
        dossier,
        version,
        details,
        form,
        status,
    })
}

/// Any dossier without an access check, for tests and jobs that act for the system.
pub async fn load_for_tests(db: &impl ConnectionTrait, id: &str) -> DomainResult<Loaded> {
    load_unchecked(db, id).await
}

/// The caller's own dossier.
pub async fn load(db: &impl ConnectionTrait, actor: &Actor, id: &str) -> DomainResult<Loaded> {
    if matches!(actor, Actor::Anonymous) {
        return Err(DomainError::Unauthorized);
    }
    let loaded = load_unchecked(db, id).await?;
    owned_by(actor, &loaded.dossier)?;
    Ok(loaded)
}

/// Loads a dossier for reading: the owner's own (draft or filed), or a filed one that staff of
/// an agency with a part in it may read.
pub async fn load_readable(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: &str,
) -> DomainResult<Loaded> {
    if matches!(actor, Actor::Anonymous) {
        return Err(DomainError::Unauthorized);
    }
    let loaded = load_unchecked(db, id).await?;
    if owned_by(actor, &loaded.dossier).is_ok()
        || (loaded.status != Status::Draft
            && super::visibility::may_read(db, actor, &loaded.dossier).await?)
    {
        Ok(loaded)
    } else {
        Err(DomainError::NotFound(format!("dossier {id}")))
    }
}

/// Starts a draft for a procedure that can be done online, prefilled from the profile.
pub async fn start(
    db: &impl ConnectionTrait,
    actor: &Actor,
    origin: &Origin,
    procedure_code: &str,
) -> DomainResult<Loaded> {
    let account_id = match actor {
        Actor::Citizen { account_id, .. } => account_id.clone(),
        Actor::Anonymous => return Err(DomainError::Unauthorized),
        _ => {
            return Err(DomainError::Forbidden(
                "only citizen and business accounts file dossiers online".into(),
            ))
        }
    };
    let procedure = procedure::Entity::find_by_id(procedure_code.to_owned())
        .one(db)
        .await?
        .ok_or_else(|| DomainError::NotFound(format!("procedure {procedure_code}")))?;
    if procedure.level == "information" {
        return Err(DomainError::Validation(vec![FieldError::rule(
            "procedure",
            "procedure_not_online",
            "this procedure cannot be filed online",
        )]));
    }
    let account = account::Entity::find_by_id(account_id.clone())
        .one(db)
        .await?
        .ok_or(DomainError::Unauthorized)?;
    let applicant = Applicant {
        full_name: account.full_name.clone(),
        citizen_id: account.citizen_id.clone().unwrap_or_default(),
        date_of_birth: account
            .date_of_birth
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default(),
        phone: account.phone.clone().unwrap_or_default(),
        email: account.email.clone().unwrap_or_default(),
        province: account.province_code.clone().unwrap_or_default(),
        commune: account.commune_code.clone().unwrap_or_default(),
        street: account.street.clone().unwrap_or_default(),
        ..Applicant::default()
    };
    // A commune-level procedure goes to the People's Committee where the applicant lives,
    // unless they choose another.
    let mut applicant = applicant;
    if let Some(commune) = &account.commune_code {
        if let Some(home) = crate::entities::agency::Entity::find()
            .filter(crate::entities::agency::Column::CommuneCode.eq(commune))
            .filter(crate::entities::agency::Column::Level.eq("commune"))
            .one(db)
            .await?
        {
            applicant.receiving_agency = home.code;
        }
    }
    let id = insert_draft(db, &account_id, &procedure, &applicant, Channel::Online).await?;
    audit::record(
        db,
        origin,
        Entry {
            actor_id: Some(account_id),
            actor_label: account.full_name,
            action: "dossier.draft_start",
            target_type: Some("dossier"),
            target_id: Some(id.clone()),
            agency_code: None,
            outcome: Outcome::Success,
            detail: Some(serde_json::json!({ "procedure": procedure.code })),
        },
    )
    .await?;
    load_unchecked(db, &id).await
}

/// How a dossier reached the portal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Channel {
    /// Filed online by its applicant.
    Online,
    /// Brought to the one-stop desk and registered by a clerk.
    Desk,
    /// Sent in by post and registered by the desk, with the postal item's reference.
    Post(String),
}

impl Channel {
    /// Stored code (`dossier.channel`).
    pub fn code(&self) -> &'static str {
        match self {
            Channel::Online => "online",
            Channel::Desk => "desk",
            Channel::Post(_) => "post",
        }
    }
}

/// Inserts a new draft of `procedure` owned by `owner_id`; returns its id.
pub(crate) async fn insert_draft(
    db: &impl ConnectionTrait,
    owner_id: &str,
    procedure: &procedure::Model,
    applicant: &Applicant,
    channel: Channel,
) -> DomainResult<String> {
    let id = uuid::Uuid::new_v4().to_string();
    let now = now();
    dossier::Entity::insert(dossier::ActiveModel {
        id: Set(id.clone()),
        code: Set(None),
        owner_id: Set(owner_id.to_owned()),
        organisation_id: Set(None),
        procedure_code: Set(procedure.code.clone()),
        procedure_version: Set(procedure.current_version),
        receiving_agency_code: Set(None),
        status: Set(Status::Draft.code().to_owned()),
        applicant: Set(json(applicant)?),
        answers: Set(serde_json::json!({})),
        delivery: Set(json(&Delivery::default())?),
        progress: Set(String::new()),
        declared_at: Set(None),
        fee_due_vnd: Set(None),
        revision: Set(1),
        created_at: Set(now.fixed_offset()),
        updated_at: Set(now.fixed_offset()),
        submitted_at: Set(None),
        draft_notice_at: Set(None),
        channel: Set(channel.code().to_owned()),
        intake_reference: Set(match channel {
            Channel::Post(reference) => Some(reference),
            _ => None,
        }),
        // The back-office columns keep their database defaults until the dossier is filed.
        ..Default::default()
    })
    .exec_without_returning(db)
    .await?;
    Ok(id)
}

pub(crate) fn json<T: Serialize>(value: &T) -> DomainResult<serde_json::Value> {
    serde_json::to_value(value).map_err(|e| DomainError::Internal(e.to_string()))
}

/// Saves one step of a draft. `expected_revision` is the revision the page was rendered from;
/// when the draft changed since (another tab, another device) the save is refused with
/// [`CHANGED_ELSEWHERE`] and nothing is overwritten, unless it is `None` (the applicant chose
/// to keep this page's version). Answers are stored even when they break rules; the step counts
/// as done only when they pass.
pub async fn save(
    db: &impl ConnectionTrait,
    actor: &Actor,
    id: &str,
    expected_revision: Option<i32>,
    change: Change,
    today: NaiveDate,
) -> DomainResult<Saved> {
    let mut loaded = load(db, actor, id).await?;
    if loaded.status != Status::Draft {
        return Err(DomainError::Conflict("dossier_already_submitted".into()));
    }
    let current = loaded.dossier.revision;
    if expected_revision.is_some_and(|r| r != current) {
        return Err(DomainError::Conflict(CHANGED_ELSEWHERE.into()));
    }
    let step = change.step();
    match change {
        Change::Applicant(a) => {
            loaded.dossier.organisation_id = (a.on_behalf == super::OnBehalf::Organisation
                && !a.organisation_id.is_empty())
            .then(|| a.organisation_id.clone());
            loaded.dossier.applicant = json(&a)?;
        }
        Change::Answers(answers) => loaded.dossier.answers = answers,
        Change::Documents => {}
        Change::Delivery(d) => loaded.dossier.delivery = json(&d)?,
    }
    let problems = checks::problems(db, actor, &loaded, today).await?;
    let mut done = loaded.done();
    done.retain(|s| *s != step);
    if problems.get(&step).is_none_or(Vec::is_empty) {
        done.push(step);
    }
    done.sort();
    let progress = done.iter().map(|s| s.code()).collect::<Vec<_>>().join(",");
    let now = now().fixed_offset();
    let result = dossier::Entity::update_many()
        .col_expr(
            dossier::Column::Applicant,
            Expr::value(loaded.dossier.applicant.clone()),
        )
        .col_expr(
            dossier::Column::Answers,
            Expr::value(loaded.dossier.answers.clone()),
        )
        .col_expr(
            dossier::Column::Delivery,
            Expr::value(loaded.dossier.delivery.clone()),
        )
        .col_expr(
            dossier::Column::OrganisationId,
            Expr::value(loaded.dossier.organisation_id.clone()),
        )
        .col_expr(dossier::Column::Progress, Expr::value(progress.clone()))
        .col_expr(dossier::Column::Revision, Expr::value(current + 1))
        .col_expr(dossier::Column::UpdatedAt, Expr::value(now))
        .col_expr(
            dossier::Column::DraftNoticeAt,
            Expr::value(Option::<chrono::DateTime<chrono::FixedOffset>>::None),
        )
        .filter(dossier::Column::Id.eq(id))
        .filter(dossier::Column::Revision.eq(current))
        .filter(dossier::Column::Status.eq(Status::Draft.code()))
        .exec(db)
        .await?;
    if result.rows_affected != 1 {
        return Err(DomainError::Conflict(CHANGED_ELSEWHERE.into()));
    }
    loaded.dossier.progress = progress;
    loaded.dossier.revision = current + 1;
    loaded.dossier.updated_at = now;
    Ok(Saved {
        loaded,
        problems,
        step,
    })
}

/// The caller's dossiers, newest first: drafts and filed ones.
pub async fn list_mine(db: &impl ConnectionTrait, actor: &Actor) -> DomainResult<Vec<Summary>> {
    let account_id = actor.account_id().ok_or(DomainError::Unauthorized)?;
    let rows = dossier::Entity::find()
        .filter(dossier::Column::OwnerId.eq(account_id))
        .order_by_desc(dossier::Column::UpdatedAt)
        .find_also_related_procedure(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(d, name)| {
            let done: Vec<Step> = d.progress.split(',').filter_map(Step::parse).collect();
            let resume_step = (d.status == Status::Draft.code()).then(|| {
                Step::ALL
                    .into_iter()
                    .find(|s| !done.contains(s))
                    .unwrap_or(Step::Review)
            });
            Summary {
                id: d.id,
                code: d.code,
                procedure_code: d.procedure_code,
                procedure_name: name,
                status: d.status,
                updated_at: d.updated_at.with_timezone(&Utc),
                submitted_at: d.submitted_at.map(|t| t.with_timezone(&Utc)),
                resume_step,
            }
        })
        .collect())
}

/// Dossiers with their procedure's current name (no relation is declared between the tables,
/// so the names are fetched in one query).
trait WithProcedureName {
    async fn find_also_related_procedure(
        self,
        db: &impl ConnectionTrait,
    ) -> DomainResult<Vec<(dossier::Model, String)>>;
}

impl WithProcedureName for sea_orm::Select<dossier::Entity> {
    async fn find_also_related_procedure(
        self,
        db: &impl ConnectionTrait,
    ) -> DomainResult<Vec<(dossier::Model, String)>> {
        let dossiers = self.all(db).await?;
        let codes: Vec<String> = dossiers.iter().map(|d| d.procedure_code.clone()).collect();
        let names: std::collections::HashMap<String, String> = procedure::Entity::find()
            .filter(procedure::Column::Code.is_in(codes))
            .all(db)
            .await?
            .into_iter()
            .map(|p| (p.code, p.name))
            .collect();
        Ok(dossiers
            .into_iter()
            .map(|d| {
                let name = names.get(&d.procedure_code).cloned().unwrap_or_default();
                (d, name)
            })
            .collect())
    }
}

/// Deletes one of the caller's drafts (its files stay in "my documents").
pub async fn delete_draft(
    db: &impl ConnectionTrait,
    actor: &Actor,
    origin: &Origin,
    id: &str,
) -> DomainResult<()> {
    let loaded = load(db, actor, id).await?;
    if loaded.status != Status::Draft {
        return Err(DomainError::Conflict("dossier_already_submitted".into()));
    }
    dossier::Entity::delete_many()
        .filter(dossier::Column::Id.eq(id))
        .filter(dossier::Column::Status.eq(Status::Draft.code()))
        .exec(db)
        .await?;
    Entry::by(db, actor, "dossier.draft_delete")
        .await?
        .on("dossier", id.to_owned())
        .record(db, origin)
        .await
}
