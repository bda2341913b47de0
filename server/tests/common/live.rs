//! The whole portal served on a real loopback port, for tests whose client must speak HTTP
//! over the network (the national-identity client fetches discovery and exchanges codes; the
//! business registry is called by URL; redirects and cookies are read as a browser reads them).
#![allow(
    dead_code,
    reason = "each test file compiles this module; not all of them serve the portal live"
)]

use std::error::Error;

use server::config::Config;
use server::state::AppState;

/// A portal listening on `127.0.0.1`, its `public_url` pointing at itself.
pub struct Served {
    /// `http://127.0.0.1:<port>`.
    pub base: String,
    /// A client that never follows redirects, so each hop can be checked.
    pub http: reqwest::Client,
    /// The portal's database (fresh and migrated, no seed data).
    pub db: sea_orm::DatabaseConnection,
    /// Files and mail; removed when dropped.
    pub dir: tempfile::TempDir,
}

/// Serves the router over a fresh database with settings changed by `change`.
pub async fn serve(change: impl FnOnce(&mut Config)) -> Result<Served, Box<dyn Error>> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let base = format!("http://{}", listener.local_addr()?);
    let dir = tempfile::tempdir()?;
    let db = domain::testing::fresh_database().await?;
    let mut config = Config {
        public_url: base.clone(),
        files_dir: dir.path().join("files"),
        outbox_dir: dir.path().join("outbox"),
        site_root: dir.path().join("site"),
        seed_dir: domain::testing::seed_dir(),
        catalogue_check_secs: 0,
        ..Config::default()
    };
    change(&mut config);
    let state = AppState::with_db(config, db.clone())?;
    server::ops::metrics_handle();
    let app = server::router::app(state);
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()?;
    Ok(Served {
        base,
        http,
        db,
        dir,
    })
}
