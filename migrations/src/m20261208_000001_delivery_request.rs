//! The change of how a filed dossier's result is returned that its applicant typed but could
//! not save yet (a missing phone, a commune outside the chosen province): kept on the dossier
//! as typed, so the page that shows the problems — also without JavaScript — shows the
//! applicant's own words back instead of losing them. And when the portal last asked the
//! carrier about a shipment whose updates stopped coming (so each is asked at most every few
//! hours, whatever the number of parcels).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{json_null, timestamp_with_time_zone_null};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Dossier {
    Table,
    DeliveryRequest,
}

#[derive(DeriveIden)]
enum Shipment {
    Table,
    CheckedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Dossier::Table)
                    .add_column(json_null(Dossier::DeliveryRequest))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Shipment::Table)
                    .add_column(timestamp_with_time_zone_null(Shipment::CheckedAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Shipment::Table)
                    .drop_column(Shipment::CheckedAt)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Dossier::Table)
                    .drop_column(Dossier::DeliveryRequest)
                    .to_owned(),
            )
            .await
    }
}
