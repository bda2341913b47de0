//! Test databases: a fresh, migrated database per test, on SQLite in memory by default or on
//! PostgreSQL when `PORTAL_TEST_DATABASE_URL` points at a server (each test then gets its own
//! database, so tests run in parallel without seeing each other's rows).

use sea_orm::{ConnectionTrait, DatabaseConnection, DbErr};
use sea_orm_migration::MigratorTrait;

/// Environment variable naming the PostgreSQL server used by the PostgreSQL test run.
pub const TEST_DATABASE_ENV: &str = "PORTAL_TEST_DATABASE_URL";

/// Opens a new, empty, migrated database for one test.
pub async fn fresh_database() -> Result<DatabaseConnection, DbErr> {
    let db = match std::env::var(TEST_DATABASE_ENV) {
        Ok(url) if url.starts_with("postgres") => {
            let admin = crate::db::connect(&url, 2).await?;
            let name = format!("t_{}", uuid::Uuid::new_v4().simple());
            admin
                .execute_unprepared(&format!("CREATE DATABASE {name}"))
                .await?;
            admin.close().await?;
            let base = url.rsplit_once('/').map(|(b, _)| b).unwrap_or(&url);
            crate::db::connect(&format!("{base}/{name}"), 4).await?
        }
        _ => crate::db::connect("sqlite::memory:", 1).await?,
    };
    migrations::Migrator::up(&db, None).await?;
    Ok(db)
}

/// The repository's `seed/` folder (tests load the real demo data).
pub fn seed_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../seed")
}
