//! What the server knows about the request's user, and the CSRF token forms must carry.
//!
//! The server's authentication middleware puts a [`RequestContext`] into each request; pages and
//! server functions read it from there. Every form is rendered on the server, with the
//! request's CSRF token.

use serde::{Deserialize, Serialize};

/// Name of the session cookie (HttpOnly; the token's SHA-256 is the session id).
pub const SESSION_COOKIE: &str = "sid";
/// Name of the CSRF cookie (readable by the page's own script, sent back in forms).
pub const CSRF_COOKIE: &str = "csrf";
/// Form field carrying the CSRF token.
pub const CSRF_FIELD: &str = "csrf_token";
/// Header carrying the CSRF token for script calls.
pub const CSRF_HEADER: &str = "x-csrf-token";

/// The signed-in user as pages show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Viewer {
    /// Full name.
    pub full_name: String,
    /// True for staff.
    pub staff: bool,
    /// Role codes (staff).
    pub roles: Vec<String>,
    /// Agency code (staff).
    pub agency_code: Option<String>,
}

impl Viewer {
    /// Whether the viewer holds role `code` (e.g. `"leader"`).
    pub fn has_role(&self, code: &str) -> bool {
        self.roles.iter().any(|r| r == code)
    }

    /// Staff who work dossiers in the one-stop back office (desk, specialist, leader).
    pub fn works_dossiers(&self) -> bool {
        ["intake_clerk", "specialist", "leader"]
            .iter()
            .any(|r| self.has_role(r))
    }

    /// Agency or system administrators.
    pub fn administers(&self) -> bool {
        self.has_role("agency_admin") || self.has_role("system_admin")
    }
}

/// Per-request facts set by the server's middleware.
#[cfg(feature = "ssr")]
#[derive(Clone, Debug)]
pub struct RequestContext {
    /// Who is asking.
    pub actor: domain::access::Actor,
    /// The signed-in account, if any.
    pub account: Option<domain::entities::account::Model>,
    /// The session cookie's token as sent (to end it at sign-out or rotate it at sign-in).
    pub session_token: Option<String>,
    /// The CSRF token of this browser.
    pub csrf_token: String,
    /// Client address and browser.
    pub origin: domain::audit::Origin,
}

/// Site-wide settings server functions need, provided by the server.
#[cfg(feature = "ssr")]
#[derive(Clone, Debug)]
pub struct SiteSettings {
    /// Public base URL (links in e-mails).
    pub base_url: String,
    /// Mark cookies `Secure` (production, HTTPS).
    pub secure_cookies: bool,
    /// Session timeouts.
    pub session_policy: domain::sessions::Policy,
    /// The account fees are transferred to (VietQR).
    pub transfer_account: domain::payments::vietqr::Beneficiary,
}

/// Value of a cookie in the request (`None` when absent or empty).
#[cfg(feature = "ssr")]
pub fn cookie_value(headers: &http::HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.split_once('='))
        .find(|(n, _)| n.trim() == name)
        .map(|(_, v)| v.trim().to_owned())
        .filter(|v| !v.is_empty())
}

/// What was typed into a form that came back with an error, by field name (put in the
/// request by the server's `form_memory` layer: forms post without script, and a refused one
/// comes back as a new page).
#[cfg(feature = "ssr")]
#[derive(Clone, Debug, Default)]
pub struct KeptForm(pub Vec<(String, String)>);

/// The value typed into field `name` before its form came back with an error; `None` on any
/// other page.
pub fn kept_value(name: &str) -> Option<String> {
    with_kept_form(|kept| kept.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone())).flatten()
}

/// Whether this page is a form that came back with an error and what was typed in it.
pub fn form_came_back() -> bool {
    with_kept_form(|_| ()).is_some()
}

/// `f` over the kept fields, borrowed from the request (every field of every form page asks,
/// so neither the request's parts nor the fields are copied).
fn with_kept_form<R>(f: impl FnOnce(&[(String, String)]) -> R) -> Option<R> {
    #[cfg(feature = "ssr")]
    {
        leptos::prelude::with_context::<http::request::Parts, _>(|parts| {
            parts.extensions.get::<KeptForm>().map(|k| f(&k.0))
        })
        .flatten()
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = f;
        None
    }
}

/// The request context of the current page render or server function call.
#[cfg(feature = "ssr")]
pub fn request_context() -> Option<RequestContext> {
    leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<RequestContext>().cloned())
}

/// The CSRF token to put in forms.
pub fn csrf_token() -> String {
    #[cfg(feature = "ssr")]
    {
        request_context().map(|c| c.csrf_token).unwrap_or_default()
    }
    // Forms are rendered on the server only (islands render none).
    #[cfg(not(feature = "ssr"))]
    String::new()
}

/// A `Set-Cookie` value for a cookie only the page at `path` receives, that script cannot read
/// and that no other site's request carries: what one answer hands to the next page (a refused
/// form's fields, a new token's secret). `max_age` 0 deletes it.
#[cfg(feature = "ssr")]
pub fn page_cookie(name: &str, value: &str, path: &str, secure: bool, max_age: u32) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{name}={value}; Path={path}; HttpOnly; SameSite=Strict; Max-Age={max_age}{secure}")
}

/// A `Set-Cookie` value. `max_age` `None` makes a browser-session cookie; `Some(0)` deletes it.
#[cfg(feature = "ssr")]
pub fn cookie(
    name: &str,
    value: &str,
    http_only: bool,
    secure: bool,
    max_age: Option<i64>,
) -> String {
    let mut out = format!("{name}={value}; Path=/; SameSite=Lax");
    if http_only {
        out.push_str("; HttpOnly");
    }
    if secure {
        out.push_str("; Secure");
    }
    if let Some(age) = max_age {
        out.push_str(&format!("; Max-Age={age}"));
    }
    out
}
