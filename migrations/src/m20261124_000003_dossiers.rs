//! Dossiers filed online: drafts and submitted dossiers, their documents (files kept in object
//! storage, described here), the append-only event timeline, and the per-agency daily counter
//! that numbers dossier codes.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Dossier {
    Table,
    Id,
    Code,
    OwnerId,
    OrganisationId,
    ProcedureCode,
    ProcedureVersion,
    ReceivingAgencyCode,
    Status,
    Applicant,
    Answers,
    Delivery,
    Progress,
    DeclaredAt,
    FeeDueVnd,
    Revision,
    CreatedAt,
    UpdatedAt,
    SubmittedAt,
    DraftNoticeAt,
}

#[derive(DeriveIden)]
enum DossierCounter {
    Table,
    AgencyCode,
    Day,
    Last,
}

#[derive(DeriveIden)]
enum StoredFile {
    Table,
    Id,
    OwnerId,
    FileName,
    ContentType,
    Size,
    Sha256,
    StorageKey,
    Scan,
    CreatedAt,
}

#[derive(DeriveIden)]
enum DossierFile {
    Table,
    Id,
    DossierId,
    Slot,
    StoredFileId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum DossierEvent {
    Table,
    Id,
    DossierId,
    At,
    ActorId,
    ActorLabel,
    Kind,
    FromStatus,
    ToStatus,
    PublicNote,
    InternalNote,
    Data,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Dossier::Table)
                    .col(string_len(Dossier::Id, 36).primary_key())
                    .col(string_len_null(Dossier::Code, 40).unique_key())
                    .col(string_len(Dossier::OwnerId, 36))
                    .col(string_len_null(Dossier::OrganisationId, 36))
                    .col(string_len(Dossier::ProcedureCode, 32))
                    .col(integer(Dossier::ProcedureVersion))
                    .col(string_len_null(Dossier::ReceivingAgencyCode, 16))
                    .col(string_len(Dossier::Status, 24))
                    .col(json(Dossier::Applicant))
                    .col(json(Dossier::Answers))
                    .col(json(Dossier::Delivery))
                    .col(string(Dossier::Progress).default(""))
                    .col(timestamp_with_time_zone_null(Dossier::DeclaredAt))
                    .col(big_integer_null(Dossier::FeeDueVnd))
                    .col(integer(Dossier::Revision).default(1))
                    .col(timestamp_with_time_zone(Dossier::CreatedAt))
                    .col(timestamp_with_time_zone(Dossier::UpdatedAt))
                    .col(timestamp_with_time_zone_null(Dossier::SubmittedAt))
                    .col(timestamp_with_time_zone_null(Dossier::DraftNoticeAt))
                    .to_owned(),
            )
            .await?;
        for (name, cols) in [
            (
                "idx_dossier_owner",
                vec![Dossier::OwnerId, Dossier::UpdatedAt],
            ),
            (
                "idx_dossier_status",
                vec![Dossier::Status, Dossier::UpdatedAt],
            ),
            (
                "idx_dossier_agency",
                vec![Dossier::ReceivingAgencyCode, Dossier::Status],
            ),
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
                    .table(DossierCounter::Table)
                    .col(string_len(DossierCounter::AgencyCode, 16))
                    .col(string_len(DossierCounter::Day, 6))
                    .col(integer(DossierCounter::Last))
                    .primary_key(
                        Index::create()
                            .col(DossierCounter::AgencyCode)
                            .col(DossierCounter::Day),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(StoredFile::Table)
                    .col(string_len(StoredFile::Id, 36).primary_key())
                    .col(string_len(StoredFile::OwnerId, 36))
                    .col(string(StoredFile::FileName))
                    .col(string_len(StoredFile::ContentType, 128))
                    .col(big_integer(StoredFile::Size))
                    .col(string_len(StoredFile::Sha256, 64))
                    .col(string(StoredFile::StorageKey))
                    .col(string_len(StoredFile::Scan, 16))
                    .col(timestamp_with_time_zone(StoredFile::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_stored_file_owner")
                    .table(StoredFile::Table)
                    .col(StoredFile::OwnerId)
                    .col(StoredFile::CreatedAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(DossierFile::Table)
                    .col(string_len(DossierFile::Id, 36).primary_key())
                    .col(string_len(DossierFile::DossierId, 36))
                    .col(string_len(DossierFile::Slot, 40))
                    .col(string_len(DossierFile::StoredFileId, 36))
                    .col(timestamp_with_time_zone(DossierFile::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(DossierFile::Table, DossierFile::DossierId)
                            .to(Dossier::Table, Dossier::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(DossierFile::Table, DossierFile::StoredFileId)
                            .to(StoredFile::Table, StoredFile::Id),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_dossier_file_dossier")
                    .table(DossierFile::Table)
                    .col(DossierFile::DossierId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(DossierEvent::Table)
                    .col(big_pk_auto(DossierEvent::Id))
                    .col(string_len(DossierEvent::DossierId, 36))
                    .col(timestamp_with_time_zone(DossierEvent::At))
                    .col(string_len_null(DossierEvent::ActorId, 64))
                    .col(string(DossierEvent::ActorLabel))
                    .col(string_len(DossierEvent::Kind, 32))
                    .col(string_len_null(DossierEvent::FromStatus, 24))
                    .col(string_len_null(DossierEvent::ToStatus, 24))
                    .col(text_null(DossierEvent::PublicNote))
                    .col(text_null(DossierEvent::InternalNote))
                    .col(json_null(DossierEvent::Data))
                    .foreign_key(
                        ForeignKey::create()
                            .from(DossierEvent::Table, DossierEvent::DossierId)
                            .to(Dossier::Table, Dossier::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_dossier_event_dossier")
                    .table(DossierEvent::Table)
                    .col(DossierEvent::DossierId)
                    .col(DossierEvent::Id)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            DossierEvent::Table.into_iden(),
            DossierFile::Table.into_iden(),
            StoredFile::Table.into_iden(),
            DossierCounter::Table.into_iden(),
            Dossier::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
