//! Electronic results and notification choices.
//!
//! - `signing_credential`: the certificates results are signed under. A demo certificate
//!   authority and one certificate per agency are generated into it on first use, so that every
//!   instance signs under the same ones (the servers keep no state of their own).
//! - `dossier_result`: the result PDF staff upload, the signed copy made at the leader's
//!   approval (its SHA-256 is what a verification compares with), and how and when it reached
//!   the applicant. The id is random: it is printed in the result's QR code.
//! - `account.notify_email` / `notify_sms`: the channels a citizen wants status changes on.
//! - `outbox_message.failed_at`: set when automatic retries give up, for the administrators'
//!   list of failed deliveries.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum SigningCredential {
    Table,
    Subject,
    Certificate,
    PrivateKey,
    Demo,
    CreatedAt,
}

#[derive(DeriveIden)]
enum DossierResult {
    Table,
    Id,
    DossierId,
    FileKey,
    FileName,
    Size,
    UploadedBy,
    UploadedAt,
    SignedKey,
    SignedSha256,
    SignedSize,
    SignedAt,
    SignerLabel,
    SignerAgency,
    DeliveredAt,
    DeliveryMethod,
    DeliveredBy,
}

#[derive(DeriveIden)]
enum Account {
    Table,
    NotifyEmail,
    NotifySms,
}

#[derive(DeriveIden)]
enum OutboxMessage {
    Table,
    FailedAt,
    DossierId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(SigningCredential::Table)
                    .col(string_len(SigningCredential::Subject, 32).primary_key())
                    .col(blob(SigningCredential::Certificate))
                    .col(blob(SigningCredential::PrivateKey))
                    .col(boolean(SigningCredential::Demo))
                    .col(timestamp_with_time_zone(SigningCredential::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(DossierResult::Table)
                    .col(string_len(DossierResult::Id, 36).primary_key())
                    .col(string_len_uniq(DossierResult::DossierId, 36))
                    .col(string_len(DossierResult::FileKey, 200))
                    .col(string_len(DossierResult::FileName, 200))
                    .col(big_integer(DossierResult::Size))
                    .col(string_len(DossierResult::UploadedBy, 36))
                    .col(timestamp_with_time_zone(DossierResult::UploadedAt))
                    .col(string_len_null(DossierResult::SignedKey, 200))
                    .col(string_len_null(DossierResult::SignedSha256, 64))
                    .col(big_integer_null(DossierResult::SignedSize))
                    .col(timestamp_with_time_zone_null(DossierResult::SignedAt))
                    .col(string_len_null(DossierResult::SignerLabel, 200))
                    .col(string_len_null(DossierResult::SignerAgency, 16))
                    .col(timestamp_with_time_zone_null(DossierResult::DeliveredAt))
                    .col(string_len_null(DossierResult::DeliveryMethod, 16))
                    .col(string_len_null(DossierResult::DeliveredBy, 36))
                    .to_owned(),
            )
            .await?;
        for column in [
            boolean(Account::NotifyEmail).default(true).to_owned(),
            boolean(Account::NotifySms).default(false).to_owned(),
        ] {
            let mut column = column;
            manager
                .alter_table(
                    Table::alter()
                        .table(Account::Table)
                        .add_column(&mut column)
                        .to_owned(),
                )
                .await?;
        }
        for column in [
            timestamp_with_time_zone_null(OutboxMessage::FailedAt),
            string_len_null(OutboxMessage::DossierId, 36),
        ] {
            let mut column = column;
            manager
                .alter_table(
                    Table::alter()
                        .table(OutboxMessage::Table)
                        .add_column(&mut column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_index(
                Index::create()
                    .name("idx_outbox_failed")
                    .table(OutboxMessage::Table)
                    .col(OutboxMessage::FailedAt)
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("idx_outbox_failed")
                    .table(OutboxMessage::Table)
                    .to_owned(),
            )
            .await?;
        for column in [OutboxMessage::FailedAt, OutboxMessage::DossierId] {
            manager
                .alter_table(
                    Table::alter()
                        .table(OutboxMessage::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        for column in [Account::NotifyEmail, Account::NotifySms] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Account::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .drop_table(Table::drop().table(DossierResult::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(SigningCredential::Table).to_owned())
            .await
    }
}
