//! Accounts and access control: citizens, businesses and staff, database-held sessions,
//! single-use tokens, rate-limit counters, API tokens, the audit log, the national-identity
//! sign-in flows in progress and the outgoing message queue.
//!
//! Identifiers are UUIDs stored as text so that SQLite and PostgreSQL hold them alike. Secrets
//! (session cookies, e-mailed links, API tokens) are never stored: only their SHA-256.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Account {
    Table,
    Id,
    Kind,
    Email,
    Phone,
    PasswordHash,
    EmailVerifiedAt,
    FullName,
    CitizenId,
    DateOfBirth,
    ProvinceCode,
    CommuneCode,
    Street,
    NationalIdSubject,
    AgencyCode,
    Roles,
    FailedSignIns,
    LockedUntil,
    Disabled,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Organisation {
    Table,
    Id,
    TaxCode,
    Name,
    RepresentativeName,
    RepresentativeCitizenId,
    Address,
    CreatedAt,
}

#[derive(DeriveIden)]
enum OrganisationMember {
    Table,
    OrganisationId,
    AccountId,
    Role,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Session {
    Table,
    Id,
    AccountId,
    CsrfToken,
    CreatedAt,
    LastSeenAt,
    ExpiresAt,
    Ip,
    UserAgent,
}

#[derive(DeriveIden)]
enum OneTimeToken {
    Table,
    Id,
    AccountId,
    Purpose,
    CreatedAt,
    ExpiresAt,
    UsedAt,
}

#[derive(DeriveIden)]
enum RateCounter {
    Table,
    Key,
    WindowStart,
    Hits,
}

#[derive(DeriveIden)]
enum ApiToken {
    Table,
    Id,
    Name,
    TokenHash,
    Scopes,
    AgencyCode,
    CreatedBy,
    CreatedAt,
    ExpiresAt,
    RevokedAt,
    LastUsedAt,
}

#[derive(DeriveIden)]
enum AuditLog {
    Table,
    Id,
    At,
    ActorId,
    ActorLabel,
    Action,
    TargetType,
    TargetId,
    AgencyCode,
    Ip,
    Outcome,
    Detail,
}

#[derive(DeriveIden)]
enum NationalIdFlow {
    Table,
    State,
    Nonce,
    CodeVerifier,
    NextPath,
    CreatedAt,
}

#[derive(DeriveIden)]
enum OutboxMessage {
    Table,
    Id,
    Channel,
    Recipient,
    Subject,
    Body,
    CreatedAt,
    NextAttemptAt,
    Attempts,
    SentAt,
    LastError,
    ClaimedUntil,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Account::Table)
                    .col(string_len(Account::Id, 36).primary_key())
                    .col(string_len(Account::Kind, 16))
                    .col(string_len_null(Account::Email, 254).unique_key())
                    .col(string_len_null(Account::Phone, 16).unique_key())
                    .col(string_null(Account::PasswordHash))
                    .col(timestamp_with_time_zone_null(Account::EmailVerifiedAt))
                    .col(string(Account::FullName))
                    .col(string_len_null(Account::CitizenId, 12).unique_key())
                    .col(date_null(Account::DateOfBirth))
                    .col(string_len_null(Account::ProvinceCode, 8))
                    .col(string_len_null(Account::CommuneCode, 8))
                    .col(string_null(Account::Street))
                    .col(string_null(Account::NationalIdSubject).unique_key())
                    .col(string_len_null(Account::AgencyCode, 16))
                    .col(string(Account::Roles).default(""))
                    .col(integer(Account::FailedSignIns).default(0))
                    .col(timestamp_with_time_zone_null(Account::LockedUntil))
                    .col(boolean(Account::Disabled).default(false))
                    .col(timestamp_with_time_zone(Account::CreatedAt))
                    .col(timestamp_with_time_zone(Account::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_account_agency")
                    .table(Account::Table)
                    .col(Account::AgencyCode)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Organisation::Table)
                    .col(string_len(Organisation::Id, 36).primary_key())
                    .col(string_len_uniq(Organisation::TaxCode, 14))
                    .col(string(Organisation::Name))
                    .col(string(Organisation::RepresentativeName))
                    .col(string_len_null(Organisation::RepresentativeCitizenId, 12))
                    .col(string_null(Organisation::Address))
                    .col(timestamp_with_time_zone(Organisation::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(OrganisationMember::Table)
                    .col(string_len(OrganisationMember::OrganisationId, 36))
                    .col(string_len(OrganisationMember::AccountId, 36))
                    .col(string_len(OrganisationMember::Role, 16))
                    .col(timestamp_with_time_zone(OrganisationMember::CreatedAt))
                    .primary_key(
                        Index::create()
                            .col(OrganisationMember::OrganisationId)
                            .col(OrganisationMember::AccountId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(
                                OrganisationMember::Table,
                                OrganisationMember::OrganisationId,
                            )
                            .to(Organisation::Table, Organisation::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(OrganisationMember::Table, OrganisationMember::AccountId)
                            .to(Account::Table, Account::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Session::Table)
                    .col(string_len(Session::Id, 64).primary_key())
                    .col(string_len(Session::AccountId, 36))
                    .col(string_len(Session::CsrfToken, 64))
                    .col(timestamp_with_time_zone(Session::CreatedAt))
                    .col(timestamp_with_time_zone(Session::LastSeenAt))
                    .col(timestamp_with_time_zone(Session::ExpiresAt))
                    .col(string_len_null(Session::Ip, 64))
                    .col(string_null(Session::UserAgent))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Session::Table, Session::AccountId)
                            .to(Account::Table, Account::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_session_account")
                    .table(Session::Table)
                    .col(Session::AccountId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(OneTimeToken::Table)
                    .col(string_len(OneTimeToken::Id, 64).primary_key())
                    .col(string_len(OneTimeToken::AccountId, 36))
                    .col(string_len(OneTimeToken::Purpose, 32))
                    .col(timestamp_with_time_zone(OneTimeToken::CreatedAt))
                    .col(timestamp_with_time_zone(OneTimeToken::ExpiresAt))
                    .col(timestamp_with_time_zone_null(OneTimeToken::UsedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(OneTimeToken::Table, OneTimeToken::AccountId)
                            .to(Account::Table, Account::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(RateCounter::Table)
                    .col(string_len(RateCounter::Key, 200))
                    .col(big_integer(RateCounter::WindowStart))
                    .col(integer(RateCounter::Hits))
                    .primary_key(
                        Index::create()
                            .col(RateCounter::Key)
                            .col(RateCounter::WindowStart),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ApiToken::Table)
                    .col(string_len(ApiToken::Id, 36).primary_key())
                    .col(string(ApiToken::Name))
                    .col(string_len_uniq(ApiToken::TokenHash, 64))
                    .col(string(ApiToken::Scopes))
                    .col(string_len_null(ApiToken::AgencyCode, 16))
                    .col(string_len(ApiToken::CreatedBy, 36))
                    .col(timestamp_with_time_zone(ApiToken::CreatedAt))
                    .col(timestamp_with_time_zone_null(ApiToken::ExpiresAt))
                    .col(timestamp_with_time_zone_null(ApiToken::RevokedAt))
                    .col(timestamp_with_time_zone_null(ApiToken::LastUsedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AuditLog::Table)
                    .col(big_pk_auto(AuditLog::Id))
                    .col(timestamp_with_time_zone(AuditLog::At))
                    .col(string_len_null(AuditLog::ActorId, 36))
                    .col(string(AuditLog::ActorLabel))
                    .col(string_len(AuditLog::Action, 64))
                    .col(string_len_null(AuditLog::TargetType, 32))
                    .col(string_len_null(AuditLog::TargetId, 64))
                    .col(string_len_null(AuditLog::AgencyCode, 16))
                    .col(string_len_null(AuditLog::Ip, 64))
                    .col(string_len(AuditLog::Outcome, 16))
                    .col(json_null(AuditLog::Detail))
                    .to_owned(),
            )
            .await?;
        for (name, column) in [
            ("idx_audit_at", AuditLog::At),
            ("idx_audit_actor", AuditLog::ActorId),
            ("idx_audit_agency", AuditLog::AgencyCode),
            ("idx_audit_action", AuditLog::Action),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(AuditLog::Table)
                        .col(column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(NationalIdFlow::Table)
                    .col(string_len(NationalIdFlow::State, 64).primary_key())
                    .col(string_len(NationalIdFlow::Nonce, 64))
                    .col(string_len(NationalIdFlow::CodeVerifier, 128))
                    .col(string(NationalIdFlow::NextPath))
                    .col(timestamp_with_time_zone(NationalIdFlow::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(OutboxMessage::Table)
                    .col(big_pk_auto(OutboxMessage::Id))
                    .col(string_len(OutboxMessage::Channel, 16))
                    .col(string(OutboxMessage::Recipient))
                    .col(string(OutboxMessage::Subject))
                    .col(text(OutboxMessage::Body))
                    .col(timestamp_with_time_zone(OutboxMessage::CreatedAt))
                    .col(timestamp_with_time_zone(OutboxMessage::NextAttemptAt))
                    .col(integer(OutboxMessage::Attempts).default(0))
                    .col(timestamp_with_time_zone_null(OutboxMessage::SentAt))
                    .col(text_null(OutboxMessage::LastError))
                    .col(timestamp_with_time_zone_null(OutboxMessage::ClaimedUntil))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_outbox_pending")
                    .table(OutboxMessage::Table)
                    .col(OutboxMessage::SentAt)
                    .col(OutboxMessage::NextAttemptAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            OutboxMessage::Table.into_iden(),
            NationalIdFlow::Table.into_iden(),
            AuditLog::Table.into_iden(),
            ApiToken::Table.into_iden(),
            RateCounter::Table.into_iden(),
            OneTimeToken::Table.into_iden(),
            Session::Table.into_iden(),
            OrganisationMember::Table.into_iden(),
            Organisation::Table.into_iden(),
            Account::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
