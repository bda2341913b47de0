//! Uploaded files (tệp đính kèm hồ sơ): where they are stored, through `object_store`, and how
//! they are checked for malware.
//!
//! The backend is a configuration choice: a local folder by default, or a bucket of Amazon S3 or
//! an S3-compatible server shared by every instance. The rest of the portal sees only
//! `Arc<dyn ObjectStore>`.

use std::sync::Arc;
use std::time::Duration;

use domain::antivirus::{Clamd, NoScanner, VirusScanner};
use object_store::aws::AmazonS3Builder;
use object_store::local::LocalFileSystem;
use object_store::ObjectStore;

use crate::config::{Config, StorageBackend};

/// Access key id of the `s3` backend (read from the environment only, never from a file).
pub const S3_ACCESS_KEY_ID_ENV: &str = "PORTAL_S3_ACCESS_KEY_ID";
/// Secret access key of the `s3` backend (read from the environment only, never from a file).
pub const S3_SECRET_ACCESS_KEY_ENV: &str = "PORTAL_S3_SECRET_ACCESS_KEY";

/// Opens the configured store: the `files_dir` folder (created if needed) or the S3 bucket.
pub fn open(config: &Config) -> anyhow::Result<Arc<dyn ObjectStore>> {
    match config.storage_backend {
        StorageBackend::Local => open_local(config),
        StorageBackend::S3 => open_s3(config),
    }
}

fn open_local(config: &Config) -> anyhow::Result<Arc<dyn ObjectStore>> {
    std::fs::create_dir_all(&config.files_dir)
        .map_err(|e| anyhow::anyhow!("files_dir {}: {e}", config.files_dir.display()))?;
    let store = LocalFileSystem::new_with_prefix(&config.files_dir)
        .map_err(|e| anyhow::anyhow!("files_dir {}: {e}", config.files_dir.display()))?;
    tracing::info!(backend = "local", dir = %config.files_dir.display(), "file storage");
    Ok(Arc::new(store))
}

/// The S3 bucket. Credentials: `PORTAL_S3_ACCESS_KEY_ID` and `PORTAL_S3_SECRET_ACCESS_KEY` when
/// set; otherwise object_store's standard AWS chain (`AWS_ACCESS_KEY_ID`,
/// `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`, web identity, container or instance roles).
/// Bucket, region and endpoint always come from the configuration.
fn open_s3(config: &Config) -> anyhow::Result<Arc<dyn ObjectStore>> {
    crate::tls::install_crypto_provider();
    let key_id = std::env::var(S3_ACCESS_KEY_ID_ENV).ok();
    let secret = std::env::var(S3_SECRET_ACCESS_KEY_ENV).ok();
    let mut builder = match (key_id, secret) {
        (Some(key_id), Some(secret)) => AmazonS3Builder::new()
            .with_access_key_id(key_id)
            .with_secret_access_key(secret),
        (None, None) => AmazonS3Builder::from_env(),
        _ => anyhow::bail!(
            "set both {S3_ACCESS_KEY_ID_ENV} and {S3_SECRET_ACCESS_KEY_ENV}, or neither"
        ),
    };
    builder = builder
        .with_bucket_name(&config.s3_bucket)
        .with_region(&config.s3_region)
        .with_allow_http(config.s3_allow_http);
    if let Some(endpoint) = &config.s3_endpoint {
        builder = builder.with_endpoint(endpoint);
    }
    let store = builder
        .build()
        .map_err(|e| anyhow::anyhow!("s3 storage (bucket {}): {e}", config.s3_bucket))?;
    tracing::info!(
        backend = "s3",
        bucket = %config.s3_bucket,
        endpoint = config.s3_endpoint.as_deref().unwrap_or("Amazon S3"),
        "file storage"
    );
    Ok(Arc::new(store))
}

/// The configured virus scanner: clamd at `clamd_address`, or [`NoScanner`] when unset.
pub fn virus_scanner(config: &Config) -> anyhow::Result<Arc<dyn VirusScanner>> {
    Ok(match &config.clamd_address {
        Some(address) => Arc::new(
            Clamd::new(address, Duration::from_secs(config.virus_scan_timeout_secs))
                .map_err(|e| anyhow::anyhow!("clamd_address: {e}"))?,
        ),
        None => Arc::new(NoScanner),
    })
}
