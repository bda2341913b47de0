//! Telling the applicant of a filed dossier that something happened to it — a move, an extra
//! fee, the result delivered by post — by the channels they chose. Messages go through the
//! outbox in the caller's transaction, so a failing mail server delays the message but never
//! the change.

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use super::counter::registered_by_desk;
use super::deadlines::local_text;
use super::Applicant;
use crate::accounts::{Mailing, Notice};
use crate::entities::{account, dossier, procedure, procedure_version};
use crate::error::{DomainError, DomainResult};

/// The procedure a dossier was filed under, and the version frozen at filing (none for a
/// procedure imported before versions were kept): what its name, time limit and workflow come
/// from.
pub(crate) async fn filed_under<C: ConnectionTrait>(
    db: &C,
    row: &dossier::Model,
) -> DomainResult<(procedure::Model, Option<procedure_version::Model>)> {
    let procedure = procedure::Entity::find_by_id(row.procedure_code.clone())
        .one(db)
        .await?
        .ok_or_else(|| DomainError::Internal(format!("procedure {}", row.procedure_code)))?;
    let version = procedure_version::Entity::find()
        .filter(procedure_version::Column::ProcedureCode.eq(&row.procedure_code))
        .filter(procedure_version::Column::Version.eq(row.procedure_version))
        .one(db)
        .await?;
    Ok((procedure, version))
}

/// The name of the procedure as the dossier was filed under it: its frozen version's name, else
/// the procedure's.
pub(crate) async fn procedure_name<C: ConnectionTrait>(
    db: &C,
    row: &dossier::Model,
) -> DomainResult<String> {
    let (procedure, version) = filed_under(db, row).await?;
    Ok(version.map_or(procedure.name, |v| v.name))
}

/// Tells the applicant of `row` about `what` (a transition's code, or another public change
/// such as `fee_added`) with `note` and the due date `due`, naming `procedure`.
pub(crate) async fn tell<C: ConnectionTrait>(
    db: &C,
    row: &dossier::Model,
    procedure: &str,
    what: &str,
    note: &str,
    due: Option<DateTime<Utc>>,
    mailing: Mailing<'_>,
) -> DomainResult<()> {
    let applicant: Applicant = serde_json::from_value(row.applicant.clone()).unwrap_or_default();
    // Online filers choose their channels on their profile; a dossier registered at the desk
    // is told by e-mail when the applicant gave an address.
    let owner = if registered_by_desk(&row.channel) {
        None
    } else {
        account::Entity::find_by_id(row.owner_id.clone())
            .one(db)
            .await?
    };
    let wants_email = owner.as_ref().is_none_or(|a| a.notify_email);
    let email = if !wants_email {
        None
    } else if !applicant.email.trim().is_empty() {
        Some(applicant.email.trim().to_owned())
    } else {
        owner.as_ref().and_then(|a| a.email.clone())
    };
    // Only to the owner's verified mobile number (issue #22): a number typed on a form or a
    // profile and never proven by a code could be anyone's.
    let phone = owner
        .as_ref()
        .filter(|a| a.notify_sms)
        .and_then(|a| a.verified_phone().map(str::to_owned));
    let link = format!("{}/ho-so/{}", mailing.base_url, row.id);
    let due = due.map(local_text).unwrap_or_default();
    let (subject, body) = mailing.notices.render(&Notice::DossierChanged {
        name: &applicant.full_name,
        code: row.code.as_deref().unwrap_or_default(),
        procedure,
        transition: what,
        note,
        due: &due,
        link: &link,
    });
    if let Some(email) = email {
        crate::outbox::queue(db, "email", &email, &subject, &body, Some(&row.id)).await?;
    }
    if let Some(phone) = phone {
        // An SMS says what happened and where to read more, in one short message.
        let text = format!("{subject} {link}");
        crate::outbox::queue(db, "sms", &phone, &subject, &text, Some(&row.id)).await?;
    }
    Ok(())
}
