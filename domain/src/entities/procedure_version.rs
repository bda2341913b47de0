//! A published version of a procedure. Versions are never changed or deleted: a dossier keeps
//! pointing at the version (documents, fees, time limit) it was submitted under.

use sea_orm::entity::prelude::*;

/// One version of a procedure's published content.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "procedure_version")]
pub struct Model {
    /// Surrogate key, referenced by dossiers.
    #[sea_orm(primary_key)]
    pub id: i32,
    /// The procedure.
    pub procedure_code: String,
    /// 1, 2, 3, … per procedure.
    pub version: i32,
    /// First day this version applies.
    pub effective_from: Date,
    /// Last day it applies (`None` while current).
    pub effective_to: Option<Date>,
    /// Name under this version.
    pub name: String,
    /// The whole imported record (name, field, level, sections) as JSON.
    pub content: Json,
    /// SHA-256 of `content`.
    pub content_hash: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
