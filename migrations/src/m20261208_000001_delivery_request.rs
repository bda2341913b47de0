//! The change of how a filed dossier's result is returned that its applicant typed but could
//! not save yet (a missing phone, a commune outside the chosen province): kept on the dossier
//! as typed, so the page that shows the problems — also without JavaScript — shows the
//! applicant's own words back instead of losing them.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::json_null;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Dossier {
    Table,
    DeliveryRequest,
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
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
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
