//! Shared state handed to every handler, page and server function.

use std::sync::Arc;

use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use object_store::ObjectStore;
use sea_orm::DatabaseConnection;

use domain::catalogue_index::CatalogueIndex;
use domain::services::{Services, Shared};

use crate::config::Config;
use crate::mail::Mailer;
use crate::national_id::NationalId;
use crate::page_cache::PageCache;

/// Everything a request may need. Cloning is cheap (handles and `Arc`s); instances keep no
/// per-user state here, so the portal scales out behind a load balancer.
#[derive(Clone, FromRef)]
pub struct AppState {
    /// Leptos's rendering options (site root, output name).
    pub leptos_options: LeptosOptions,
    /// Database pool.
    pub db: DatabaseConnection,
    /// The loaded configuration.
    pub config: Arc<Config>,
    /// What domain services work with: the database (again), where uploaded files live, the
    /// virus scanner for uploads and the wording of notices (see [`AppState::services`]).
    pub shared: Shared,
    /// Outgoing e-mail.
    pub mailer: Arc<Mailer>,
    /// This instance's in-memory catalogue and search index.
    pub catalogue: CatalogueIndex,
    /// Rendered public catalogue pages (see `page_cache`).
    pub page_cache: Arc<PageCache>,
    /// National-identity sign-in: the OpenID Connect client and, in development, the simulator.
    pub national_id: NationalId,
}

impl AppState {
    /// The payment gateway's merchant API for a request being answered (the dossier page asks
    /// it about a waiting payment, "pay again" before abandoning one): a short timeout, since a
    /// person is waiting; `None` when VNPay is not configured.
    pub fn payment_gateway(&self) -> Option<domain::payments::online::Gateway> {
        let config = self.config.vnpay().ok()?;
        let api = crate::vnpay_client::HttpApi::with_timeout(
            self.config.vnpay_api(),
            std::time::Duration::from_secs(4),
        );
        Some(domain::payments::online::Gateway {
            config,
            api: Arc::new(api),
        })
    }

    /// How notices to applicants are worded and where their links point (this site).
    pub fn mailing(&self) -> domain::accounts::Mailing<'_> {
        self.shared.mailing()
    }

    /// The parts domain services work with, lent to one request from `origin` and served now.
    pub fn services<'a>(&'a self, origin: &'a domain::audit::Origin) -> Services<'a> {
        self.shared.services(origin, chrono::Utc::now())
    }

    /// Where uploaded files live.
    pub fn files(&self) -> &dyn ObjectStore {
        self.shared.files.as_ref()
    }

    /// Opens the database, the file store and the mailer described by `config`.
    pub async fn from_config(config: Config) -> anyhow::Result<AppState> {
        let db = domain::db::connect(&config.database_url, config.database_max_connections)
            .await
            .map_err(|e| anyhow::anyhow!("cannot open database_url: {e}"))?;
        Self::with_db(config, db)
    }

    /// Builds the state around an already open database (tests use this).
    pub fn with_db(config: Config, db: DatabaseConnection) -> anyhow::Result<AppState> {
        crate::tls::install_crypto_provider();
        let leptos_options = LeptosOptions::builder()
            .output_name("site")
            .site_root(config.site_root.to_string_lossy().to_string())
            .site_pkg_dir("pkg")
            .site_addr(config.listen_addr)
            .build();
        let files = crate::storage::open(&config)?;
        let mailer = Arc::new(Mailer::from_config(&config)?);
        let catalogue =
            CatalogueIndex::new(std::time::Duration::from_secs(config.catalogue_check_secs));
        let page_cache = Arc::new(PageCache::new(config.page_cache_entries));
        let national_id = NationalId::from_config(&config)?;
        let scanner = crate::storage::virus_scanner(&config)?;
        // Fail at start-up, not at the first payment, when the gateway secret is missing.
        config.vnpay()?;
        let shared = Shared {
            db: db.clone(),
            files,
            scanner,
            base_url: Arc::from(config.public_url.trim_end_matches('/')),
            notices: &app::notices::PortalNotices,
        };
        Ok(AppState {
            shared,
            national_id,
            page_cache,
            leptos_options,
            db,
            config: Arc::new(config),
            mailer,
            catalogue,
        })
    }
}
