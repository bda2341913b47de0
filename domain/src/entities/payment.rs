//! One payment attempt of a dossier's fee through a gateway (`payments`).

use sea_orm::entity::prelude::*;

/// A payment attempt.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "payment")]
pub struct Model {
    /// Id.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    /// The dossier whose fee it pays.
    pub dossier_id: String,
    /// `vnpay`.
    pub gateway: String,
    /// The reference sent to the gateway (`vnp_TxnRef`).
    #[sea_orm(unique)]
    pub txn_ref: String,
    /// Amount in đồng, from the dossier's fee (never from the browser).
    pub amount_vnd: i64,
    /// `pending`, `paid`, `failed`, `expired`, `duplicate` (paid twice: to refund),
    /// `refunding` (asked, not confirmed: retried) or `refunded`.
    pub status: String,
    /// Started at.
    pub created_at: DateTimeWithTimeZone,
    /// The gateway's page stops accepting it then.
    pub expires_at: DateTimeWithTimeZone,
    /// Last change.
    pub updated_at: DateTimeWithTimeZone,
    /// Confirmed paid at.
    pub paid_at: Option<DateTimeWithTimeZone>,
    /// The gateway's transaction number.
    pub gateway_txn_no: Option<String>,
    /// The payer's bank.
    pub bank_code: Option<String>,
    /// The gateway's response code.
    pub response_code: Option<String>,
    /// A refund was asked for then.
    pub refund_requested_at: Option<DateTimeWithTimeZone>,
    /// The gateway confirmed the refund then.
    pub refunded_at: Option<DateTimeWithTimeZone>,
    /// Staff member who asked for it.
    pub refund_by: Option<String>,
    /// Why the last refund call failed.
    #[sea_orm(column_type = "Text", nullable)]
    pub refund_error: Option<String>,
    /// Refund calls made.
    pub refund_attempts: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
