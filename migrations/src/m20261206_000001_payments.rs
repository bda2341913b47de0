//! Online payment of fees: one row per payment attempt through a gateway (with its refund, if
//! any), the daily reconciliations against the gateway's statement, and every callback
//! the gateways sent (kept whatever it said: forged and replayed ones too, for the
//! reconciliation and for investigations).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Payment {
    Table,
    Id,
    DossierId,
    Gateway,
    TxnRef,
    AmountVnd,
    Status,
    CreatedAt,
    ExpiresAt,
    UpdatedAt,
    PaidAt,
    GatewayTxnNo,
    BankCode,
    ResponseCode,
    RefundRequestedAt,
    RefundedAt,
    RefundBy,
    RefundError,
    RefundAttempts,
}

#[derive(DeriveIden)]
enum PaymentCallback {
    Table,
    Id,
    Gateway,
    Kind,
    TxnRef,
    ReceivedAt,
    SignatureValid,
    Answer,
    Params,
}

#[derive(DeriveIden)]
enum ReconciliationRun {
    Table,
    Id,
    Gateway,
    Day,
    CreatedAt,
    Matched,
    Mismatched,
    Report,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Payment::Table)
                    .col(string_len(Payment::Id, 36).primary_key())
                    .col(string_len(Payment::DossierId, 36))
                    .col(string_len(Payment::Gateway, 16))
                    .col(string_len_uniq(Payment::TxnRef, 40))
                    .col(big_integer(Payment::AmountVnd))
                    .col(string_len(Payment::Status, 16))
                    .col(timestamp_with_time_zone(Payment::CreatedAt))
                    .col(timestamp_with_time_zone(Payment::ExpiresAt))
                    .col(timestamp_with_time_zone(Payment::UpdatedAt))
                    .col(timestamp_with_time_zone_null(Payment::PaidAt))
                    .col(string_len_null(Payment::GatewayTxnNo, 40))
                    .col(string_len_null(Payment::BankCode, 20))
                    .col(string_len_null(Payment::ResponseCode, 8))
                    .col(timestamp_with_time_zone_null(Payment::RefundRequestedAt))
                    .col(timestamp_with_time_zone_null(Payment::RefundedAt))
                    .col(string_len_null(Payment::RefundBy, 36))
                    .col(text_null(Payment::RefundError))
                    .col(integer(Payment::RefundAttempts).default(0))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_payment_dossier")
                    .table(Payment::Table)
                    .col(Payment::DossierId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(PaymentCallback::Table)
                    .col(big_pk_auto(PaymentCallback::Id))
                    .col(string_len(PaymentCallback::Gateway, 16))
                    .col(string_len(PaymentCallback::Kind, 16))
                    .col(string_len_null(PaymentCallback::TxnRef, 40))
                    .col(timestamp_with_time_zone(PaymentCallback::ReceivedAt))
                    .col(boolean(PaymentCallback::SignatureValid))
                    .col(string_len(PaymentCallback::Answer, 8))
                    .col(json(PaymentCallback::Params))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ReconciliationRun::Table)
                    .col(big_pk_auto(ReconciliationRun::Id))
                    .col(string_len(ReconciliationRun::Gateway, 16))
                    .col(date(ReconciliationRun::Day))
                    .col(timestamp_with_time_zone(ReconciliationRun::CreatedAt))
                    .col(integer(ReconciliationRun::Matched))
                    .col(integer(ReconciliationRun::Mismatched))
                    .col(json(ReconciliationRun::Report))
                    .to_owned(),
            )
            .await?;
        // One reconciliation per gateway and day, however many instances run the job.
        manager
            .create_index(
                Index::create()
                    .name("idx_reconciliation_day")
                    .table(ReconciliationRun::Table)
                    .col(ReconciliationRun::Gateway)
                    .col(ReconciliationRun::Day)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ReconciliationRun::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(PaymentCallback::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Payment::Table).to_owned())
            .await
    }
}
