//! Wrong-password limits per (account, address) instead of per account: a stranger's wrong
//! passwords slow and then lock sign-in only from the stranger's own address, so nobody can lock
//! a clerk out of their account. The account-wide counter and lock go away.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{
    big_integer, integer, string_len, string_len_null, timestamp_with_time_zone_null,
};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum SignInGuard {
    Table,
    Subject,
    Client,
    Failures,
    LastAttemptAt,
    Attempt,
    UnlockToken,
}

#[derive(DeriveIden)]
enum Account {
    Table,
    FailedSignIns,
    LockedUntil,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(SignInGuard::Table)
                    .col(string_len(SignInGuard::Subject, 200))
                    .col(string_len(SignInGuard::Client, 64))
                    .col(integer(SignInGuard::Failures))
                    .col(big_integer(SignInGuard::LastAttemptAt))
                    .col(string_len(SignInGuard::Attempt, 64))
                    .col(string_len_null(SignInGuard::UnlockToken, 64))
                    .primary_key(
                        Index::create()
                            .col(SignInGuard::Subject)
                            .col(SignInGuard::Client),
                    )
                    .to_owned(),
            )
            .await?;
        // One column per statement: SQLite alters one thing at a time.
        for column in [Account::FailedSignIns, Account::LockedUntil] {
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

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Account::Table)
                    .add_column(integer(Account::FailedSignIns).default(0))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Account::Table)
                    .add_column(timestamp_with_time_zone_null(Account::LockedUntil))
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table(SignInGuard::Table).to_owned())
            .await
    }
}
