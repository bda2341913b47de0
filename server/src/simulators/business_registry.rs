//! The national business registry's simulator (outside production), speaking the protocol of
//! `crate::business_registry` from seed data:
//!
//! - `GET /gia-lap/dang-ky-kinh-doanh/api/doanh-nghiep/{tax_code}`: the JSON the portal reads
//!   (404 when no business has that tax code).
//! - `GET /gia-lap/dang-ky-kinh-doanh/{tax_code}`: the same record as a page, for people.
//!
//! The records come from `seed/demo/business_registry.json`.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use domain::organisations::registry::{RecordedRegistry, SEED_FILE};

use crate::business_registry::LOOKUP;

/// Every route of the simulator (method, path below its `MOUNT`).
pub const PATHS: &[(&str, &str)] = &[("GET", LOOKUP), ("GET", "/{tax_code}")];

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
                crate::html::escape(&r.tax_code),
                crate::html::escape(&r.name),
                crate::html::escape(&r.representative_name),
            ),
        ),
        None => (
            StatusCode::NOT_FOUND,
            format!(
                "<p role=\"alert\">Không có doanh nghiệp mã số {}.</p>",
                crate::html::escape(&tax_code)
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
