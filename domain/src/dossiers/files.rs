//! The files of a dossier's document slots, and "my documents": every file the applicant
//! uploaded before, which they can attach again without uploading it twice.

use chrono::Utc;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};

use super::{drafts, Loaded, Status};
use crate::access::Actor;
use crate::entities::{dossier, dossier_file, stored_file};
use crate::error::{DomainError, DomainResult, FieldError};
use crate::forms::DocumentSlot;

/// A file given for a slot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attached {
    /// The attachment (remove it to take the file out of the dossier).
    pub attachment: dossier_file::Model,
    /// The file.
    pub file: stored_file::Model,
}

/// The files of a dossier, in upload order.
pub async fn files_of(db: &impl ConnectionTrait, dossier_id: &str) -> DomainResult<Vec<Attached>> {
    let rows = dossier_file::Entity::find()
        .filter(dossier_file::Column::DossierId.eq(dossier_id))
        .order_by_asc(dossier_file::Column::CreatedAt)
        .all(db)
        .await?;
    let ids: Vec<String> = rows.iter().map(|r| r.stored_file_id.clone()).collect();
    let files = stored_file::Entity::find()
        .filter(stored_file::Column::Id.is_in(ids))
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|attachment| {
            let file = files
                .iter()
                .find(|f| f.id == attachment.stored_file_id)?
                .clone();
            Some(Attached { attachment, file })
        })
        .collect())
}

/// The caller's uploaded files, newest first (at most 50). None for staff: what a clerk
/// uploaded at the desk are other citizens' scans, never to be offered for another dossier.
pub async fn my_files(
    db: &impl ConnectionTrait,
    actor: &Actor,
) -> DomainResult<Vec<stored_file::Model>> {
    let owner = actor.account_id().ok_or(DomainError::Unauthorized)?;
    if matches!(actor, Actor::Staff { .. }) {
        return Ok(Vec::new());
    }
    Ok(stored_file::Entity::find()
        .filter(stored_file::Column::OwnerId.eq(owner))
        .order_by_desc(stored_file::Column::CreatedAt)
        .limit(50)
        .all(db)
        .await?)
}

/// For each of `file_ids`, the dossier it was first attached to, as the owner knows it: the
/// dossier's code, or `None` for a draft (and for a file never attached). Lets "reuse an
/// earlier file" tell apart files of the same name.
pub async fn first_used_in(
    db: &impl ConnectionTrait,
    file_ids: &[String],
) -> DomainResult<std::collections::HashMap<String, Option<String>>> {
    let links = dossier_file::Entity::find()
        .filter(dossier_file::Column::StoredFileId.is_in(file_ids.iter().cloned()))
        .order_by_asc(dossier_file::Column::CreatedAt)
        .all(db)
        .await?;
    let dossier_ids: Vec<String> = links.iter().map(|l| l.dossier_id.clone()).collect();
    let codes: std::collections::HashMap<String, Option<String>> = dossier::Entity::find()
        .filter(dossier::Column::Id.is_in(dossier_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|d| (d.id, d.code))
        .collect();
    let mut out = std::collections::HashMap::new();
    for link in links {
        out.entry(link.stored_file_id)
            .or_insert_with(|| codes.get(&link.dossier_id).cloned().flatten());
    }
    Ok(out)
}

/// Bytes used by a dossier's files.
pub fn used_bytes(files: &[Attached]) -> i64 {
    files.iter().map(|a| a.file.size).sum()
}

/// The slot of a dossier the caller may add files to: the dossier must be theirs and a draft,
/// or filed and waiting for a supplement; the slot must exist and have room. A supplement may
/// add as many files again as the slot holds (files already filed are never removed: staff
/// must see what was given when).
pub(crate) async fn open_slot(
    db: &impl ConnectionTrait,
    actor: &Actor,
    dossier_id: &str,
    slot: &str,
) -> DomainResult<(Loaded, DocumentSlot, Vec<Attached>)> {
    let loaded = drafts::load(db, actor, dossier_id).await?;
    let room = match loaded.status {
        Status::Draft => 1,
        Status::SupplementRequested => 2,
        _ => return Err(DomainError::Conflict("dossier_already_submitted".into())),
    };
    let slot = loaded
        .form
        .documents
        .iter()
        .find(|s| s.key == slot)
        .cloned()
        .ok_or_else(|| DomainError::NotFound(format!("slot {slot}")))?;
    let files = files_of(db, dossier_id).await?;
    let in_slot = files
        .iter()
        .filter(|a| a.attachment.slot == slot.key)
        .count();
    if in_slot >= slot.max_files as usize * room {
        return Err(DomainError::Validation(vec![FieldError::rule(
            format!("doc-{}", slot.key),
            "document_too_many",
            "this document already has its files; remove one first",
        )]));
    }
    Ok((loaded, slot, files))
}

/// The extension a stored media type is known by (`pdf`, `jpg`…).
pub fn kind_of(content_type: &str) -> &'static str {
    match content_type {
        "application/pdf" => "pdf",
        "image/jpeg" => "jpg",
        "image/png" => "png",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => "docx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => "xlsx",
        _ => "",
    }
}

