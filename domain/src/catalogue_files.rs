//! Template forms published with the catalogue: read beside the import file, checked by content,
//! stored once per SHA-256 in the same transaction as the procedures, and served for download.
//!
//! Only document formats citizens can open and fill are accepted, recognised by their first
//! bytes (a renamed executable is refused whatever its extension says).

use std::path::{Component, Path};

use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use sha2::{Digest, Sha256};

use crate::entities::catalogue_file;
use crate::error::{DomainError, DomainResult};

/// Largest template form accepted (official forms are a few pages).
pub const MAX_TEMPLATE_BYTES: usize = 5 * 1024 * 1024;

/// A template form read from disk and checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemplateFile {
    /// SHA-256, lower-case hex.
    pub sha256: String,
    /// File name offered for download.
    pub file_name: String,
    /// Media type, from the extension once the content agreed with it.
    pub content_type: String,
    /// The bytes.
    pub data: Vec<u8>,
}

const ZIP: &[u8] = b"PK\x03\x04";
const OLE: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// Accepted extensions, their media type and the magic bytes the content must start with.
const FORMATS: [(&str, &str, &[u8]); 6] = [
    ("pdf", "application/pdf", b"%PDF-"),
    (
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ZIP,
    ),
    (
        "xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ZIP,
    ),
    ("odt", "application/vnd.oasis.opendocument.text", ZIP),
    ("doc", "application/msword", OLE),
    ("xls", "application/vnd.ms-excel", OLE),
];

/// Reads `relative` under `base`, refusing paths that leave the folder, unknown formats,
/// content that does not match its extension, empty and oversized files. The error is a
/// sentence for the import report.
pub fn read_template(base: &Path, relative: &str) -> Result<TemplateFile, String> {
    let rel = Path::new(relative);
    if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        return Err(format!(
            "template_file {relative:?} must be a relative path inside the import folder"
        ));
    }
    let file_name = rel
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or_else(|| format!("template_file {relative:?} has no file name"))?
        .to_owned();
    let extension = rel
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let (_, content_type, magic) = FORMATS
        .iter()
        .find(|(ext, _, _)| *ext == extension)
        .ok_or_else(|| {
            format!("template_file {relative:?}: only .pdf, .docx, .xlsx, .odt, .doc and .xls forms are published")
        })?;
    let data = std::fs::read(base.join(rel))
        .map_err(|e| format!("template_file {relative:?} cannot be read: {e}"))?;
    if data.is_empty() || data.len() > MAX_TEMPLATE_BYTES {
        return Err(format!(
            "template_file {relative:?} has {} bytes (1 to {MAX_TEMPLATE_BYTES} allowed)",
            data.len()
        ));
    }
    if !data.starts_with(magic) {
        return Err(format!(
            "template_file {relative:?}: its content is not a .{extension} file"
        ));
    }
    Ok(TemplateFile {
        sha256: format!("{:x}", Sha256::digest(&data)),
        file_name,
        content_type: (*content_type).to_owned(),
        data,
    })
}

/// Writes the files not stored yet; returns how many were new.
pub async fn store(db: &impl ConnectionTrait, files: &[TemplateFile]) -> DomainResult<usize> {
    let mut wanted: Vec<&TemplateFile> = Vec::new();
    for f in files {
        if !wanted.iter().any(|w| w.sha256 == f.sha256) {
            wanted.push(f);
        }
    }
    if wanted.is_empty() {
        return Ok(0);
    }
    let present: Vec<String> = catalogue_file::Entity::find()
        .filter(catalogue_file::Column::Sha256.is_in(wanted.iter().map(|f| f.sha256.clone())))
        .all(db)
        .await?
        .into_iter()
        .map(|m| m.sha256)
        .collect();
    let now = chrono::Utc::now().fixed_offset();
    let mut added = 0;
    for f in wanted.into_iter().filter(|f| !present.contains(&f.sha256)) {
        let size = i64::try_from(f.data.len())
            .map_err(|_| DomainError::Internal("template size".to_owned()))?;
        catalogue_file::Entity::insert(catalogue_file::ActiveModel {
            sha256: Set(f.sha256.clone()),
            file_name: Set(f.file_name.clone()),
            content_type: Set(f.content_type.clone()),
            size: Set(size),
            data: Set(f.data.clone()),
            created_at: Set(now),
        })
        .exec_without_returning(db)
        .await?;
        added += 1;
    }
    Ok(added)
}

/// One stored template form by its hash.
pub async fn get(db: &impl ConnectionTrait, sha256: &str) -> DomainResult<catalogue_file::Model> {
    if sha256.len() != 64 || !sha256.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(DomainError::NotFound(format!("template {sha256}")));
    }
    catalogue_file::Entity::find_by_id(sha256.to_ascii_lowercase())
        .one(db)
        .await?
        .ok_or_else(|| DomainError::NotFound(format!("template {sha256}")))
}

/// The public address of a template form: immutable, since it names the content.
pub fn download_path(sha256: &str, file_name: &str) -> String {
    format!("/mau-don/{sha256}/{file_name}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder_with(name: &str, bytes: &[u8]) -> std::io::Result<tempfile::TempDir> {
        let dir = tempfile::tempdir()?;
        std::fs::write(dir.path().join(name), bytes)?;
        Ok(dir)
    }

    #[test]
    fn a_docx_is_read_with_its_hash_and_type() -> std::io::Result<()> {
        let dir = folder_with("to-khai.docx", b"PK\x03\x04rest of a zip")?;
        let file = read_template(dir.path(), "to-khai.docx").map_err(std::io::Error::other)?;
        assert_eq!(file.file_name, "to-khai.docx");
        assert!(file.content_type.contains("wordprocessingml"));
        assert_eq!(file.sha256.len(), 64);
        Ok(())
    }

    #[test]
    fn content_must_match_the_extension() -> std::io::Result<()> {
        let dir = folder_with("mau.pdf", b"MZ\x90\x00 an executable")?;
        let err = read_template(dir.path(), "mau.pdf")
            .err()
            .unwrap_or_default();
        assert!(err.contains("not a .pdf file"), "{err}");
        Ok(())
    }

    #[test]
    fn paths_outside_the_folder_and_unknown_formats_are_refused() -> std::io::Result<()> {
        let dir = folder_with("x.exe", b"MZ")?;
        for bad in ["../etc/passwd", "/etc/passwd", "x.exe", "missing.pdf"] {
            assert!(read_template(dir.path(), bad).is_err(), "{bad} accepted");
        }
        Ok(())
    }
}
