//! The agencies that have had a dossier: each sees the dossiers it received, processed or was
//! transferred, and no others.

use sea_orm::entity::prelude::*;

/// One agency's part in one dossier.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "dossier_agency")]
pub struct Model {
    /// Dossier.
    #[sea_orm(primary_key, auto_increment = false)]
    pub dossier_id: String,
    /// Agency.
    #[sea_orm(primary_key, auto_increment = false)]
    pub agency_code: String,
    /// When the agency first had it.
    pub since: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
