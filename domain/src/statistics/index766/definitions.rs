//! The index's indicators as data: `seed/index766.csv` read, checked and loaded by
//! `portal seed`, and the set in force on a day.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use super::Measure;
use crate::entities::index_indicator;
use crate::error::{DomainError, DomainResult, FieldError};

/// The index's total.
pub const TOTAL: i32 = 100;

/// Reads the indicators file (lines starting with `#` are comments). Every problem is named
/// with its line: an unknown measure, a threshold outside 1–100, a set whose groups do not add
/// up to 100 or whose indicators do not add up to their group's maximum.
pub fn parse(text: &str, file: &str) -> Result<Vec<index_indicator::Model>, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut rows = Vec::new();
    let body: String = text
        .lines()
        .map(|l| {
            if l.trim_start().starts_with('#') {
                ""
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let mut reader = csv::ReaderBuilder::new()
        .comment(None)
        .from_reader(body.as_bytes());
    let at = |errors: &mut Vec<FieldError>, line: u64, message: String| {
        errors.push(FieldError::new(format!("{file}:{line}"), message));
    };
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                at(&mut errors, 0, e.to_string());
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        let get = |i: usize| record.get(i).unwrap_or("").trim().to_owned();
        let number = |i: usize| get(i).parse::<i32>().ok();
        let Ok(effective_from) = NaiveDate::parse_from_str(&get(1), "%Y-%m-%d") else {
            at(
                &mut errors,
                line,
                format!("effective_from {:?} is not a date (YYYY-MM-DD)", get(1)),
            );
            continue;
        };
        let (Some(group_max), Some(max_points), Some(threshold)) =
            (number(3), number(9), number(10))
        else {
            at(
                &mut errors,
                line,
                "group_max, max_points and threshold_percent are whole numbers".into(),
            );
            continue;
        };
        if Measure::from_code(&get(8)).is_none() {
            at(
                &mut errors,
                line,
                format!("measure {:?} is not one the portal measures", get(8)),
            );
            continue;
        }
        if !(1..=100).contains(&threshold) || max_points < 1 {
            at(
                &mut errors,
                line,
                "threshold_percent is 1–100 and max_points at least 1".into(),
            );
            continue;
        }
        rows.push(index_indicator::Model {
            code: get(0),
            effective_from,
            group_code: get(2),
            group_max,
            group_vi: get(4),
            group_en: get(5),
            name_vi: get(6),
            name_en: get(7),
            measure: get(8),
            max_points,
            threshold_percent: threshold,
            source: get(11),
        });
    }
    let mut sets: BTreeMap<NaiveDate, Vec<&index_indicator::Model>> = BTreeMap::new();
    for r in &rows {
        sets.entry(r.effective_from).or_default().push(r);
    }
    for (day, set) in &sets {
        let mut groups: BTreeMap<&str, (i32, i32)> = BTreeMap::new();
        for r in set {
            let g = groups.entry(&r.group_code).or_insert((r.group_max, 0));
            if g.0 != r.group_max {
                at(
                    &mut errors,
                    0,
                    format!("set {day}: group {} has two maxima", r.group_code),
                );
            }
            g.1 += r.max_points;
        }
        let total: i32 = groups.values().map(|g| g.0).sum();
        if total != TOTAL {
            at(
                &mut errors,
                0,
                format!("set {day}: the groups' maxima add up to {total}, not {TOTAL}"),
            );
        }
        for (code, (max, sum)) in &groups {
            if max != sum {
                at(
                    &mut errors,
                    0,
                    format!("set {day}: group {code}'s indicators add up to {sum}, not {max}"),
                );
            }
        }
    }
    if rows.is_empty() && errors.is_empty() {
        at(&mut errors, 0, "no indicator".into());
    }
    if errors.is_empty() {
        Ok(rows)
    } else {
        Err(errors)
    }
}

/// Replaces the indicators with those of `path` (the file is the whole definition).
pub async fn load_seed<C: ConnectionTrait>(db: &C, path: &Path) -> DomainResult<usize> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| DomainError::Internal(format!("{}: {e}", path.display())))?;
    let rows = parse(&text, &path.display().to_string()).map_err(DomainError::Validation)?;
    index_indicator::Entity::delete_many().exec(db).await?;
    let n = rows.len();
    index_indicator::Entity::insert_many(rows.into_iter().map(index_indicator::ActiveModel::from))
        .exec_without_returning(db)
        .await?;
    Ok(n)
}

/// The set in force on `day`: the latest set starting on or before it (empty before the
/// first).
pub async fn in_force<C: ConnectionTrait>(
    db: &C,
    day: NaiveDate,
) -> DomainResult<Vec<index_indicator::Model>> {
    let latest = index_indicator::Entity::find()
        .filter(index_indicator::Column::EffectiveFrom.lte(day))
        .order_by_desc(index_indicator::Column::EffectiveFrom)
        .one(db)
        .await?;
    let Some(latest) = latest else {
        return Ok(Vec::new());
    };
    Ok(index_indicator::Entity::find()
        .filter(index_indicator::Column::EffectiveFrom.eq(latest.effective_from))
        .order_by_asc(index_indicator::Column::Code)
        .all(db)
        .await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed() -> String {
        std::fs::read_to_string(crate::testing::seed_dir().join("index766.csv")).unwrap_or_default()
    }

    #[test]
    fn the_seed_file_is_one_valid_set_of_100_points() {
        let rows = parse(&seed(), "index766.csv").unwrap_or_default();
        assert_eq!(rows.len(), 9);
        assert_eq!(rows.iter().map(|r| r.max_points).sum::<i32>(), TOTAL);
        assert!(rows.iter().all(|r| r.source.contains("766")));
    }

    #[test]
    fn a_set_that_does_not_add_up_or_measures_nothing_known_is_refused_by_line() {
        let broken = seed().replace(",on_time,14,", ",on_time,13,");
        let errors = parse(&broken, "f.csv").err().unwrap_or_default();
        let text: Vec<String> = errors.iter().map(|e| e.message.clone()).collect();
        assert!(
            text.iter()
                .any(|m| m.contains("99, not 100") || m.contains("add up to")),
            "{text:?}"
        );
        let unknown = seed().replace(",satisfied,18,", ",smiles,18,");
        let errors = parse(&unknown, "f.csv").err().unwrap_or_default();
        assert!(errors
            .iter()
            .any(|e| e.field.starts_with("f.csv:") && e.message.contains("smiles")));
    }
}
