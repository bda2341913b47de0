//! Shared test harness: the whole router over a fresh, seeded database.

pub mod browser;
pub mod live;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::Router;
use domain::testing::services;
use http_body_util::BodyExt;
use tower::ServiceExt;

use server::config::Config;
use server::state::AppState;

/// The demo data is loaded as of this date.
pub fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default()
}

/// A router over a fresh seeded database, with files and mail in a temp folder.
pub struct TestApp {
    /// The router under test.
    pub router: Router,
    /// Its database (to change the catalogue behind its back).
    #[allow(
        dead_code,
        reason = "each test file compiles this module; not all use every field"
    )]
    pub db: sea_orm::DatabaseConnection,
    _dir: tempfile::TempDir,
}

impl TestApp {
    pub async fn new() -> Result<TestApp, Box<dyn std::error::Error>> {
        let db = domain::testing::seeded_database(today()).await?;
        Self::over(db).await
    }

    /// With the demo accounts of `seed/demo/accounts.json` loaded too.
    #[allow(
        dead_code,
        reason = "each test file compiles this module; not all use it"
    )]
    pub async fn with_accounts() -> Result<TestApp, Box<dyn std::error::Error>> {
        let app = Self::new().await?;
        domain::demo_accounts::load(
            &app.db,
            &domain::testing::seed_dir().join("demo/accounts.json"),
        )
        .await?;
        Ok(app)
    }

    /// Another instance over the same database (what a second server behind the balancer sees).
    pub async fn over(
        db: sea_orm::DatabaseConnection,
    ) -> Result<TestApp, Box<dyn std::error::Error>> {
        Self::configured(db, |_| {}).await
    }

    /// Like [`TestApp::over`], with settings changed by `adjust` (e.g. a virus scanner).
    pub async fn configured(
        db: sea_orm::DatabaseConnection,
        adjust: impl FnOnce(&mut Config),
    ) -> Result<TestApp, Box<dyn std::error::Error>> {
        let _ = tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
            .with_test_writer()
            .try_init();
        let dir = tempfile::tempdir()?;
        let config = Config {
            files_dir: dir.path().join("files"),
            outbox_dir: dir.path().join("outbox"),
            site_root: dir.path().join("site"),
            seed_dir: domain::testing::seed_dir(),
            // See other instances' catalogue changes at once.
            catalogue_check_secs: 0,
            ..Config::default()
        };
        let mut config = config;
        adjust(&mut config);
        let state = AppState::with_db(config, db.clone())?;
        server::ops::metrics_handle();
        Ok(TestApp {
            router: server::router::app(state),
            db,
            _dir: dir,
        })
    }

    #[allow(
        dead_code,
        reason = "each test file compiles this module; not all use it"
    )]
    pub async fn get(
        &self,
        uri: &str,
    ) -> Result<(StatusCode, http::HeaderMap, String), Box<dyn std::error::Error>> {
        self.request(Request::get(uri).body(Body::empty())?).await
    }

    /// A GET whose body is kept as bytes (downloads).
    #[allow(dead_code)]
    pub async fn get_bytes(
        &self,
        uri: &str,
    ) -> Result<(StatusCode, http::HeaderMap, Vec<u8>), Box<dyn std::error::Error>> {
        let response = self
            .router
            .clone()
            .oneshot(Request::get(uri).body(Body::empty())?)
            .await?;
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await?.to_bytes();
        Ok((status, headers, bytes.to_vec()))
    }

    pub async fn request(
        &self,
        request: Request<Body>,
    ) -> Result<(StatusCode, http::HeaderMap, String), Box<dyn std::error::Error>> {
        let response = self.router.clone().oneshot(request).await?;
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await?.to_bytes();
        Ok((status, headers, String::from_utf8(bytes.to_vec())?))
    }

    /// The demo citizen (`congdan@…`, given the address drafts take) and one of their
    /// dossiers filed just now (a TN.ATTP.001 draft with every step done, then submitted).
    #[allow(
        dead_code,
        reason = "each test file compiles this module; not all use every helper"
    )]
    pub async fn filed_by_demo_citizen(
        &self,
    ) -> Result<(domain::access::Actor, String), Box<dyn std::error::Error>> {
        use domain::entities::account;
        use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};
        let me = account::Entity::find()
            .filter(account::Column::Email.eq("congdan@dichvucong.localhost"))
            .one(&self.db)
            .await?
            .ok_or("demo citizen")?;
        // The demo citizen's profile has no address yet; drafts take it from there.
        account::Entity::update(account::ActiveModel {
            id: Set(me.id.clone()),
            province_code: Set(Some("80".into())),
            commune_code: Set(Some("25459".into())),
            street: Set(Some("12 Lê Lợi".into())),
            ..Default::default()
        })
        .exec(&self.db)
        .await?;
        let actor = domain::access::Actor::Citizen {
            account_id: me.id.clone(),
            memberships: Vec::new(),
        };
        let id = domain::testing::complete_draft(&self.db, &actor)
            .await
            .map_err(|e| e.to_string())?;
        domain::dossiers::submission::submit(
            services(&self.db, chrono::Utc::now()),
            &actor,
            &id,
            true,
        )
        .await?;
        Ok((actor, id))
    }
}
