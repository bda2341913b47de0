//! A file given for one document slot of a dossier.

use sea_orm::entity::prelude::*;

/// One attachment.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "dossier_file")]
pub struct Model {
    /// UUID.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    /// Dossier.
    pub dossier_id: String,
    /// Slot key of the procedure's form.
    pub slot: String,
    /// The file.
    pub stored_file_id: String,
    /// Attached.
    pub created_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
