//! Data sent from the server to the pages; plain serde types compiled into both sides.

use serde::{Deserialize, Serialize};

/// A procedure in a list or a suggestion.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProcedureCard {
    /// Catalogue code.
    pub code: String,
    /// Official name.
    pub name: String,
    /// URL slug.
    pub slug: String,
    /// `full_online`, `partial_online` or `information`.
    pub level: String,
    /// `province` or `commune`.
    pub agency_level: String,
    /// Time limit in working days.
    pub processing_days: i32,
}

/// Figures and lists for the home page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HomePageData {
    /// Procedures in the catalogue.
    pub procedures: u64,
    /// Of which fully online.
    pub full_online: u64,
    /// Agencies.
    pub agencies: u64,
    /// Communes and wards on the map.
    pub communes: u64,
    /// Provinces on the map.
    pub provinces: u64,
    /// The most used procedures.
    pub popular: Vec<ProcedureCard>,
}

/// One required document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentView {
    /// What it is.
    pub name: String,
    /// Copies.
    pub copies: u32,
    /// `original`, `copy` or `original_or_copy`.
    pub kind: String,
    /// Required or optional.
    pub required: bool,
    /// Template form name.
    pub template: Option<String>,
}

/// One fee item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeeView {
    /// What is charged.
    pub item: String,
    /// Amount in đồng.
    pub amount_vnd: i64,
    /// Charged per copy.
    pub per_copy: bool,
}

/// Everything the procedure page shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProcedureView {
    /// Summary fields.
    pub card: ProcedureCard,
    /// Subject area name (Vietnamese and English).
    pub field_name: (String, String),
    /// Implementing agency name, or `None` for commune People's Committees.
    pub agency_name: Option<String>,
    /// Plain-language summary.
    pub description: String,
    /// Steps.
    pub steps: Vec<String>,
    /// Channels.
    pub channels: Vec<String>,
    /// Documents.
    pub documents: Vec<DocumentView>,
    /// Fees (empty when free).
    pub fees: Vec<FeeView>,
    /// Extra wording on the time limit.
    pub processing_note: Option<String>,
    /// The result.
    pub result: String,
    /// Conditions.
    pub conditions: Option<String>,
    /// Legal basis.
    pub legal_basis: Vec<String>,
}
