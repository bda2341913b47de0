//! Server-side session: the row behind a sign-in cookie.

use sea_orm::entity::prelude::*;

/// A signed-in browser. The cookie holds a random token; only its SHA-256 is stored here, so a
/// copy of the database does not let anyone sign in.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "session")]
pub struct Model {
    /// SHA-256 (hex) of the cookie token.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    /// Signed-in account.
    pub account_id: String,
    /// Token that state-changing requests must echo (CSRF protection).
    pub csrf_token: String,
    /// Sign-in time; the absolute timeout counts from here.
    pub created_at: DateTimeUtc,
    /// Last request seen (updated at most once a minute); the idle timeout counts from here.
    pub last_seen_at: DateTimeUtc,
    /// Absolute expiry.
    pub expires_at: DateTimeUtc,
    /// Client address at sign-in.
    pub ip: Option<String>,
    /// Browser at sign-in.
    pub user_agent: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
