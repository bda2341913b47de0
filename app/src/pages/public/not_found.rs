//! The "page not found" page: the routes' fallback, and what a catalogue page shows for a slug
//! that names nothing (with the 404 status either way).

use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::{use_locale, Key};

/// Marks the HTTP response as 404 when rendered on the server.
pub fn set_not_found_status() {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
}

/// Fallback for unknown URLs.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let t = use_locale();
    set_not_found_status();
    view! {
        <Title text=t.t(Key::NotFoundTitle) />
        <div class="container narrow">
            <h1>{t.t(Key::NotFoundTitle)}</h1>
            <p>{t.t(Key::NotFoundText)}</p>
            <p>
                <a href="/" class="button">
                    {t.t(Key::BackHome)}
                </a>
                " "
                <a href="/thu-tuc" class="button button-outline">
                    {t.t(Key::NavProcedures)}
                </a>
            </p>
        </div>
    }
}
