//! Satisfaction ratings (issue 24): one per returned or refused dossier, given by its applicant
//! on the dossier page or from a single-use link in the return notice — very satisfied,
//! satisfied or not satisfied, with reasons and a comment — and the answer of the agency's
//! leaders to a "not satisfied". Single-use links may now be about one dossier
//! (`one_time_token.dossier_id`).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{
    json, string_len, string_len_null, text_null, timestamp_with_time_zone,
    timestamp_with_time_zone_null,
};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Rating {
    Table,
    Id,
    DossierId,
    AgencyCode,
    Level,
    Reasons,
    Comment,
    Via,
    CreatedAt,
    UpdatedAt,
    Answer,
    AnsweredAt,
    AnsweredBy,
}

#[derive(DeriveIden)]
enum OneTimeToken {
    Table,
    DossierId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Rating::Table)
                    .col(string_len(Rating::Id, 36).primary_key())
                    .col(string_len_null(Rating::DossierId, 36).unique_key())
                    .col(string_len(Rating::AgencyCode, 20))
                    .col(string_len(Rating::Level, 20))
                    .col(json(Rating::Reasons))
                    .col(text_null(Rating::Comment))
                    .col(string_len(Rating::Via, 10))
                    .col(timestamp_with_time_zone(Rating::CreatedAt))
                    .col(timestamp_with_time_zone(Rating::UpdatedAt))
                    .col(text_null(Rating::Answer))
                    .col(timestamp_with_time_zone_null(Rating::AnsweredAt))
                    .col(string_len_null(Rating::AnsweredBy, 36))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_rating_agency_level")
                    .table(Rating::Table)
                    .col(Rating::AgencyCode)
                    .col(Rating::Level)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(OneTimeToken::Table)
                    .add_column(string_len_null(OneTimeToken::DossierId, 36))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(OneTimeToken::Table)
                    .drop_column(OneTimeToken::DossierId)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table(Rating::Table).to_owned())
            .await
    }
}
