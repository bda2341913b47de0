//! National-identity sign-ins in progress (OpenID Connect state, nonce and PKCE verifier).

use sea_orm::entity::prelude::*;

/// Kept in the database rather than in memory so that the provider may send the browser back
/// to any instance behind the load balancer.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "national_id_flow")]
pub struct Model {
    /// The `state` parameter (random, single use).
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
