//! Each agency's same-day cut-off (issue 27): same-day procedures received from this time on
//! are due at the end of the next working day. `NULL` keeps the usual 15:00.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::string_len_null;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Agency {
    Table,
    SameDayCutoff,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Agency::Table)
                    .add_column(string_len_null(Agency::SameDayCutoff, 5))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Agency::Table)
                    .drop_column(Agency::SameDayCutoff)
                    .to_owned(),
            )
            .await
    }
}
