//! The service-quality index of Decision 766/QĐ-TTg: per agency and period, five groups of
//! indicators adding up to 100 points. Each indicator's rate comes from the statistics
//! rollups or the catalogue, and earns `rate × max ÷ threshold` points, capped at its maximum
//! ([`points`]); the indicators, maxima and thresholds are data ([`definitions`], from
//! `seed/index766.csv`), so a new decision is a new set of lines with its date, not new code.
//!
//! An indicator with nothing to measure (no dossier resolved, no rating) earns nothing and says
//! so: an agency is not ranked up for having no data. Two are the other way round: an agency
//! that worked in the period with nothing open at its end has nothing overdue, and one whose
//! resolved dossiers had no fee had nothing to pay offline — both earn their maximum.

pub mod definitions;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use sea_orm::{ConnectionTrait, EntityTrait, QuerySelect};

use super::figures::{self, Figures, Scope};
use super::period::Period;
use crate::entities::{index_indicator, procedure};
use crate::error::DomainResult;

/// What an indicator measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    /// The agency's procedures published in full (catalogue).
    ProceduresComplete,
    /// Resolved on time, of resolved.
    OnTime,
    /// Open within time, of open at the end.
    NotOverdue,
    /// The agency's procedures offered as full online services (catalogue).
    FullOnlineProcedures,
    /// Filed online, of received.
    OnlineSubmission,
    /// Paid online, of resolved with a fee.
    OnlinePayment,
    /// Satisfied or very satisfied, of ratings.
    Satisfied,
    /// Received digitised, of received.
    Digitised,
    /// Electronic results, of resolved.
    EResult,
}

impl Measure {
    /// Every measure.
    pub const ALL: [Measure; 9] = [
        Measure::ProceduresComplete,
        Measure::OnTime,
        Measure::NotOverdue,
        Measure::FullOnlineProcedures,
        Measure::OnlineSubmission,
        Measure::OnlinePayment,
        Measure::Satisfied,
        Measure::Digitised,
        Measure::EResult,
    ];

    /// Code in the seed file.
    pub fn code(self) -> &'static str {
        match self {
            Measure::ProceduresComplete => "procedures_complete",
            Measure::OnTime => "on_time",
            Measure::NotOverdue => "not_overdue",
            Measure::FullOnlineProcedures => "full_online_procedures",
            Measure::OnlineSubmission => "online_submission",
            Measure::OnlinePayment => "online_payment",
            Measure::Satisfied => "satisfied",
            Measure::Digitised => "digitised",
            Measure::EResult => "e_result",
        }
    }

    /// Parses a code.
    pub fn from_code(code: &str) -> Option<Measure> {
        Measure::ALL.into_iter().find(|m| m.code() == code)
    }

    /// The (part, whole) of this measure for an agency with `f` in the period and `catalogue`.
    fn basis(self, f: &Figures, catalogue: &CatalogueCounts) -> (i64, i64) {
        match self {
            Measure::ProceduresComplete => (catalogue.complete, catalogue.procedures),
            Measure::FullOnlineProcedures => (catalogue.full_online, catalogue.procedures),
            Measure::OnTime => (f.resolved_on_time, f.resolved()),
            // Nothing open, or nothing to pay, in a period with dossiers: nothing late or
            // unpaid online — the best outcome, not "no data".
            Measure::NotOverdue if f.pending() == 0 && active(f) => (1, 1),
            Measure::NotOverdue => (f.pending_in_time, f.pending()),
            Measure::OnlinePayment if f.with_fee == 0 && f.resolved() > 0 => (1, 1),
            Measure::OnlineSubmission => (f.received_online, f.received()),
            Measure::OnlinePayment => (f.paid_online, f.with_fee),
            Measure::Satisfied => (f.very_satisfied + f.satisfied, f.ratings()),
            Measure::Digitised => (f.digitised, f.received()),
            Measure::EResult => (f.e_results, f.resolved()),
        }
    }
}

