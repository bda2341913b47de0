//! The postal fee of returning a result by post (`postal`).

use sea_orm::entity::prelude::*;

/// One tariff line: the fee of a zone from a day on (a later line replaces it from its day).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "postal_tariff")]
pub struct Model {
    /// Sequence number.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// `noi_tinh` (the receiving agency's province) or `lien_tinh` (another province).
    pub zone: String,
    /// First day the amount applies.
    pub effective_from: Date,
    /// Amount in đồng.
    pub amount_vnd: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
