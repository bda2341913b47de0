//! Importing the procedure catalogue from a JSON file (the national catalogue's content, or a
//! province's own list), as `portal catalogue import` and the demo seed do.
//!
//! The file is parsed and every row checked first; a bad row is reported with its line number
//! and nothing is written. A row whose content changed becomes a new *version* of its procedure
//! (the previous one gets an end date) instead of overwriting it, so dossiers keep the
//! documents, fees and time limit they were filed under. Any change bumps the catalogue's
//! revision, which tells every server instance to rebuild its search index.
//!
//! The rows' types and the whole import are here; beside them, `parsing` reads and checks a
//! file's rows, `files` reads the forms and templates the rows refer to, and `versions` writes
//! the checked rows to the database as procedures, versions and a new catalogue revision.

use chrono::NaiveDate;
use sea_orm::TransactionTrait;
use serde::{Deserialize, Serialize};

use crate::catalogue::{AgencyRef, DocumentItem, FeeExemption, FeeItem, ProcedureDetails};
use crate::catalogue_files::TemplateFile;
use crate::error::{DomainError, DomainResult, FieldError};

mod files;
mod parsing;
mod versions;

pub use files::attach_files;
pub use parsing::parse;
pub use versions::{apply, bump_revision, current_revision};

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
    /// Exemptions and reductions of the fees, each for a category the law names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fee_exemptions: Vec<FeeExemption>,
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
    /// Template forms the row's documents point at, once read by
    /// [`attach_templates`](files::attach_templates).
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
        fee_exemptions: row.fee_exemptions.clone(),
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
