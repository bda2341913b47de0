//! Declared versus verified identifiers (issue #22): a citizen ID typed into a profile is only
//! *declared*; it becomes *verified* when it came from the national identity provider's signed
//! claims or a desk clerk checked it against the card (`citizen_id_verified_at`,
//! `citizen_id_verified_by`). Mobile numbers are verified by a one-time SMS code
//! (`phone_verified_at`). `verification_code` keeps those codes: only their hash, the tries left,
//! the expiry and the browser they were issued to.
//!
//! Existing rows: a citizen ID on an account linked to a national identity came from the
//! provider, so it is verified; e-mail verification is untouched; no existing mobile number was
//! ever proven, so every one starts unverified (the safe answer: they are not used as a lookup
//! factor nor sent dossier details until their owner confirms a code).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{
    integer, string, string_len, string_len_null, timestamp_with_time_zone,
    timestamp_with_time_zone_null,
};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Account {
    Table,
    Id,
    CitizenIdVerifiedAt,
    CitizenIdVerifiedBy,
    PhoneVerifiedAt,
}

#[derive(DeriveIden)]
enum VerificationCode {
    Table,
    Id,
    AccountId,
    Purpose,
    Target,
    CodeHash,
    BrowserHash,
    Attempts,
    CreatedAt,
    ExpiresAt,
    UsedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One ALTER per column: SQLite adds only one column per statement.
        for column in [
            timestamp_with_time_zone_null(Account::CitizenIdVerifiedAt),
            string_len_null(Account::CitizenIdVerifiedBy, 64),
            timestamp_with_time_zone_null(Account::PhoneVerifiedAt),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Account::Table)
                        .add_column(column)
                        .to_owned(),
                )
                .await?;
        }
        // Citizen IDs of accounts linked to a national identity came from its signed claims.
        manager
            .get_connection()
            .execute_unprepared(
                "UPDATE account SET citizen_id_verified_at = updated_at, \
                 citizen_id_verified_by = 'national_id' \
                 WHERE citizen_id IS NOT NULL AND national_id_subject IS NOT NULL",
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(VerificationCode::Table)
                    .if_not_exists()
                    .col(string_len(VerificationCode::Id, 36).primary_key())
                    .col(string_len(VerificationCode::AccountId, 36))
                    .col(string_len(VerificationCode::Purpose, 32))
                    .col(string_len(VerificationCode::Target, 254))
                    .col(string(VerificationCode::CodeHash))
                    .col(string(VerificationCode::BrowserHash))
                    .col(integer(VerificationCode::Attempts).default(0))
                    .col(timestamp_with_time_zone(VerificationCode::CreatedAt))
                    .col(timestamp_with_time_zone(VerificationCode::ExpiresAt))
                    .col(timestamp_with_time_zone_null(VerificationCode::UsedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_verification_code_account")
                            .from(VerificationCode::Table, VerificationCode::AccountId)
                            .to(Account::Table, Account::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_verification_code_account")
                    .table(VerificationCode::Table)
                    .col(VerificationCode::AccountId)
                    .col(VerificationCode::Purpose)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(VerificationCode::Table).to_owned())
            .await?;
        for column in [
            Account::PhoneVerifiedAt,
            Account::CitizenIdVerifiedBy,
            Account::CitizenIdVerifiedAt,
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Account::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
