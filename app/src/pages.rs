//! The pages, grouped by area, one module per page (or per step of a page). `lib.rs` declares
//! the routes. Pages use `components`, `server_fns`, `dto` and `format`; none of those uses a
//! page.

pub mod account;
pub mod admin;
pub mod back_office;
pub mod catalogue;
pub mod dossier;
pub mod public;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// One parameter of the page's query string, following the URL (notices such as `?da=luu` after
/// a redirect, error codes, tokens from e-mailed links).
pub(crate) fn query(name: &'static str) -> Memo<Option<String>> {
    let q = use_query_map();
    Memo::new(move |_| q.with(|m| m.get(name)))
}
