//! Counter intake (tiếp nhận trực tiếp): an intake clerk registers a dossier brought to the
//! one-stop desk, or one sent in by post (with the postal item's reference), for a citizen who
//! does not file online. The clerk fills the same steps as the online journey (applicant typed
//! from the paper form, answers, the scanned documents, how the result is returned), and the
//! same checks and the same idempotent submission apply; the dossier is then in the desk's
//! "new" queue like any other, where the clerk accepts it and prints the receipt & appointment
//! slip.
//!
//! The draft belongs to the clerk's account (the citizen may have none); its channel records
//! how it came in, and no e-mail goes to the clerk on the applicant's behalf.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use super::drafts::{self, Channel};
use super::{Applicant, Loaded};
use crate::access::{Actor, Role};
use crate::audit::{Entry, Origin};
use crate::entities::{agency, procedure};
use crate::error::{invalid, DomainError, DomainResult};

/// The longest postal reference kept (VNPost item numbers are 13 characters).
const REFERENCE_MAX: usize = 64;

/// The receiving agency of `procedure` when it names one.
fn fixed_receiving(procedure: &procedure::Model) -> Option<String> {
    let details: crate::catalogue::ProcedureDetails =
        serde_json::from_value(procedure.details.clone()).unwrap_or_default();
    details.receiving.and_then(|r| r.agency)
}

/// Starts a draft at the desk of the clerk's agency. Refused (`Validation`, naming the field)
/// when the procedure is unknown, when its dossiers are received by another agency's desk, or
/// when a postal dossier has no reference; `Forbidden` for anyone but an intake clerk.
pub async fn start_at_desk(
    db: &impl ConnectionTrait,
    actor: &Actor,
    origin: &Origin,
    procedure_code: &str,
    channel: Channel,
) -> DomainResult<Loaded> {
    let (account_id, desk) = match actor {
        Actor::Staff {
            account_id,
            agency_code,
            roles,
        } if roles.contains(&Role::IntakeClerk) => (account_id.clone(), agency_code.clone()),
        Actor::Anonymous => return Err(DomainError::Unauthorized),
        _ => {
            return Err(DomainError::Forbidden(
                "only intake clerks register dossiers at the desk".into(),
            ))
        }
    };
    let channel = match channel {
        Channel::Post(reference) => {
            let reference = reference.trim().to_uppercase();
            if reference.is_empty() {
                return Err(invalid(
                    "intake_reference",
                    "intake_reference_required",
                    "enter the postal item's reference",
                ));
            }
            if reference.chars().count() > REFERENCE_MAX {
                return Err(invalid(
                    "intake_reference",
                    "intake_reference_long",
                    "the reference is too long",
                ));
            }
            Channel::Post(reference)
        }
        other => other,
    };
    let code = procedure_code.trim();
    let procedure = procedure::Entity::find_by_id(code.to_owned())
        .one(db)
        .await?
        .ok_or_else(|| {
            invalid(
                "procedure",
                "procedure_unknown",
                "no procedure has this code",
            )
        })?;
    let desk_agency = agency::Entity::find_by_id(desk.clone())
        .one(db)
        .await?
        .ok_or_else(|| DomainError::Internal(format!("agency {desk}")))?;
    let mut applicant = Applicant::default();
    match fixed_receiving(&procedure) {
        Some(receiving) if receiving != desk => {
            return Err(invalid(
                "procedure",
                "procedure_other_desk",
                "this procedure's dossiers are received by another agency's desk",
            ))
        }
        Some(_) => {}
        // A commune-level procedure is received by any commune People's Committee: this one.
        None if desk_agency.level == "commune" => applicant.receiving_agency = desk.clone(),
        None => {
            return Err(invalid(
                "procedure",
                "procedure_other_desk",
                "this procedure's dossiers are received by the commune People's Committees",
            ))
        }
    }
    let id = drafts::insert_draft(db, &account_id, &procedure, &applicant, channel.clone()).await?;
    Entry::by(db, actor, "dossier.desk_start")
        .await?
        .on("dossier", id.clone())
        .agency(Some(desk))
        .detail(serde_json::json!({
            "procedure": procedure.code,
            "channel": channel.code(),
            "reference": match &channel { Channel::Post(r) => Some(r), _ => None },
        }))
        .record(db, origin)
        .await?;
    drafts::load_unchecked(db, &id).await
}

/// True when the dossier was registered by the desk rather than filed by its applicant: its
/// owner is then the clerk, who must never receive the applicant's e-mails.
pub fn registered_by_desk(channel: &str) -> bool {
    channel != Channel::Online.code()
}

/// Open desk drafts of the clerk, newest first, as `(id, procedure code, procedure name)`, so
/// a registration interrupted at the desk can be resumed.
pub async fn desk_drafts(
    db: &impl ConnectionTrait,
    actor: &Actor,
) -> DomainResult<Vec<(String, String, String)>> {
    use crate::entities::dossier;
    use sea_orm::QueryOrder;
    let Some(me) = actor.account_id() else {
        return Err(DomainError::Unauthorized);
    };
    let rows = dossier::Entity::find()
        .filter(dossier::Column::OwnerId.eq(me))
        .filter(dossier::Column::Status.eq(super::Status::Draft.code()))
        .filter(dossier::Column::Channel.ne(Channel::Online.code()))
        .order_by_desc(dossier::Column::UpdatedAt)
        .all(db)
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    for d in rows {
        let name = procedure::Entity::find_by_id(d.procedure_code.clone())
            .one(db)
            .await?
            .map(|p| p.name)
            .unwrap_or_default();
        out.push((d.id, d.procedure_code, name));
    }
    Ok(out)
}
