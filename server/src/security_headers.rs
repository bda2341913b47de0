//! Security headers of every response, and how uploaded files are handed to browsers.
//!
//! - A Content-Security-Policy on every page whose `script-src` allows only scripts carrying
//!   this response's nonce (CSP Level 3 §6.7.2.3; Leptos puts it on its hydration and resource
//!   scripts through `leptos::nonce`), plus `'wasm-unsafe-eval'` for the WebAssembly client. An
//!   injected `<script>` or `onclick=` cannot run, whatever the page shows. Styles may be inline
//!   (`style-src 'unsafe-inline'`): the simulators' pages and SVG codes use them, and styles
//!   cannot run code.
//! - `Strict-Transport-Security` in production (RFC 6797), `Permissions-Policy`,
//!   `Referrer-Policy`, `X-Content-Type-Options` and `X-Frame-Options` everywhere.
//! - Uploaded files ([`uploaded_file_headers`]): downloaded (`attachment`), in a sandbox, never
//!   sniffed; only PDFs and images *recognised from their bytes* are shown in the browser.
//!
//! The nonce is made here, per request, and handed to the page renderer as a request extension
//! ([`CspNonce`]); the response carries it back out, so that the page cache can give each copy
//! of a cached page a fresh one (`crate::page_cache`).

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

use crate::config::{Config, Environment};

/// The CSP nonce of one response: 128 random bits, base64url (only `[A-Za-z0-9_-]`, so it is
/// the same text in a header, an attribute and a search of the body).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CspNonce(pub Arc<str>);

impl CspNonce {
    /// A fresh nonce (from the operating system's generator, through `uuid` v4's 122 random
    /// bits plus 6 more from a second one).
    pub fn new() -> CspNonce {
        let mut bytes = [0u8; 16];
        let first = uuid::Uuid::new_v4();
        let second = uuid::Uuid::new_v4();
        for (i, byte) in bytes.iter_mut().enumerate() {
            *byte = first.as_bytes()[i] ^ second.as_bytes()[15 - i];
        }
        CspNonce(URL_SAFE_NO_PAD.encode(bytes).into())
    }

    /// The nonce's text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Default for CspNonce {
    fn default() -> Self {
        CspNonce::new()
    }
}

/// The policy of pages and API answers, for `nonce`.
///
/// No `'self'` and no `'unsafe-inline'` in `script-src`: the client's module and everything it
/// imports are trusted through the nonce of the `<script type="module">` that imports it
/// (a dynamic `import()` inherits the nonce of the script that calls it).
pub fn content_security_policy(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; \
         connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
    )
}

/// Sets (replacing) the page policy for `nonce`.
pub fn set_page_policy(headers: &mut HeaderMap, nonce: &CspNonce) {
    if let Ok(value) = HeaderValue::from_str(&content_security_policy(nonce.as_str())) {
        headers.insert(header::CONTENT_SECURITY_POLICY, value);
    }
}

/// Gives the page being rendered this response's nonce (made by [`apply`], read from the
/// request's extensions), so that Leptos puts it on its hydration and resource scripts. Called
/// in the router's page context, after `leptos_axum` provided a nonce of its own that no header
/// would name.
pub fn provide_page_nonce() {
    let nonce = leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<CspNonce>().cloned());
    if let Some(nonce) = nonce {
        leptos::prelude::provide_context(leptos::nonce::Nonce::from_value(nonce.0));
    }
}

/// Features no page of the portal uses, switched off so an injected frame cannot ask for them.
pub const PERMISSIONS_POLICY: &str = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

/// Two years, subdomains included (the portal is only ever served over HTTPS in production).
pub const HSTS: &str = "max-age=63072000; includeSubDomains";

/// Whether responses carry HSTS (production, behind HTTPS): the one setting [`apply`] reads.
#[derive(Clone, Copy, Debug)]
pub struct Hsts(pub bool);

/// Middleware: makes the nonce, lets the page use it, and sets every header the handler did
/// not set itself (a file download sets its own policy, see [`uploaded_file_headers`]).
pub async fn apply(
    State(Hsts(production)): State<Hsts>,
    mut request: Request,
    next: Next,
) -> Response {
    let nonce = CspNonce::new();
    request.extensions_mut().insert(nonce.clone());
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    if !headers.contains_key(header::CONTENT_SECURITY_POLICY) {
        set_page_policy(headers, &nonce);
    }
    let fixed: [(HeaderName, &'static str); 4] = [
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "strict-origin-when-cross-origin"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (
            HeaderName::from_static("permissions-policy"),
            PERMISSIONS_POLICY,
        ),
    ];
    for (name, value) in fixed {
        if !headers.contains_key(&name) {
            headers.insert(name, HeaderValue::from_static(value));
        }
    }
    if production {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(HSTS),
        );
    }
    response.extensions_mut().insert(nonce);
    response
}

/// Logs, at every start, the security choices an operator made explicitly.
pub fn log_start_choices(config: &Config) {
    if config.clamd_address.is_none() {
        if config.environment == Environment::Production && config.allow_unscanned_uploads {
            tracing::warn!(
                setting = "allow_unscanned_uploads",
                "uploads are NOT virus-scanned: production runs without a scanner by choice"
            );
        } else {
            tracing::info!("no virus scanner configured: uploads are recorded as not scanned");
        }
    }
    if !config.trust_forwarded_for.0.is_empty() {
        tracing::info!(
            proxies = %serde_json::to_value(&config.trust_forwarded_for).unwrap_or_default(),
            "client addresses taken from X-Forwarded-For behind these proxies"
        );
    }
}

