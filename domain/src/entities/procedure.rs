//! Administrative procedure (thủ tục hành chính) of the public catalogue.

use sea_orm::entity::prelude::*;

/// One procedure as published in the catalogue. The detailed sections (steps, documents, fees,
/// legal basis, …) are kept as a JSON document because they are shown together and change
/// together; the columns are what lists, filters and search need.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "procedure")]
pub struct Model {
    /// National catalogue code (e.g. `1.001193`) or a local `TN.…` code.
    #[sea_orm(primary_key, auto_increment = false)]
    pub code: String,
    /// Official Vietnamese name.
    pub name: String,
    /// URL slug without diacritics, unique.
    #[sea_orm(unique)]
    pub slug: String,
    /// Subject area code.
    pub field_code: String,
    /// `full_online`, `partial_online` or `information`.
    pub level: String,
    /// `province` or `commune`: who implements it.
    pub agency_level: String,
    /// Implementing agency for province-level procedures.
    pub agency_code: Option<String>,
    /// Plain-language summary.
    pub description: String,
    /// Processing time limit in working days.
    pub processing_days: i32,
    /// Whether it is among the most used (shown on the home page).
    pub popular: bool,
    /// The full published sections of the current version (see `catalogue::ProcedureDetails`).
    pub details: Json,
    /// Number of the current version (see `procedure_version`).
    pub current_version: i32,
    /// SHA-256 of the current version's content, to tell a changed import row from the same.
    pub content_hash: String,
    /// When the current version was imported.
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::field::Entity",
        from = "Column::FieldCode",
        to = "super::field::Column::Code"
    )]
    Field,
}

impl Related<super::field::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Field.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
