//! Trigram indexes for the staff search by part of a name or of a dossier code, on PostgreSQL.
//!
//! The search matches `LIKE '%…%'` anywhere in `applicant_search` (the folded name) and in
//! `code`, which no B-tree can answer: at a million dossiers every such search read the whole
//! table (200 ms). `pg_trgm`'s GIN indexes answer it from the trigrams of the typed text.
//!
//! `pg_trgm` ships with PostgreSQL and is a trusted extension (a database owner may create it),
//! but a managed server may still withhold it: then the indexes are left out with a notice and
//! the search keeps working, only slower. SQLite (small deployments) scans, as before.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DbBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

const UP: &str = r#"
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
    BEGIN
      CREATE EXTENSION IF NOT EXISTS pg_trgm;
    EXCEPTION WHEN insufficient_privilege THEN
      RAISE NOTICE 'pg_trgm not created (%): staff search by part of a name scans', SQLERRM;
    END;
  END IF;
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
    CREATE INDEX IF NOT EXISTS idx_dossier_code_trgm ON dossier USING gin (code gin_trgm_ops);
    CREATE INDEX IF NOT EXISTS idx_dossier_applicant_trgm
      ON dossier USING gin (applicant_search gin_trgm_ops);
  END IF;
END
$$
"#;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() == DbBackend::Postgres {
            manager.get_connection().execute_unprepared(UP).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if manager.get_database_backend() == DbBackend::Postgres {
            manager
                .get_connection()
                .execute_unprepared(
                    "DROP INDEX IF EXISTS idx_dossier_applicant_trgm; \
                     DROP INDEX IF EXISTS idx_dossier_code_trgm",
                )
                .await?;
        }
        Ok(())
    }
}
