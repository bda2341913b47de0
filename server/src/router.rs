//! The whole HTTP surface in one [`app`] function, so tests drive it in-process exactly as the
//! binary serves it.

use std::sync::Arc;

use axum::http::{header, HeaderName, HeaderValue, Request};
use axum::response::Html;
use axum::routing::get;
use axum::{Json, Router};
use leptos::prelude::provide_context;
use leptos_axum::{generate_route_list, LeptosRoutes};
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::{CompressionLayer, CompressionLevel};
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeader;
use tower_http::trace::TraceLayer;

use app::{shell, App};

use crate::state::AppState;

/// The built wasm, JS and CSS, with their brotli/gzip copies. Their names do not change between
/// releases, so browsers revalidate them (cheaply, with `Last-Modified`) instead of caching blind.
fn static_files(
    dir: &std::path::Path,
) -> tower_http::set_header::SetResponseHeader<ServeDir, HeaderValue> {
    SetResponseHeader::overriding(
        ServeDir::new(dir).precompressed_br().precompressed_gzip(),
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=0, must-revalidate"),
    )
}

/// Header carrying the request id (set here unless a proxy already set one).
pub const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// The pages' routes, generated once per process.
///
/// Generating them runs the app with resource loading suppressed through a process-wide flag of
/// `leptos_server` (leptos-rs/leptos#4773): a resource first polled while another router is
/// being built would wait forever. Servers build one router before serving, but tests and
/// benchmarks build many concurrently, so the list is made once and copied.
fn route_list() -> Vec<leptos_axum::AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<leptos_axum::AxumRouteListing>> =
        std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// Builds the router: operations endpoints, the JSON API and its documentation, the language
/// switch, the Leptos pages and server functions, and static files, with the shared layers.
pub fn app(state: AppState) -> Router {
    let (api_router, openapi) = crate::api::routes();
    let openapi_json = Arc::new(serde_json::to_value(&openapi).unwrap_or_default());
    let docs_html = Arc::new(crate::api::docs_page::render(&openapi_json));

    let db = state.db.clone();
    let catalogue = state.catalogue.clone();
    let shared = state.shared.clone();
    let settings = app::session::SiteSettings {
        base_url: state.config.public_url.trim_end_matches('/').to_owned(),
        secure_cookies: state.config.secure_cookies(),
        session_policy: state.config.session_policy(),
        transfer_account: state.config.vietqr_beneficiary(),
    };
    let gateway = state.payment_gateway();
    let page_context = move || {
        // This response's CSP nonce, on every inline script.
        crate::security_headers::provide_page_nonce();
        provide_context(db.clone());
        provide_context(catalogue.clone());
        provide_context(settings.clone());
        provide_context(shared.clone());
        if let Some(gateway) = &gateway {
            provide_context(gateway.clone());
        }
    };
    let leptos_options = state.leptos_options.clone();
    let pages = Router::new()
        .leptos_routes_with_context(&state, route_list(), page_context.clone(), {
            let options = leptos_options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(page_context, shell));

    let router = Router::new()
        .route("/health", get(crate::ops::health))
        .route("/ready", get(crate::ops::ready))
        .route("/metrics", get(crate::ops::metrics))
        .route("/lang/{code}", get(crate::language::switch_language))
        .route(
            "/api/openapi.json",
            get(move || {
                let doc = openapi_json.clone();
                async move { Json((*doc).clone()) }
            }),
        )
        .route(
            "/api-docs",
            get(move || {
                let html = docs_html.clone();
                async move { Html((*html).clone()) }
            }),
        )
        .merge(api_router)
        .merge(crate::routes::all())
        .nest_service("/pkg", static_files(&state.config.site_root.join("pkg")))
        .route_service(
            "/favicon.svg",
            ServeFile::new(state.config.site_root.join("favicon.svg")),
        );
    // The simulators of the outside systems: never in production, and not even compiled into
    // a production build (see `simulators`).
    #[cfg(feature = "simulators")]
    let router = crate::simulators::mount(router, &state);
    router
        .merge(pages)
        // What a refused form's reader typed comes back with the page (forms post without
        // script).
        .layer(axum::middleware::from_fn_with_state(
            crate::form_memory::Secure(state.config.secure_cookies()),
            crate::form_memory::keep,
        ))
        // Authentication inside the page cache: an anonymous visitor's cached catalogue page is
        // answered before any session or CSRF work (the cache never stores cookies).
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            crate::auth::authenticate,
        ))
        .layer(axum::middleware::from_fn(crate::ops::track_requests))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            crate::ops::time_limit,
        ))
        .layer(CatchPanicLayer::new())
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|request: &Request<_>| {
                    let id = request
                        .headers()
                        .get(&REQUEST_ID)
                        .and_then(|v| v.to_str().ok())
                        .unwrap_or("-");
                    tracing::info_span!(
                        "request",
                        request_id = %id,
                        method = %request.method(),
                        path = %request.uri().path(),
                    )
                })
                .on_response(
                    tower_http::trace::DefaultOnResponse::new().level(tracing::Level::INFO),
                ),
        )
        .layer(PropagateRequestIdLayer::new(REQUEST_ID))
        .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
        // CSP with a nonce per response, and the other security headers, on everything below.
        .layer(axum::middleware::from_fn_with_state(
            crate::security_headers::Hsts(
                state.config.environment == crate::config::Environment::Production,
            ),
            crate::security_headers::apply,
        ))
        // A cached public page is answered before any other layer runs (with a fresh nonce).
        .layer(axum::middleware::from_fn_with_state(
            crate::page_cache::CacheState {
                page_cache: state.page_cache.clone(),
                catalogue: state.catalogue.clone(),
                db: state.db.clone(),
            },
            crate::page_cache::serve,
        ))
        // Outermost, so that the page cache keeps pages uncompressed and can put a fresh nonce
        // in each copy. Brotli's default quality (11) costs milliseconds per page; 4 compresses
        // HTML nearly as well for a fraction of the CPU. Static files are precompressed at
        // build time (and never compressed twice).
        .layer(CompressionLayer::new().quality(CompressionLevel::Precise(4)))
        .with_state(state)
}
