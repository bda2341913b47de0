//! A small in-memory cache of public catalogue pages (home, list, procedure, field and agency
//! pages) for visitors who are not signed in.
//!
//! These pages depend only on the URL, the interface language and the catalogue, so a rendered
//! page stays valid until the catalogue's revision changes; each instance checks that revision
//! through the catalogue index (see `domain::catalogue_index`), so instances never serve a page
//! older than their index. Requests with any cookie other than `lang`, or an `Authorization`
//! header, are never cached: personal pages must not be shared.
//!
//! It is the outermost layer: a hit is answered before request ids, tracing, time-outs and
//! compression run, and the stored copy is the finished response (security headers set, body
//! already compressed for the encoding the client accepts), so a popular page costs a hash
//! lookup and a copy of its headers.

use std::collections::HashMap;
use std::sync::Mutex;

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use app::i18n::{Locale, LANG_COOKIE};

use crate::state::AppState;

/// Largest page kept (bytes).
const MAX_BODY: usize = 512 * 1024;

struct Cached {
    revision: i64,
    status: StatusCode,
    headers: HeaderMap,
    body: Bytes,
}

/// The cache: URL and language → rendered page, with the catalogue revision it was made from.
pub struct PageCache {
    entries: Mutex<HashMap<String, Cached>>,
    capacity: usize,
}

impl PageCache {
    /// A cache holding at most `capacity` pages (0 turns it off).
    pub fn new(capacity: usize) -> Self {
        Self {
            entries: Mutex::new(HashMap::new()),
            capacity,
        }
    }

    fn get(&self, key: &str, revision: i64) -> Option<Response> {
        let entries = self.entries.lock().ok()?;
        let hit = entries.get(key).filter(|c| c.revision == revision)?;
        let mut response = Response::new(Body::from(hit.body.clone()));
        *response.status_mut() = hit.status;
        *response.headers_mut() = hit.headers.clone();
        response
            .headers_mut()
            .insert("x-page-cache", HeaderValue::from_static("hit"));
        Some(response)
    }

    fn put(&self, key: String, cached: Cached) {
        if let Ok(mut entries) = self.entries.lock() {
            // Bounded memory: when full, start over (cheap, and a full cache means the keys are
            // mostly one-off searches anyway).
            if entries.len() >= self.capacity {
                entries.clear();
            }
            entries.insert(key, cached);
        }
    }
}

/// The language of an anonymous request, or `None` when the request carries any other cookie or
/// credentials (and must not be served from or stored in the cache).
fn anonymous_locale(headers: &HeaderMap) -> Option<Locale> {
    if headers.contains_key(header::AUTHORIZATION) {
        return None;
    }
    let mut locale = Locale::default();
    for value in headers.get_all(header::COOKIE) {
        let text = value.to_str().ok()?;
        for pair in text.split(';').filter(|p| !p.trim().is_empty()) {
            let (name, value) = pair.split_once('=')?;
            match name.trim() {
                LANG_COOKIE => locale = Locale::from_code(value).unwrap_or_default(),
                // The CSRF cookie every visitor gets does not make a page personal.
                app::session::CSRF_COOKIE => {}
                _ => return None,
            }
        }
    }
    Some(locale)
}

fn is_catalogue_page(path: &str) -> bool {
    path == "/"
        || path == "/thu-tuc"
        || path.starts_with("/thu-tuc/")
        || path.starts_with("/linh-vuc/")
        || path.starts_with("/co-quan/")
}

/// The content coding a client gets for a page: brotli, else gzip, else none. Matches what the
/// compression layer picks for the browsers and tools seen in practice; a response whose actual
/// coding differs (an unusual `Accept-Encoding` with weights) is simply not stored.
fn preferred_encoding(headers: &HeaderMap) -> &'static str {
    let accepted = |name: &str| {
        headers.get_all(header::ACCEPT_ENCODING).iter().any(|v| {
            v.to_str().unwrap_or_default().split(',').any(|item| {
                let mut parts = item.split(';');
                let coding = parts.next().unwrap_or_default().trim();
                let refused = parts.any(|p| {
                    p.trim()
                        .strip_prefix("q=")
                        .and_then(|q| q.trim().parse::<f32>().ok())
                        .is_some_and(|q| q <= 0.0)
                });
                coding.eq_ignore_ascii_case(name) && !refused
            })
        })
    };
    if accepted("br") {
        "br"
    } else if accepted("gzip") {
        "gzip"
    } else {
        "identity"
    }
}

