//! Two moments of a refund order (issue 23): when the collecting bank's statement showed its
//! debit (a result notice says the bank paid, the statement confirms the money left the
//! account; `NULL` until the day's statement is reconciled), and when the applicant was told
//! it was opened (`NULL` while a notice is owed: an order a payment gateway's callback opens
//! is told by the next housekeeping round).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::timestamp_with_time_zone_null;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum RefundOrder {
    Table,
    ConfirmedAt,
    ToldAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(RefundOrder::Table)
                    .add_column(timestamp_with_time_zone_null(RefundOrder::ConfirmedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(RefundOrder::Table)
                    .add_column(timestamp_with_time_zone_null(RefundOrder::ToldAt))
                    .to_owned(),
            )
            .await?;
        // Orders opened before: their notice went out, or their page shows them.
        manager
            .get_connection()
            .execute_unprepared("UPDATE refund_order SET told_at = created_at")
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(RefundOrder::Table)
                    .drop_column(RefundOrder::ToldAt)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(RefundOrder::Table)
                    .drop_column(RefundOrder::ConfirmedAt)
                    .to_owned(),
            )
            .await
    }
}
