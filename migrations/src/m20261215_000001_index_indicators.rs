//! The indicators of the service-quality index of Decision 766/QĐ-TTg (issue 24), as data:
//! `portal seed` loads `seed/index766.csv` here. Each line is one indicator of one set; a set
//! applies from its `effective_from` until a later set, so a new threshold never rewrites the
//! scores of the periods before it.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{date, integer, string_len};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum IndexIndicator {
    Table,
    Code,
    EffectiveFrom,
    GroupCode,
    GroupMax,
    GroupVi,
    GroupEn,
    NameVi,
    NameEn,
    Measure,
    MaxPoints,
    ThresholdPercent,
    Source,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(IndexIndicator::Table)
                    .col(string_len(IndexIndicator::Code, 10))
                    .col(date(IndexIndicator::EffectiveFrom))
                    .col(string_len(IndexIndicator::GroupCode, 10))
                    .col(integer(IndexIndicator::GroupMax))
                    .col(string_len(IndexIndicator::GroupVi, 200))
                    .col(string_len(IndexIndicator::GroupEn, 200))
                    .col(string_len(IndexIndicator::NameVi, 300))
                    .col(string_len(IndexIndicator::NameEn, 300))
                    .col(string_len(IndexIndicator::Measure, 40))
                    .col(integer(IndexIndicator::MaxPoints))
                    .col(integer(IndexIndicator::ThresholdPercent))
                    .col(string_len(IndexIndicator::Source, 300))
                    .primary_key(
                        Index::create()
                            .col(IndexIndicator::Code)
                            .col(IndexIndicator::EffectiveFrom),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(IndexIndicator::Table).to_owned())
            .await
    }
}
