//! Authentication and CSRF protection for every request.
//!
//! - A `sid` cookie is resolved to its database session (any instance can serve it); an
//!   `Authorization: Bearer` header to an API client. The result is a
//!   [`app::session::RequestContext`] in the request's extensions.
//! - Every state-changing request (POST, PUT, PATCH, DELETE) made by a browser must carry the
//!   CSRF token: in the `x-csrf-token` header or the `csrf_token` field of a URL-encoded form
//!   (of the query string for a multipart upload, whose body is not read here).
//!   Signed in, the token is the session's own (synchronizer token); before sign-in it must
//!   equal the `csrf` cookie (double submit). A cross-site `Origin` is refused outright. Calls
//!   authenticated by a bearer token alone carry no cookie and need no CSRF token.

use std::net::SocketAddr;

use axum::body::Body;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use app::session::{cookie, RequestContext, CSRF_COOKIE, CSRF_FIELD, CSRF_HEADER, SESSION_COOKIE};
use domain::access::Actor;
use domain::audit::Origin;
use domain::secrets;

use crate::state::AppState;

/// Largest URL-encoded form body read to find the CSRF field.
const MAX_FORM: usize = 1024 * 1024;

/// Read-only server functions (POST by Leptos convention, but they change nothing). Those that
/// write anything as a side effect are not here and carry the token: `staff_dossier` records the
/// visit in the access log, `lookup` counts failures against guessing.
const READ_ONLY_POSTS: [&str; 21] = [
    "/api/ui/reconciliations",
    "/api/ui/failed_messages",
    "/api/ui/verification",
    "/api/ui/staff_queue",
    "/api/ui/holidays",
    "/api/ui/desk_intake",
    "/api/ui/workflow",
    "/api/ui/dossier_start",
    "/api/ui/dossier",
    "/api/ui/my_dossiers",
    "/api/ui/api_tokens",
    "/api/ui/organisations",
    "/api/ui/viewer",
    "/api/ui/profile",
    "/api/ui/communes",
    "/api/ui/staff",
    "/api/ui/audit",
    "/api/ui/home",
    "/api/ui/catalogue",
    "/api/ui/group",
    "/api/ui/procedure",
];

/// Paths whose callers are other systems, not this site's pages: the national-identity
/// simulator plays another site and checks its own protocol.
fn csrf_exempt(path: &str) -> bool {
    path.starts_with("/gia-lap/")
        || SIGNED_NOTICES.contains(&path)
        || READ_ONLY_POSTS.contains(&path)
}

/// Other systems' notices, posted server to server with no cookie and trusted only through
/// their HMAC signature: the postal carrier's status updates (`domain::postal::carrier`) and
/// the bank's credit notices (`domain::payments::vietqr`) and payout results
/// (`domain::payments::payouts`).
const SIGNED_NOTICES: [&str; 3] = [
    "/buu-chinh/webhook",
    "/thanh-toan/vietqr/thong-bao",
    "/thanh-toan/chi-ho/ket-qua",
];

/// Requests that carry no portal identity: static files, probes, and the simulators (they
/// play other sites with their own credentials) — except the SMS simulator's message list,
/// which answers a signed-in system administrator only.
fn skip(path: &str) -> bool {
    (path.starts_with("/gia-lap/") && path != crate::sms::MESSAGES_PATH)
        || path.starts_with("/pkg/")
        || path == "/health"
        || path == "/ready"
        || path == "/metrics"
        || path == "/favicon.svg"
}

pub use app::session::cookie_value;

/// Client address (the right-most `X-Forwarded-For` hop that is not a trusted proxy, see
/// [`crate::forwarded`]) and browser.
pub fn client_origin(request: &Request, trusted: &crate::forwarded::TrustedProxies) -> Origin {
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip());
    let hops = request
        .headers()
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok());
    Origin {
        ip: trusted.client_ip(peer, hops).map(|ip| ip.to_string()),
        user_agent: request
            .headers()
            .get(header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .map(|v| v.chars().take(255).collect()),
    }
}

fn refuse(status: StatusCode, code: &str, message: &str) -> Response {
    let body = serde_json::json!({ "code": code, "message": message, "fields": [] });
    (status, axum::Json(body)).into_response()
}

/// True when an `Origin` header names another site than the request's `Host`.
fn cross_site(headers: &HeaderMap) -> bool {
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let origin_host = origin.split_once("://").map(|(_, h)| h).unwrap_or(origin);
    origin == "null" || origin_host != host
}

