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

/// The notice of the first assignment, which starts the processing (not a transition's own
/// code: later assignments are the office's internal business).
pub const PROCESSING_STARTED: &str = "processing_started";

/// Every public change the applicant is told of (the `what` of a notice): the moves that ask
/// something of them, end the dossier or change its date, the start of processing, fees added
/// or recomputed, and each step of a refund. Each has its mail texts
/// (`mail_dossier_{what}_subject` and `_what`), checked by the app's tests.
pub const KINDS: &[&str] = &[
    "accept",
    "request_supplement",
    "refuse",
    "approve",
    "stop",
    "apologise",
    "return",
    PROCESSING_STARTED,
    "fee_added",
    "fee_quantity_corrected",
    "refund_order_opened",
    "refund_order_queued",
    "refund_account_refused",
    "refund_completed",
];

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

/// Where the applicant of `row` is told: an e-mail address and a mobile number, each if any.
///
/// Online filers choose their channels on their profile, and get SMS only on the owner's
/// verified mobile number (issue #22: a number typed on a form or a profile and never proven
/// by a code could be anyone's). A dossier registered at the desk or by post is told at the
/// address and the mobile number the applicant gave in person or on the signed paper form
/// (printed on the receipt): the only way a walk-in applicant without an account hears of it.
pub(crate) async fn channels<C: ConnectionTrait>(
    db: &C,
    row: &dossier::Model,
    applicant: &Applicant,
) -> DomainResult<(Option<String>, Option<String>)> {
    if registered_by_desk(&row.channel) {
        let email = Some(applicant.email.trim().to_owned()).filter(|e| !e.is_empty());
        let phone = crate::identity::contact::mobile("phone", &applicant.phone).ok();
        return Ok((email, phone));
    }
    let owner = account::Entity::find_by_id(row.owner_id.clone())
        .one(db)
        .await?;
    let wants_email = owner.as_ref().is_none_or(|a| a.notify_email);
    let email = if !wants_email {
        None
    } else if !applicant.email.trim().is_empty() {
        Some(applicant.email.trim().to_owned())
    } else {
        owner.as_ref().and_then(|a| a.email.clone())
    };
    let phone = owner
        .as_ref()
        .filter(|a| a.notify_sms)
        .and_then(|a| a.verified_phone().map(str::to_owned));
    Ok((email, phone))
}

/// Queues `subject`/`body` to the applicant of `row` on every channel [`channels`] gives (an
/// SMS says what happened and where to read more, in one short message). With no channel at
/// all the desk sees a staff-only `notice_not_sent` event naming `what`: never silent.
pub(crate) async fn deliver<C: ConnectionTrait>(
    db: &C,
    row: &dossier::Model,
    applicant: &Applicant,
    what: &str,
    (subject, body): (&str, &str),
    link: &str,
) -> DomainResult<()> {
    let (email, phone) = channels(db, row, applicant).await?;
    if email.is_none() && phone.is_none() {
        tracing::warn!(dossier = %row.id, what, "no e-mail or mobile number to tell the applicant");
        super::timeline::append(
            db,
            Utc::now(),
            super::timeline::NewEvent {
                dossier_id: &row.id,
                actor_id: None,
                actor_label: "system".into(),
                kind: "notice_not_sent",
                from: None,
                to: None,
                public_note: None,
                internal_note: Some(what.to_owned()),
                data: Some(serde_json::json!({ "what": what })),
            },
        )
        .await?;
    }
    if let Some(email) = email {
        crate::outbox::queue(db, "email", &email, subject, body, Some(&row.id)).await?;
    }
    if let Some(phone) = phone {
        let text = format!("{subject} {link}");
        crate::outbox::queue(db, "sms", &phone, subject, &text, Some(&row.id)).await?;
    }
    Ok(())
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
    debug_assert!(KINDS.contains(&what), "notice {what} is missing from KINDS");
    let applicant: Applicant = serde_json::from_value(row.applicant.clone()).unwrap_or_default();
    let link = format!("{}/ho-so/{}", mailing.base_url, row.id);
    let due = due.map(local_text).unwrap_or_default();
    // The notice that ends a dossier asks how the service was, with a link that works without
    // signing in; a text message carries that link (the page it opens links to the dossier).
    let rate_link = if crate::ratings::links::invites(what) {
        let token = crate::ratings::links::invite(db, row).await?;
        format!("{}/danh-gia/{token}", mailing.base_url)
    } else {
        String::new()
    };
    let (subject, body) = mailing.notices.render(&Notice::DossierChanged {
        name: &applicant.full_name,
        code: row.code.as_deref().unwrap_or_default(),
        procedure,
        transition: what,
        note,
        due: &due,
        link: &link,
        rate_link: &rate_link,
    });
    let sms_link = if rate_link.is_empty() {
        &link
    } else {
        &rate_link
    };
    deliver(db, row, &applicant, what, (&subject, &body), sms_link).await
}