/// True when an agency had dossiers in the period (received, resolved or open).
fn active(f: &Figures) -> bool {
    f.received() + f.resolved() + f.carried_over > 0
}

/// The points, in hundredths, of `part` out of `whole` for an indicator worth `max` points in
/// full at `threshold` percent: `part ÷ whole × 100 × max ÷ threshold`, rounded down, capped at
/// `max`; nothing when `whole` is 0.
pub fn points(part: i64, whole: i64, max: i32, threshold: i32) -> i64 {
    if whole <= 0 || threshold <= 0 {
        return 0;
    }
    let max = i64::from(max);
    let earned = part.max(0) * 100 * max * 100 / (whole * i64::from(threshold));
    earned.min(max * 100)
}

/// The rate in hundredths of a percent (`3333` is 33.33 %), rounded down.
pub fn rate(part: i64, whole: i64) -> Option<i64> {
    (whole > 0).then(|| part.max(0) * 10_000 / whole)
}

/// One indicator's score.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndicatorScore {
    /// The indicator.
    pub indicator: index_indicator::Model,
    /// What was counted.
    pub part: i64,
    /// Out of.
    pub whole: i64,
    /// [`rate`].
    pub rate: Option<i64>,
    /// [`points`], in hundredths.
    pub points: i64,
}

/// One group's points.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupScore {
    /// Group code.
    pub code: String,
    /// Its name, Vietnamese.
    pub name_vi: String,
    /// Its name, English.
    pub name_en: String,
    /// Its maximum.
    pub max: i32,
    /// Points, in hundredths.
    pub points: i64,
}

/// An agency's index in a period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgencyScore {
    /// Agency code.
    pub agency: String,
    /// Total points, in hundredths.
    pub total: i64,
    /// The previous period's total (`None`: the agency had nothing then).
    pub previous: Option<i64>,
    /// Per group, in code order.
    pub groups: Vec<GroupScore>,
    /// Per indicator, in code order.
    pub indicators: Vec<IndicatorScore>,
}

/// What the catalogue says of an agency's procedures.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct CatalogueCounts {
    procedures: i64,
    complete: i64,
    full_online: i64,
}

/// True when a procedure's public record has every part: steps, documents, a time limit, the
/// result and the legal basis.
fn complete(details: &serde_json::Value) -> bool {
    let filled = |k: &str| match details.get(k) {
        Some(serde_json::Value::Array(a)) => !a.is_empty(),
        Some(serde_json::Value::String(s)) => !s.trim().is_empty(),
        _ => false,
    };
    let time_limit = ["processing_days", "processing_hours"].iter().any(|k| {
        details
            .get(*k)
            .and_then(|v| v.as_i64())
            .is_some_and(|n| n > 0)
    });
    filled("steps")
        && filled("documents")
        && filled("result")
        && filled("legal_basis")
        && time_limit
}

async fn catalogue_counts<C: ConnectionTrait>(
    db: &C,
) -> DomainResult<BTreeMap<String, CatalogueCounts>> {
    let rows: Vec<(Option<String>, String, serde_json::Value)> = procedure::Entity::find()
        .select_only()
        .column(procedure::Column::AgencyCode)
        .column(procedure::Column::Level)
        .column(procedure::Column::Details)
        .into_tuple()
        .all(db)
        .await?;
    let mut out: BTreeMap<String, CatalogueCounts> = BTreeMap::new();
    for (agency, level, details) in rows {
        let Some(agency) = agency else { continue };
        let c = out.entry(agency).or_default();
        c.procedures += 1;
        c.complete += i64::from(complete(&details));
        c.full_online += i64::from(level == "full_online");
    }
    Ok(out)
}