/// Attaches a file from "my documents" to a slot, with the same checks as an upload.
pub async fn attach_existing(
    db: &impl ConnectionTrait,
    actor: &Actor,
    dossier_id: &str,
    slot: &str,
    file_id: &str,
) -> DomainResult<Attached> {
    let (_, slot, files) = open_slot(db, actor, dossier_id, slot).await?;
    let file = stored_file::Entity::find_by_id(file_id.to_owned())
        .one(db)
        .await?
        .filter(|f| Some(f.owner_id.as_str()) == actor.account_id())
        .filter(|_| !matches!(actor, Actor::Staff { .. }))
        .ok_or_else(|| DomainError::NotFound(format!("file {file_id}")))?;
    let field = format!("doc-{}", slot.key);
    if !slot.types.iter().any(|t| t == kind_of(&file.content_type)) {
        return Err(DomainError::Validation(vec![FieldError::rule(
            field,
            "file_type",
            "this kind of file is not accepted here",
        )]));
    }
    if file.size > i64::from(slot.max_mb) * 1024 * 1024 {
        return Err(DomainError::Validation(vec![FieldError::rule(
            field,
            "file_too_big",
            "the file is larger than allowed",
        )]));
    }
    if used_bytes(&files) + file.size > i64::from(crate::forms::MAX_DOSSIER_MB) * 1024 * 1024 {
        return Err(DomainError::Validation(vec![FieldError::rule(
            field,
            "dossier_too_big",
            "the dossier's files are larger than allowed",
        )]));
    }
    let attachment = dossier_file::ActiveModel {
        id: Set(uuid::Uuid::new_v4().to_string()),
        dossier_id: Set(dossier_id.to_owned()),
        slot: Set(slot.key.clone()),
        stored_file_id: Set(file.id.clone()),
        created_at: Set(Utc::now().fixed_offset()),
    };
    let attachment = dossier_file::Entity::insert(attachment)
        .exec_with_returning(db)
        .await?;
    Ok(Attached { attachment, file })
}

/// Takes a file out of a draft's slot (the file stays in "my documents").
pub async fn detach(
    db: &impl ConnectionTrait,
    actor: &Actor,
    dossier_id: &str,
    attachment_id: &str,
) -> DomainResult<()> {
    let loaded = drafts::load(db, actor, dossier_id).await?;
    if loaded.status != Status::Draft {
        return Err(DomainError::Conflict("dossier_already_submitted".into()));
    }
    let deleted = dossier_file::Entity::delete_many()
        .filter(dossier_file::Column::Id.eq(attachment_id))
        .filter(dossier_file::Column::DossierId.eq(dossier_id))
        .exec(db)
        .await?;
    if deleted.rows_affected == 0 {
        return Err(DomainError::NotFound(format!("attachment {attachment_id}")));
    }
    Ok(())
}

/// A stored file the caller may open: their own, or one attached to a filed dossier the caller
/// may read (staff of an agency that had a part in it, see [`super::visibility`]).
pub async fn readable(
    db: &impl ConnectionTrait,
    actor: &Actor,
    file_id: &str,
) -> DomainResult<stored_file::Model> {
    let file = stored_file::Entity::find_by_id(file_id.to_owned())
        .one(db)
        .await?
        .ok_or_else(|| DomainError::NotFound(format!("file {file_id}")))?;
    if actor.account_id() == Some(file.owner_id.as_str()) {
        return Ok(file);
    }
    if matches!(actor, Actor::Anonymous) {
        return Err(DomainError::Unauthorized);
    }
    let attached_to = dossier_file::Entity::find()
        .filter(dossier_file::Column::StoredFileId.eq(file_id))
        .all(db)
        .await?;
    for link in attached_to {
        if let Some(row) = dossier::Entity::find_by_id(link.dossier_id).one(db).await? {
            if row.status != Status::Draft.code()
                && super::visibility::may_read(db, actor, &row).await?
            {
                return Ok(file);
            }
        }
    }
    Err(DomainError::NotFound(format!("file {file_id}")))
}
