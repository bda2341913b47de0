//! The append-only timeline of a dossier.

use sea_orm::entity::prelude::*;

/// One event.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "dossier_event")]
pub struct Model {
    /// Sequence number.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// Dossier.
    pub dossier_id: String,
    /// When.
    pub at: DateTimeWithTimeZone,
    /// Account or API client.
    pub actor_id: Option<String>,
    /// Who, as shown.
    pub actor_label: String,
    /// What happened (`submitted`, …).
    pub kind: String,
    /// Status before.
    pub from_status: Option<String>,
    /// Status after.
    pub to_status: Option<String>,
    /// Note the applicant sees.
    #[sea_orm(column_type = "Text", nullable)]
    pub public_note: Option<String>,
    /// Note only staff see.
    #[sea_orm(column_type = "Text", nullable)]
    pub internal_note: Option<String>,
    /// Details (documents, amounts…).
    pub data: Option<Json>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
