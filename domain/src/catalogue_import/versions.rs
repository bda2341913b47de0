//! Writing checked rows to the database inside the caller's transaction: references to fields
//! and agencies checked, template files stored, a new procedure or a new version of a changed
//! one (the previous version gets its end date), and the catalogue revision bumped when
//! anything changed. Separate from parsing, which never touches the database.

use std::collections::{HashMap, HashSet};

use chrono::{Duration, NaiveDate};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use serde::Serialize;

use super::{details_of, ImportReport, ProcedureRecord};
use crate::catalogue_files::{self, TemplateFile};
use crate::entities::{agency, catalogue_state, field, procedure, procedure_version};
use crate::error::{DomainError, DomainResult, FieldError};
use crate::text::slugify;

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
