//! Bearer tokens for agency systems and kiosks calling the JSON API.

use sea_orm::entity::prelude::*;

/// An API client's credential, issued and revoked by an administrator. Only the SHA-256 of the
/// token is stored; the token itself is shown once, when issued.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "api_token")]
pub struct Model {
    /// UUID as text.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    /// What the token is for ("Kiosk tầng 1", "Phần mềm một cửa huyện cũ").
    pub name: String,
    /// SHA-256 (hex) of the token.
    #[sea_orm(unique)]
    pub token_hash: String,
    /// Space-separated scopes (see `api_tokens::Scope`).
    pub scopes: String,
    /// Agency the client acts for, if it is limited to one.
    pub agency_code: Option<String>,
    /// Administrator who issued it.
    pub created_by: String,
    /// When it was issued.
    pub created_at: DateTimeUtc,
    /// Optional expiry.
    pub expires_at: Option<DateTimeUtc>,
    /// When it was revoked.
    pub revoked_at: Option<DateTimeUtc>,
    /// Last successful use.
    pub last_used_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
