//! Operations endpoints: liveness, readiness, Prometheus metrics, and the request-metrics
//! middleware that feeds them.

use std::sync::OnceLock;
use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};
use serde_json::json;

use crate::state::AppState;

pub mod metrics_access;

/// The process-wide Prometheus recorder. `metrics` has one global recorder by design, so it is
/// installed once per process however many routers (tests) are built.
pub fn metrics_handle() -> &'static PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE.get_or_init(|| {
        let recorder = PrometheusBuilder::new().build_recorder();
        let handle = recorder.handle();
        if metrics::set_global_recorder(recorder).is_err() {
            tracing::warn!("a metrics recorder was already installed");
        }
        handle
    })
}

/// `GET /health`: the process is up (no dependencies checked, for liveness probes).
pub async fn health() -> impl IntoResponse {
    Json(json!({ "status": "ok" }))
}

/// `GET /ready`: the database answers; 503 otherwise, so a load balancer stops sending traffic.
/// It also says how text messages go (`sms`: `provider`, `simulator` or `disabled`), so that a
/// production instance running without text messages (`sms_disabled`) shows it.
///
/// `warnings` lists what does not stop the site but needs an administrator (issue 27): each
/// agency and role where a workflow step has nobody active to take it (`staffing_gap`, with the
/// procedures concerned), so dossiers there would wait forever.
pub async fn ready(State(state): State<AppState>) -> Response {
    let sms = crate::sms::mode(&state.config);
    match domain::db::ping(&state.db).await {
        Ok(()) => {
            let mut warnings = staffing_warnings(&state.db).await;
            warnings.extend(calendar_warnings(&state.db).await);
            Json(json!({ "status": "ready", "database": "ok", "sms": sms, "warnings": warnings }))
                .into_response()
        }
        Err(e) => {
            tracing::warn!(error = %e, "readiness check failed");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(json!({ "status": "unavailable", "database": "unreachable", "sms": sms })),
            )
                .into_response()
        }
    }
}

/// The staffing gaps as `/ready` warnings, one per agency and role; a failing query is logged
/// and leaves the list empty (readiness is about serving, not about staffing).
async fn staffing_warnings(db: &domain::db::DatabaseConnection) -> Vec<serde_json::Value> {
    let gaps = match domain::dossiers::workflow::staffing_gaps(db).await {
        Ok(gaps) => gaps,
        Err(e) => {
            tracing::warn!(error = %e, "staffing check failed");
            return Vec::new();
        }
    };
    let mut grouped: std::collections::BTreeMap<(String, &'static str), Vec<String>> =
        std::collections::BTreeMap::new();
    for g in gaps {
        let procedures = grouped.entry((g.agency_code, g.role.code())).or_default();
        if !procedures.contains(&g.procedure_code) {
            procedures.push(g.procedure_code);
        }
    }
    grouped
        .into_iter()
        .map(|((agency, role), procedures)| {
            json!({ "kind": "staffing_gap", "agency": agency, "role": role, "procedures": procedures })
        })
        .collect()
}

/// A year of the holiday calendar that is needed and empty, as a `/ready` warning; a failing
/// query is logged and gives none.
async fn calendar_warnings(db: &domain::db::DatabaseConnection) -> Vec<serde_json::Value> {
    let today = domain::dossiers::codes::vietnam_date(chrono::Utc::now());
    match domain::holidays::years_missing(db, today).await {
        Ok(years) => years
            .into_iter()
            .map(|year| json!({ "kind": "holidays_missing", "year": year }))
            .collect(),
        Err(e) => {
            tracing::warn!(error = %e, "holiday calendar check failed");
            Vec::new()
        }
    }
}

/// `GET /metrics`: Prometheus text format, for the allowed addresses or the token holder only
/// ([`metrics_access`]); anyone else gets 404, as if there were nothing here.
pub async fn metrics(State(state): State<AppState>, request: Request) -> Response {
    let peer = request
        .extensions()
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map(|c| c.0.ip());
    if !metrics_access::allowed(
        &state.config.metrics_allow,
        state.config.metrics_token.as_ref(),
        peer,
        request.headers(),
    ) {
        tracing::warn!(peer = ?peer, "metrics refused");
        return StatusCode::NOT_FOUND.into_response();
    }
    (
        [(
            axum::http::header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        metrics_handle().render(),
    )
        .into_response()
}

/// Counts requests and records their duration by route template (not raw path, which would
/// explode the number of series) and status.
pub async fn track_requests(request: Request, next: Next) -> Response {
    let start = Instant::now();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| "unmatched".to_owned());
    let method = request.method().to_string();
    let response = next.run(request).await;
    let status = response.status().as_u16().to_string();
    let labels = [("method", method), ("route", route), ("status", status)];
    metrics::counter!("http_requests_total", &labels).increment(1);
    metrics::histogram!("http_request_duration_seconds", &labels)
        .record(start.elapsed().as_secs_f64());
    response
}

/// Longest time an upload may take: a 10 MB scan over a slow mobile link needs minutes.
const UPLOAD_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(15 * 60);

/// Answers 408 when a request takes longer than the configured time (uploads get longer).
pub async fn time_limit(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let path = request.uri().path();
    let limit = if path.contains("/tai-len/") || path.ends_with("/files") {
        UPLOAD_TIMEOUT
    } else {
        std::time::Duration::from_secs(state.config.request_timeout_secs)
    };
    match tokio::time::timeout(limit, next.run(request)).await {
        Ok(response) => response,
        Err(_) => StatusCode::REQUEST_TIMEOUT.into_response(),
    }
}
