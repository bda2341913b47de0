//! Reference data: the 2025 administrative map, subject areas, agencies and the procedure
//! catalogue.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Province {
    Table,
    Code,
    Name,
    DivisionType,
    PhoneCode,
    ValidFrom,
    ValidTo,
}

#[derive(DeriveIden)]
enum Commune {
    Table,
    Code,
    Name,
    DivisionType,
    ProvinceCode,
    ValidFrom,
    ValidTo,
}

#[derive(DeriveIden)]
enum Field {
    Table,
    Code,
    NameVi,
    NameEn,
    Slug,
}

#[derive(DeriveIden)]
enum Agency {
    Table,
    Code,
    Name,
    ShortName,
    Level,
    ProvinceCode,
    CommuneCode,
    ParentCode,
    Address,
    Phone,
    Email,
    Website,
    Slug,
}

#[derive(DeriveIden)]
enum Procedure {
    Table,
    Code,
    Name,
    Slug,
    FieldCode,
    Level,
    AgencyLevel,
    AgencyCode,
    Description,
    ProcessingDays,
    Popular,
    Details,
    CurrentVersion,
    ContentHash,
    UpdatedAt,
}

/// Every published version of a procedure; a dossier refers to the version it was filed under.
#[derive(DeriveIden)]
enum ProcedureVersion {
    Table,
    Id,
    ProcedureCode,
    Version,
    EffectiveFrom,
    EffectiveTo,
    Name,
    Content,
    ContentHash,
}

/// One row holding the catalogue's revision, bumped by every import that changes something, so
/// that every server instance knows when to rebuild its search index.
#[derive(DeriveIden)]
enum CatalogueState {
    Table,
    Id,
    Revision,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Province::Table)
                    .col(string_len(Province::Code, 8).primary_key())
                    .col(string(Province::Name))
                    .col(string(Province::DivisionType))
                    .col(string_len_null(Province::PhoneCode, 8))
                    .col(date(Province::ValidFrom))
                    .col(date_null(Province::ValidTo))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Commune::Table)
                    .col(string_len(Commune::Code, 8).primary_key())
                    .col(string(Commune::Name))
                    .col(string(Commune::DivisionType))
                    .col(string_len(Commune::ProvinceCode, 8))
                    .col(date(Commune::ValidFrom))
                    .col(date_null(Commune::ValidTo))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Commune::Table, Commune::ProvinceCode)
                            .to(Province::Table, Province::Code),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_commune_province")
                    .table(Commune::Table)
                    .col(Commune::ProvinceCode)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Field::Table)
                    .col(string_len(Field::Code, 32).primary_key())
                    .col(string(Field::NameVi))
                    .col(string(Field::NameEn))
                    .col(string_len_uniq(Field::Slug, 128))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Agency::Table)
                    .col(string_len(Agency::Code, 16).primary_key())
                    .col(string(Agency::Name))
                    .col(string_null(Agency::ShortName))
                    .col(string_len(Agency::Level, 16))
                    .col(string_len(Agency::ProvinceCode, 8))
                    .col(string_len_null(Agency::CommuneCode, 8))
                    .col(string_len_null(Agency::ParentCode, 16))
                    .col(string_null(Agency::Address))
                    .col(string_null(Agency::Phone))
                    .col(string_null(Agency::Email))
                    .col(string_null(Agency::Website))
                    .col(string_len_uniq(Agency::Slug, 200))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Agency::Table, Agency::ProvinceCode)
                            .to(Province::Table, Province::Code),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Agency::Table, Agency::CommuneCode)
                            .to(Commune::Table, Commune::Code),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Procedure::Table)
                    .col(string_len(Procedure::Code, 32).primary_key())
                    .col(text(Procedure::Name))
                    .col(string_len_uniq(Procedure::Slug, 300))
                    .col(string_len(Procedure::FieldCode, 32))
                    .col(string_len(Procedure::Level, 16))
                    .col(string_len(Procedure::AgencyLevel, 16))
                    .col(string_len_null(Procedure::AgencyCode, 16))
                    .col(text(Procedure::Description))
                    .col(integer(Procedure::ProcessingDays))
                    .col(boolean(Procedure::Popular))
                    .col(json(Procedure::Details))
                    .col(integer(Procedure::CurrentVersion))
                    .col(string_len(Procedure::ContentHash, 64))
                    .col(timestamp_with_time_zone(Procedure::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Procedure::Table, Procedure::FieldCode)
                            .to(Field::Table, Field::Code),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Procedure::Table, Procedure::AgencyCode)
                            .to(Agency::Table, Agency::Code),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_procedure_field")
                    .table(Procedure::Table)
                    .col(Procedure::FieldCode)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ProcedureVersion::Table)
                    .col(pk_auto(ProcedureVersion::Id))
                    .col(string_len(ProcedureVersion::ProcedureCode, 32))
                    .col(integer(ProcedureVersion::Version))
                    .col(date(ProcedureVersion::EffectiveFrom))
                    .col(date_null(ProcedureVersion::EffectiveTo))
                    .col(text(ProcedureVersion::Name))
                    .col(json(ProcedureVersion::Content))
                    .col(string_len(ProcedureVersion::ContentHash, 64))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ProcedureVersion::Table, ProcedureVersion::ProcedureCode)
                            .to(Procedure::Table, Procedure::Code),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_procedure_version_unique")
                    .table(ProcedureVersion::Table)
                    .col(ProcedureVersion::ProcedureCode)
                    .col(ProcedureVersion::Version)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CatalogueState::Table)
                    .col(integer(CatalogueState::Id).primary_key())
                    .col(big_integer(CatalogueState::Revision))
                    .col(timestamp_with_time_zone(CatalogueState::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            CatalogueState::Table.into_iden(),
            ProcedureVersion::Table.into_iden(),
            Procedure::Table.into_iden(),
            Agency::Table.into_iden(),
            Field::Table.into_iden(),
            Commune::Table.into_iden(),
            Province::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
