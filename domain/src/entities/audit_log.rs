//! Audit log (nhật ký): append-only record of security-relevant actions.

use sea_orm::entity::prelude::*;

/// Who did what, when, from where, and how it ended. Rows are only ever inserted.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_log")]
pub struct Model {
    /// Sequence number.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// When.
    pub at: DateTimeUtc,
    /// Acting account or API token, if known.
    pub actor_id: Option<String>,
    /// Readable actor ("Nguyễn Văn An", "anonymous", "api:Kiosk").
    pub actor_label: String,
    /// What happened (`sign_in`, `sign_in_failed`, `role_change`, …).
    pub action: String,
    /// Kind of thing acted on (`account`, `organisation`, `api_token`, …).
    pub target_type: Option<String>,
    /// Its identifier.
    pub target_id: Option<String>,
    /// Agency the action belongs to (lets agency admins see their own part).
    pub agency_code: Option<String>,
    /// Client address.
    pub ip: Option<String>,
    /// `success`, `failure` or `denied`.
    pub outcome: String,
    /// Extra facts (never secrets).
    pub detail: Option<Json>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
