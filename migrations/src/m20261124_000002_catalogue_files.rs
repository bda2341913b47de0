//! Files published with the catalogue: the template forms (mẫu đơn, tờ khai) citizens download
//! from a procedure's page. They are kept in the database, keyed by their SHA-256, so that an
//! import writes them in the same transaction as the procedures that point at them (nothing is
//! half-applied) and every server instance serves the same bytes.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum CatalogueFile {
    Table,
    Sha256,
    FileName,
    ContentType,
    Size,
    Data,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(CatalogueFile::Table)
                    .col(string_len(CatalogueFile::Sha256, 64).primary_key())
                    .col(string(CatalogueFile::FileName))
                    .col(string_len(CatalogueFile::ContentType, 128))
                    .col(big_integer(CatalogueFile::Size))
                    .col(blob(CatalogueFile::Data))
                    .col(timestamp_with_time_zone(CatalogueFile::CreatedAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(CatalogueFile::Table).to_owned())
            .await
    }
}
