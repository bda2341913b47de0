//! One daily reconciliation of a gateway's statement with the portal's payments
//! (`payments::reconciliation`).

use sea_orm::entity::prelude::*;

/// A reconciliation and its report.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "reconciliation_run")]
pub struct Model {
    /// Sequence number.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// `vnpay`.
    pub gateway: String,
    /// The day reconciled (Vietnam time).
    pub day: Date,
    /// When it ran.
    pub created_at: DateTimeWithTimeZone,
    /// Transactions that agree.
    pub matched: i32,
    /// Transactions flagged.
    pub mismatched: i32,
    /// Every line: reference, both sides' amount and status, the issue found.
    pub report: Json,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
