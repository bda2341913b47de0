//! Counters and their rating devices (issue 24): each agency's counters (quầy), each with the
//! secret of the tablet that rates the service at it; a counter rating has no dossier.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{boolean, string_len, string_len_null, timestamp_with_time_zone};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ServiceCounter {
    Table,
    Id,
    AgencyCode,
    Name,
    TokenHash,
    Active,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Rating {
    Table,
    CounterId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ServiceCounter::Table)
                    .col(string_len(ServiceCounter::Id, 36).primary_key())
                    .col(string_len(ServiceCounter::AgencyCode, 20))
                    .col(string_len(ServiceCounter::Name, 100))
                    .col(string_len(ServiceCounter::TokenHash, 64))
                    .col(boolean(ServiceCounter::Active).default(true))
                    .col(timestamp_with_time_zone(ServiceCounter::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_service_counter_agency")
                    .table(ServiceCounter::Table)
                    .col(ServiceCounter::AgencyCode)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Rating::Table)
                    .add_column(string_len_null(Rating::CounterId, 36))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Rating::Table)
                    .drop_column(Rating::CounterId)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table(ServiceCounter::Table).to_owned())
            .await
    }
}
