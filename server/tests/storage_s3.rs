//! The `s3` storage backend against a real S3-protocol server started by the test: moto's
//! server (PyPI `moto[server]`, installed by `scripts/setup.sh test` into the test virtual
//! environment). The same round trip runs on the `local` backend in `infrastructure.rs`.
//!
//! One test in this file on purpose: it sets the credential variables, which is only safe while
//! no other thread reads the environment.

#[path = "support/store_checks.rs"]
mod store_checks;

use std::error::Error;
use std::process::Command;
use std::time::Duration;

use domain::services::Services;
use domain::testing::services;
use domain::testing::services::{find_program, free_port, require, ServerProcess};
use server::config::{Config, StorageBackend};
use server::storage;

type TestResult = Result<(), Box<dyn Error>>;

const BUCKET: &str = "dichvucong-ho-so";

#[test]
fn s3_backend_stores_large_files_in_a_bucket() -> TestResult {
    let Some(moto_server) = require(
        find_program("moto_server"),
        "moto_server",
        "the PyPI package moto[server] (scripts/requirements-test.txt)",
    )?
    else {
        return Ok(());
    };
    // Credentials come from the environment only; set before any other thread exists. moto
    // accepts any key, but requests are signed as for a real bucket.
    std::env::set_var(storage::S3_ACCESS_KEY_ID_ENV, "portal-test");
    std::env::set_var(storage::S3_SECRET_ACCESS_KEY_ENV, "portal-test-secret");
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?
        .block_on(round_trip_on_moto(&moto_server))
}

async fn round_trip_on_moto(moto_server: &std::path::Path) -> TestResult {
    let dir = tempfile::tempdir()?;
    let port = free_port()?;
    let endpoint = format!("http://127.0.0.1:{port}");
    let mut process = ServerProcess::spawn(
        "moto_server",
        Command::new(moto_server).args(["-H", "127.0.0.1", "-p", &port.to_string()]),
        &dir.path().join("moto.log"),
    )?;
    let http = reqwest::Client::new();
    process
        .wait_until_ready(Duration::from_secs(60), || {
            let request = http.get(format!("{endpoint}/moto-api/")).send();
            async move { request.await.is_ok() }
        })
        .await?;
    // object_store cannot create buckets; moto takes an unsigned CreateBucket.
    let created = http.put(format!("{endpoint}/{BUCKET}")).send().await?;
    assert!(created.status().is_success(), "{created:?}");

    let config = Config {
        storage_backend: StorageBackend::S3,
        s3_bucket: BUCKET.into(),
        s3_endpoint: Some(endpoint.clone()),
        s3_region: "ap-southeast-1".into(),
        s3_allow_http: true,
        ..Config::default()
    };
    config.validate()?;
    let store = storage::open(&config)?;
    let started = std::time::Instant::now();
    store_checks::round_trip(store.as_ref(), "tep-dinh-kem").await?;
    eprintln!("S3 round trip took {:?}", started.elapsed());

    // A citizen's 7 MB scan through the dossier upload path (streamed in multipart parts,
    // hashed, type-checked), then read back whole from the bucket.
    let db = domain::testing::seeded_database(chrono::Utc::now().date_naive()).await?;
    let me = domain::testing::citizen(&db, 7)
        .await
        .map_err(|e| e.to_string())?;
    let origin = domain::testing::origin();
    let draft = domain::dossiers::drafts::start(&db, &me, &origin, "TN.ATTP.001").await?;
    let slot = draft.form.documents[0].key.clone();
    let mut scan = b"%PDF-1.7\n".to_vec();
    scan.resize(7 * 1024 * 1024, b'x');
    let chunks: Vec<std::io::Result<bytes::Bytes>> = scan
        .chunks(256 * 1024)
        .map(|c| Ok(bytes::Bytes::copy_from_slice(c)))
        .collect();
    let attached = domain::dossiers::attachments::upload(
        Services {
            files: store.as_ref(),
            origin: &origin,
            ..services(&db, chrono::Utc::now())
        },
        &me,
        &draft.dossier.id,
        &slot,
        "ban-chup.pdf",
        futures::stream::iter(chunks),
    )
    .await?;
    assert_eq!(attached.file.size, scan.len() as i64);
    let mut back = Vec::new();
    let mut stream = domain::dossiers::attachments::open(store.as_ref(), &attached.file).await?;
    while let Some(chunk) = futures::StreamExt::next(&mut stream).await {
        back.extend_from_slice(&chunk?);
    }
    assert!(back == scan, "the bucket returns the bytes uploaded");

    // A bucket that does not exist is an error, not an empty store.
    let missing = storage::open(&Config {
        s3_bucket: "khong-ton-tai".into(),
        ..config
    })?;
    let err = object_store::ObjectStoreExt::put(
        missing.as_ref(),
        &object_store::path::Path::from("x"),
        object_store::PutPayload::from_static(b"x"),
    )
    .await;
    assert!(err.is_err(), "{err:?}");
    Ok(())
}
