//! Postal return of results: the postal fee frozen on the dossier at submission, the tariff it
//! comes from (rows with effective dates, so a dossier keeps the fee of its day), every
//! shipment handed to a carrier and every status update the carrier sent (kept whatever it
//! said, so a replay is recognised by its event id and an investigation can read them all).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Dossier {
    Table,
    PostalFeeVnd,
}

#[derive(DeriveIden)]
enum PostalTariff {
    Table,
    Id,
    Zone,
    EffectiveFrom,
    AmountVnd,
}

#[derive(DeriveIden)]
enum Shipment {
    Table,
    Id,
    DossierId,
    Carrier,
    TrackingNumber,
    Status,
    Recipient,
    Phone,
    Address,
    CodVnd,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
    LastEventAt,
    DeliveredAt,
}

#[derive(DeriveIden)]
enum ShipmentEvent {
    Table,
    Id,
    ShipmentId,
    EventId,
    Status,
    At,
    Location,
    Note,
    ReceivedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Dossier::Table)
                    .add_column(big_integer_null(Dossier::PostalFeeVnd))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(PostalTariff::Table)
                    .col(big_pk_auto(PostalTariff::Id))
                    .col(string_len(PostalTariff::Zone, 24))
                    .col(date(PostalTariff::EffectiveFrom))
                    .col(big_integer(PostalTariff::AmountVnd))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_postal_tariff_zone_day")
                    .table(PostalTariff::Table)
                    .col(PostalTariff::Zone)
                    .col(PostalTariff::EffectiveFrom)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Shipment::Table)
                    .col(string_len(Shipment::Id, 36).primary_key())
                    .col(string_len(Shipment::DossierId, 36))
                    .col(string_len(Shipment::Carrier, 16))
                    .col(string_len_uniq(Shipment::TrackingNumber, 32))
                    .col(string_len(Shipment::Status, 16))
                    .col(string_len(Shipment::Recipient, 200))
                    .col(string_len(Shipment::Phone, 20))
                    .col(text(Shipment::Address))
                    .col(big_integer(Shipment::CodVnd))
                    .col(string_len_null(Shipment::CreatedBy, 36))
                    .col(timestamp_with_time_zone(Shipment::CreatedAt))
                    .col(timestamp_with_time_zone(Shipment::UpdatedAt))
                    .col(timestamp_with_time_zone_null(Shipment::LastEventAt))
                    .col(timestamp_with_time_zone_null(Shipment::DeliveredAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_shipment_dossier")
                    .table(Shipment::Table)
                    .col(Shipment::DossierId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ShipmentEvent::Table)
                    .col(big_pk_auto(ShipmentEvent::Id))
                    .col(string_len(ShipmentEvent::ShipmentId, 36))
                    .col(string_len_uniq(ShipmentEvent::EventId, 64))
                    .col(string_len(ShipmentEvent::Status, 16))
                    .col(timestamp_with_time_zone(ShipmentEvent::At))
                    .col(string_len_null(ShipmentEvent::Location, 200))
                    .col(text_null(ShipmentEvent::Note))
                    .col(timestamp_with_time_zone(ShipmentEvent::ReceivedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_shipment_event_shipment")
                    .table(ShipmentEvent::Table)
                    .col(ShipmentEvent::ShipmentId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ShipmentEvent::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Shipment::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(PostalTariff::Table).to_owned())
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Dossier::Table)
                    .drop_column(Dossier::PostalFeeVnd)
                    .to_owned(),
            )
            .await
    }
}
