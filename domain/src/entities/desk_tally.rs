//! How many dossiers sit in each slot of an agency's desk, per procedure (the staff
//! workspace's tab counts, kept as dossiers move; see `dossiers::tally`).

use sea_orm::entity::prelude::*;

/// Dossiers of one procedure held by one agency in one slot.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "desk_tally")]
pub struct Model {
    /// Holding agency.
    #[sea_orm(primary_key, auto_increment = false)]
    pub agency_code: String,
    /// Procedure.
    #[sea_orm(primary_key, auto_increment = false)]
    pub procedure_code: String,
    /// Slot code (`dossiers::tally::Slot::code`).
    #[sea_orm(primary_key, auto_increment = false)]
    pub slot: String,
    /// Dossiers there now.
    pub dossiers: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