/// Scores `f` and `catalogue` on `set`.
fn score(
    agency: &str,
    set: &[index_indicator::Model],
    f: &Figures,
    catalogue: &CatalogueCounts,
) -> AgencyScore {
    let mut groups: BTreeMap<String, GroupScore> = BTreeMap::new();
    let indicators: Vec<IndicatorScore> = set
        .iter()
        .map(|i| {
            let (part, whole) =
                Measure::from_code(&i.measure).map_or((0, 0), |m| m.basis(f, catalogue));
            let earned = points(part, whole, i.max_points, i.threshold_percent);
            let g = groups
                .entry(i.group_code.clone())
                .or_insert_with(|| GroupScore {
                    code: i.group_code.clone(),
                    name_vi: i.group_vi.clone(),
                    name_en: i.group_en.clone(),
                    max: i.group_max,
                    points: 0,
                });
            g.points += earned;
            IndicatorScore {
                indicator: i.clone(),
                part,
                whole,
                rate: rate(part, whole),
                points: earned,
            }
        })
        .collect();
    AgencyScore {
        agency: agency.to_owned(),
        total: groups.values().map(|g| g.points).sum(),
        previous: None,
        groups: groups.into_values().collect(),
        indicators,
    }
}

/// The index of every agency with dossiers, ratings or procedures in `period` (as of
/// `today`), with the previous period's total for the trend; best first (ties by code). The
/// set of indicators is the one in force on the period's last day.
pub async fn ranking<C: ConnectionTrait>(
    db: &C,
    period: &Period,
    today: NaiveDate,
) -> DomainResult<Vec<AgencyScore>> {
    let set = definitions::in_force(db, period.last()).await?;
    let previous_set = definitions::in_force(db, period.previous().last()).await?;
    let mut both =
        figures::compute(db, &Scope::default(), &[period.previous(), *period], today).await?;
    let now = both.pop().map(|(_, each)| each).unwrap_or_default();
    let before = both.pop().map(|(_, each)| each).unwrap_or_default();
    let catalogue = catalogue_counts(db).await?;
    let agencies: std::collections::BTreeSet<&String> =
        now.keys().chain(catalogue.keys()).collect();
    let empty = Figures::default();
    let mut out: Vec<AgencyScore> = agencies
        .into_iter()
        .map(|a| {
            let c = catalogue.get(a).copied().unwrap_or_default();
            let mut s = score(a, &set, now.get(a).unwrap_or(&empty), &c);
            s.previous = before.get(a).map(|f| score(a, &previous_set, f, &c).total);
            s
        })
        .collect();
    out.sort_by(|a, b| b.total.cmp(&a.total).then(a.agency.cmp(&b.agency)));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_are_the_rate_over_the_threshold_capped_at_the_maximum() {
        // Online filing: 30 % of a 50 % threshold earns 60 % of 8 points.
        assert_eq!(points(30, 100, 8, 50), 480);
        // 60 % is past the threshold: capped at 8.
        assert_eq!(points(60, 100, 8, 50), 800);
        // Electronic results: 40 % of an 80 % threshold, 12 points → 6.
        assert_eq!(points(40, 100, 12, 80), 600);
        // On time 97 of 100 at a 100 % threshold, 14 points → 13.58.
        assert_eq!(points(97, 100, 14, 100), 1358);
        // One third of 18 at 100 %: 6 points, rounded down in hundredths.
        assert_eq!(points(1, 3, 18, 100), 600);
        assert_eq!(points(2, 3, 10, 80), 833);
        // Nothing to measure, nothing earned.
        assert_eq!(points(0, 0, 18, 100), 0);
        assert_eq!(rate(1, 3), Some(3333));
        assert_eq!(rate(0, 0), None);
    }

    #[test]
    fn a_procedure_is_complete_only_with_every_part() {
        let full = serde_json::json!({"steps": ["a"], "documents": [{}], "result": "r",
            "legal_basis": ["l"], "processing_days": 5});
        assert!(complete(&full));
        let mut no_basis = full.clone();
        no_basis["legal_basis"] = serde_json::json!([]);
        assert!(!complete(&no_basis));
        let mut hours = full.clone();
        hours["processing_days"] = serde_json::json!(0);
        assert!(!complete(&hours));
        hours["processing_hours"] = serde_json::json!(4);
        assert!(complete(&hours));
    }
}
