//! Outgoing messages (e-mail, SMS) waiting to be delivered.

use sea_orm::entity::prelude::*;

/// Written in the same transaction as the change it reports, delivered afterwards by a worker
/// with retries; nothing is lost if the mail server is down.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "outbox_message")]
pub struct Model {
    /// Sequence number.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// `email` or `sms`.
    pub channel: String,
    /// Address or phone number.
    pub recipient: String,
    /// Subject line (e-mail).
    pub subject: String,
    /// Plain-text body.
    #[sea_orm(column_type = "Text")]
    pub body: String,
    /// When it was queued.
    pub created_at: DateTimeUtc,
    /// Not before this time (back-off after a failure).
    pub next_attempt_at: DateTimeUtc,
    /// Delivery attempts so far.
    pub attempts: i32,
    /// When it was delivered.
    pub sent_at: Option<DateTimeUtc>,
    /// Last delivery error.
    #[sea_orm(column_type = "Text", nullable)]
    pub last_error: Option<String>,
    /// A worker holds it until then (so two instances never send it twice at once).
    pub claimed_until: Option<DateTimeUtc>,
    /// When automatic retries gave up (an administrator re-sends it by hand).
    pub failed_at: Option<DateTimeUtc>,
    /// The dossier it is about, if any.
    pub dossier_id: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
