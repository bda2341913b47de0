//! Fixed-window counters behind rate limits, shared by every instance.

use sea_orm::entity::prelude::*;

/// Hits of one key (`sign_in:ip:…`) in one window (start as Unix seconds).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "rate_counter")]
pub struct Model {
    /// What is limited, and for whom.
    #[sea_orm(primary_key, auto_increment = false)]
    pub key: String,
    /// Window start, Unix seconds.
    #[sea_orm(primary_key, auto_increment = false)]
    pub window_start: i64,
    /// Hits so far in the window.
    pub hits: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
