//! Uploading a document: streamed chunk by chunk to object storage (never held whole in
//! memory), hashed with SHA-256 on the way, cut off as soon as it passes the slot's or the
//! dossier's size limit, recognised by its first bytes (not by its name) against the slot's
//! allowed types, and scanned for viruses before it is attached. A refused file leaves the
//! draft and its other files exactly as they were.

use bytes::Bytes;
use chrono::Utc;
use futures::stream::BoxStream;
use futures::{Stream, StreamExt};
use object_store::path::Path as StorePath;
use object_store::{ObjectStore, ObjectStoreExt, WriteMultipart};
use sea_orm::{ActiveValue::Set, EntityTrait};
use sha2::{Digest, Sha256};

use super::files::{self, Attached};
use crate::access::Actor;
use crate::antivirus::{ByteStream, Verdict};
use crate::audit::{Entry, Outcome};
use crate::entities::{dossier_file, stored_file};
use crate::error::{DomainError, DomainResult, FieldError};
use crate::services::Services;

const MB: i64 = 1024 * 1024;

/// Recognises a file from its first bytes; `name` tells a .docx from an .xlsx (both ZIP).
pub fn sniff(head: &[u8], name: &str) -> Option<(&'static str, &'static str)> {
    let lower = name.to_ascii_lowercase();
    if head.starts_with(b"%PDF-") {
        Some(("pdf", "application/pdf"))
    } else if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(("jpg", "image/jpeg"))
    } else if head.starts_with(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]) {
        Some(("png", "image/png"))
    } else if head.starts_with(b"PK\x03\x04") && lower.ends_with(".docx") {
        Some((
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ))
    } else if head.starts_with(b"PK\x03\x04") && lower.ends_with(".xlsx") {
        Some((
            "xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ))
    } else {
        None
    }
}

/// A file name safe to show and to offer for download: no path, no control characters.
fn clean_name(name: &str) -> String {
    clean_name_or(name, "tep")
}

/// [`clean_name`] with another name for an empty one.
pub(crate) fn clean_name_or(name: &str, fallback: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let cleaned: String = base
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, '"' | '<' | '>'))
        .take(120)
        .collect();
    if cleaned.trim().is_empty() {
        fallback.to_owned()
    } else {
        cleaned.trim().to_owned()
    }
}

fn refuse(slot: &str, code: &str, message: &str) -> DomainError {
    DomainError::Validation(vec![FieldError::rule(format!("doc-{slot}"), code, message)])
}

