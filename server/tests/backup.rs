//! `portal backup` / `portal restore` round trip (issue 26, point 8) on the embedded set-up: a
//! SQLite file and a local file folder holding a dossier with a signed result. After a backup
//! and a restore into an empty set-up, the dossiers are there, the result's file is the same
//! and its signature verifies as the issued document. A restore refuses a set-up that holds
//! data, and a backup whose file was altered. (SQLite-only by design: PostgreSQL and S3 are
//! backed up with their own tools, which the commands name.)

use std::path::Path;

use bytes::Bytes;
use chrono::Utc;
use domain::access::Role;
use domain::dossiers::lifecycle::Transition;
use domain::dossiers::processing::Command;
use domain::results::{self, FileVerdict};
use domain::services::Services;
use domain::testing::{self, services, staff};
use object_store::local::LocalFileSystem;
use object_store::ObjectStoreExt;
use server::config::{Config, StorageBackend};

type TestResult = Result<(), Box<dyn std::error::Error + Send + Sync>>;

const DEPT: &str = "000.00.12.H53";
const DESK: &str = "000.00.02.H53";

fn embedded(root: &Path) -> Config {
    Config {
        database_url: format!("sqlite://{}?mode=rwc", root.join("var/portal.db").display()),
        files_dir: root.join("var/files"),
        storage_backend: StorageBackend::Local,
        seed_dir: testing::seed_dir(),
        ..Config::default()
    }
}

fn message(e: anyhow::Error) -> String {
    format!("{e:#}")
}

#[tokio::test]
async fn a_backup_restores_the_dossiers_files_and_signed_results() -> TestResult {
    let live = tempfile::tempdir()?;
    let config = embedded(live.path());
    std::fs::create_dir_all(&config.files_dir)?;
    let db = server::database::open(&config).await.map_err(message)?;
    domain::db::migrate(&db).await?;
    domain::reference_data::load_seed_dir(&db, &config.seed_dir, Utc::now().date_naive()).await?;
    let store = LocalFileSystem::new_with_prefix(&config.files_dir)?;

    // A dossier with a result signed by the department, its file in the local folder.
    let now = Utc::now();
    let clerk = staff(&db, "Phạm Văn Dũng", DESK, &[Role::IntakeClerk]).await?;
    let specialist = staff(&db, "Đặng Thu Hà", DEPT, &[Role::Specialist]).await?;
    let leader = staff(&db, "Võ Minh Hải", DEPT, &[Role::Leader]).await?;
    let (_, id) = testing::filed(&db, 1, now).await?;
    testing::act_all(
        &db,
        &id,
        &[
            (&clerk, Transition::Accept),
            (&specialist, Transition::Assign),
        ],
        now,
    )
    .await?;
    let on_disk = |db| Services {
        files: &store,
        ..services(db, now)
    };
    let pdf = Bytes::from(domain::receipt_pdf::render(
        &domain::receipt_pdf::ReceiptDocument::default(),
    )?);
    results::upload(on_disk(&db), &specialist, &id, "kq.pdf", pdf).await?;
    testing::act_all(&db, &id, &[(&specialist, Transition::Forward)], now).await?;
    results::approve(on_disk(&db), &leader, &id, &Command::default()).await?;
    let result = results::of_dossier(&db, &id).await?.ok_or("result")?;
    let key = result.signed_key.clone().ok_or("signed")?;
    let signed = store
        .get(&object_store::path::Path::from(key.as_str()))
        .await?
        .bytes()
        .await?;

    // Backed up while the portal could be serving.
    let kept = tempfile::tempdir()?;
    let backup_dir = kept.path().join("2026-12-07");
    let manifest = server::backup::backup(&config, &backup_dir)
        .await
        .map_err(message)?;
    assert!(
        manifest.files.iter().any(|(path, _, _)| path == &key),
        "{:?}",
        manifest.files
    );
    assert!(manifest
        .counts
        .iter()
        .any(|(t, n)| t == "dossier" && *n >= 1));
    assert!(
        server::backup::backup(&config, &backup_dir).await.is_err(),
        "never into a folder that holds a backup"
    );

    // Restored into an empty set-up: the same dossiers, file and a signature that verifies.
    let fresh = tempfile::tempdir()?;
    let restored_config = embedded(fresh.path());
    let restored = server::backup::restore(&restored_config, &backup_dir, false)
        .await
        .map_err(message)?;
    assert_eq!(restored, manifest);
    let db2 = server::database::open(&restored_config)
        .await
        .map_err(message)?;
    let store2 = LocalFileSystem::new_with_prefix(&restored_config.files_dir)?;
    let copy = store2
        .get(&object_store::path::Path::from(key.as_str()))
        .await?
        .bytes()
        .await?;
    assert_eq!(copy, signed, "the signed result's file is the same");
    let checked = results::verify(&db2, &result.id, Some(&copy)).await?;
    assert_eq!(checked.file, Some(FileVerdict::Genuine));
    assert_eq!(
        results::of_dossier(&db2, &id).await?.map(|r| r.id),
        Some(result.id.clone())
    );

    // A set-up that holds data is not overwritten without --force.
    let refused = server::backup::restore(&restored_config, &backup_dir, false).await;
    assert!(
        refused.is_err_and(|e| message(e).contains("already holds data")),
        "a restore never overwrites data unasked"
    );
    // An altered backup is refused before anything is written.
    std::fs::write(backup_dir.join("files").join(&key), b"altered")?;
    let other = tempfile::tempdir()?;
    let altered = server::backup::restore(&embedded(other.path()), &backup_dir, false).await;
    assert!(
        altered.is_err_and(|e| message(e).contains("does not match")),
        "an altered file is found"
    );
    assert!(
        !other.path().join("var/portal.db").exists(),
        "nothing written"
    );
    Ok(())
}
