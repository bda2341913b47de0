//! Electronic results (kết quả điện tử): staff upload the result PDF while processing, the
//! leader's approval signs it under the agency's certificate with a verification page
//! appended (a QR code to the public verification address), and the applicant receives it —
//! at the desk, by post, or by downloading it, which counts as delivery the first time.
//!
//! The signed copy's SHA-256 is kept: the public verification page says whether a file someone
//! brings is that very document, besides whether its signature holds.

pub mod credentials;
/// PAdES signatures of results (in the `documents` crate).
pub use documents::pades;
pub(crate) mod record;

pub use record::SignedResult;

use bytes::Bytes;
use chrono::{DateTime, Utc};
use object_store::path::Path as StorePath;
use object_store::{ObjectStore, ObjectStoreExt, PutPayload};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
};
use sha2::{Digest, Sha256};

use crate::access::{Actor, Role};
use crate::accounts::Mailing;
use crate::antivirus::Verdict as ScanVerdict;
use crate::audit::Origin;
use crate::dossiers::change::{self, AuditAgency, DossierChange};
use crate::dossiers::lifecycle::{self, Transition};
use crate::dossiers::processing::{self, Command, Moved};
use crate::dossiers::{Delivery, DeliveryMethod, Status};
use crate::entities::{agency, dossier, dossier_result};
use crate::error::{invalid, DomainError, DomainResult};
use crate::receipt_pdf::{self, ReceiptDocument};
use crate::services::Services;

/// Largest result PDF accepted (scanned paper results are large).
pub const MAX_RESULT_MB: usize = 20;

fn refuse(code: &str, message: &str) -> DomainError {
    invalid("result", code, message)
}

fn storage(e: object_store::Error) -> DomainError {
    DomainError::Internal(format!("storage: {e}"))
}

/// The result row of a dossier, if one was uploaded.
pub async fn of_dossier<C: ConnectionTrait>(
    db: &C,
    dossier_id: &str,
) -> DomainResult<Option<dossier_result::Model>> {
    Ok(dossier_result::Entity::find()
        .filter(dossier_result::Column::DossierId.eq(dossier_id))
        .one(db)
        .await?)
}

