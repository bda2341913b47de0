//! What the public lookup page shows of a dossier: texts ready to print, no personal data.

use serde::{Deserialize, Serialize};

/// A dossier as anyone holding its receipt may see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LookupView {
    /// Dossier code.
    pub code: String,
    /// Procedure name.
    pub procedure: String,
    /// Status code (`submitted`, …), for its label and style.
    pub status: String,
    /// Agency holding it now (empty once finished).
    pub agency: String,
    /// Filed at, local time.
    pub submitted_at: String,
    /// Result due at, local time (empty when none yet).
    pub due_at: String,
    /// Working time left or late, in words (empty when the clock does not run).
    pub time_left: String,
    /// The clock is stopped, waiting for the applicant.
    pub paused: bool,
    /// Finished at, local time (empty while open).
    pub finished_at: String,
}
