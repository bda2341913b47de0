//! Counters and their rating tablets.

use serde::{Deserialize, Serialize};

/// A counter on the administrator's page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CounterRow {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// On.
    pub active: bool,
    /// The tablet's page.
    pub kiosk_url: String,
}

/// A counter's tablet page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KioskView {
    /// Id.
    pub id: String,
    /// The counter's name.
    pub name: String,
    /// Its agency's name.
    pub agency: String,
    /// The counter is on.
    pub active: bool,
    /// This browser holds the counter's secret: the buttons are shown.
    pub ready: bool,
}