/// Stores `pdf` as the result of dossier `id` (replacing an unsigned one). Specialists and
/// leaders of the agency holding the dossier may do it while it is being processed.
pub async fn upload(
    services: Services<'_>,
    actor: &Actor,
    id: &str,
    file_name: &str,
    pdf: Bytes,
) -> DomainResult<dossier_result::Model> {
    let (db, store, scanner, origin, now) = (
        services.db,
        services.files,
        services.scanner,
        services.origin,
        services.now,
    );
    let row = change::readable(db, actor, id).await?;
    let standing = processing::standing(actor, &row);
    if !standing
        .roles
        .iter()
        .any(|r| matches!(r, Role::Specialist | Role::Leader))
    {
        return Err(DomainError::Forbidden("result upload".into()));
    }
    if row.status != Status::Processing.code() {
        return Err(refuse(
            "result_not_processing",
            "a result can be attached only while the dossier is being processed",
        ));
    }
    if pdf.is_empty() {
        return Err(refuse("file_empty", "the file is empty"));
    }
    if pdf.len() > MAX_RESULT_MB * 1024 * 1024 {
        return Err(refuse("file_too_big", "the file is larger than allowed"));
    }
    if !pdf.starts_with(b"%PDF-") || pades::check_readable(&pdf).is_err() {
        return Err(refuse(
            "result_not_pdf",
            "the result must be a readable PDF",
        ));
    }
    match scanner.scan_bytes(pdf.clone()).await {
        Ok(ScanVerdict::Clean | ScanVerdict::NotScanned) => {}
        Ok(ScanVerdict::Infected { signature }) => {
            tracing::warn!(%signature, dossier = id, "result refused by the antivirus");
            return Err(refuse("file_virus", "the antivirus refused the file"));
        }
        Err(e) => {
            tracing::error!(error = %e, "virus scan failed");
            return Err(refuse("file_scan_failed", "the file could not be scanned"));
        }
    }
    let existing = of_dossier(db, id).await?;
    if existing.as_ref().is_some_and(|r| r.signed_key.is_some()) {
        return Err(DomainError::Conflict("the result is already signed".into()));
    }
    let result_id = existing
        .as_ref()
        .map_or_else(|| uuid::Uuid::new_v4().to_string(), |r| r.id.clone());
    let key = format!("results/{id}/{}.pdf", uuid::Uuid::new_v4());
    store
        .put(
            &StorePath::from(key.as_str()),
            PutPayload::from(pdf.clone()),
        )
        .await
        .map_err(storage)?;
    let name = crate::dossiers::attachments::clean_name_or(file_name, "ket-qua.pdf");
    let account = actor.account_id().unwrap_or_default().to_owned();
    let txn = crate::db::begin_write(db).await?;
    let model = dossier_result::ActiveModel {
        id: Set(result_id.clone()),
        dossier_id: Set(id.to_owned()),
        file_key: Set(key.clone()),
        file_name: Set(name),
        size: Set(i64::try_from(pdf.len()).unwrap_or(i64::MAX)),
        uploaded_by: Set(account),
        uploaded_at: Set(now.fixed_offset()),
        signed_key: Set(None),
        signed_sha256: Set(None),
        signed_size: Set(None),
        signed_at: Set(None),
        signer_label: Set(None),
        signer_agency: Set(None),
        delivered_at: Set(None),
        delivery_method: Set(None),
        delivered_by: Set(None),
    };
    if existing.is_some() {
        dossier_result::Entity::update(model).exec(&txn).await?;
    } else {
        dossier_result::Entity::insert(model)
            .exec_without_returning(&txn)
            .await?;
    }
    DossierChange::new(&row, actor)
        .event("result_uploaded")
        .data(serde_json::json!({ "size": pdf.len() }))
        .audit("dossier.result_upload")
        .audit_agency(AuditAgency::Holding)
        .detail(serde_json::json!({ "size": pdf.len() }))
        .record(&txn, origin, now)
        .await?;
    txn.commit().await?;
    if let Some(old) = existing {
        let _ = store.delete(&StorePath::from(old.file_key.as_str())).await;
    }
    of_dossier(db, id)
        .await?
        .ok_or_else(|| DomainError::Internal("result vanished".into()))
}

/// Takes `transition` on dossier `id`: the approval through [`approve`] (which signs the
/// result), every other move straight through [`processing::act`]. Every caller (pages, API)
/// goes through here, so no approval skips the signature.
pub async fn take(
    services: Services<'_>,
    actor: &Actor,
    id: &str,
    transition: Transition,
    command: &Command,
) -> DomainResult<Moved> {
    if transition == Transition::Approve {
        approve(services, actor, id, command).await
    } else {
        processing::act(services, actor, id, transition, command).await
    }
}

/// The address printed in the result's QR code.
pub fn verification_url(base_url: &str, result_id: &str) -> String {
    format!("{base_url}/xac-thuc/{result_id}")
}

/// The leader approves dossier `id`: the uploaded result (if any) is signed under the agency's
/// certificate, then the approval is recorded with it in one transaction.
pub async fn approve(
    services: Services<'_>,
    actor: &Actor,
    id: &str,
    command: &Command,
) -> DomainResult<Moved> {
    let (db, store, mailing, now) = (services.db, services.files, services.mailing, services.now);
    let row = change::readable(db, actor, id).await?;
    let from = Status::from_code(&row.status)
        .ok_or_else(|| DomainError::Internal(format!("status {}", row.status)))?;
    let resume = row.resume_status.as_deref().and_then(Status::from_code);
    // Refuse before signing anything: a refused approval must not leave a signed copy behind.
    if lifecycle::check(
        Transition::Approve,
        from,
        resume,
        &processing::standing(actor, &row),
    )
    .is_err()
    {
        return processing::act(services, actor, id, Transition::Approve, command).await;
    }
    let signed = match of_dossier(db, id).await? {
        Some(result) if result.signed_key.is_none() => {
            Some(sign(db, store, actor, &row, &result, mailing, now).await?)
        }
        _ => None,
    };
    let mut command = command.clone();
    command.signed_result = signed.clone();
    let moved = processing::act(services, actor, id, Transition::Approve, &command).await;
    if moved.is_err() {
        if let Some(s) = signed {
            let _ = store.delete(&StorePath::from(s.key.as_str())).await;
        }
    }
    moved
}

