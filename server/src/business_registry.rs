//! The national business registry over HTTP (`domain::organisations::registry`), and its local
//! simulator (outside production) speaking the same protocol from seed data:
//!
//! - `GET /gia-lap/dang-ky-kinh-doanh/api/doanh-nghiep/{tax_code}`: the JSON the portal reads
//!   (404 when no business has that tax code).
//! - `GET /gia-lap/dang-ky-kinh-doanh/{tax_code}`: the same record as a page, for people.
//!
//! The records come from `seed/demo/business_registry.json`. After a national-identity sign-in
//! the portal asks the registry about the organisations the account represents
//! ([`after_national_id_sign_in`]).

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use domain::organisations::registry::{
    BusinessRegistry, RecordedRegistry, RegisteredBusiness, RegistryError, SEED_FILE,
};
use futures::future::BoxFuture;

use crate::config::{Config, Environment};
use crate::state::AppState;

/// Where the simulator is mounted (outside production only).
pub const MOUNT: &str = "/gia-lap/dang-ky-kinh-doanh";
/// The JSON lookup below [`MOUNT`]; the registry's API base is `{MOUNT}/api`.
const LOOKUP: &str = "/api/doanh-nghiep/{tax_code}";
/// Every route of the simulator (method, path below [`MOUNT`]).
pub const PATHS: &[(&str, &str)] = &[("GET", LOOKUP), ("GET", "/{tax_code}")];

/// Calls the registry's API at `base` (`GET {base}/doanh-nghiep/{tax_code}`).
#[derive(Clone, Debug)]
pub struct HttpBusinessRegistry {
    base: String,
    client: reqwest::Client,
}

impl HttpBusinessRegistry {
    /// A client of the API whose base is `base`.
    pub fn new(base: &str) -> HttpBusinessRegistry {
        HttpBusinessRegistry {
            base: base.trim_end_matches('/').to_owned(),
            client: reqwest::Client::builder()
                .timeout(std::time::Duration::from_secs(10))
                .build()
                .unwrap_or_default(),
        }
    }

    /// The registry the configuration names: `business_registry_url`, else the simulator
    /// outside production; none in production without a URL (then only desk clerks verify).
    pub fn from_config(config: &Config) -> Option<HttpBusinessRegistry> {
        match (&config.business_registry_url, config.environment) {
            (Some(url), _) => Some(HttpBusinessRegistry::new(url)),
            (None, Environment::Production) => None,
            (None, _) => Some(HttpBusinessRegistry::new(&format!(
                "{}{MOUNT}/api",
                config.public_url.trim_end_matches('/')
            ))),
        }
    }
}

impl BusinessRegistry for HttpBusinessRegistry {
    fn lookup<'a>(
        &'a self,
        tax_code: &'a str,
    ) -> BoxFuture<'a, Result<Option<RegisteredBusiness>, RegistryError>> {
        Box::pin(async move {
            let digits: String = tax_code.chars().filter(char::is_ascii_digit).collect();
            let response = self
                .client
                .get(format!("{}/doanh-nghiep/{digits}", self.base))
                .send()
                .await
                .map_err(|e| RegistryError::Unavailable(format!("unreachable: {e}")))?;
            match response.status() {
                reqwest::StatusCode::NOT_FOUND => Ok(None),
                s if s.is_success() => response
                    .json::<RegisteredBusiness>()
                    .await
                    .map(Some)
                    .map_err(|e| RegistryError::Unavailable(format!("answer unreadable: {e}"))),
                s => Err(RegistryError::Unavailable(format!("answered {s}"))),
            }
        })
    }
}

/// The seam called by `national_id::complete` once the national identity signed `account_id`
/// in with `citizen_id`: the organisations this account represents are verified when the
/// registry names it their legal representative. Never fails the sign-in.
pub async fn after_national_id_sign_in(
    state: &AppState,
    account_id: &str,
    citizen_id: Option<&str>,
    origin: &domain::audit::Origin,
) {
    let (Some(citizen_id), Some(registry)) =
        (citizen_id, HttpBusinessRegistry::from_config(&state.config))
    else {
        return;
    };
    match domain::organisations::verify_by_representative(
        &state.db,
        &registry,
        account_id,
        citizen_id,
        origin,
        chrono::Utc::now(),
    )
    .await
    {
        Ok(verified) if !verified.is_empty() => {
            tracing::info!(account = %account_id, ?verified, "organisations verified by their representative");
        }
        Ok(_) => {}
        Err(error) => tracing::warn!(%error, "organisation verification failed"),
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

async fn lookup(
    State(sim): State<Arc<RecordedRegistry>>,
    Path(tax_code): Path<String>,
) -> Response {
    match sim.find(&tax_code) {
        Some(record) => Json(record.clone()).into_response(),
        None => (
            StatusCode::NOT_FOUND,
            Json(serde_json::json!({ "code": "not_found" })),
        )
            .into_response(),
    }
}

/// The record as a page. The tax code comes from the path, so it is escaped like every value.
async fn page(State(sim): State<Arc<RecordedRegistry>>, Path(tax_code): Path<String>) -> Response {
    let (status, body) = match sim.find(&tax_code) {
        Some(r) => (
            StatusCode::OK,
            format!(
                "<dl><dt>Mã số doanh nghiệp</dt><dd>{}</dd><dt>Tên doanh nghiệp</dt><dd>{}</dd>\
                 <dt>Người đại diện theo pháp luật</dt><dd>{}</dd></dl>",
                escape(&r.tax_code),
                escape(&r.name),
                escape(&r.representative_name),
            ),
        ),
        None => (
            StatusCode::NOT_FOUND,
            format!(
                "<p role=\"alert\">Không có doanh nghiệp mã số {}.</p>",
                escape(&tax_code)
            ),
        ),
    };
    let html = format!(
        "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>Đăng ký kinh doanh (giả lập)</title></head><body><main>\
         <p>Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp — giả lập (simulator)</p>\
         <h1>Tra cứu doanh nghiệp</h1>{body}</main></body></html>"
    );
    (status, Html(html)).into_response()
}

/// The simulator's routes, nested under [`MOUNT`], answering from the seed file in
/// `seed_dir` (none: an empty registry).
pub fn routes<S: Clone + Send + Sync + 'static>(seed_dir: &std::path::Path) -> Router<S> {
    let records = RecordedRegistry::load(&seed_dir.join(SEED_FILE)).unwrap_or_else(|e| {
        tracing::warn!(error = %e, "business registry simulator has no records");
        RecordedRegistry::default()
    });
    Router::new()
        .route(LOOKUP, get(lookup))
        .route("/{tax_code}", get(page))
        .with_state(Arc::new(records))
}