/// Middleware: resolves who is asking, enforces CSRF, and keeps the CSRF cookie set.
pub async fn authenticate(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    if skip(&path) {
        return next.run(request).await;
    }
    let (mut parts, body) = request.into_parts();
    let origin = client_origin(
        &Request::from_parts(parts.clone(), Body::empty()),
        &state.config.trust_forwarded_for,
    );
    let policy = state.config.session_policy();
    let bearer = parts
        .headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::to_owned);
    let session_token = cookie_value(&parts.headers, SESSION_COOKIE);
    let mut actor = Actor::Anonymous;
    let mut account = None;
    let mut session_csrf = None;
    let mut stale_session = false;
    if let Some(token) = &bearer {
        match domain::api_tokens::authenticate(&state.db, token).await {
            Ok(client) => actor = client,
            Err(domain::DomainError::Unauthorized) => {
                return refuse(
                    StatusCode::UNAUTHORIZED,
                    "unauthorized",
                    "Mã truy cập (API token) không hợp lệ, đã bị thu hồi hoặc hết hạn.",
                )
            }
            Err(e) => {
                tracing::error!(error = %e, "API token check failed");
                return refuse(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "internal",
                    "Hệ thống đang bận, vui lòng thử lại.",
                );
            }
        }
    } else if let Some(token) = &session_token {
        match domain::sessions::resume(&state.db, token, policy).await {
            Ok(Some(current)) => {
                actor = current.actor;
                session_csrf = Some(current.csrf_token);
                account = Some(current.account);
            }
            Ok(None) => stale_session = true,
            Err(e) => {
                tracing::error!(error = %e, "session lookup failed");
                return refuse(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "internal",
                    "Hệ thống đang bận, vui lòng thử lại.",
                );
            }
        }
    }
    let cookie_csrf = cookie_value(&parts.headers, CSRF_COOKIE);
    let unsafe_method = !matches!(parts.method, Method::GET | Method::HEAD | Method::OPTIONS);
    let browser_call = bearer.is_none() || session_token.is_some();
    let mut body = body;
    if unsafe_method && browser_call && !csrf_exempt(&path) {
        if cross_site(&parts.headers) {
            return refuse(
                StatusCode::FORBIDDEN,
                "csrf",
                "Yêu cầu đến từ trang web khác nên bị từ chối.",
            );
        }
        let mut presented = parts
            .headers
            .get(CSRF_HEADER)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let is_form = parts
            .headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
        let is_multipart = parts
            .headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("multipart/form-data"));
        if presented.is_none() && is_multipart {
            // A file upload without JavaScript: the body is streamed to storage and never read
            // here, so the form carries its token in the action's query string instead.
            presented = parts
                .uri
                .query()
                .and_then(|q| form_field(q.as_bytes(), CSRF_FIELD));
        }
        if presented.is_none() && is_form {
            let Ok(bytes) = axum::body::to_bytes(body, MAX_FORM).await else {
                return refuse(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    "too_large",
                    "Nội dung gửi lên quá lớn.",
                );
            };
            presented = form_field(&bytes, CSRF_FIELD);
            body = Body::from(bytes);
        }
        let expected = session_csrf.as_ref().or(cookie_csrf.as_ref());
        let ok = match (presented, expected) {
            (Some(p), Some(e)) => secrets::constant_time_eq(&p, e),
            _ => false,
        };
        if !ok {
            tracing::warn!(path = %path, "CSRF token missing or wrong");
            const MESSAGE: &str =
                "Phiên làm việc của biểu mẫu đã hết hạn. Bạn hãy tải lại trang rồi gửi lại.";
            let wants_html = parts
                .headers
                .get(header::ACCEPT)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| v.contains("text/html"));
            if wants_html {
                // A plain form post (JavaScript off): a page that says what to do, with the
                // way back, rather than a JSON body.
                let back = parts
                    .headers
                    .get(header::REFERER)
                    .and_then(|v| v.to_str().ok())
                    .filter(|r| !r.contains('"') && !r.contains('<'))
                    .unwrap_or("/");
                let page = format!(
                    "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\">\
                     <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
                     <title>Biểu mẫu đã hết hạn</title></head><body><main>\
                     <h1>Biểu mẫu đã hết hạn</h1><p>{MESSAGE}</p>\
                     <p><a href=\"{back}\">Quay lại biểu mẫu</a></p></main></body></html>"
                );
                return (StatusCode::FORBIDDEN, axum::response::Html(page)).into_response();
            }
            return refuse(StatusCode::FORBIDDEN, "csrf", MESSAGE);
        }
    }
    parts.extensions.insert(RequestContext {
        actor,
        account,
        session_token,
        csrf_token: String::new(),
        origin,
    });
    let request = Request::from_parts(parts, body);
    finish(
        state,
        request,
        session_csrf,
        cookie_csrf,
        stale_session,
        next,
    )
    .await
}

/// Fills in the CSRF token for rendering, runs the request, and sets or clears cookies.
async fn finish(
    state: AppState,
    mut request: Request,
    session_csrf: Option<String>,
    cookie_csrf: Option<String>,
    stale_session: bool,
    next: Next,
) -> Response {
    let secure = state.config.secure_cookies();
    // A browser without a token gets one with the next page. Server-function and API answers
    // never mint one: a page hydrated from the page cache makes its own token in the browser
    // (`app::session::csrf_token`) while such a call may be in flight, and the call's answer
    // would overwrite that cookie after a form had already copied it.
    let mints = !request.uri().path().starts_with("/api/");
    let token = session_csrf
        .clone()
        .or(cookie_csrf.clone())
        .unwrap_or_else(secrets::new_token);
    let set_csrf =
        cookie_csrf.as_deref() != Some(token.as_str()) && (mints || session_csrf.is_some());
    if let Some(ctx) = request.extensions_mut().get_mut::<RequestContext>() {
        ctx.csrf_token = token.clone();
    }
    let mut response = next.run(request).await;
    // A sign-in or sign-out sets its own cookies; leave those alone.
    let already = response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| v.starts_with("csrf=") || v.starts_with("sid="));
    if !already {
        if set_csrf {
            if let Ok(v) = HeaderValue::from_str(&cookie(CSRF_COOKIE, &token, false, secure, None))
            {
                response.headers_mut().append(header::SET_COOKIE, v);
            }
        }
        if stale_session {
            if let Ok(v) = HeaderValue::from_str(&cookie(SESSION_COOKIE, "", true, secure, Some(0)))
            {
                response.headers_mut().append(header::SET_COOKIE, v);
            }
        }
    }
    response
}

/// One field of a URL-encoded body.
fn form_field(body: &[u8], name: &str) -> Option<String> {
    url::form_urlencoded::parse(body)
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}
