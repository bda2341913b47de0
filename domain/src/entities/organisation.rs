//! Organisation (tổ chức, doanh nghiệp): a business identified by its tax code.

use sea_orm::entity::prelude::*;

/// A business or other organisation that files dossiers through its member accounts.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "organisation")]
pub struct Model {
    /// UUID as text.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    /// Tax code (MST), 10 digits or 13 digits for a branch, stored without the hyphen.
    #[sea_orm(unique)]
    pub tax_code: String,
    /// Registered name.
    pub name: String,
    /// Legal representative's full name.
    pub representative_name: String,
    /// Legal representative's citizen ID.
    pub representative_citizen_id: Option<String>,
    /// Head office address.
    pub address: Option<String>,
    /// When it was registered on the portal.
    pub created_at: DateTimeUtc,
    /// When the registration was verified (the registry's legal representative signed in with
    /// the national identity, or a clerk checked the papers); `None`: unverified, and its
    /// members see only their own dossiers.
    pub verified_at: Option<DateTimeUtc>,
    /// Account that verified it (the representative's or the clerk's).
    pub verified_by: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
