//! The one-stop back office: where a dossier is in its workflow (the agency holding it, the
//! step, the assignee), its working-time clock (accepted, due, paused), the agencies that have
//! handled it (each sees only dossiers it had a part in), the holiday calendar, per-agency
//! working hours and per-procedure workflow steps.
//!
//! Dossiers received at the desk or by post carry their channel and the postal reference.
//!
//! The applicant's name (folded for search) and citizen ID are copied out of the applicant JSON
//! into columns so the staff search stays an index lookup over a million dossiers.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Dossier {
    Table,
    HoldingAgencyCode,
    StepIndex,
    StepRole,
    AssigneeId,
    AcceptedAt,
    DueAt,
    PausedAt,
    ResumeStatus,
    StepDueAt,
    EscalatedAt,
    TransferOrigin,
    Apologies,
    ApplicantSearch,
    ApplicantCitizenId,
    FinishedAt,
    Channel,
    IntakeReference,
    Status,
}

#[derive(DeriveIden)]
enum DossierAgency {
    Table,
    DossierId,
    AgencyCode,
    Since,
}

#[derive(DeriveIden)]
enum Holiday {
    Table,
    Day,
    Kind,
    Name,
}

#[derive(DeriveIden)]
enum ProcedureStep {
    Table,
    ProcedureCode,
    Position,
    Name,
    Role,
    AgencyCode,
    AllowanceHours,
}

#[derive(DeriveIden)]
enum Agency {
    Table,
    WorkingHours,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per ALTER TABLE.
        let columns = [
            string_len_null(Dossier::HoldingAgencyCode, 16),
            integer_null(Dossier::StepIndex),
            string_len_null(Dossier::StepRole, 24),
            string_len_null(Dossier::AssigneeId, 36),
            timestamp_with_time_zone_null(Dossier::AcceptedAt),
            timestamp_with_time_zone_null(Dossier::DueAt),
            timestamp_with_time_zone_null(Dossier::PausedAt),
            string_len_null(Dossier::ResumeStatus, 24),
            timestamp_with_time_zone_null(Dossier::StepDueAt),
            timestamp_with_time_zone_null(Dossier::EscalatedAt),
            string_len_null(Dossier::TransferOrigin, 16),
            integer(Dossier::Apologies).default(0).to_owned(),
            string(Dossier::ApplicantSearch).default("").to_owned(),
            string_len(Dossier::ApplicantCitizenId, 16)
                .default("")
                .to_owned(),
            timestamp_with_time_zone_null(Dossier::FinishedAt),
            string_len(Dossier::Channel, 16)
                .default("online")
                .to_owned(),
            string_len_null(Dossier::IntakeReference, 64),
        ];
        for mut column in columns {
            manager
                .alter_table(
                    Table::alter()
                        .table(Dossier::Table)
                        .add_column(&mut column)
                        .to_owned(),
                )
                .await?;
        }
        for (name, cols) in [
            (
                "idx_dossier_queue",
                vec![Dossier::HoldingAgencyCode, Dossier::DueAt],
            ),
            // Each queue is one status (or a few) of the agency's dossiers: its count and its
            // first page stay a short index range however many finished dossiers the agency has.
            (
                "idx_dossier_holding_status",
                vec![Dossier::HoldingAgencyCode, Dossier::Status, Dossier::DueAt],
            ),
            (
                "idx_dossier_assignee",
                vec![Dossier::AssigneeId, Dossier::DueAt],
            ),
            ("idx_dossier_citizen_id", vec![Dossier::ApplicantCitizenId]),
        ] {
            let mut index = Index::create();
            index.name(name).table(Dossier::Table);
            for c in cols {
                index.col(c);
            }
            manager.create_index(index.to_owned()).await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(DossierAgency::Table)
                    .col(string_len(DossierAgency::DossierId, 36))
                    .col(string_len(DossierAgency::AgencyCode, 16))
                    .col(timestamp_with_time_zone(DossierAgency::Since))
                    .primary_key(
                        Index::create()
                            .col(DossierAgency::DossierId)
                            .col(DossierAgency::AgencyCode),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_dossier_agency_agency")
                    .table(DossierAgency::Table)
                    .col(DossierAgency::AgencyCode)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Holiday::Table)
                    .col(date(Holiday::Day).primary_key())
                    .col(string_len(Holiday::Kind, 16))
                    .col(string(Holiday::Name))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ProcedureStep::Table)
                    .col(string_len(ProcedureStep::ProcedureCode, 32))
                    .col(integer(ProcedureStep::Position))
                    .col(string(ProcedureStep::Name))
                    .col(string_len(ProcedureStep::Role, 24))
                    .col(string_len_null(ProcedureStep::AgencyCode, 16))
                    .col(integer(ProcedureStep::AllowanceHours))
                    .primary_key(
                        Index::create()
                            .col(ProcedureStep::ProcedureCode)
                            .col(ProcedureStep::Position),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Agency::Table)
                    .add_column(string_null(Agency::WorkingHours))
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            ProcedureStep::Table.into_iden(),
            Holiday::Table.into_iden(),
            DossierAgency::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
