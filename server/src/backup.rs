//! `portal backup DIR` and `portal restore DIR` for the embedded set-up: the SQLite database
//! (copied online with `VACUUM INTO`, a consistent snapshot while the portal serves) and the
//! local file folder (uploads, results, receipts), with a manifest naming every file and its
//! SHA-256 and the counts of the main tables. A restore checks every file against the
//! manifest before it writes anything, refuses to overwrite a database or file folder that is
//! not empty (unless forced), and checks the counts afterwards.
//!
//! PostgreSQL and S3 have their own tools, which know their storage better than the portal:
//! `pg_dump -Fc` / `pg_restore` and a bucket copy (README, "Backup and restore"); the commands
//! refuse those set-ups and say so.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use sea_orm::{ConnectionTrait, EntityTrait, PaginatorTrait};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::config::{Config, StorageBackend};

/// The database file's name inside a backup.
const DATABASE: &str = "portal.db";
/// The file folder's name inside a backup.
const FILES: &str = "files";
/// The manifest's name.
const MANIFEST: &str = "manifest.json";

/// What a backup holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// When it was taken (RFC 3339).
    pub taken_at: String,
    /// The portal's version that took it.
    pub version: String,
    /// Rows of the main tables: (table, count).
    pub counts: Vec<(String, u64)>,
    /// Every file of the file folder: (path relative to it, bytes, SHA-256 hex).
    pub files: Vec<(String, u64, String)>,
    /// SHA-256 of the database copy.
    pub database_sha256: String,
}

/// The SQLite file of `database_url`, or a refusal naming the tools for other databases.
fn sqlite_path(config: &Config) -> anyhow::Result<PathBuf> {
    match config.database_url.strip_prefix("sqlite://") {
        Some(rest) => {
            let path = rest.split('?').next().unwrap_or(rest);
            if path.is_empty() || path.contains(":memory:") {
                bail!("database_url is an in-memory SQLite database: there is nothing to back up");
            }
            Ok(PathBuf::from(path))
        }
        None => bail!(
            "this database is not SQLite: back it up with `pg_dump -Fc` and restore it with \
             `pg_restore` (README, \"Backup and restore\")"
        ),
    }
}

fn local_files(config: &Config) -> anyhow::Result<&Path> {
    if config.storage_backend != StorageBackend::Local {
        bail!(
            "files are kept in S3: copy the bucket with the store's own tools (README, \
             \"Backup and restore\")"
        );
    }
    Ok(&config.files_dir)
}

fn sha256_of(path: &Path) -> anyhow::Result<(u64, String)> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    Ok((bytes.len() as u64, hex::encode(Sha256::digest(&bytes))))
}

/// Every file below `root`, as paths relative to it, sorted.
fn files_below(root: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(relative) = path.strip_prefix(root) {
                out.push(relative.to_path_buf());
            }
        }
    }
    out.sort();
    Ok(out)
}

fn is_empty_dir(path: &Path) -> bool {
    std::fs::read_dir(path).map_or(true, |mut d| d.next().is_none())
}

/// Rows of the tables whose loss matters most, to check a restore by.
async fn counts(db: &sea_orm::DatabaseConnection) -> anyhow::Result<Vec<(String, u64)>> {
    use domain::entities::{account, dossier, dossier_file, dossier_result, payment, stored_file};
    Ok(vec![
        ("account".into(), account::Entity::find().count(db).await?),
        ("dossier".into(), dossier::Entity::find().count(db).await?),
        (
            "dossier_file".into(),
            dossier_file::Entity::find().count(db).await?,
        ),
        (
            "dossier_result".into(),
            dossier_result::Entity::find().count(db).await?,
        ),
        ("payment".into(), payment::Entity::find().count(db).await?),
        (
            "stored_file".into(),
            stored_file::Entity::find().count(db).await?,
        ),
    ])
}

/// The backup's database copy at `path`, read-only.
async fn open_copy(path: &Path) -> anyhow::Result<sea_orm::DatabaseConnection> {
    // A plain read-only connection: the portal's own (`domain::db::connect`) sets pragmas,
    // which write.
    sea_orm::Database::connect(format!("sqlite://{}?mode=ro", path.display()))
        .await
        .map_err(|e| anyhow::anyhow!("cannot open {}: {e}", path.display()))
}

