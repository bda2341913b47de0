//! Importing the procedure catalogue from a JSON file (the national catalogue's content, or a
//! province's own list), as `portal catalogue import` and the demo seed do.
//!
//! The file is parsed and every row checked first; a bad row is reported with its line number
//! and nothing is written. A row whose content changed becomes a new *version* of its procedure
//! (the previous one gets an end date) instead of overwriting it, so dossiers keep the
//! documents, fees and time limit they were filed under. Any change bumps the catalogue's
//! revision, which tells every server instance to rebuild its search index.

use std::collections::{HashMap, HashSet};

use chrono::{Duration, NaiveDate};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, TransactionTrait,
};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use sha2::{Digest, Sha256};

use crate::catalogue::{AgencyRef, DocumentItem, FeeItem, ProcedureDetails};
use crate::catalogue_files::{self, TemplateFile};
use crate::entities::{agency, catalogue_state, field, procedure, procedure_version};
use crate::error::{DomainError, DomainResult, FieldError};
use crate::text::slugify;

/// One procedure as it stands in an import file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProcedureRow {
    /// National catalogue code or local code.
    pub code: String,
    /// Official name.
    pub name: String,
    /// Subject area code.
    pub field: String,
    /// `full_online`, `partial_online` or `information`.
    pub level: String,
    /// `province` or `commune`.
    pub agency_level: String,
    /// Implementing agency (province level).
    pub agency: Option<String>,
    /// Where dossiers are received, when not the implementing agency itself (a province's
    /// public administration service centre, or the chosen commune's one-stop desk).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receiving: Option<AgencyRef>,
    /// Processing agencies in order, when more than the implementing agency (inter-agency
    /// procedures across the province and commune levels).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub processing: Vec<AgencyRef>,
    /// The fee is paid online before the desk receives the dossier.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub pay_before_processing: bool,
    /// Plain-language summary.
    pub description: String,
    /// Steps.
    pub steps: Vec<String>,
    /// Channels.
    pub channels: Vec<String>,
    /// Required documents.
    pub documents: Vec<DocumentItem>,
    /// Fees.
    pub fees: Vec<FeeItem>,
    /// Time limit in working days.
    pub processing_days: i32,
    /// Time limit in working hours, when given so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub processing_hours: Option<i32>,
    /// Extra wording about the time limit.
    pub processing_note: Option<String>,
    /// The result.
    pub result: String,
    /// Conditions.
    pub conditions: Option<String>,
    /// Legal basis.
    pub legal_basis: Vec<String>,
    /// Words citizens type.
    pub keywords: Vec<String>,
    /// Shown among the most used.
    #[serde(default)]
    pub popular: bool,
    /// The online application form; read from `forms/<code>.json` beside the import file
    /// when not given inline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<crate::forms::FormSchema>,
    /// First day this content applies (default: the import day).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_from: Option<NaiveDate>,
}

/// A checked row with its line in the file and content hash.
#[derive(Clone, Debug)]
pub struct ProcedureRecord {
    /// The row.
    pub row: ProcedureRow,
    /// 1-based line where the row starts.
    pub line: usize,
    /// SHA-256 (hex) of the row's canonical JSON (template forms included by their hash).
    pub hash: String,
    /// Template forms the row's documents point at, once read by [`attach_templates`].
    pub templates: Vec<TemplateFile>,
}

/// What an import changed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    /// Codes of procedures that were new.
    pub inserted: Vec<String>,
    /// Codes of procedures that got a new version.
    pub new_versions: Vec<String>,
    /// How many rows were identical to the current version.
    pub unchanged: usize,
    /// Procedures in the database but not in the file (kept as they are).
    pub not_in_file: Vec<String>,
    /// The catalogue revision after the import.
    pub revision: i64,
}

impl std::fmt::Display for ImportReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "procedures: {} new, {} new versions, {} unchanged, {} not in the file (kept); catalogue revision {}",
            self.inserted.len(),
            self.new_versions.len(),
            self.unchanged,
            self.not_in_file.len(),
            self.revision
        )?;
        for code in &self.new_versions {
            writeln!(f, "  new version: {code}")?;
        }
        Ok(())
    }
}

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
    if let Some(fee) = row.fees.iter().find(|f| f.amount_vnd < 0) {
        problems.push(format!("fee {:?} is negative", fee.item));
    }
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

fn hash_row(row: &ProcedureRow) -> DomainResult<String> {
    let canonical = serde_json::to_vec(row).map_err(|e| DomainError::Internal(e.to_string()))?;
    Ok(format!("{:x}", Sha256::digest(&canonical)))
}

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

