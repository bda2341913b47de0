//! Template databases: every test starts from a copy of a database that was migrated (and,
//! for [`super::seeded_database`], loaded with the seed data) once, instead of migrating and
//! seeding again — about 190 ms per test on SQLite and 500 ms on PostgreSQL, which most tests
//! pay before they check anything.
//!
//! - SQLite: the template is built in memory once per test process, written to a file with
//!   `VACUUM INTO`, and each test copies its tables, rows and indexes into a new in-memory
//!   database (`ATTACH` + `INSERT … SELECT`). The files live in a folder named after the
//!   process; a later process removes the folders of processes that have ended.
//! - PostgreSQL: the template is a database named after a hash of the migrations and the seed
//!   files (and the seed date), made once per server and kept, so the next test binary reuses
//!   it; each test gets `CREATE DATABASE … TEMPLATE …`, a file copy on the server.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use chrono::NaiveDate;
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, DbErr, Statement};
use sea_orm_migration::MigratorTrait;
use sha2::{Digest, Sha256};
use tokio::sync::OnceCell;

/// What a template holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) enum Kind {
    /// The schema only.
    Migrated,
    /// The schema and `seed/` loaded as of this date.
    Seeded(NaiveDate),
}

/// Where a made template is: a file (SQLite) or a database name (PostgreSQL).
#[derive(Clone, Debug)]
enum Made {
    File(PathBuf),
    Database(String),
}

type Cell = Arc<OnceCell<Made>>;
/// The templates this process made or found, by kind and server.
type Cells = Mutex<HashMap<(Kind, Option<String>), Cell>>;

/// The templates this process made or found, one per kind and server.
fn cells() -> &'static Cells {
    static CELLS: OnceLock<Cells> = OnceLock::new();
    CELLS.get_or_init(Default::default)
}

/// A new database copied from the template of `kind` on `server` (a PostgreSQL URL, or `None`
/// for SQLite in memory), making the template first if this process has not yet.
pub(super) async fn copy_of(kind: Kind, server: Option<&str>) -> Result<DatabaseConnection, DbErr> {
    let cell = {
        let mut cells = cells()
            .lock()
            .map_err(|_| DbErr::Custom("template registry poisoned".into()))?;
        cells
            .entry((kind, server.map(str::to_owned)))
            .or_default()
            .clone()
    };
    let made = cell.get_or_try_init(|| make(kind, server)).await?;
    match (made, server) {
        (Made::File(path), _) => copy_sqlite(path).await,
        (Made::Database(name), Some(url)) => copy_postgres(url, name).await,
        (Made::Database(_), None) => Err(DbErr::Custom("template on the wrong server".into())),
    }
}

/// Fills a new database as the template of `kind` is: migrations, then the seed data.
async fn fill(db: &DatabaseConnection, kind: Kind) -> Result<(), DbErr> {
    migrations::Migrator::up(db, None).await?;
    if let Kind::Seeded(today) = kind {
        crate::reference_data::load_seed_dir(db, &super::seed_dir(), today)
            .await
            .map_err(|e| DbErr::Custom(format!("seed data: {e}")))?;
    }
    Ok(())
}

async fn make(kind: Kind, server: Option<&str>) -> Result<Made, DbErr> {
    match server {
        None => make_sqlite(kind).await.map(Made::File),
        Some(url) => make_postgres(url, kind).await.map(Made::Database),
    }
}

/// This process's template folder (the folders of ended processes are removed first).
fn template_dir() -> Result<PathBuf, DbErr> {
    let root = std::env::temp_dir().join("portal-test-templates");
    if let Ok(entries) = std::fs::read_dir(&root) {
        for entry in entries.flatten() {
            let pid = entry.file_name().to_string_lossy().into_owned();
            let ended = Path::new("/proc").exists() && !Path::new("/proc").join(&pid).exists();
            if ended {
                let _ = std::fs::remove_dir_all(entry.path());
            }
        }
    }
    let dir = root.join(std::process::id().to_string());
    std::fs::create_dir_all(&dir).map_err(|e| DbErr::Custom(format!("{}: {e}", dir.display())))?;
    Ok(dir)
}

async fn make_sqlite(kind: Kind) -> Result<PathBuf, DbErr> {
    let db = crate::db::connect("sqlite::memory:", 1).await?;
    fill(&db, kind).await?;
    let name = match kind {
        Kind::Migrated => "migrated.db".to_owned(),
        Kind::Seeded(day) => format!("seeded-{day}.db"),
    };
    let path = template_dir()?.join(name);
    let _ = std::fs::remove_file(&path);
    db.execute_unprepared(&format!("VACUUM INTO '{}'", uri(&path, "rwc")))
        .await?;
    db.close().await?;
    Ok(path)
}

/// A file on disk as an SQLite URI, for inside single quotes in SQL. The URI's `mode` matters:
/// an in-memory connection opens what it attaches (and what `VACUUM INTO` writes) in memory
/// too, unless a `mode` says otherwise.
fn uri(path: &Path, mode: &str) -> String {
    let path = path
        .display()
        .to_string()
        .replace('%', "%25")
        .replace('?', "%3f")
        .replace('#', "%23")
        .replace('\'', "''");
    format!("file:{path}?mode={mode}")
}