/// True for a manifest path that stays inside the file folder.
fn inside(relative: &str) -> bool {
    let path = Path::new(relative);
    !relative.is_empty()
        && path
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)))
}

/// Backs the embedded set-up up into `dir` (new or empty): the database, the files and the
/// manifest. The portal may keep serving meanwhile.
pub async fn backup(config: &Config, dir: &Path) -> anyhow::Result<Manifest> {
    let database = sqlite_path(config)?;
    let files = local_files(config)?;
    if dir.exists() && !is_empty_dir(dir) {
        bail!("{} is not empty: back up into a new folder", dir.display());
    }
    if !database.exists() {
        bail!("no database at {}", database.display());
    }
    std::fs::create_dir_all(dir.join(FILES))?;
    let db = crate::database::open(config).await?;
    let copy = dir.join(DATABASE);
    let quoted = copy.to_string_lossy().replace('\'', "''");
    db.execute_unprepared(&format!("VACUUM INTO '{quoted}'"))
        .await
        .context("copying the database")?;
    // The copy's counts, not the live database's: the portal may have written meanwhile.
    let counts = counts(&open_copy(&copy).await?).await?;
    let mut listed = Vec::new();
    for relative in files_below(files)? {
        let from = files.join(&relative);
        let to = dir.join(FILES).join(&relative);
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::copy(&from, &to).with_context(|| format!("copying {}", from.display()))?;
        let (bytes, sha) = sha256_of(&to)?;
        listed.push((relative.to_string_lossy().replace('\\', "/"), bytes, sha));
    }
    let manifest = Manifest {
        taken_at: chrono::Utc::now().to_rfc3339(),
        version: env!("CARGO_PKG_VERSION").to_owned(),
        counts,
        files: listed,
        database_sha256: sha256_of(&copy)?.1,
    };
    std::fs::write(dir.join(MANIFEST), serde_json::to_vec_pretty(&manifest)?)?;
    Ok(manifest)
}

/// Restores the backup in `dir` into the configured database file and file folder, which
/// must not exist or be empty (`force` overwrites them: stop the portal first, since a
/// running one keeps the file it opened). The database's counts and every file are checked
/// against the manifest first; the counts after the restore must be the manifest's.
pub async fn restore(config: &Config, dir: &Path, force: bool) -> anyhow::Result<Manifest> {
    let database = sqlite_path(config)?;
    let files = local_files(config)?.to_path_buf();
    let manifest: Manifest = serde_json::from_slice(
        &std::fs::read(dir.join(MANIFEST)).context("reading the backup's manifest")?,
    )
    .context("the backup's manifest is unreadable")?;
    if sha256_of(&dir.join(DATABASE))?.1 != manifest.database_sha256 {
        bail!("the backup's database does not match its manifest");
    }
    if counts(&open_copy(&dir.join(DATABASE)).await?).await? != manifest.counts {
        bail!("the backup's database does not hold the rows its manifest counts");
    }
    for (relative, bytes, sha) in &manifest.files {
        if !inside(relative) {
            bail!("the backup's manifest names {relative}, outside the file folder");
        }
        let (found_bytes, found_sha) = sha256_of(&dir.join(FILES).join(relative))?;
        if (found_bytes, &found_sha) != (*bytes, sha) {
            bail!("the backup's file {relative} does not match its manifest");
        }
    }
    if !force && (database.exists() || !is_empty_dir(&files)) {
        bail!(
            "{} or {} already holds data: restore into an empty set-up, or pass --force",
            database.display(),
            files.display()
        );
    }
    if let Some(parent) = database.parent() {
        std::fs::create_dir_all(parent)?;
    }
    // Copied beside the target, then renamed over it: a database is never half written.
    let partial = database.with_extension("restoring");
    std::fs::copy(dir.join(DATABASE), &partial)?;
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", database.display()));
    }
    std::fs::rename(&partial, &database)?;
    for (relative, _, _) in &manifest.files {
        let to = files.join(relative);
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::copy(dir.join(FILES).join(relative), &to)?;
    }
    let db = crate::database::open(config).await?;
    let restored = counts(&db).await?;
    if restored != manifest.counts {
        bail!(
            "the restored database counts {restored:?}, the manifest {:?}",
            manifest.counts
        );
    }
    Ok(manifest)
}
