//! A result handed to a postal carrier (`postal`).

use sea_orm::entity::prelude::*;

/// One shipment of a dossier's result.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "shipment")]
pub struct Model {
    /// Id.
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    /// The dossier whose result travels.
    pub dossier_id: String,
    /// Carrier code (`vnpost`).
    pub carrier: String,
    /// The carrier's tracking number (UPU S10, e.g. `EB123456785VN`).
    #[sea_orm(unique)]
    pub tracking_number: String,
    /// `created`, `picked_up`, `in_transit`, `delivered`, `failed` (an attempt failed; the
    /// carrier tries again) or `returned` (back to the agency).
    pub status: String,
    /// Recipient's name.
    pub recipient: String,
    /// Recipient's phone.
    pub phone: String,
    /// Full address as printed on the label.
    pub address: String,
    /// Amount the carrier collects on delivery (the postal fee when not paid with the fee).
    pub cod_vnd: i64,
    /// Staff account that handed it over.
    pub created_by: Option<String>,
    /// Handed over at.
    pub created_at: DateTimeWithTimeZone,
    /// Last change.
    pub updated_at: DateTimeWithTimeZone,
    /// Time of the newest carrier event applied (older ones arriving late change nothing).
    pub last_event_at: Option<DateTimeWithTimeZone>,
    /// Delivered at.
    pub delivered_at: Option<DateTimeWithTimeZone>,
    /// When the portal last asked the carrier for its events (updates had stopped coming).
    pub checked_at: Option<DateTimeWithTimeZone>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
