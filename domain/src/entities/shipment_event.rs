//! Every status update a carrier sent about a shipment (`postal`).

use sea_orm::entity::prelude::*;

/// One carrier event, kept once (by the carrier's event id).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "shipment_event")]
pub struct Model {
    /// Sequence number.
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The shipment.
    pub shipment_id: String,
    /// The carrier's id of the event (a replay carries the same).
    #[sea_orm(unique)]
    pub event_id: String,
    /// Status it reports.
    pub status: String,
    /// When it happened, by the carrier's clock.
    pub at: DateTimeWithTimeZone,
    /// Where (post office).
    pub location: Option<String>,
    /// The carrier's words (why an attempt failed).
    pub note: Option<String>,
    /// When the portal received it.
    pub received_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