/// Copies the template file's schema and rows into a new in-memory database: tables and rows
/// first, then indexes, triggers and views (building an index once over its rows is cheaper
/// than keeping it up to date row by row). Foreign keys are off during the copy, as tables are
/// filled in name order rather than in reference order.
async fn copy_sqlite(template: &Path) -> Result<DatabaseConnection, DbErr> {
    let db = crate::db::connect("sqlite::memory:", 1).await?;
    db.execute_unprepared(&format!("ATTACH DATABASE '{}' AS tpl", uri(template, "ro")))
        .await?;
    db.execute_unprepared("PRAGMA foreign_keys = OFF").await?;
    let objects = db
        .query_all_raw(Statement::from_string(
            DbBackend::Sqlite,
            "SELECT type, name, sql FROM tpl.sqlite_master \
             WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' \
             ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END, name",
        ))
        .await?;
    if objects.is_empty() {
        return Err(DbErr::Custom(format!(
            "empty template {}",
            template.display()
        )));
    }
    let mut script = String::from("BEGIN;\n");
    let mut has_sequence = false;
    for object in &objects {
        let kind: String = object.try_get("", "type")?;
        let name: String = object.try_get("", "name")?;
        let sql: String = object.try_get("", "sql")?;
        script.push_str(&sql);
        script.push_str(";\n");
        if kind == "table" {
            let table = name.replace('"', "\"\"");
            script.push_str(&format!(
                "INSERT INTO main.\"{table}\" SELECT * FROM tpl.\"{table}\";\n"
            ));
            has_sequence |= sql.to_ascii_uppercase().contains("AUTOINCREMENT");
        }
    }
    if has_sequence {
        script.push_str("INSERT INTO main.sqlite_sequence SELECT * FROM tpl.sqlite_sequence;\n");
    }
    script.push_str("COMMIT;\n");
    db.execute_unprepared(&script).await?;
    db.execute_unprepared("DETACH DATABASE tpl").await?;
    db.execute_unprepared("PRAGMA foreign_keys = ON").await?;
    Ok(db)
}

/// The template's name on PostgreSQL: what it holds, the migrations and the seed files, so a
/// change to any of them makes (and uses) a new one.
fn postgres_name(kind: Kind) -> Result<String, DbErr> {
    let mut hash = Sha256::new();
    for migration in migrations::Migrator::migrations() {
        hash.update(migration.name().as_bytes());
        hash.update([0]);
    }
    if let Kind::Seeded(day) = kind {
        hash.update(day.to_string().as_bytes());
        hash_dir(&mut hash, &super::seed_dir())?;
    }
    let digest = hex::encode(hash.finalize());
    let prefix = match kind {
        Kind::Migrated => "tpl_m",
        Kind::Seeded(_) => "tpl_s",
    };
    Ok(format!("{prefix}_{}", &digest[..24]))
}

/// Hashes every file below `dir`, in name order (names and contents).
fn hash_dir(hash: &mut Sha256, dir: &Path) -> Result<(), DbErr> {
    let io = |e: std::io::Error| DbErr::Custom(format!("{}: {e}", dir.display()));
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .map_err(io)?
        .collect::<Result<_, _>>()
        .map_err(io)?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        hash.update(entry.file_name().to_string_lossy().as_bytes());
        if entry.file_type().map_err(io)?.is_dir() {
            hash_dir(hash, &path)?;
        } else {
            hash.update(std::fs::read(&path).map_err(io)?);
        }
    }
    Ok(())
}

/// The server's base URL (`postgres://…`) without the database name.
fn base(url: &str) -> &str {
    url.rsplit_once('/').map(|(b, _)| b).unwrap_or(url)
}

/// Makes the template unless the server already has it. It is filled under a temporary name
/// and renamed when complete, so a template that exists is whole, whoever made it.
async fn make_postgres(url: &str, kind: Kind) -> Result<String, DbErr> {
    let name = postgres_name(kind)?;
    let admin = crate::db::connect(url, 2).await?;
    let exists = admin
        .query_one_raw(Statement::from_sql_and_values(
            DbBackend::Postgres,
            "SELECT 1 FROM pg_database WHERE datname = $1",
            [name.clone().into()],
        ))
        .await?
        .is_some();
    if !exists {
        let building = format!("b_{}", uuid::Uuid::new_v4().simple());
        admin
            .execute_unprepared(&format!("CREATE DATABASE {building}"))
            .await?;
        let db = crate::db::connect(&format!("{}/{building}", base(url)), 2).await?;
        fill(&db, kind).await?;
        db.close().await?;
        let renamed = admin
            .execute_unprepared(&format!("ALTER DATABASE {building} RENAME TO {name}"))
            .await;
        if renamed.is_err() {
            // Another process made it meanwhile: use theirs.
            admin
                .execute_unprepared(&format!("DROP DATABASE IF EXISTS {building}"))
                .await?;
        }
    }
    admin.close().await?;
    Ok(name)
}

async fn copy_postgres(url: &str, template: &str) -> Result<DatabaseConnection, DbErr> {
    let admin = crate::db::connect(url, 2).await?;
    let name = format!("t_{}", uuid::Uuid::new_v4().simple());
    admin
        .execute_unprepared(&format!("CREATE DATABASE {name} TEMPLATE {template}"))
        .await?;
    admin.close().await?;
    crate::db::connect(&format!("{}/{name}", base(url)), 4).await
}
