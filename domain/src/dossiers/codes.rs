//! Dossier codes: `{receiving agency code}-{yyMMdd}-{NNNN}`, numbered by a per-agency daily
//! counter held in the database.
//!
//! The number comes from one atomic upsert (`INSERT … ON CONFLICT DO UPDATE SET last = last + 1
//! RETURNING last`) inside the submission's transaction: the database serialises concurrent
//! submissions on the counter row, across any number of server instances, so a number is never
//! given twice; if the submission rolls back, so does its number.

use chrono::{DateTime, FixedOffset, Offset, Utc};
use sea_orm::sea_query::{Alias, Expr, ExprTrait, OnConflict, Query};
use sea_orm::ConnectionTrait;

use crate::error::{DomainError, DomainResult};

/// Vietnam's time zone (UTC+7, no daylight saving): the code's date is the local date.
pub fn vietnam() -> FixedOffset {
    FixedOffset::east_opt(7 * 3600).unwrap_or(Utc.fix())
}

/// The date in Vietnam at an instant, whatever the server's time zone.
pub fn vietnam_date(at: DateTime<Utc>) -> chrono::NaiveDate {
    at.with_timezone(&vietnam()).date_naive()
}

/// The `yyMMdd` part for an instant.
pub fn day_part(at: DateTime<Utc>) -> String {
    at.with_timezone(&vietnam()).format("%y%m%d").to_string()
}

/// Formats a code.
pub fn format_code(agency_code: &str, day: &str, number: i32) -> String {
    format!("{agency_code}-{day}-{number:04}")
}

/// True when `text` has the shape of a whole dossier code (`{agency}-{yyMMdd}-{number}`), so
/// a search can look it up exactly instead of matching it as a part of something.
pub fn looks_like_code(text: &str) -> bool {
    let mut parts = text.split('-');
    let (Some(agency), Some(day), Some(number), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    agency.contains('.')
        && agency.len() >= 5
        && day.len() == 6
        && day.bytes().all(|b| b.is_ascii_digit())
        && number.len() >= 4
        && number.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// Takes the next number of `agency_code` for the day of `at` and returns the full code.
pub async fn next_code<C: ConnectionTrait>(
    db: &C,
    agency_code: &str,
    at: DateTime<Utc>,
) -> DomainResult<String> {
    let day = day_part(at);
    let table = Alias::new("dossier_counter");
    let (agency, day_col, last) = (
        Alias::new("agency_code"),
        Alias::new("day"),
        Alias::new("last"),
    );
    let mut insert = Query::insert();
    insert
        .into_table(table.clone())
        .columns([agency.clone(), day_col.clone(), last.clone()])
        .values_panic([agency_code.into(), day.clone().into(), 1.into()])
        .on_conflict(
            OnConflict::columns([agency, day_col])
                .value(last.clone(), Expr::col((table, last.clone())).add(1))
                .to_owned(),
        )
        .returning_col(last);
    let number: i32 = match db.query_one(&insert).await? {
        Some(row) => row.try_get("", "last")?,
        None => {
            return Err(DomainError::Internal(
                "dossier counter returned no row".into(),
            ))
        }
    };
    Ok(format_code(agency_code, &day, number))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_codes_are_told_from_parts_of_codes() {
        assert!(looks_like_code("000.00.01.H29-240115-0001"));
        assert!(looks_like_code(&format_code("000.00.02.H53", "261202", 12)));
        assert!(!looks_like_code("000.00.01.H29-240115"));
        assert!(!looks_like_code("240115-0001"));
        assert!(!looks_like_code("000.00.01.H29-2401-0001"));
        assert!(!looks_like_code("000.00.01.H29-240115-0001-2"));
        assert!(!looks_like_code("nguyen van a"));
    }

    #[test]
    fn the_date_is_vietnam_s() {
        let late_utc = DateTime::parse_from_rfc3339("2026-01-14T18:30:00Z")
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_default();
        assert_eq!(day_part(late_utc), "260115", "01:30 on the 15th in Hà Nội");
        assert_eq!(
            format_code("000.00.01.H29", "240115", 1),
            "000.00.01.H29-240115-0001"
        );
        assert_eq!(format_code("X", "240115", 12345), "X-240115-12345");
    }
}
