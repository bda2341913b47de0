//! Verified organisations (issue #22): registering a tax code on the portal proves nothing, so
//! a registration stays *unverified* — its members see only their own dossiers — until the
//! business's legal representative, as the business registry names them, signs in with the
//! national identity, or a desk clerk checks the registration papers. `verified_at` says when,
//! `verified_by` who (the representative's or the clerk's account).
//!
//! Existing rows start unverified: nothing ever proved them.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{string_len_null, timestamp_with_time_zone_null};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Organisation {
    Table,
    VerifiedAt,
    VerifiedBy,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One ALTER per column: SQLite adds only one column per statement.
        for column in [
            timestamp_with_time_zone_null(Organisation::VerifiedAt),
            string_len_null(Organisation::VerifiedBy, 64),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Organisation::Table)
                        .add_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [Organisation::VerifiedBy, Organisation::VerifiedAt] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Organisation::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
