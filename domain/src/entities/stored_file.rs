//! A file a user uploaded ("my documents"); its bytes are in object storage.

use sea_orm::entity::prelude::*;

/// One uploaded file.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "stored_file")]
pub struct Model {
    /// UUID.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    /// Who uploaded it.
    pub owner_id: String,
    /// Name as uploaded.
    pub file_name: String,
    /// Media type recognised from the content.
    pub content_type: String,
    /// Bytes.
    pub size: i64,
    /// SHA-256, lower-case hex.
    pub sha256: String,
    /// Key in object storage.
    pub storage_key: String,
    /// `clean` (scanned) or `not_scanned` (no scanner configured).
    pub scan: String,
    /// Uploaded.
    pub created_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