async fn sign(
    db: &DatabaseConnection,
    store: &dyn ObjectStore,
    actor: &Actor,
    row: &dossier::Model,
    result: &dossier_result::Model,
    mailing: Mailing<'_>,
    now: DateTime<Utc>,
) -> DomainResult<SignedResult> {
    let agency_code = row
        .holding_agency_code
        .clone()
        .or_else(|| row.receiving_agency_code.clone())
        .unwrap_or_default();
    let agency = agency::Entity::find_by_id(agency_code.clone())
        .one(db)
        .await?
        .ok_or_else(|| DomainError::Internal(format!("agency {agency_code}")))?;
    let parent = match &agency.parent_code {
        Some(p) => agency::Entity::find_by_id(p.clone())
            .one(db)
            .await?
            .map(|a| a.name),
        None => None,
    };
    let original = store
        .get(&StorePath::from(result.file_key.as_str()))
        .await
        .map_err(storage)?
        .bytes()
        .await
        .map_err(storage)?;
    let signer_label = crate::audit::actor_label(db, actor).await?;
    let credential = credentials::for_agency(db, &agency_code, &agency.name).await?;
    let code = row.code.clone().unwrap_or_default();
    let link = verification_url(mailing.base_url, &result.id);
    let at = crate::dossiers::deadlines::local_text(now);
    let procedure = crate::entities::procedure::Entity::find_by_id(row.procedure_code.clone())
        .one(db)
        .await?
        .map(|p| p.name)
        .unwrap_or_default();
    let text = |key: &str, args: &[(&str, &str)]| mailing.notices.text(key, args);
    let stamp = receipt_pdf::render(&ReceiptDocument {
        authority: parent.unwrap_or_else(|| agency.name.clone()).to_uppercase(),
        office: agency.name.clone(),
        motto: [
            text("receipt_motto_country", &[]),
            text("receipt_motto_words", &[]),
        ],
        title: text("result_stamp_title", &[]),
        code_line: text("result_stamp_code", &[("code", &code)]),
        fields: vec![
            (text("result_stamp_procedure", &[]), procedure),
            (text("result_stamp_agency", &[]), agency.name.clone()),
            (text("result_stamp_signer", &[]), signer_label.clone()),
            (text("result_stamp_signed_at", &[]), at),
            (text("result_stamp_id", &[]), result.id.clone()),
        ],
        documents_heading: text("result_stamp_how", &[]),
        documents: vec![
            text("result_stamp_how_1", &[("link", &link)]),
            text("result_stamp_how_2", &[]),
        ],
        steps_heading: String::new(),
        steps: Vec::new(),
        qr_payload: link.clone(),
        qr_caption: text("result_stamp_qr", &[]),
        footer: text("result_stamp_footer", &[]),
    })
    .map_err(|e| DomainError::Internal(format!("stamp: {e}")))?;
    let signed = pades::sign(
        &original,
        &stamp,
        &credential,
        &pades::SignatureInfo {
            name: signer_label.clone(),
            reason: text("result_sign_reason", &[("code", &code)]),
            location: agency.name.clone(),
            at: now,
        },
    )
    .map_err(|e| match e {
        pades::SignError::Unreadable(_) => {
            refuse("result_not_pdf", "the result must be a readable PDF")
        }
        pades::SignError::Credential(why) => DomainError::Internal(why),
    })?;
    let key = format!("results/{}/signed-{}.pdf", row.id, uuid::Uuid::new_v4());
    let sha256 = hex::encode(Sha256::digest(&signed));
    let size = i64::try_from(signed.len()).unwrap_or(i64::MAX);
    store
        .put(&StorePath::from(key.as_str()), PutPayload::from(signed))
        .await
        .map_err(storage)?;
    Ok(SignedResult {
        key,
        sha256,
        size,
        signer_label,
        agency: agency_code,
    })
}

