//! Money owed back to an applicant, paid to their bank account (`payments::refund_orders`).

use sea_orm::entity::prelude::*;

/// One refund order.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "refund_order")]
pub struct Model {
    /// Id.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    /// The dossier whose fee is refunded.
    pub dossier_id: String,
    /// The order's reference at the bank (unique; a resent order is recognised by it).
    #[sea_orm(unique)]
    pub reference: String,
    /// Amount, in đồng.
    pub amount_vnd: i64,
    /// Why it is owed: `ended` (the dossier ended without a result) or `overpaid`.
    pub reason: String,
    /// `awaiting_account`, `queued`, `sent`, `completed`.
    pub status: String,
    /// The receiving bank (its NAPAS BIN).
    pub bank_bin: Option<String>,
    /// The receiving account.
    pub account_number: Option<String>,
    /// The account holder's name, as the bank spells it.
    pub account_name: Option<String>,
    /// Calls to the bank so far.
    pub attempts: i32,
    /// The bank's last refusal or error (shown to the desk, and to the applicant when the
    /// account must be corrected).
    pub last_error: Option<String>,
    /// When a queued order is sent (again).
    pub next_attempt_at: Option<DateTimeWithTimeZone>,
    /// The bank's reference once it accepted the order.
    pub bank_ref: Option<String>,
    /// Created at.
    pub created_at: DateTimeWithTimeZone,
    /// Last change.
    pub updated_at: DateTimeWithTimeZone,
    /// Accepted by the bank at.
    pub sent_at: Option<DateTimeWithTimeZone>,
    /// Paid out (the bank's signed result) at.
    pub completed_at: Option<DateTimeWithTimeZone>,
    /// The day's statement of the collecting account showed the debit (reconciled) at.
    pub confirmed_at: Option<DateTimeWithTimeZone>,
    /// The applicant was told the order was opened at (`None`: a notice is owed).
    pub told_at: Option<DateTimeWithTimeZone>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
