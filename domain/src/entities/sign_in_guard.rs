//! Wrong-password streaks per (account, address): what slows and then locks password sign-in
//! for one address without touching the owner's sign-in from anywhere else.

use sea_orm::entity::prelude::*;

/// The current streak of failed password sign-ins of one subject from one address.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "sign_in_guard")]
pub struct Model {
    /// The account id, or `?` and the name typed when it names no account (so that unknown
    /// and known names are slowed alike and the answer does not tell which exist).
    #[sea_orm(primary_key, auto_increment = false)]
    pub subject: String,
    /// The client's address (`-` when unknown).
    #[sea_orm(primary_key, auto_increment = false)]
    pub client: String,
    /// Attempts admitted since the streak began, counted before the password is checked; a
    /// right password deletes the row.
    pub failures: i32,
    /// When the last admitted attempt began, Unix seconds.
    pub last_attempt_at: i64,
    /// Random mark of the last admitted attempt: the request that finds its own mark here
    /// after the upsert was admitted, any other was refused.
    pub attempt: String,
    /// SHA-256 of the unlock link's token e-mailed when this streak locked.
    pub unlock_token: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
