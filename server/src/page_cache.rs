//! A small in-memory cache of public catalogue pages (home, list, procedure, field and agency
//! pages) for visitors who are not signed in.
//!
//! These pages depend only on the URL, the interface language and the catalogue, so a rendered
//! page stays valid until the catalogue's revision changes; each instance checks that revision
//! through the catalogue index (see `domain::catalogue_index`), so instances never serve a page
//! older than their index. Requests with any cookie other than `lang`, or an `Authorization`
//! header, are never cached: personal pages must not be shared.
//!
//! It sits outside every layer but compression: a hit is answered before request ids, tracing,
//! authentication and time-outs run. The stored copy is the finished, uncompressed response
//! (security headers set) cut at each occurrence of its CSP nonce, so that every copy served
//! gets a fresh nonce in the body and in its `Content-Security-Policy` header: a nonce shown to
//! everyone would let anyone who fetched the page use it in an injected script
//! (`crate::security_headers`). The compression layer outside compresses each copy.

use std::collections::HashMap;
use std::sync::Mutex;

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use app::i18n::{Locale, LANG_COOKIE};

use crate::security_headers::CspNonce;

/// Largest page kept (bytes).
const MAX_BODY: usize = 512 * 1024;

struct Cached {
    revision: i64,
    status: StatusCode,
    headers: HeaderMap,
    /// The body between the occurrences of the nonce it was rendered with.
    pieces: Vec<Bytes>,
}

/// `body` cut at each occurrence of `nonce`.
fn cut(body: &Bytes, nonce: &[u8]) -> Vec<Bytes> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut at = 0;
    while !nonce.is_empty() && at + nonce.len() <= body.len() {
        if &body[at..at + nonce.len()] == nonce {
            pieces.push(body.slice(start..at));
            at += nonce.len();
            start = at;
        } else {
            at += 1;
        }
    }
    pieces.push(body.slice(start..));
    pieces
}

/// The pieces joined with `nonce`.
fn join(pieces: &[Bytes], nonce: &str) -> Bytes {
    let size = pieces.iter().map(Bytes::len).sum::<usize>() + nonce.len() * pieces.len();
    let mut body = Vec::with_capacity(size);
    for (i, piece) in pieces.iter().enumerate() {
        if i > 0 {
            body.extend_from_slice(nonce.as_bytes());
        }
        body.extend_from_slice(piece);
    }
    Bytes::from(body)
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
        let nonce = CspNonce::new();
        let mut response = Response::new(Body::from(join(&hit.pieces, nonce.as_str())));
        *response.status_mut() = hit.status;
        *response.headers_mut() = hit.headers.clone();
        crate::security_headers::set_page_policy(response.headers_mut(), &nonce);
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

/// What [`serve`] reads: the cache, and the catalogue whose revision a cached page belongs to.
#[derive(Clone)]
pub struct CacheState {
    /// The rendered pages.
    pub page_cache: std::sync::Arc<PageCache>,
    /// This instance's catalogue index (its revision dates each page).
    pub catalogue: domain::catalogue_index::CatalogueIndex,
    /// The database the catalogue's revision is read from.
    pub db: sea_orm::DatabaseConnection,
}

/// Middleware: answers from the cache, or renders and stores.
pub async fn serve(State(state): State<CacheState>, request: Request, next: Next) -> Response {
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
    let key = format!("{}|{}", locale.code(), request.uri());
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
    // Compression runs outside this layer, so the body is plain; one that is not (or that has
    // no nonce to replace) is not stored.
    let storable = response.status() == StatusCode::OK
        && is_html
        && !response.headers().contains_key(header::CONTENT_ENCODING);
    let Some(nonce) = response
        .extensions()
        .get::<CspNonce>()
        .filter(|_| storable)
        .cloned()
    else {
        return response;
    };
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
                    pieces: cut(&bytes, nonce.as_str().as_bytes()),
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

    #[test]
    fn a_stored_page_gets_a_new_nonce_each_time() {
        let body =
            Bytes::from_static(b"<script nonce=\"N0nce\">x</script><link crossorigin=\"N0nce\">");
        let pieces = cut(&body, b"N0nce");
        assert_eq!(pieces.len(), 3);
        assert_eq!(join(&pieces, "N0nce"), body);
        assert_eq!(
            join(&pieces, "fresh"),
            Bytes::from_static(b"<script nonce=\"fresh\">x</script><link crossorigin=\"fresh\">")
        );
        assert_eq!(cut(&Bytes::from_static(b"plain"), b"N0nce").len(), 1);
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
