//! A file published with the catalogue (a template form), keyed by its content hash.

use sea_orm::entity::prelude::*;

/// One stored template form.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "catalogue_file")]
pub struct Model {
    /// SHA-256 of `data`, lower-case hex: the same form used by many procedures is stored once.
    #[sea_orm(primary_key, auto_increment = false)]
    pub sha256: String,
    /// The name offered when downloading (`to-khai-dang-ky-khai-sinh.docx`).
    pub file_name: String,
    /// Media type checked at import.
    pub content_type: String,
    /// Bytes.
    pub size: i64,
    /// The file itself.
    pub data: Vec<u8>,
    /// When it was first imported.
    pub created_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
