//! Opening the configured database for the command line and the benchmarks (the SQLite file's
//! folder created first), in one place both use.

use crate::config::Config;

/// Connects to `database_url`, creating a SQLite file's folder when it is missing.
pub async fn open(config: &Config) -> anyhow::Result<sea_orm::DatabaseConnection> {
    if let Some(path) = config
        .database_url
        .strip_prefix("sqlite://")
        .map(|p| p.split('?').next().unwrap_or(p))
    {
        if let Some(parent) = std::path::Path::new(path).parent() {
            if !parent.as_os_str().is_empty() {
                std::fs::create_dir_all(parent)?;
            }
        }
    }
    domain::db::connect(&config.database_url, config.database_max_connections)
        .await
        .map_err(|e| anyhow::anyhow!("cannot open database_url: {e}"))
}
