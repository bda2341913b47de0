//! What the public statistics page shows: the figures of a period and the one before, ready to
//! render, the choices of its form and each agency's own line.

use serde::{Deserialize, Serialize};

use super::dossier::Choice;

/// A figure of the report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatRow {
    /// Figure code (its label is the translation `stat_{code}`).
    pub code: String,
    /// This period's value (`None`: no basis for a rate).
    pub current: Option<i64>,
    /// The previous period's.
    pub previous: Option<i64>,
    /// `count`, `percent` or `minutes`.
    pub unit: String,
    /// A part of the figure above it (shown indented).
    pub part: bool,
}

/// One agency's own figures in the period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgencyLine {
    /// Agency code.
    pub code: String,
    /// Its name.
    pub name: String,
    /// Received.
    pub received: i64,
    /// Resolved.
    pub resolved: i64,
    /// Share resolved on time.
    pub on_time_percent: Option<i64>,
    /// Open and overdue at the end.
    pub overdue: i64,
    /// Share satisfied.
    pub satisfied_percent: Option<i64>,
}

/// The page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatisticsView {
    /// The form as asked: agency, field, procedure, period, custom from and to.
    pub agency: String,
    /// Field code.
    pub field: String,
    /// Procedure code.
    pub procedure: String,
    /// Period code.
    pub period: String,
    /// Custom span's first day.
    pub from: String,
    /// Custom span's last day.
    pub to: String,
    /// The period in words.
    pub period_label: String,
    /// The period before, in words.
    pub previous_label: String,
    /// Who is counted, in words.
    pub scope_label: String,
    /// The figures (empty when the form was refused).
    pub rows: Vec<StatRow>,
    /// Received by channel: (figure code, value).
    pub received_chart: Vec<(String, i64)>,
    /// What became of the dossiers: (figure code, value).
    pub results_chart: Vec<(String, i64)>,
    /// Each agency's line, most received first.
    pub by_agency: Vec<AgencyLine>,
    /// The form's agencies.
    pub agencies: Vec<Choice>,
    /// The form's fields.
    pub fields: Vec<Choice>,
    /// The form's periods.
    pub periods: Vec<Choice>,
    /// Refused fields: (field, rule code).
    pub errors: Vec<(String, String)>,
    /// The open-data download's query string for this report (empty for a span of days, which
    /// is not published as open data).
    pub download_query: String,
    /// `&field=…&procedure=…` as asked, for links that keep the narrowing.
    pub narrowing: String,
}

/// A group's heading in the index's ranking.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexGroup {
    /// Group code.
    pub code: String,
    /// Its name.
    pub name: String,
    /// Its maximum points.
    pub max: i32,
}

/// An agency's line in the ranking.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexLine {
    /// Rank, 1 first.
    pub rank: usize,
    /// Agency code.
    pub code: String,
    /// Its name.
    pub name: String,
    /// Total points, as shown (`87,45`).
    pub total: String,
    /// The change from the previous period, as shown (`+2,10`), empty without one.
    pub trend: String,
    /// Points per group, as shown, in the groups' order.
    pub groups: Vec<String>,
}

/// One indicator of the chosen agency.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndicatorLine {
    /// `1.1`…
    pub code: String,
    /// Its name.
    pub name: String,
    /// What was counted, `part / whole`.
    pub basis: String,
    /// The rate, as shown (`—` without a basis).
    pub rate: String,
    /// The threshold, as shown.
    pub threshold: String,
    /// The maximum points.
    pub max: i32,
    /// Points earned, as shown.
    pub points: String,
    /// The calculation written out.
    pub formula: String,
}

/// The Decision 766 index page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexView {
    /// Period code.
    pub period: String,
    /// The period in words.
    pub period_label: String,
    /// The previous period in words.
    pub previous_label: String,
    /// The form's periods.
    pub periods: Vec<Choice>,
    /// The agency whose indicators are shown (empty: none chosen).
    pub agency: String,
    /// Its name.
    pub agency_name: String,
    /// Its total, as shown.
    pub agency_total: String,
    /// The groups.
    pub groups: Vec<IndexGroup>,
    /// The ranking.
    pub ranking: Vec<IndexLine>,
    /// The chosen agency's indicators.
    pub indicators: Vec<IndicatorLine>,
    /// The first day of the set of indicators used.
    pub effective_from: String,
    /// Where the indicators come from.
    pub source: String,
    /// Refused fields: (field, rule code).
    pub errors: Vec<(String, String)>,
}

/// One figure of the wallboard.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tile {
    /// Figure code (its label is the translation `board_{code}`).
    pub code: String,
    /// The value as shown.
    pub value: String,
    /// Asks for attention (overdue dossiers).
    pub alert: bool,
}

/// One unit's live counts on the wallboard.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitLine {
    /// Agency name.
    pub name: String,
    /// Overdue now.
    pub overdue: u64,
    /// Due by the end of the next working day.
    pub due_soon: u64,
}

/// The leaders' wallboard.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardView {
    /// The agency.
    pub agency: String,
    /// When the figures were read (HH:MM:SS, Vietnam).
    pub updated_at: String,
    /// The board's fingerprint (the live feed compares it).
    pub fingerprint: String,
    /// Today's figures.
    pub today: Vec<Tile>,
    /// This month's.
    pub month: Vec<Tile>,
    /// Per unit.
    pub units: Vec<UnitLine>,
    /// The next working day (`dd/mm/yyyy`).
    pub next_working_day: String,
}
