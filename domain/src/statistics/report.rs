//! One statistics request as the public page, the open-data downloads and the JSON API ask it:
//! which agency (with the agencies under it), field or procedure, and which period; answered
//! with the period's figures, the previous period's for comparison, and each agency's own.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::figures::{self, Figures, Scope};
use super::period::Period;
use crate::error::{invalid, DomainResult};

/// What is asked, as typed in the page's form or the API's query (empty: not chosen).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Request {
    /// Agency code.
    pub agency: String,
    /// Field code.
    pub field: String,
    /// Procedure code.
    pub procedure: String,
    /// Period code (`2026-11`, `2026-Q4`, `2026`); when empty, the span `from`–`to` if given,
    /// else the current month.
    pub period: String,
    /// First day of a custom span (`YYYY-MM-DD`), with `to`, read when no period is chosen.
    pub from: String,
    /// Last day of a custom span.
    pub to: String,
}

/// The answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    /// The agencies and procedures counted.
    pub scope: Scope,
    /// The period.
    pub period: Period,
    /// Its figures.
    pub current: Figures,
    /// The figures of the period before.
    pub previous: Figures,
    /// Each agency's own figures in the period (agencies with none left out).
    pub by_agency: BTreeMap<String, Figures>,
}

/// The period asked for, as of `today`. Refused naming the field: `stat_period_invalid`, or
/// `stat_dates_invalid` for a custom span that is not two dates in order within ten years.
pub fn period_of(request: &Request, today: NaiveDate) -> DomainResult<Period> {
    let (from, to) = (request.from.trim(), request.to.trim());
    if request.period.trim().is_empty() && (!from.is_empty() || !to.is_empty()) {
        return Period::parse(&format!("{from}..{to}")).ok_or_else(|| {
            invalid(
                "from",
                "stat_dates_invalid",
                "give two dates, the first not after the second, at most ten years apart",
            )
        });
    }
    if request.period.trim().is_empty() {
        return Ok(Period::month_of(today));
    }
    Period::parse(&request.period).ok_or_else(|| {
        invalid(
            "period",
            "stat_period_invalid",
            "choose a month, a quarter or a year from the list",
        )
    })
}

/// Answers `request` as of `today`.
pub async fn report<C: sea_orm::ConnectionTrait>(
    db: &C,
    request: &Request,
    today: NaiveDate,
) -> DomainResult<Report> {
    let period = period_of(request, today)?;
    let scope = figures::scope(
        db,
        Some(request.agency.trim()),
        Some(request.field.trim()),
        Some(request.procedure.trim()),
    )
    .await?;
    let mut both = figures::compute(db, &scope, &[period.previous(), period], today).await?;
    let (current, by_agency) = both.pop().unwrap_or_default();
    let previous = both.pop().map(|(total, _)| total).unwrap_or_default();
    Ok(Report {
        scope,
        period,
        current,
        previous,
        by_agency,
    })
}
