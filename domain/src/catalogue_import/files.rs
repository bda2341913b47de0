//! The files an import file's rows refer to, read from beside it: each procedure's online form
//! (`forms/<code>.json`) and its documents' template forms, whose hashes enter the row's hash.
//! Separate from parsing the rows, as the part that reads other files from disk.

use std::collections::HashMap;

use super::parsing::hash_row;
use super::ProcedureRecord;
use crate::catalogue_files::{self, TemplateFile};
use crate::error::{DomainError, DomainResult, FieldError};

/// Reads the files beside an import file that its rows refer to: each procedure's online form
/// (`forms/<code>.json`, when the row has none inline) and the template forms of its documents
/// (paths relative to `base`, the import file's folder). A template's hash is recorded in its
/// document, so a changed file makes a new version. Problems are reported with the row's line.
pub fn attach_files(
    records: &mut [ProcedureRecord],
    base: &std::path::Path,
    file: &str,
) -> DomainResult<()> {
    let mut errors = match attach_forms(records, base) {
        Ok(()) => Vec::new(),
        Err(DomainError::Validation(errors)) => errors,
        Err(other) => return Err(other),
    };
    match attach_templates(records, base, file) {
        Ok(()) => {}
        Err(DomainError::Validation(mut more)) => errors.append(&mut more),
        Err(other) => return Err(other),
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(DomainError::Validation(errors))
    }
}

/// Reads `forms/<code>.json` for the rows without an inline form, checking each schema.
fn attach_forms(records: &mut [ProcedureRecord], base: &std::path::Path) -> DomainResult<()> {
    let mut errors = Vec::new();
    for record in records.iter_mut().filter(|r| r.row.form.is_none()) {
        let path = base.join("forms").join(format!("{}.json", record.row.code));
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => {
                errors.push(FieldError::new(path.display().to_string(), e.to_string()));
                continue;
            }
        };
        let at = path.display().to_string();
        match serde_json::from_str::<crate::forms::FormSchema>(&text) {
            Err(e) => errors.push(FieldError::new(format!("{at}:{}", e.line()), e.to_string())),
            Ok(form) => {
                let problems = crate::forms::check_schema(&form);
                if problems.is_empty() {
                    record.row.form = Some(form);
                } else {
                    errors.extend(problems.into_iter().map(|p| FieldError::new(&at, p)));
                }
            }
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(DomainError::Validation(errors))
    }
}

/// Reads the template forms the records point at, recording each file's hash in its document.
fn attach_templates(
    records: &mut [ProcedureRecord],
    base: &std::path::Path,
    file: &str,
) -> DomainResult<()> {
    let mut errors = Vec::new();
    let mut cache: HashMap<String, Result<TemplateFile, String>> = HashMap::new();
    for record in records.iter_mut() {
        record.templates.clear();
        for doc in &mut record.row.documents {
            doc.template_sha256 = None;
            let Some(rel) = doc.template_file.clone() else {
                continue;
            };
            let read = cache
                .entry(rel.clone())
                .or_insert_with(|| catalogue_files::read_template(base, &rel));
            match read {
                Ok(t) => {
                    doc.template_sha256 = Some(t.sha256.clone());
                    record.templates.push(t.clone());
                }
                Err(e) => errors.push(FieldError::new(
                    format!("{file}:{}", record.line),
                    format!("{}: {e}", record.row.code),
                )),
            }
        }
        record.hash = hash_row(&record.row)?;
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(DomainError::Validation(errors))
    }
}
