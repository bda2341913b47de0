//! Opening the database: one function for SQLite (the embedded default) and PostgreSQL.

use std::time::Duration;

use sea_orm::{ConnectOptions, Database, DbErr};

pub use sea_orm::DatabaseConnection;

/// How long a request waits for SQLite's single write lock, or for a pooled connection, before
/// it gives up with an error. SQLite's busy handler is not a fair queue: at a burst (the
/// two-process submission test sends 1,000 filings at once on two cores) a writer can lose the
/// race for several seconds running, and sqlx's default of 5 s then turned a filing into a
/// "database is locked" error page. Waiting longer only costs time in such a burst; failing
/// costs the citizen a retry.
const WAIT_FOR_LOCK: Duration = Duration::from_secs(30);

/// Connects to `url` (`sqlite://path?mode=rwc`, `sqlite::memory:` or `postgres://…`).
///
/// SQLite gets WAL journaling and foreign keys so that readers never block the writer and
/// references are enforced as on PostgreSQL; both are set on every pooled connection (a
/// `PRAGMA` run once would reach only the one connection that ran it). An in-memory SQLite
/// database is limited to one connection because every pooled connection to `:memory:` would be
/// a separate, empty database.
pub async fn connect(url: &str, max_connections: u32) -> Result<DatabaseConnection, DbErr> {
    use sea_orm::sqlx::sqlite::SqliteJournalMode;
    let in_memory = url.contains(":memory:");
    let mut options = ConnectOptions::new(url.to_owned());
    options
        .max_connections(if in_memory { 1 } else { max_connections })
        .min_connections(if in_memory { 1 } else { 0 })
        .connect_timeout(Duration::from_secs(10))
        .acquire_timeout(WAIT_FOR_LOCK)
        .sqlx_logging(false)
        .map_sqlx_sqlite_opts(move |o| {
            let o = o.foreign_keys(true).busy_timeout(WAIT_FOR_LOCK);
            if in_memory {
                o
            } else {
                o.journal_mode(SqliteJournalMode::Wal)
            }
        });
    Database::connect(options).await
}

/// Checks that the database answers a trivial query (used by `/ready`).
pub async fn ping(db: &DatabaseConnection) -> Result<(), DbErr> {
    db.ping().await
}

/// Applies every pending migration.
pub async fn migrate(db: &DatabaseConnection) -> Result<(), DbErr> {
    use sea_orm_migration::MigratorTrait;
    migrations::Migrator::up(db, None).await
}

/// Starts a transaction that will write. On SQLite it takes the write lock at once
/// (`BEGIN IMMEDIATE`): a transaction that reads first and writes later would otherwise fail
/// with "database is locked" (SQLITE_BUSY_SNAPSHOT) whenever another connection — or another
/// server process on the same file — wrote in between, instead of waiting its turn.
pub async fn begin_write(
    db: &DatabaseConnection,
) -> Result<sea_orm::DatabaseTransaction, sea_orm::DbErr> {
    use sea_orm::{SqliteTransactionMode, TransactionOptions, TransactionTrait};
    db.begin_with_options(TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..TransactionOptions::default()
    })
    .await
}
