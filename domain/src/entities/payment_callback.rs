//! Every callback a payment gateway sent (`payments`).

use sea_orm::entity::prelude::*;

/// One callback, kept whatever it said.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "payment_callback")]
pub struct Model {
    /// Sequence number.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// `vnpay`.
    pub gateway: String,
    /// `ipn` or `return`.
    pub kind: String,
    /// The payment reference it named.
    pub txn_ref: Option<String>,
    /// When it came.
    pub received_at: DateTimeWithTimeZone,
    /// Its signature was right.
    pub signature_valid: bool,
    /// What the portal answered (the IPN code).
    pub answer: String,
    /// Its parameters as received.
    pub params: Json,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
