//! Tab counts of the staff workspace kept as they change, and two partial indexes that give the
//! open and the running dossiers of an agency in due-date order.
//!
//! Counting an agency's open dossiers on every page view grows with the desk: 17 ms for the
//! 20,000 open entries of a desk of 200,000 dossiers, before the page has done anything else.
//! `desk_tally` holds, per holding agency, procedure and slot (new, unassigned, to approve,
//! waiting, to return, other open), how many dossiers are there; filing and every transition
//! move one dossier from one slot to another in their own transaction. The counts that depend
//! on the clock (due soon, overdue) stay live, over `idx_dossier_running_due`, which holds only
//! the dossiers whose clock runs. `idx_dossier_open_due` lets the "all" queue read its first 25
//! entries in order instead of sorting every open entry.
//!
//! The table starts empty; `portal migrate` recounts it from the dossiers (the domain owns the
//! rule of which slot a dossier is in).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{big_integer, string_len};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum DeskTally {
    Table,
    AgencyCode,
    ProcedureCode,
    Slot,
    Dossiers,
}

const OPEN_DUE: &str = "idx_dossier_open_due";
const RUNNING_DUE: &str = "idx_dossier_running_due";
const ARRIVED: &str = "idx_dossier_arrived";

/// Partial indexes, in SQL both PostgreSQL and SQLite read. The `WHERE` clauses must stay
/// word for word those of `domain::dossiers::queues` (`OPEN_SQL`, `RUNNING_SQL`): both
/// databases use a partial index only for a query whose condition contains its own.
const INDEXES: [&str; 3] = [
    "CREATE INDEX idx_dossier_open_due ON dossier (holding_agency_code, due_at, submitted_at, id, procedure_code) \
     WHERE status IN ('submitted', 'accepted', 'processing', 'supplement_requested', 'awaiting_payment')",
    "CREATE INDEX idx_dossier_running_due ON dossier (holding_agency_code, due_at, submitted_at, id, procedure_code) \
     WHERE status IN ('accepted', 'processing', 'awaiting_payment') AND paused_at IS NULL",
    "CREATE INDEX idx_dossier_arrived ON dossier (holding_agency_code, status, submitted_at, id, procedure_code) \
     WHERE status IN ('submitted', 'supplement_requested')",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(DeskTally::Table)
                    .col(string_len(DeskTally::AgencyCode, 16))
                    .col(string_len(DeskTally::ProcedureCode, 32))
                    .col(string_len(DeskTally::Slot, 16))
                    .col(big_integer(DeskTally::Dossiers))
                    .primary_key(
                        Index::create()
                            .col(DeskTally::AgencyCode)
                            .col(DeskTally::ProcedureCode)
                            .col(DeskTally::Slot),
                    )
                    .to_owned(),
            )
            .await?;
        for sql in INDEXES {
            manager.get_connection().execute_unprepared(sql).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for name in [ARRIVED, RUNNING_DUE, OPEN_DUE] {
            manager
                .drop_index(
                    Index::drop()
                        .name(name)
                        .table(Alias::new("dossier"))
                        .to_owned(),
                )
                .await?;
        }
        manager
            .drop_table(Table::drop().table(DeskTally::Table).to_owned())
            .await
    }
}