/// Streams an upload into storage and attaches it to a draft's slot.
pub async fn upload<S>(
    services: Services<'_>,
    actor: &Actor,
    dossier_id: &str,
    slot_key: &str,
    file_name: &str,
    mut body: S,
) -> DomainResult<Attached>
where
    S: Stream<Item = std::io::Result<Bytes>> + Unpin + Send,
{
    let (db, store, scanner, origin) = (
        services.db,
        services.files,
        services.scanner,
        services.origin,
    );
    let (loaded, slot, current) = files::open_slot(db, actor, dossier_id, slot_key).await?;
    let per_file = i64::from(slot.max_mb) * MB;
    let room = i64::from(crate::forms::MAX_DOSSIER_MB) * MB - files::used_bytes(&current);
    let limit = per_file.min(room);
    let owner = loaded.dossier.owner_id.clone();
    let id = uuid::Uuid::new_v4().to_string();
    let key = format!("uploads/{owner}/{id}");
    let path = StorePath::from(key.as_str());
    let storage = |e: object_store::Error| DomainError::Internal(format!("storage: {e}"));
    let mut writer = WriteMultipart::new(store.put_multipart(&path).await.map_err(storage)?);
    let mut hasher = Sha256::new();
    let mut size: i64 = 0;
    let mut head: Vec<u8> = Vec::with_capacity(16);
    while let Some(chunk) = body.next().await {
        let chunk = match chunk {
            Ok(c) => c,
            Err(e) => {
                let _ = writer.abort().await;
                tracing::warn!(error = %e, "upload interrupted");
                return Err(refuse(
                    &slot.key,
                    "file_too_big",
                    "the upload was interrupted",
                ));
            }
        };
        size += i64::try_from(chunk.len()).unwrap_or(i64::MAX);
        if size > limit {
            let _ = writer.abort().await;
            let code = if size > per_file {
                "file_too_big"
            } else {
                "dossier_too_big"
            };
            return Err(refuse(&slot.key, code, "the file is larger than allowed"));
        }
        if head.len() < 16 {
            let take = (16 - head.len()).min(chunk.len());
            head.extend_from_slice(&chunk[..take]);
        }
        hasher.update(&chunk);
        writer.wait_for_capacity(2).await.map_err(storage)?;
        writer.put(chunk);
    }
    if size == 0 {
        let _ = writer.abort().await;
        return Err(refuse(&slot.key, "file_empty", "the file is empty"));
    }
    writer.finish().await.map_err(storage)?;

    let stored = store.get(&path).await.map_err(storage)?;
    let stream: ByteStream = Box::pin(
        stored
            .into_stream()
            .map(|r| r.map_err(std::io::Error::other)),
    );
    let verdict = scanner.scan(stream).await;
    let scan = match verdict {
        Ok(Verdict::Clean) => "clean",
        Ok(Verdict::NotScanned) => "not_scanned",
        Ok(Verdict::Infected { signature }) => {
            let _ = store.delete(&path).await;
            Entry::by(db, actor, "dossier.file_refused")
                .await?
                .on("dossier", dossier_id.to_owned())
                .outcome(Outcome::Denied)
                .detail(serde_json::json!({
                    "signature": signature,
                    "file": clean_name(file_name),
                }))
                .record(db, origin)
                .await?;
            return Err(refuse(
                &slot.key,
                "file_virus",
                "the antivirus refused the file",
            ));
        }
        Err(e) => {
            let _ = store.delete(&path).await;
            tracing::error!(error = %e, "virus scan failed");
            return Err(refuse(
                &slot.key,
                "file_scan_failed",
                "the file could not be scanned",
            ));
        }
    };
    // The type is checked after the scan, so that malware is reported (and audited) as such
    // whatever it pretends to be.
    let kind = sniff(&head, file_name).filter(|(k, _)| slot.types.iter().any(|t| t == k));
    let Some((_, content_type)) = kind else {
        let _ = store.delete(&path).await;
        return Err(refuse(
            &slot.key,
            "file_type",
            "this kind of file is not accepted here",
        ));
    };
    let now = Utc::now().fixed_offset();
    let file = stored_file::Model {
        id: id.clone(),
        owner_id: owner,
        file_name: clean_name(file_name),
        content_type: content_type.to_owned(),
        size,
        sha256: format!("{:x}", hasher.finalize()),
        storage_key: key,
        scan: scan.to_owned(),
        created_at: now,
    };
    stored_file::Entity::insert(stored_file::ActiveModel {
        id: Set(file.id.clone()),
        owner_id: Set(file.owner_id.clone()),
        file_name: Set(file.file_name.clone()),
        content_type: Set(file.content_type.clone()),
        size: Set(file.size),
        sha256: Set(file.sha256.clone()),
        storage_key: Set(file.storage_key.clone()),
        scan: Set(file.scan.clone()),
        created_at: Set(now),
    })
    .exec_without_returning(db)
    .await?;
    let attachment = dossier_file::Model {
        id: uuid::Uuid::new_v4().to_string(),
        dossier_id: dossier_id.to_owned(),
        slot: slot.key.clone(),
        stored_file_id: file.id.clone(),
        created_at: now,
    };
    dossier_file::Entity::insert(dossier_file::ActiveModel {
        id: Set(attachment.id.clone()),
        dossier_id: Set(attachment.dossier_id.clone()),
        slot: Set(attachment.slot.clone()),
        stored_file_id: Set(attachment.stored_file_id.clone()),
        created_at: Set(now),
    })
    .exec_without_returning(db)
    .await?;
    Ok(Attached { attachment, file })
}

/// Opens a stored file's bytes as a stream.
pub async fn open(
    store: &dyn ObjectStore,
    file: &stored_file::Model,
) -> DomainResult<BoxStream<'static, std::io::Result<Bytes>>> {
    let got = store
        .get(&StorePath::from(file.storage_key.as_str()))
        .await
        .map_err(|e| DomainError::Internal(format!("storage: {e}")))?;
    Ok(got
        .into_stream()
        .map(|r| r.map_err(std::io::Error::other))
        .boxed())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_recognised_by_content() {
        assert_eq!(sniff(b"%PDF-1.7\n", "a.jpg").map(|k| k.0), Some("pdf"));
        assert_eq!(
            sniff(&[0xFF, 0xD8, 0xFF, 0xE0], "x").map(|k| k.0),
            Some("jpg")
        );
        assert_eq!(
            sniff(b"\x89PNG\r\n\x1a\n", "x.pdf").map(|k| k.0),
            Some("png")
        );
        assert_eq!(
            sniff(b"PK\x03\x04", "to-khai.DOCX").map(|k| k.0),
            Some("docx")
        );
        assert_eq!(sniff(b"PK\x03\x04", "virus.pdf"), None);
        assert_eq!(
            sniff(b"MZ\x90\x00", "scan.pdf"),
            None,
            "an executable renamed .pdf"
        );
    }

    #[test]
    fn names_lose_paths_and_markup() {
        assert_eq!(
            clean_name("C:\\Users\\an\\Giấy khai sinh.pdf"),
            "Giấy khai sinh.pdf"
        );
        assert_eq!(clean_name("../../etc/passwd"), "passwd");
        assert_eq!(clean_name("<script>.pdf"), "script.pdf");
        assert_eq!(clean_name(""), "tep");
    }
}
