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
    /// The open-data download's query string for this report.
    pub download_query: String,
}
