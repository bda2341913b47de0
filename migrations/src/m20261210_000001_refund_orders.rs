//! Refund orders (issue 23): money a dossier's applicant is owed — a VietQR transfer or cash for
//! a dossier that ended without a result, an overpayment after the fee was lowered — paid back
//! to the applicant's bank account through the collecting bank's payout service.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{
    big_integer, integer, string_len, string_len_null, timestamp_with_time_zone,
    timestamp_with_time_zone_null,
};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum RefundOrder {
    Table,
    Id,
    DossierId,
    Reference,
    AmountVnd,
    Reason,
    Status,
    BankBin,
    AccountNumber,
    AccountName,
    Attempts,
    LastError,
    NextAttemptAt,
    BankRef,
    CreatedAt,
    UpdatedAt,
    SentAt,
    CompletedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(RefundOrder::Table)
                    .col(string_len(RefundOrder::Id, 36).primary_key())
                    .col(string_len(RefundOrder::DossierId, 36))
                    .col(string_len(RefundOrder::Reference, 32).unique_key())
                    .col(big_integer(RefundOrder::AmountVnd))
                    .col(string_len(RefundOrder::Reason, 32))
                    .col(string_len(RefundOrder::Status, 20))
                    .col(string_len_null(RefundOrder::BankBin, 8))
                    .col(string_len_null(RefundOrder::AccountNumber, 19))
                    .col(string_len_null(RefundOrder::AccountName, 100))
                    .col(integer(RefundOrder::Attempts).default(0))
                    .col(string_len_null(RefundOrder::LastError, 500))
                    .col(timestamp_with_time_zone_null(RefundOrder::NextAttemptAt))
                    .col(string_len_null(RefundOrder::BankRef, 64))
                    .col(timestamp_with_time_zone(RefundOrder::CreatedAt))
                    .col(timestamp_with_time_zone(RefundOrder::UpdatedAt))
                    .col(timestamp_with_time_zone_null(RefundOrder::SentAt))
                    .col(timestamp_with_time_zone_null(RefundOrder::CompletedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_refund_order_dossier")
                    .table(RefundOrder::Table)
                    .col(RefundOrder::DossierId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_refund_order_status")
                    .table(RefundOrder::Table)
                    .col(RefundOrder::Status)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(RefundOrder::Table).to_owned())
            .await
    }
}