/// How the applicant asked to receive the result (`desk`, `online` or `post`).
pub fn delivery_method(row: &dossier::Model) -> &'static str {
    let delivery: Delivery = serde_json::from_value(row.delivery.clone()).unwrap_or_default();
    match delivery.method {
        DeliveryMethod::Electronic => "online",
        DeliveryMethod::Post => "post",
        DeliveryMethod::Desk | DeliveryMethod::Unset => "desk",
    }
}

/// A signed result file to send to a reader.
#[derive(Clone, Debug)]
pub struct ResultFile {
    /// The bytes.
    pub bytes: Bytes,
    /// Name to offer.
    pub name: String,
}

/// How the applicant's browser came to ask for the result file. Only an opening the applicant
/// made on purpose delivers the result: a link, image or frame on another site can make a
/// signed-in browser fetch the file without its owner ever seeing it, and that must not end
/// the dossier as "returned" (the applicant would lose the reminder that the result waits).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Opening {
    /// From the portal's own pages, or typed / bookmarked by the applicant.
    Deliberate,
    /// Asked for by another site (or by a browser that cannot tell); serves the file but
    /// records no delivery.
    FromElsewhere,
}

/// The signed result of dossier `id` for someone who may read the dossier (staff also get the
/// draft before it is signed). When the applicant
/// opens it for the first time and asked for an electronic result, that is its delivery: the
/// dossier is returned (status 10) with the event and audit entry that say so.
pub async fn open(
    db: &DatabaseConnection,
    store: &dyn ObjectStore,
    actor: &Actor,
    origin: &Origin,
    id: &str,
    now: DateTime<Utc>,
) -> DomainResult<ResultFile> {
    open_as(db, store, actor, origin, id, Opening::Deliberate, now).await
}

/// As [`open`], delivering only when `opening` is [`Opening::Deliberate`].
pub async fn open_as(
    db: &DatabaseConnection,
    store: &dyn ObjectStore,
    actor: &Actor,
    origin: &Origin,
    id: &str,
    opening: Opening,
    now: DateTime<Utc>,
) -> DomainResult<ResultFile> {
    let loaded = crate::dossiers::drafts::load_readable(db, actor, id).await?;
    let row = loaded.dossier;
    let is_staff = matches!(actor, Actor::Staff { .. });
    let result = of_dossier(db, id)
        .await?
        .filter(|r| r.signed_key.is_some() || is_staff)
        .ok_or_else(|| DomainError::NotFound(format!("result of {id}")))?;
    // Staff see the draft before it is signed; everyone else only the signed copy.
    let key = result
        .signed_key
        .clone()
        .unwrap_or_else(|| result.file_key.clone());
    let bytes = store
        .get(&StorePath::from(key.as_str()))
        .await
        .map_err(storage)?
        .bytes()
        .await
        .map_err(storage)?;
    if is_staff {
        crate::dossiers::access_log::record(
            db,
            actor,
            origin,
            &row,
            crate::dossiers::access_log::RESULT_VIEW,
            now,
        )
        .await?;
    }
    let owner = actor.account_id() == Some(row.owner_id.as_str());
    if owner
        && opening == Opening::Deliberate
        && row.status == Status::Processed.code()
        && delivery_method(&row) == "online"
    {
        deliver_online(db, actor, origin, &row, now).await?;
    }
    let code = row.code.clone().unwrap_or_default();
    Ok(ResultFile {
        bytes,
        name: format!("ket-qua-{code}.pdf"),
    })
}

async fn deliver_online(
    db: &DatabaseConnection,
    actor: &Actor,
    origin: &Origin,
    row: &dossier::Model,
    now: DateTime<Utc>,
) -> DomainResult<()> {
    let txn = crate::db::begin_write(db).await?;
    let data = serde_json::json!({ "method": "online" });
    let Some(returned) =
        record::mark_returned(&txn, row, "online", actor.into(), data, now).await?
    else {
        // Another request (a second tab) recorded it first.
        return Ok(());
    };
    returned.record(&txn, origin, now).await?;
    txn.commit().await?;
    Ok(())
}