/// A content type shown in the browser (preview), recognised from the file's first bytes: PDF,
/// JPEG, PNG, GIF or WebP. Never SVG or HTML, which can carry scripts.
pub fn preview_type(head: &[u8]) -> Option<&'static str> {
    if head.starts_with(b"%PDF-") {
        Some("application/pdf")
    } else if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if head.starts_with(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]) {
        Some("image/png")
    } else if head.starts_with(b"GIF87a") || head.starts_with(b"GIF89a") {
        Some("image/gif")
    } else if head.len() >= 12 && head.starts_with(b"RIFF") && &head[8..12] == b"WEBP" {
        Some("image/webp")
    } else {
        None
    }
}

/// Bytes of a file's start that [`preview_type`] needs.
pub const HEAD_BYTES: usize = 16;

/// Office types kept as recorded on download (they are downloaded anyway; the type only helps
/// the browser pick an application).
const DOWNLOAD_TYPES: [&str; 2] = [
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
];

/// The headers of an uploaded file, from its first bytes (`head`), the type recorded at upload
/// and its name.
///
/// A preview (`inline`) only when the bytes are a PDF or an image *and* the recorded type says
/// the same; the page that shows it may frame it (`frame-ancestors 'self'`). Everything else is
/// an `attachment`, typed `application/octet-stream` unless it is a known office type, in a
/// `sandbox` (were it ever rendered, it would be a unique origin without scripts).
/// `nosniff` always: a browser never second-guesses the type into HTML or script.
pub fn uploaded_file_headers(
    head: &[u8],
    recorded_type: &str,
    file_name: &str,
) -> Vec<(HeaderName, String)> {
    let preview = preview_type(head).filter(|t| *t == recorded_type);
    let name = file_name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect::<String>();
    let (content_type, disposition, policy, frame) = match preview {
        Some(t) if t == "application/pdf" => (
            t.to_owned(),
            "inline",
            // Chromium's PDF viewer runs neither in a sandboxed document nor under a policy
            // that refuses its plugin frame; a PDF's own scripts run in the viewer, not the
            // site's origin.
            "frame-ancestors 'self'".to_owned(),
            "SAMEORIGIN",
        ),
        Some(t) => (
            t.to_owned(),
            "inline",
            "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; \
             frame-ancestors 'self'"
                .to_owned(),
            "SAMEORIGIN",
        ),
        None => (
            DOWNLOAD_TYPES
                .iter()
                .find(|t| **t == recorded_type)
                .map_or("application/octet-stream", |t| *t)
                .to_owned(),
            "attachment",
            "sandbox; default-src 'none'; frame-ancestors 'none'".to_owned(),
            "DENY",
        ),
    };
    vec![
        (header::CONTENT_TYPE, content_type),
        (
            header::CONTENT_DISPOSITION,
            format!("{disposition}; filename*=UTF-8''{name}"),
        ),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_owned()),
        (header::CONTENT_SECURITY_POLICY, policy),
        (header::X_FRAME_OPTIONS, frame.to_owned()),
    ]
}

/// Reads the first [`HEAD_BYTES`] of `stream` and gives them back with a stream that still
/// yields the whole file.
pub async fn peek_head<S, E>(
    mut stream: S,
) -> (
    Vec<u8>,
    futures::stream::BoxStream<'static, Result<bytes::Bytes, E>>,
)
where
    S: futures::Stream<Item = Result<bytes::Bytes, E>> + Send + Unpin + 'static,
    E: Send + 'static,
{
    use futures::StreamExt;
    let mut read = Vec::new();
    let mut head = Vec::new();
    while head.len() < HEAD_BYTES {
        match stream.next().await {
            Some(Ok(chunk)) => {
                head.extend_from_slice(&chunk[..chunk.len().min(HEAD_BYTES - head.len())]);
                read.push(Ok(chunk));
            }
            Some(Err(e)) => {
                read.push(Err(e));
                break;
            }
            None => break,
        }
    }
    (head, futures::stream::iter(read).chain(stream).boxed())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nonces_differ_and_are_attribute_safe() {
        let a = CspNonce::new();
        let b = CspNonce::new();
        assert_ne!(a, b);
        assert_eq!(a.as_str().len(), 22);
        assert!(a
            .as_str()
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_'));
    }

    #[test]
    fn only_recognised_bytes_are_previewed() {
        assert_eq!(preview_type(b"%PDF-1.7\n"), Some("application/pdf"));
        assert_eq!(preview_type(b"<html><script>"), None);
        assert_eq!(preview_type(b"<svg xmlns="), None);
        let html_as_png = uploaded_file_headers(b"<html><script>", "image/png", "a.png");
        assert!(html_as_png
            .iter()
            .any(|(n, v)| n == header::CONTENT_DISPOSITION && v.starts_with("attachment")));
        assert!(html_as_png
            .iter()
            .any(|(n, v)| n == header::CONTENT_TYPE && v == "application/octet-stream"));
    }
}
