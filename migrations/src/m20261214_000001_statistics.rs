//! Statistics rollups (issue 24): per receiving agency, procedure, day and month, how many
//! dossiers were received, resolved, refused…, kept in the same transaction as each change so
//! the public statistics never scan dossiers. `procedure_code` `*` holds the agency's total
//! over every procedure (and the counter ratings, which have none); `grain` is `d` for a day
//! (`period` `YYYY-MM-DD`) or `m` for a month (`YYYY-MM`). The primary key's order serves the
//! one query shape: some agencies, one or a few procedures, a grain and a range of periods.
//!
//! The table starts empty; `portal migrate` rebuilds it from the dossiers' events (the domain
//! owns the rules of what counts).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{big_integer, string_len};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum StatRollup {
    Table,
    AgencyCode,
    ProcedureCode,
    Grain,
    Period,
    Metric,
    N,
}

/// The running dossiers of the agency that received them, in due order: the leaders' wallboard
/// counts those overdue or due soon that another agency holds. The `WHERE` is word for word
/// that of `idx_dossier_running_due` (`domain::dossiers::queues`).
const RUNNING_RECEIVED: &str = "CREATE INDEX idx_dossier_running_received ON dossier \
    (receiving_agency_code, due_at, holding_agency_code) \
    WHERE status IN ('accepted', 'processing', 'awaiting_payment') AND paused_at IS NULL";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(StatRollup::Table)
                    .col(string_len(StatRollup::AgencyCode, 20))
                    .col(string_len(StatRollup::ProcedureCode, 40))
                    .col(string_len(StatRollup::Grain, 1))
                    .col(string_len(StatRollup::Period, 10))
                    .col(string_len(StatRollup::Metric, 24))
                    .col(big_integer(StatRollup::N))
                    .primary_key(
                        Index::create()
                            .col(StatRollup::AgencyCode)
                            .col(StatRollup::ProcedureCode)
                            .col(StatRollup::Grain)
                            .col(StatRollup::Period)
                            .col(StatRollup::Metric),
                    )
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        if db.get_database_backend() == sea_orm_migration::sea_orm::DbBackend::Postgres {
            // The figures are sums of `n` over ranges of the key: with `n` in the key's index,
            // PostgreSQL reads them from the index alone (index-only scans), never from rows
            // scattered over the table (230 ms → 10 ms for a province's 36 months).
            db.execute_unprepared(
                "ALTER TABLE stat_rollup DROP CONSTRAINT stat_rollup_pkey, \
                 ADD PRIMARY KEY (agency_code, procedure_code, grain, period, metric) INCLUDE (n)",
            )
            .await?;
        }
        db.execute_unprepared(RUNNING_RECEIVED).await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("idx_dossier_running_received")
                    .table(Alias::new("dossier"))
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table(StatRollup::Table).to_owned())
            .await
    }
}
