//! One covering index for the staff queues of an agency's desk.
//!
//! Every queue is a few statuses of the dossiers an agency holds, filtered on the clock
//! (due, paused), the assignee, the step's role and the transfer. With all of those columns
//! (and the id) in one index, the tab counts and the choice of a page's rows read only the
//! index entries of the agency's open dossiers, never the wide dossier rows, however many
//! finished dossiers the agency has: PostgreSQL answers them with an index-only scan. The
//! page's 25 rows are then fetched by primary key. It replaces the narrower
//! `idx_dossier_holding_status`, which is its prefix, and `idx_dossier_queue` (holding agency,
//! due date): with that one PostgreSQL walked the agency's dossiers in due-date order to skip
//! the sort, through every finished dossier (which keep their due date) before finding 25 open
//! ones, 0.5 s at a desk of 200,000 dossiers, where sorting the 20,000 open entries of this
//! index takes 10 ms.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Dossier {
    Table,
    HoldingAgencyCode,
    Status,
    DueAt,
    SubmittedAt,
    PausedAt,
    AssigneeId,
    StepRole,
    TransferOrigin,
    ProcedureCode,
    Id,
}

const OLD: &str = "idx_dossier_holding_status";
const NEW: &str = "idx_dossier_desk_queue";
const BY_DUE_DATE: &str = "idx_dossier_queue";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for old in [OLD, BY_DUE_DATE] {
            manager
                .drop_index(Index::drop().name(old).table(Dossier::Table).to_owned())
                .await?;
        }
        manager
            .create_index(
                Index::create()
                    .name(NEW)
                    .table(Dossier::Table)
                    .col(Dossier::HoldingAgencyCode)
                    .col(Dossier::Status)
                    .col(Dossier::DueAt)
                    .col(Dossier::SubmittedAt)
                    .col(Dossier::PausedAt)
                    .col(Dossier::AssigneeId)
                    .col(Dossier::StepRole)
                    .col(Dossier::TransferOrigin)
                    .col(Dossier::ProcedureCode)
                    .col(Dossier::Id)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(Index::drop().name(NEW).table(Dossier::Table).to_owned())
            .await?;
        manager
            .create_index(
                Index::create()
                    .name(BY_DUE_DATE)
                    .table(Dossier::Table)
                    .col(Dossier::HoldingAgencyCode)
                    .col(Dossier::DueAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name(OLD)
                    .table(Dossier::Table)
                    .col(Dossier::HoldingAgencyCode)
                    .col(Dossier::Status)
                    .col(Dossier::DueAt)
                    .to_owned(),
            )
            .await
    }
}
