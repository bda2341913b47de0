//! One-time codes sent by SMS (or e-mail) to prove control of a mobile number or an address:
//! confirming a mobile-only registration, resetting a password by SMS (issue #22).

use sea_orm::entity::prelude::*;

/// A 6-digit code, stored only as a hash; usable once, before `expires_at`, for a few tries,
/// and only from the browser it was issued to.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "verification_code")]
pub struct Model {
    /// UUID as text.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    /// Account the code acts on.
    pub account_id: String,
    /// `verify_phone` or `reset_password_sms`.
    pub purpose: String,
    /// Where the code was sent (the normalised mobile number); a code proves only that one.
    pub target: String,
    /// SHA-256 (hex) of the code salted with the row id.
    pub code_hash: String,
    /// SHA-256 (hex) of the browser's token the code was issued to.
    pub browser_hash: String,
    /// Wrong codes typed so far.
    pub attempts: i32,
    /// When it was sent.
    pub created_at: DateTimeUtc,
    /// After this it no longer works.
    pub expires_at: DateTimeUtc,
    /// When it was used, or given up after too many wrong tries.
    pub used_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
