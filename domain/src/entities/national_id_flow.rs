//! National-identity sign-ins already completed, so that a replayed callback is refused.
//!
//! The flow in progress (state, nonce, PKCE verifier, where to return) lives in an encrypted,
//! short-lived cookie of the browser that started it (`server::national_id::client`), so an
//! anonymous visitor starting sign-ins writes nothing here. Only a callback whose ID token
//! checked out writes a row, keyed by the SHA-256 of its `state`; the columns other than the key
//! and the time are left empty. Rows are purged once older than the flow lifetime.

use sea_orm::entity::prelude::*;

/// Kept in the database rather than in memory so that a replay is refused by every instance
/// behind the load balancer.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "national_id_flow")]
pub struct Model {
    /// `spent:` and the base64url SHA-256 of the `state` parameter (random, single use).
    #[sea_orm(primary_key, auto_increment = false)]
    pub state: String,
    /// The `nonce` the ID token must carry.
    pub nonce: String,
    /// PKCE code verifier.
    pub code_verifier: String,
    /// Local path to return to after sign-in.
    pub next_path: String,
    /// Flows older than a few minutes are refused and purged.
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