/// Middleware: answers from the cache, or renders and stores.
pub async fn serve(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if state.page_cache.capacity == 0
        || request.method() != Method::GET
        || !is_catalogue_page(request.uri().path())
    {
        return next.run(request).await;
    }
    let Some(locale) = anonymous_locale(request.headers()) else {
        return next.run(request).await;
    };
    let Ok(snapshot) = state.catalogue.snapshot(&state.db).await else {
        return next.run(request).await;
    };
    let revision = snapshot.revision;
    let encoding = preferred_encoding(request.headers());
    let key = format!("{}|{encoding}|{}", locale.code(), request.uri());
    if let Some(hit) = state.page_cache.get(&key, revision) {
        metrics::counter!("page_cache_hits_total").increment(1);
        return hit;
    }
    let response = next.run(request).await;
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    let coding = response
        .headers()
        .get(header::CONTENT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("identity");
    if response.status() != StatusCode::OK || !is_html || coding != encoding {
        return response;
    }
    let (parts, body) = response.into_parts();
    match axum::body::to_bytes(body, MAX_BODY).await {
        Ok(bytes) => {
            // Cookies set for the first visitor (the CSRF cookie) are theirs, not the page's, and
            // so is the request id.
            let mut headers = parts.headers.clone();
            headers.remove(header::SET_COOKIE);
            headers.remove("x-request-id");
            state.page_cache.put(
                key,
                Cached {
                    revision,
                    status: parts.status,
                    headers,
                    body: bytes.clone(),
                },
            );
            Response::from_parts(parts, Body::from(bytes))
        }
        Err(e) => {
            tracing::error!(error = %e, "page too large or failed while caching");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(cookie: Option<&str>) -> HeaderMap {
        let mut h = HeaderMap::new();
        if let Some(c) = cookie {
            h.insert(
                header::COOKIE,
                HeaderValue::from_str(c).unwrap_or(HeaderValue::from_static("")),
            );
        }
        h
    }

    #[test]
    fn only_anonymous_requests_are_cached() {
        assert_eq!(anonymous_locale(&headers(None)), Some(Locale::Vi));
        assert_eq!(
            anonymous_locale(&headers(Some("lang=en"))),
            Some(Locale::En)
        );
        assert_eq!(
            anonymous_locale(&headers(Some("lang=en; session=abc"))),
            None
        );
        let mut auth = headers(None);
        auth.insert(header::AUTHORIZATION, HeaderValue::from_static("Bearer x"));
        assert_eq!(anonymous_locale(&auth), None);
    }

    fn accepting(value: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        if let Ok(v) = HeaderValue::from_str(value) {
            h.insert(header::ACCEPT_ENCODING, v);
        }
        h
    }

    #[test]
    fn the_stored_copy_follows_the_accepted_encoding() {
        assert_eq!(
            preferred_encoding(&accepting("gzip, deflate, br, zstd")),
            "br"
        );
        assert_eq!(preferred_encoding(&accepting("gzip")), "gzip");
        assert_eq!(preferred_encoding(&accepting("br;q=0, gzip")), "gzip");
        assert_eq!(preferred_encoding(&accepting("identity")), "identity");
        assert_eq!(preferred_encoding(&HeaderMap::new()), "identity");
    }

    #[test]
    fn only_catalogue_pages_are_cached() {
        assert!(is_catalogue_page("/"));
        assert!(is_catalogue_page("/thu-tuc"));
        assert!(is_catalogue_page("/co-quan/so-tu-phap"));
        assert!(!is_catalogue_page("/dang-nhap"));
        assert!(!is_catalogue_page("/api/v1/procedures"));
        assert!(!is_catalogue_page("/thu-tucx"));
    }
}
