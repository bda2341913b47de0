//! The notices a page shows in place of what it could not show: a failed load explained, "sign
//! in first" with the way back, and an administration page's access problem. Shared by every
//! page area and by [`Loaded`](super::loaded::Loaded), so they live here rather than in a page.

use leptos::prelude::*;

use crate::error::AppError;
use crate::i18n::{use_locale, Key, Locale};

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

/// "Sign in to file online" with the sign-in button, which brings the reader back to `next`:
/// what filing and the back office show to someone signed out.
pub fn sign_in_notice(t: Locale, next: String) -> AnyView {
    signed_out_notice(t, Key::FilingSignInFirst, next)
}

/// A signed-out reader's notice: `text`, then the sign-in button back to `next`.
pub fn signed_out_notice(t: Locale, text: Key, next: String) -> AnyView {
    view! {
        <div class="notice" role="status">
            <p>{t.t(text)}</p>
            <p>
                <a class="button" href=format!("/dang-nhap?next={next}")>{t.t(Key::SignInSubmit)}</a>
            </p>
        </div>
    }
    .into_any()
}

/// Why an administration page shows nothing: signed out, not allowed, or the system failed (the
/// cause is in the server's log; an administrator gets no more detail than that here).
#[component]
pub fn AccessProblem(error: AppError) -> impl IntoView {
    let t = use_locale();
    let text = match error {
        AppError::Unauthorized => t.t(Key::ErrorUnauthorized),
        AppError::Forbidden => t.t(Key::ErrorForbidden),
        _ => t.t(Key::ErrorInternal),
    };
    view! { <div class="notice notice-error" role="alert"><p>{text}</p></div> }
}