/// What the public verification page says about result `result_id` and, when a file is
/// given, about that file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verification {
    /// Dossier code.
    pub code: String,
    /// Procedure name.
    pub procedure: String,
    /// Agency whose certificate signed.
    pub agency: String,
    /// Who signed.
    pub signer: String,
    /// When.
    pub signed_at: DateTime<Utc>,
    /// SHA-256 of the issued file.
    pub sha256: String,
    /// Signed under the demo authority (no legal value).
    pub demo: bool,
    /// The verdict on the file given, if any.
    pub file: Option<FileVerdict>,
}

/// What a checked file turned out to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileVerdict {
    /// The very document issued, with an intact signature.
    Genuine,
    /// Signed correctly by a trusted agency, but not this result (another document).
    OtherDocument,
    /// Changed after signing, unsigned, or signed by someone untrusted.
    NotGenuine,
}

/// The size in bytes of signed result `result_id`, as issued: a copy brought for checking is
/// read no further (a larger file cannot be the issued one). `NotFound` as [`verify`] for an
/// id that names no signed result.
pub async fn issued_size<C: ConnectionTrait>(db: &C, result_id: &str) -> DomainResult<usize> {
    let not_found = || DomainError::NotFound(format!("result {result_id}"));
    if uuid::Uuid::parse_str(result_id).is_err() {
        return Err(not_found());
    }
    dossier_result::Entity::find_by_id(result_id.to_owned())
        .one(db)
        .await?
        .filter(|r| r.signed_key.is_some())
        .and_then(|r| r.signed_size)
        .and_then(|size| usize::try_from(size).ok())
        .ok_or_else(not_found)
}

/// Looks up result `result_id` (a random id: knowing it is holding the document) and checks
/// `file` against it.
pub async fn verify<C: ConnectionTrait>(
    db: &C,
    result_id: &str,
    file: Option<&[u8]>,
) -> DomainResult<Verification> {
    let not_found = || DomainError::NotFound(format!("result {result_id}"));
    if uuid::Uuid::parse_str(result_id).is_err() {
        return Err(not_found());
    }
    let result = dossier_result::Entity::find_by_id(result_id.to_owned())
        .one(db)
        .await?
        .filter(|r| r.signed_key.is_some())
        .ok_or_else(not_found)?;
    let row = dossier::Entity::find_by_id(result.dossier_id.clone())
        .one(db)
        .await?
        .ok_or_else(not_found)?;
    let agency_code = result.signer_agency.clone().unwrap_or_default();
    let agency_name = agency::Entity::find_by_id(agency_code.clone())
        .one(db)
        .await?
        .map_or(agency_code.clone(), |a| a.name);
    let demo = crate::entities::signing_credential::Entity::find_by_id(agency_code)
        .one(db)
        .await?
        .is_none_or(|c| c.demo);
    let procedure = crate::entities::procedure::Entity::find_by_id(row.procedure_code.clone())
        .one(db)
        .await?
        .map(|p| p.name)
        .unwrap_or_default();
    let sha256 = result.signed_sha256.clone().unwrap_or_default();
    let verdict = match file {
        None => None,
        Some(bytes) => {
            let roots = credentials::trusted_roots(db).await?;
            Some(match pades::verify(bytes, &roots) {
                pades::Verdict::Valid { sha256: got, .. } if got == sha256 => FileVerdict::Genuine,
                pades::Verdict::Valid { .. } => FileVerdict::OtherDocument,
                _ => FileVerdict::NotGenuine,
            })
        }
    };
    Ok(Verification {
        code: row.code.unwrap_or_default(),
        procedure,
        agency: agency_name,
        signer: result.signer_label.unwrap_or_default(),
        signed_at: result
            .signed_at
            .map_or_else(Utc::now, |t| t.with_timezone(&Utc)),
        sha256,
        demo,
        file: verdict,
    })
}
