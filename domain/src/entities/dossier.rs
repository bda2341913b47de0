//! A dossier: a draft while the applicant fills it, then a filed dossier with its code.

use sea_orm::entity::prelude::*;

/// One dossier.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "dossier")]
pub struct Model {
    /// UUID.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    /// `{agency}-{yyMMdd}-{NNNN}`, given at submission.
    pub code: Option<String>,
    /// The account that files it.
    pub owner_id: String,
    /// The business it is filed for, if any.
    pub organisation_id: Option<String>,
    /// Procedure.
    pub procedure_code: String,
    /// Procedure version: the current one while a draft, frozen at submission.
    pub procedure_version: i32,
    /// Agency that receives it (its code starts the dossier code).
    pub receiving_agency_code: Option<String>,
    /// Lifecycle status (`draft`, `submitted`, …).
    pub status: String,
    /// Who applies, and for whom.
    pub applicant: Json,
    /// Answers to the procedure's form, as typed.
    pub answers: Json,
    /// How the result is returned.
    pub delivery: Json,
    /// Steps the applicant has completed, comma-separated.
    pub progress: String,
    /// When the applicant made the declaration.
    pub declared_at: Option<DateTimeWithTimeZone>,
    /// Fee due, frozen at submission.
    pub fee_due_vnd: Option<i64>,
    /// Increases with every saved change; a save naming an older revision is refused.
    pub revision: i32,
    /// Created.
    pub created_at: DateTimeWithTimeZone,
    /// Last changed.
    pub updated_at: DateTimeWithTimeZone,
    /// Filed.
    pub submitted_at: Option<DateTimeWithTimeZone>,
    /// When the owner was told an old draft will be deleted.
    pub draft_notice_at: Option<DateTimeWithTimeZone>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
