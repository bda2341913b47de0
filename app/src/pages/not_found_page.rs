//! The "page not found" page and the error notice other pages reuse.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::error::AppError;
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

/// Explains a failed load and what to do next.
#[component]
pub fn ErrorNotice(error: AppError) -> impl IntoView {
    let t = use_locale();
    let (text, fields) = match error {
        AppError::NotFound => (t.t(Key::NotFoundText), Vec::new()),
        AppError::Transport(_) => (t.t(Key::ErrorNetwork), Vec::new()),
        AppError::Validation(fields) => (t.t(Key::ErrorValidation), fields),
        AppError::Conflict => (t.t(Key::ErrorConflict), Vec::new()),
        AppError::Internal => (t.t(Key::ErrorInternal), Vec::new()),
        AppError::Unauthorized => (t.t(Key::ErrorUnauthorized), Vec::new()),
        AppError::Forbidden => (t.t(Key::ErrorForbidden), Vec::new()),
        AppError::RateLimited(_) | AppError::Locked(_) => (t.t(Key::ErrorRateLimited), Vec::new()),
    };
    view! {
        <div class="notice notice-error" role="alert">
            <p>{text}</p>
            <ul>
                {fields
                    .into_iter()
                    .map(|(field, message)| view! { <li><strong>{field}</strong>": "{message}</li> })
                    .collect_view()}
            </ul>
        </div>
    }
}
