//! Loading reference and demo data (administrative map, fields, agencies, procedures) from the
//! plain files under `seed/`, idempotently.
//!
//! Every file is parsed and checked first; only when all rows are valid are they written, in one
//! transaction, so a bad row never leaves the catalogue half-updated. A second load of the same
//! files changes nothing and reports every row as unchanged.

mod files;
mod sync;

use std::collections::HashSet;
use std::path::Path;

use sea_orm::{DatabaseConnection, TransactionTrait};
use serde::Serialize;

use crate::entities::{agency, commune, field, province};
use crate::error::{DomainError, DomainResult, FieldError};

pub use sync::SyncCount;

/// What one load did, per table.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct LoadReport {
    /// Provinces.
    pub provinces: SyncCount,
    /// Communes and wards.
    pub communes: SyncCount,
    /// Subject areas.
    pub fields: SyncCount,
    /// Agencies.
    pub agencies: SyncCount,
    /// Procedures (new ones, new versions, unchanged; see `catalogue_import`).
    pub procedures: crate::catalogue_import::ImportReport,
    /// Holiday calendar days added (days already set by an administrator are kept).
    pub holidays_added: usize,
}

impl std::fmt::Display for LoadReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (name, count) in [
            ("provinces", &self.provinces),
            ("communes", &self.communes),
            ("fields", &self.fields),
            ("agencies", &self.agencies),
        ] {
            writeln!(
                f,
                "{name:<11} {:>5} inserted {:>5} updated {:>5} unchanged",
                count.inserted, count.updated, count.unchanged
            )?;
        }
        writeln!(f, "holidays    {:>5} added", self.holidays_added)?;
        write!(f, "{}", self.procedures)
    }
}

/// Reads every seed file under `dir`, checks it, and writes it in one transaction.
pub async fn load_seed_dir(
    db: &DatabaseConnection,
    dir: &Path,
    today: chrono::NaiveDate,
) -> DomainResult<LoadReport> {
    let data = files::read_all(dir)?;
    check_references(&data)?;
    let txn = db.begin().await?;
    let report = LoadReport {
        provinces: sync::sync_rows::<province::Entity, _>(&txn, data.provinces, |m| m.code.clone())
            .await?,
        communes: sync::sync_rows::<commune::Entity, _>(&txn, data.communes, |m| m.code.clone())
            .await?,
        fields: sync::sync_rows::<field::Entity, _>(&txn, data.fields, |m| m.code.clone()).await?,
        agencies: sync::sync_rows::<agency::Entity, _>(&txn, data.agencies, |m| m.code.clone())
            .await?,
        procedures: crate::catalogue_import::apply(
            &txn,
            data.procedures,
            today,
            &dir.join("procedures.json").display().to_string(),
        )
        .await?,
        holidays_added: 0,
    };
    // Home page figures and facet labels come from these tables too: a change to them must
    // refresh cached pages even when no procedure changed.
    let reference_changed = [
        &report.provinces,
        &report.communes,
        &report.fields,
        &report.agencies,
    ]
    .iter()
    .any(|c| c.inserted + c.updated > 0);
    let mut report = report;
    if reference_changed
        && report.procedures.inserted.is_empty()
        && report.procedures.new_versions.is_empty()
    {
        report.procedures.revision = crate::catalogue_import::bump_revision(&txn).await?;
    }
    txn.commit().await?;
    let tariff = dir.join("postal_tariff.csv");
    if tariff.exists() {
        crate::postal::tariff::load_seed(db, &tariff).await?;
    }
    let index = dir.join("index766.csv");
    if index.exists() {
        crate::statistics::index766::definitions::load_seed(db, &index).await?;
    }
    let holidays = dir.join("holidays.csv");
    if holidays.exists() {
        report.holidays_added = crate::holidays::load_seed(db, &holidays).await?;
    }
    tracing::info!(
        provinces = report.provinces.total(),
        communes = report.communes.total(),
        agencies = report.agencies.total(),
        procedures_new = report.procedures.inserted.len(),
        procedures_new_versions = report.procedures.new_versions.len(),
        "seed data loaded"
    );
    Ok(report)
}

/// Cross-file checks: every reference points at a row of the same load.
fn check_references(data: &files::SeedData) -> DomainResult<()> {
    let provinces: HashSet<&str> = data.provinces.iter().map(|p| p.code.as_str()).collect();
    let communes: HashSet<&str> = data.communes.iter().map(|c| c.code.as_str()).collect();
    let mut errors = Vec::new();
    for c in &data.communes {
        if !provinces.contains(c.province_code.as_str()) {
            errors.push(FieldError::new(
                format!("communes.csv: {}", c.code),
                format!("unknown province_code {}", c.province_code),
            ));
        }
    }
    for a in &data.agencies {
        if !provinces.contains(a.province_code.as_str()) {
            errors.push(FieldError::new(
                format!("agencies.csv: {}", a.code),
                format!("unknown province_code {}", a.province_code),
            ));
        }
        if let Some(cc) = &a.commune_code {
            if !communes.contains(cc.as_str()) {
                errors.push(FieldError::new(
                    format!("agencies.csv: {}", a.code),
                    format!("unknown commune_code {cc}"),
                ));
            }
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(DomainError::Validation(errors))
    }
}
