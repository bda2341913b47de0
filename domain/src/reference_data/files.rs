//! Parsing and checking the seed files; every problem is reported with its file and line.

use std::collections::HashSet;
use std::path::Path;

use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde::Deserialize;

use crate::catalogue_import::{self, ProcedureRecord};
use crate::entities::{agency, commune, field, province};
use crate::error::{DomainError, DomainResult, FieldError};
use crate::text::slugify;

/// The date the two-tier map of Resolution 202/2025/QH15 took effect.
fn map_2025() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 7, 1).unwrap_or_default()
}

/// Every seed table, parsed into rows ready to write.
pub struct SeedData {
    pub provinces: Vec<province::Model>,
    pub communes: Vec<commune::Model>,
    pub fields: Vec<field::Model>,
    pub agencies: Vec<agency::Model>,
    pub procedures: Vec<ProcedureRecord>,
}

#[derive(Deserialize)]
struct ProvinceRow {
    code: String,
    name: String,
    division_type: String,
    phone_code: Option<String>,
}

#[derive(Deserialize)]
struct CommuneRow {
    code: String,
    name: String,
    division_type: String,
    province_code: String,
}

#[derive(Deserialize)]
struct FieldRow {
    code: String,
    name_vi: String,
    name_en: String,
    slug: String,
}

#[derive(Deserialize)]
struct AgencyRow {
    code: String,
    name: String,
    short_name: Option<String>,
    level: String,
    province_code: String,
    commune_code: Option<String>,
    parent_code: Option<String>,
    address: Option<String>,
    phone: Option<String>,
    email: Option<String>,
    website: Option<String>,
    /// Working periods when they differ from the national default (`07:00-11:30,13:30-17:00`).
    #[serde(default)]
    working_hours: Option<String>,
    /// Same-day cut-off (`HH:MM`) when it differs from the default 15:00.
    #[serde(default)]
    same_day_cutoff: Option<String>,
}

/// Reads and checks every seed file under `dir`; nothing is written here.
pub fn read_all(dir: &Path) -> DomainResult<SeedData> {
    let mut errors = Vec::new();
    let provinces = read_csv::<ProvinceRow>(&dir.join("units/provinces.csv"), &mut errors)
        .into_iter()
        .map(|(_, r)| province::Model {
            code: r.code,
            name: r.name,
            division_type: r.division_type,
            phone_code: r.phone_code.filter(|s| !s.is_empty()),
            valid_from: map_2025(),
            valid_to: None,
        })
        .collect::<Vec<_>>();
    let communes = read_csv::<CommuneRow>(&dir.join("units/communes.csv"), &mut errors)
        .into_iter()
        .map(|(_, r)| commune::Model {
            code: r.code,
            name: r.name,
            division_type: r.division_type,
            province_code: r.province_code,
            valid_from: map_2025(),
            valid_to: None,
        })
        .collect::<Vec<_>>();
    let fields = read_csv::<FieldRow>(&dir.join("fields.csv"), &mut errors)
        .into_iter()
        .map(|(_, r)| field::Model {
            code: r.code,
            name_vi: r.name_vi,
            name_en: r.name_en,
            slug: r.slug,
        })
        .collect::<Vec<_>>();
    let mut agencies = read_agencies(&dir.join("agencies.csv"), &mut errors);
    disambiguate_slugs(&mut agencies);
    let procedures = read_procedures(&dir.join("procedures.json"), &mut errors);
    let procedure_codes: Vec<&String> = procedures.iter().map(|p| &p.row.code).collect();
    duplicates("procedures.json", procedure_codes, &mut errors);

    for (file, keys) in [
        ("units/provinces.csv", keys(&provinces, |p| &p.code)),
        ("units/communes.csv", keys(&communes, |c| &c.code)),
        ("fields.csv", keys(&fields, |f| &f.code)),
        ("agencies.csv", keys(&agencies, |a| &a.code)),
        ("agencies.csv (slug)", keys(&agencies, |a| &a.slug)),
    ] {
        duplicates(file, keys, &mut errors);
    }
    if errors.is_empty() {
        Ok(SeedData {
            provinces,
            communes,
            fields,
            agencies,
            procedures,
        })
    } else {
        Err(DomainError::Validation(errors))
    }
}

/// Communes in different parts of a province can share a name ("UBND xã Tân Thành"); their
/// URLs then carry the agency code's distinguishing digits so every slug stays unique.
fn disambiguate_slugs(agencies: &mut [agency::Model]) {
    let mut counts = std::collections::HashMap::new();
    for a in agencies.iter() {
        *counts.entry(a.slug.clone()).or_insert(0_u32) += 1;
    }
    for a in agencies.iter_mut() {
        if counts.get(&a.slug).copied().unwrap_or(0) > 1 {
            a.slug = format!("{}-{}", a.slug, slugify(&a.code));
        }
    }
}

