//! An agency's counters and their rating devices (`ratings::counters`).

use sea_orm::entity::prelude::*;

/// One counter (quầy) of an agency's one-stop desk.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "service_counter")]
pub struct Model {
    /// Id (in the kiosk page's address).
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    /// Its agency.
    pub agency_code: String,
    /// Its name ("Quầy 1 — Tư pháp, hộ tịch").
    pub name: String,
    /// SHA-256 of the secret its rating tablet holds.
    pub token_hash: String,
    /// Rates while true; an agency administrator turns a lost tablet off.
    pub active: bool,
    /// Set up at.
    pub created_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
