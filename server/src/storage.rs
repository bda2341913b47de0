//! File storage through `object_store`: a local folder by default; an S3-compatible bucket in
//! production is a configuration change once that backend is enabled.

use std::sync::Arc;

use object_store::local::LocalFileSystem;
use object_store::ObjectStore;

use crate::config::Config;

/// Opens the configured store, creating the local folder if needed.
pub fn open(config: &Config) -> anyhow::Result<Arc<dyn ObjectStore>> {
    std::fs::create_dir_all(&config.files_dir)
        .map_err(|e| anyhow::anyhow!("files_dir {}: {e}", config.files_dir.display()))?;
    let store = LocalFileSystem::new_with_prefix(&config.files_dir)
        .map_err(|e| anyhow::anyhow!("files_dir {}: {e}", config.files_dir.display()))?;
    Ok(Arc::new(store))
}