fn keys<'a, T>(rows: &'a [T], key: impl Fn(&'a T) -> &'a String) -> Vec<&'a String> {
    rows.iter().map(key).collect()
}

fn duplicates(file: &str, keys: Vec<&String>, errors: &mut Vec<FieldError>) {
    let mut seen = HashSet::new();
    for k in keys {
        if !seen.insert(k) {
            errors.push(FieldError::new(file, format!("duplicate key {k}")));
        }
    }
}

/// Parses a CSV file with a header row; returns rows with their 1-based line numbers.
fn read_csv<T: DeserializeOwned>(path: &Path, errors: &mut Vec<FieldError>) -> Vec<(u64, T)> {
    let name = path.display().to_string();
    let mut reader = match csv::Reader::from_path(path) {
        Ok(r) => r,
        Err(e) => {
            errors.push(FieldError::new(name, format!("cannot read: {e}")));
            return Vec::new();
        }
    };
    let mut rows = Vec::new();
    for record in reader.deserialize::<T>() {
        match record {
            Ok(row) => rows.push((rows.len() as u64 + 2, row)),
            Err(e) => {
                let line = e.position().map(|p| p.line()).unwrap_or(0);
                errors.push(FieldError::new(format!("{name}:{line}"), e.to_string()));
            }
        }
    }
    rows
}

const AGENCY_LEVELS: [&str; 2] = ["province", "commune"];

/// `NNN.NN.NN.XNN`: the national agency code form that prefixes dossier codes.
pub fn is_agency_code(code: &str) -> bool {
    let b = code.as_bytes();
    b.len() == 13
        && b.iter().enumerate().all(|(i, c)| match i {
            3 | 6 | 9 => *c == b'.',
            10 => c.is_ascii_uppercase(),
            _ => c.is_ascii_digit(),
        })
}

fn read_agencies(path: &Path, errors: &mut Vec<FieldError>) -> Vec<agency::Model> {
    let name = path.display().to_string();
    read_csv::<AgencyRow>(path, errors)
        .into_iter()
        .filter_map(|(line, r)| {
            let at = format!("{name}:{line}");
            if !is_agency_code(&r.code) {
                errors.push(FieldError::new(
                    at,
                    format!("code {} is not in the NNN.NN.NN.XNN form", r.code),
                ));
                return None;
            }
            if !AGENCY_LEVELS.contains(&r.level.as_str()) {
                errors.push(FieldError::new(
                    at,
                    format!("level must be province or commune, not {}", r.level),
                ));
                return None;
            }
            let empty_none = |s: Option<String>| s.filter(|v| !v.trim().is_empty());
            Some(agency::Model {
                slug: slugify(&r.name),
                code: r.code,
                name: r.name,
                short_name: empty_none(r.short_name),
                level: r.level,
                province_code: r.province_code,
                commune_code: empty_none(r.commune_code),
                parent_code: empty_none(r.parent_code),
                address: empty_none(r.address),
                phone: empty_none(r.phone),
                email: empty_none(r.email),
                website: empty_none(r.website),
                working_hours: empty_none(r.working_hours),
                same_day_cutoff: empty_none(r.same_day_cutoff),
            })
        })
        .collect()
}

fn read_procedures(path: &Path, errors: &mut Vec<FieldError>) -> Vec<ProcedureRecord> {
    let name = path.display().to_string();
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            errors.push(FieldError::new(name, format!("cannot read: {e}")));
            return Vec::new();
        }
    };
    let base = path.parent().unwrap_or(Path::new("."));
    match catalogue_import::parse(&text, &name).and_then(|mut records| {
        catalogue_import::attach_files(&mut records, base, &name).map(|()| records)
    }) {
        Ok(records) => records,
        Err(DomainError::Validation(mut fields)) => {
            errors.append(&mut fields);
            Vec::new()
        }
        Err(other) => {
            errors.push(FieldError::new(name, other.to_string()));
            Vec::new()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::is_agency_code;

    #[test]
    fn agency_codes_follow_the_national_form() {
        assert!(is_agency_code("000.00.01.H53"));
        assert!(is_agency_code("000.12.34.H29"));
        assert!(!is_agency_code("000.00.01.h53"));
        assert!(!is_agency_code("000.00.1.H53"));
        assert!(!is_agency_code("000-00-01-H53"));
    }
}