/// Reads, checks and applies an import file in one transaction (rolled back for a dry run).
pub async fn import_file(
    db: &sea_orm::DatabaseConnection,
    path: &std::path::Path,
    today: NaiveDate,
    dry_run: bool,
) -> DomainResult<ImportReport> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        DomainError::Validation(vec![FieldError::new(
            path.display().to_string(),
            e.to_string(),
        )])
    })?;
    let mut records = parse(&text, &path.display().to_string())?;
    let base = path.parent().unwrap_or(std::path::Path::new("."));
    attach_files(&mut records, base, &path.display().to_string())?;
    let txn = db.begin().await?;
    let report = apply(&txn, records, today, &path.display().to_string()).await?;
    if dry_run {
        txn.rollback().await?;
    } else {
        txn.commit().await?;
    }
    Ok(report)
}

/// The implementing agency as a reference: where dossiers go when the row names no other.
fn implementing(row: &ProcedureRow) -> AgencyRef {
    AgencyRef {
        level: row.agency_level.clone(),
        agency: row.agency.clone(),
    }
}

pub(crate) fn details_of(row: &ProcedureRow) -> ProcedureDetails {
    let note = match (&row.processing_note, row.processing_hours) {
        (Some(n), _) => Some(n.clone()),
        (None, Some(h)) => Some(format!("{h} giờ làm việc")),
        (None, None) => None,
    };
    ProcedureDetails {
        steps: row.steps.clone(),
        channels: row.channels.clone(),
        documents: row.documents.clone(),
        fees: row.fees.clone(),
        processing_note: note,
        result: row.result.clone(),
        conditions: row.conditions.clone(),
        legal_basis: row.legal_basis.clone(),
        keywords: row.keywords.clone(),
        receiving: Some(row.receiving.clone().unwrap_or_else(|| implementing(row))),
        processing: if row.processing.is_empty() {
            vec![implementing(row)]
        } else {
            row.processing.clone()
        },
        pay_before_processing: row.pay_before_processing,
    }
}

fn json_of<T: Serialize>(value: &T) -> DomainResult<serde_json::Value> {
    serde_json::to_value(value).map_err(|e| DomainError::Internal(e.to_string()))
}

/// Applies checked records inside the caller's transaction. References to fields and agencies
/// are checked against the database (so a seed load can insert them first in the same
/// transaction).
pub async fn apply(
    db: &impl ConnectionTrait,
    records: Vec<ProcedureRecord>,
    today: NaiveDate,
    file: &str,
) -> DomainResult<ImportReport> {
    let fields: HashSet<String> = field::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|f| f.code)
        .collect();
    let agencies: HashMap<String, String> = agency::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|a| (a.code, a.level))
        .collect();
    let mut errors = Vec::new();
    for r in &records {
        if !fields.contains(&r.row.field) {
            errors.push(FieldError::new(
                format!("{file}:{}", r.line),
                format!("{}: unknown field {}", r.row.code, r.row.field),
            ));
        }
        if let Some(a) = &r.row.agency {
            if !agencies.contains_key(a) {
                errors.push(FieldError::new(
                    format!("{file}:{}", r.line),
                    format!("{}: unknown agency {a}", r.row.code),
                ));
            }
        }
        for reference in r.row.receiving.iter().chain(r.row.processing.iter()) {
            let Some(code) = &reference.agency else {
                continue;
            };
            let problem = match agencies.get(code) {
                None => Some(format!("unknown agency {code}")),
                Some(level) if *level != reference.level => Some(format!(
                    "agency {code} is a {level}-level agency, not {}",
                    reference.level
                )),
                Some(_) => None,
            };
            if let Some(problem) = problem {
                errors.push(FieldError::new(
                    format!("{file}:{}", r.line),
                    format!("{}: {problem}", r.row.code),
                ));
            }
        }
    }
    if !errors.is_empty() {
        return Err(DomainError::Validation(errors));
    }

    let templates: Vec<TemplateFile> = records
        .iter()
        .flat_map(|r| r.templates.iter().cloned())
        .collect();
    catalogue_files::store(db, &templates).await?;

    let existing: HashMap<String, procedure::Model> = procedure::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.code.clone(), p))
        .collect();
    let now = chrono::Utc::now().fixed_offset();
    let mut report = ImportReport::default();
    let mut new_procedures = Vec::new();
    let mut new_versions = Vec::new();
    let in_file: HashSet<String> = records.iter().map(|r| r.row.code.clone()).collect();
    for r in records {
        let row = &r.row;
        let from = row.effective_from.unwrap_or(today);
        let version_number = match existing.get(&row.code) {
            Some(old) if old.content_hash == r.hash => {
                report.unchanged += 1;
                continue;
            }
            Some(old) => {
                procedure_version::Entity::update_many()
                    .col_expr(
                        procedure_version::Column::EffectiveTo,
                        Expr::value(from - Duration::days(1)),
                    )
                    .filter(procedure_version::Column::ProcedureCode.eq(&row.code))
                    .filter(procedure_version::Column::Version.eq(old.current_version))
                    .exec(db)
                    .await?;
                report.new_versions.push(row.code.clone());
                old.current_version + 1
            }
            None => {
                report.inserted.push(row.code.clone());
                1
            }
        };
        let model = procedure::ActiveModel {
            code: Set(row.code.clone()),
            name: Set(row.name.clone()),
            slug: Set(slugify(&format!("{} {}", row.name, row.code))),
            field_code: Set(row.field.clone()),
            level: Set(row.level.clone()),
            agency_level: Set(row.agency_level.clone()),
            agency_code: Set(row.agency.clone()),
            description: Set(row.description.clone()),
            processing_days: Set(row.processing_days),
            popular: Set(row.popular),
            details: Set(json_of(&details_of(row))?),
            current_version: Set(version_number),
            content_hash: Set(r.hash.clone()),
            updated_at: Set(now),
        };
        new_versions.push(procedure_version::ActiveModel {
            procedure_code: Set(row.code.clone()),
            version: Set(version_number),
            effective_from: Set(from),
            effective_to: Set(None),
            name: Set(row.name.clone()),
            content: Set(json_of(row)?),
            content_hash: Set(r.hash.clone()),
            ..Default::default()
        });
        if version_number == 1 {
            new_procedures.push(model);
        } else {
            procedure::Entity::update(model).exec(db).await?;
        }
    }
    for chunk in chunks(new_procedures, 200) {
        procedure::Entity::insert_many(chunk)
            .exec_without_returning(db)
            .await?;
    }
    for chunk in chunks(new_versions, 200) {
        procedure_version::Entity::insert_many(chunk)
            .exec_without_returning(db)
            .await?;
    }
    let mut not_in_file: Vec<String> = existing
        .into_keys()
        .filter(|c| !in_file.contains(c))
        .collect();
    not_in_file.sort();
    report.not_in_file = not_in_file;
    let changed = !(report.inserted.is_empty() && report.new_versions.is_empty());
    report.revision = if changed {
        bump_revision(db).await?
    } else {
        current_revision(db).await?
    };
    Ok(report)
}

