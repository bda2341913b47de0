//! Reading an import file: the JSON array split into rows, each row parsed and checked against
//! the catalogue's rules, every problem reported as `file:line` with the procedure's code, and
//! each good row hashed so that an unchanged procedure is recognised. Separate from the
//! database side: nothing here touches it, so a file can be checked on its own.

use std::collections::HashSet;

use serde_json::value::RawValue;
use sha2::{Digest, Sha256};

use super::{ProcedureRecord, ProcedureRow};
use crate::error::{DomainError, DomainResult, FieldError};

const SERVICE_LEVELS: [&str; 3] = ["full_online", "partial_online", "information"];
const AGENCY_LEVELS: [&str; 2] = ["province", "commune"];
const CHANNELS: [&str; 3] = ["online", "desk", "post"];
const DOCUMENT_KINDS: [&str; 3] = ["original", "copy", "original_or_copy"];

/// Counts lines forward through a text, for offsets given in increasing order (linear overall,
/// where counting from the start for every row would be quadratic on a national catalogue).
struct LineCounter<'a> {
    text: &'a [u8],
    at: usize,
    line: usize,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            text: text.as_bytes(),
            at: 0,
            line: 1,
        }
    }

    /// Line number (1-based) of byte `offset`.
    fn line_of(&mut self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        if offset < self.at {
            self.at = 0;
            self.line = 1;
        }
        self.line += self.text[self.at..offset]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        self.at = offset;
        self.line
    }
}

/// Rules of one row; each broken rule is one message.
fn check_row(row: &ProcedureRow) -> Vec<String> {
    let mut problems = Vec::new();
    if row.code.trim().is_empty() || row.code.len() > 32 {
        problems.push("code must have 1 to 32 characters".to_owned());
    }
    if row.name.trim().is_empty() {
        problems.push("name is empty".to_owned());
    }
    if !SERVICE_LEVELS.contains(&row.level.as_str()) {
        problems.push(format!(
            "level {:?} is not one of {}",
            row.level,
            SERVICE_LEVELS.join(", ")
        ));
    }
    if !AGENCY_LEVELS.contains(&row.agency_level.as_str()) {
        problems.push(format!(
            "agency_level {:?} is not province or commune",
            row.agency_level
        ));
    }
    if row.agency_level == "province" && row.agency.is_none() {
        problems.push("a province-level procedure needs an agency".to_owned());
    }
    for (what, r) in row
        .receiving
        .iter()
        .map(|r| ("receiving", r))
        .chain(row.processing.iter().map(|r| ("processing", r)))
    {
        if !AGENCY_LEVELS.contains(&r.level.as_str()) {
            problems.push(format!(
                "{what} level {:?} is not province or commune",
                r.level
            ));
        } else if r.level == "province" && r.agency.is_none() {
            problems.push(format!("a province-level {what} agency needs its code"));
        }
    }
    if row.processing_days < 0 {
        problems.push("processing_days is negative".to_owned());
    }
    if row.steps.is_empty() {
        problems.push("steps is empty".to_owned());
    }
    if let Some(c) = row
        .channels
        .iter()
        .find(|c| !CHANNELS.contains(&c.as_str()))
    {
        problems.push(format!("unknown channel {c:?}"));
    }
    if let Some(d) = row
        .documents
        .iter()
        .find(|d| !DOCUMENT_KINDS.contains(&d.kind.as_str()))
    {
        problems.push(format!(
            "document {:?} has unknown kind {:?}",
            d.name, d.kind
        ));
    }
    problems.extend(crate::payments::fee_rules::check(
        &row.fees,
        &row.fee_exemptions,
    ));
    if let Some(form) = &row.form {
        problems.extend(
            crate::forms::check_schema(form)
                .into_iter()
                .map(|p| format!("form: {p}")),
        );
    }
    problems
}

/// Parses and checks an import file; every problem is reported as `file:line` with the code.
pub fn parse(text: &str, file: &str) -> DomainResult<Vec<ProcedureRecord>> {
    let raws: Vec<&RawValue> = serde_json::from_str(text).map_err(|e| {
        DomainError::Validation(vec![FieldError::new(
            format!("{file}:{}", e.line()),
            format!("not a JSON array of procedures: {e}"),
        )])
    })?;
    let mut errors = Vec::new();
    let mut records = Vec::with_capacity(raws.len());
    let mut seen = HashSet::new();
    let mut lines = LineCounter::new(text);
    for raw in raws {
        let offset = raw.get().as_ptr() as usize - text.as_ptr() as usize;
        let line = lines.line_of(offset);
        let at = format!("{file}:{line}");
        let row: ProcedureRow = match serde_json::from_str(raw.get()) {
            Ok(row) => row,
            Err(e) => {
                errors.push(FieldError::new(at, e.to_string()));
                continue;
            }
        };
        let problems = check_row(&row);
        if !seen.insert(row.code.clone()) {
            errors.push(FieldError::new(
                &at,
                format!("{}: code appears twice", row.code),
            ));
        }
        if !problems.is_empty() {
            errors.push(FieldError::new(
                at,
                format!("{}: {}", row.code, problems.join("; ")),
            ));
            continue;
        }
        let hash = hash_row(&row)?;
        records.push(ProcedureRecord {
            row,
            line,
            hash,
            templates: Vec::new(),
        });
    }
    if errors.is_empty() {
        Ok(records)
    } else {
        Err(DomainError::Validation(errors))
    }
}

pub(super) fn hash_row(row: &ProcedureRow) -> DomainResult<String> {
    let canonical = serde_json::to_vec(row).map_err(|e| DomainError::Internal(e.to_string()))?;
    Ok(format!("{:x}", Sha256::digest(&canonical)))
}
