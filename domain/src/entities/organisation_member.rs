//! Membership of an account in an organisation.

use sea_orm::entity::prelude::*;

/// An account acting for an organisation: its `representative` (who manages members) or a
/// `member`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "organisation_member")]
pub struct Model {
    /// The organisation.
    #[sea_orm(primary_key, auto_increment = false)]
    pub organisation_id: String,
    /// The member account.
    #[sea_orm(primary_key, auto_increment = false)]
    pub account_id: String,
    /// `representative` or `member`.
    pub role: String,
    /// When the member was added.
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