fn chunks<T>(items: Vec<T>, size: usize) -> Vec<Vec<T>> {
    let mut out = Vec::new();
    let mut items = items.into_iter().peekable();
    while items.peek().is_some() {
        out.push(items.by_ref().take(size).collect());
    }
    out
}

/// The catalogue's current revision (0 before the first import).
pub async fn current_revision(db: &impl ConnectionTrait) -> DomainResult<i64> {
    Ok(catalogue_state::Entity::find_by_id(1)
        .one(db)
        .await?
        .map(|s| s.revision)
        .unwrap_or(0))
}

/// Increments the revision (creating the state row on first use) and returns the new value.
pub async fn bump_revision(db: &impl ConnectionTrait) -> DomainResult<i64> {
    let now = chrono::Utc::now().fixed_offset();
    let next = current_revision(db).await? + 1;
    let row = catalogue_state::ActiveModel {
        id: Set(1),
        revision: Set(next),
        updated_at: Set(now),
    };
    if next == 1 {
        catalogue_state::Entity::insert(row)
            .exec_without_returning(db)
            .await?;
    } else {
        catalogue_state::Entity::update(row).exec(db).await?;
    }
    Ok(next)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROW: &str = r#"{"code":"X.1","name":"Đăng ký khai sinh","field":"HOTICH","level":"full_online",
      "agency_level":"commune","agency":null,"description":"d","steps":["s"],"channels":["online"],
      "documents":[],"fees":[],"processing_days":1,"processing_note":null,"result":"r",
      "conditions":null,"legal_basis":[],"keywords":[]}"#;

    #[test]
    fn errors_name_the_line_of_the_bad_row() {
        let bad = ROW
            .replace("\"X.1\"", "\"X.2\"")
            .replace("full_online", "level_5");
        let text = format!("[\n{ROW},\n{bad}\n]");
        let err = parse(&text, "p.json").err();
        let Some(DomainError::Validation(fields)) = err else {
            panic!("expected a validation error, got {err:?}");
        };
        assert_eq!(fields.len(), 1, "{fields:?}");
        assert_eq!(fields[0].field, "p.json:6");
        assert!(fields[0].message.contains("X.2") && fields[0].message.contains("level_5"));
    }

    #[test]
    fn unknown_keys_and_duplicates_are_refused() {
        let extra = ROW.replace("\"result\":\"r\"", "\"result\":\"r\",\"fee\":1");
        assert!(parse(&format!("[{extra}]"), "p.json").is_err());
        assert!(parse(&format!("[{ROW},{ROW}]"), "p.json").is_err());
        assert!(parse("{}", "p.json").is_err());
    }

    #[test]
    fn the_hash_changes_with_the_content_only() -> Result<(), DomainError> {
        let a = parse(&format!("[{ROW}]"), "a")?;
        let b = parse(&format!("[ {ROW} ]"), "b")?;
        let c = parse(&format!("[{}]", ROW.replace("\"r\"", "\"r2\"")), "c")?;
        assert_eq!(a[0].hash, b[0].hash);
        assert_ne!(a[0].hash, c[0].hash);
        Ok(())
    }
}
