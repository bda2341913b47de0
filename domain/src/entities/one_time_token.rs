//! Single-use tokens sent by e-mail (address verification, password reset, staff invitation).

use sea_orm::entity::prelude::*;

/// A link's secret, stored as its SHA-256; usable once, before `expires_at`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "one_time_token")]
pub struct Model {
    /// SHA-256 (hex) of the token in the link.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    /// Account the link acts on.
    pub account_id: String,
    /// `verify_email`, `reset_password` or `rate_dossier`.
    pub purpose: String,
    /// When it was issued.
    pub created_at: DateTimeUtc,
    /// After this the link no longer works.
    pub expires_at: DateTimeUtc,
    /// When it was used (a used link never works again).
    pub used_at: Option<DateTimeUtc>,
    /// The dossier the link acts on, for a link about one dossier (`rate_dossier`).
    pub dossier_id: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
