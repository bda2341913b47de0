//! The embedded defaults of outside systems: e-mail to an outbox folder, files to a local
//! object store, and configuration errors that name the setting.

#[path = "support/store_checks.rs"]
mod store_checks;

use object_store::{path::Path as StorePath, ObjectStoreExt, PutPayload};
use server::config::Config;
use server::mail::Mailer;

type TestResult = Result<(), Box<dyn std::error::Error>>;

#[tokio::test]
async fn outbox_transport_writes_one_eml_file_per_message() -> TestResult {
    let dir = tempfile::tempdir()?;
    let config = Config {
        outbox_dir: dir.path().to_path_buf(),
        ..Config::default()
    };
    let mailer = Mailer::from_config(&config)?;
    mailer
        .send_text(
            "cong.dan@example.vn",
            "Hồ sơ đã được tiếp nhận",
            "Nội dung thử",
        )
        .await?;
    let files: Vec<_> = std::fs::read_dir(dir.path())?
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "eml"))
        .collect();
    assert_eq!(files.len(), 1);
    let text = std::fs::read_to_string(files[0].path())?;
    assert!(text.contains("To: cong.dan@example.vn"), "{text}");
    assert!(mailer.send_text("not an address", "x", "y").await.is_err());
    Ok(())
}

#[tokio::test]
async fn local_object_store_keeps_files_under_files_dir() -> TestResult {
    let dir = tempfile::tempdir()?;
    let config = Config {
        files_dir: dir.path().join("files"),
        ..Config::default()
    };
    let store = server::storage::open(&config)?;
    let path = StorePath::from("dossiers/test/giay-to.pdf");
    store
        .put(&path, PutPayload::from_static(b"%PDF-1.7 test"))
        .await?;
    let bytes = store.get(&path).await?.bytes().await?;
    assert_eq!(&bytes[..], b"%PDF-1.7 test");
    assert!(dir.path().join("files/dossiers/test/giay-to.pdf").exists());
    // The round trip the S3 backend passes too (tests/storage_s3.rs).
    store_checks::round_trip(store.as_ref(), "tep-dinh-kem").await?;
    Ok(())
}

#[test]
fn a_missing_config_file_is_named() {
    let err = Config::load(Some(std::path::Path::new("/nonexistent/portal.toml")))
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.contains("/nonexistent/portal.toml"), "{err}");
}

#[test]
fn a_config_file_overrides_defaults() -> TestResult {
    let dir = tempfile::tempdir()?;
    let file = dir.path().join("portal.toml");
    std::fs::write(
        &file,
        "listen_addr = \"127.0.0.1:8088\"\nlog_format = \"json\"\n",
    )?;
    let config = Config::load(Some(&file))?;
    assert_eq!(config.listen_addr.port(), 8088);
    assert_eq!(config.log_format, server::config::LogFormat::Json);
    std::fs::write(&file, "listen_adr = \"127.0.0.1:8088\"\n")?;
    let err = Config::load(Some(&file))
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        err.contains("listen_adr"),
        "unknown keys are refused by name: {err}"
    );
    Ok(())
}
