//! Satisfaction ratings of the service (`ratings`).

use sea_orm::entity::prelude::*;

/// One rating: of a dossier by its applicant.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "rating")]
pub struct Model {
    /// Id.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    /// The dossier rated (one rating each).
    #[sea_orm(unique)]
    pub dossier_id: Option<String>,
    /// The counter rated on its tablet (no dossier, no person).
    pub counter_id: Option<String>,
    /// The agency whose service is rated (the dossier's receiving agency).
    pub agency_code: String,
    /// `very_satisfied`, `satisfied` or `not_satisfied`.
    pub level: String,
    /// Reasons ticked (`ratings::REASONS`), a JSON array.
    pub reasons: Json,
    /// The applicant's words.
    pub comment: Option<String>,
    /// Where it was given: `page` (or the API), `link` or `kiosk`.
    pub via: String,
    /// First given at.
    pub created_at: DateTimeWithTimeZone,
    /// Last changed at.
    pub updated_at: DateTimeWithTimeZone,
    /// The agency's answer to a "not satisfied".
    pub answer: Option<String>,
    /// Answered at.
    pub answered_at: Option<DateTimeWithTimeZone>,
    /// The leader who answered.
    pub answered_by: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
