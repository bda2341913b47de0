//! Counters and their rating tablets (`domain::ratings::counters`): the agency administrator's
//! page (`/quan-tri/quay`) and the tablet's page (`/danh-gia/quay/{counter}`).

#[cfg(feature = "ssr")]
use leptos::prelude::use_context;
use leptos::prelude::*;

use crate::dto::counters::{CounterRow, KioskView};
use crate::error::AppError;

/// The cookie holding a counter tablet's secret: only that counter's page receives it.
#[cfg(feature = "ssr")]
pub const KIOSK_COOKIE: &str = "dvc_kiosk";

/// Carries a new counter's set-up code to the page that shows it once (not in the URL: see
/// `admin::new_token_secret`).
#[cfg(feature = "ssr")]
const NEW_COUNTER_COOKIE: &str = "dvc_new_counter";

#[cfg(feature = "ssr")]
fn secure() -> bool {
    use_context::<crate::session::SiteSettings>().is_some_and(|s| s.secure_cookies)
}

/// Hands counter `id`'s new code to the page the form returns to, which shows it once
/// ([`new_counter_code`]); five minutes at most.
#[cfg(feature = "ssr")]
fn show_code_once(id: &str, code: &str) {
    super::set_cookie(crate::session::page_cookie(
        NEW_COUNTER_COOKIE,
        &format!("{id}.{code}"),
        "/quan-tri/quay",
        secure(),
        300,
    ));
}

#[cfg(feature = "ssr")]
fn ctx() -> Result<crate::session::RequestContext, AppError> {
    crate::session::request_context().ok_or(AppError::Internal)
}

/// The counters of the administrator's agency.
#[server(prefix = "/api/ui", endpoint = "list_counters")]
pub async fn list_counters() -> Result<Vec<CounterRow>, AppError> {
    let ctx = ctx()?;
    let db = super::db()?;
    Ok(domain::ratings::counters::list(&db, &ctx.actor)
        .await?
        .into_iter()
        .map(|c| CounterRow {
            kiosk_url: format!("/danh-gia/quay/{}", c.id),
            id: c.id,
            name: c.name,
            active: c.active,
        })
        .collect())
}

/// Sets up a counter; its tablet's set-up code is shown once on the page the form returns to.
#[server(prefix = "/api/ui", endpoint = "create_counter")]
pub async fn create_counter(csrf_token: String, name: String) -> Result<(), AppError> {
    let _ = csrf_token;
    let ctx = ctx()?;
    let shared = super::shared()?;
    let services = shared.services(&ctx.origin, chrono::Utc::now());
    let (counter, code) = domain::ratings::counters::create(services, &ctx.actor, &name).await?;
    show_code_once(&counter.id, &code);
    leptos_axum::redirect("/quan-tri/quay?da=tao");
    Ok(())
}

/// The counter just set up and its tablet's code, once (the cookie is deleted as it is read).
#[server(prefix = "/api/ui", endpoint = "new_counter_code")]
pub async fn new_counter_code() -> Result<Option<(String, String)>, AppError> {
    ctx()?;
    let value = use_context::<http::request::Parts>()
        .and_then(|parts| crate::session::cookie_value(&parts.headers, NEW_COUNTER_COOKIE));
    if value.is_some() {
        super::set_cookie(crate::session::page_cookie(
            NEW_COUNTER_COOKIE,
            "",
            "/quan-tri/quay",
            secure(),
            0,
        ));
    }
    Ok(value.and_then(|v| {
        v.split_once('.')
            .map(|(id, code)| (id.to_owned(), code.to_owned()))
    }))
}

/// Turns a counter on or off.
#[server(prefix = "/api/ui", endpoint = "toggle_counter")]
pub async fn toggle_counter(csrf_token: String, id: String, active: bool) -> Result<(), AppError> {
    let _ = csrf_token;
    let ctx = ctx()?;
    let shared = super::shared()?;
    let services = shared.services(&ctx.origin, chrono::Utc::now());
    if let Some(code) =
        domain::ratings::counters::set_active(services, &ctx.actor, &id, active).await?
    {
        // Turned on again with a new secret: shown once, as at creation.
        show_code_once(&id, &code);
    }
    leptos_axum::redirect("/quan-tri/quay?da=luu");
    Ok(())
}

/// The tablet page of counter `id`: its name and agency, and whether this browser holds its
/// secret (else the page asks for the set-up code). `NotFound` for an unknown counter.
#[server(prefix = "/api/ui", endpoint = "counter_kiosk")]
pub async fn counter_kiosk(id: String) -> Result<KioskView, AppError> {
    let db = super::db()?;
    let secret = use_context::<http::request::Parts>()
        .and_then(|parts| crate::session::cookie_value(&parts.headers, KIOSK_COOKIE))
        .unwrap_or_default();
    let (counter, agency, ready) = domain::ratings::counters::for_tablet(&db, &id, &secret)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(KioskView {
        id: counter.id,
        name: counter.name,
        agency,
        active: counter.active,
        ready,
    })
}
