//! `<Loaded>`: the one way a page shows data it loads. While the data loads: the fallback
//! (nothing by default: pages render on the server with `SsrMode::Async`, so a reader never
//! waits on it); once it came: the page; when it did not: the notice the
//! page's [`Failure`] names. Before this component each page spelt out the same `Suspense`,
//! `Suspend` and `match` on the result.

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::notice::{signed_out_notice, AccessProblem, ErrorNotice};
use crate::error::AppError;
use crate::i18n::{use_locale, Key, Locale};

/// What a page shows when its data did not load.
#[derive(Clone, Default)]
pub enum Failure {
    /// [`ErrorNotice`] for every error.
    #[default]
    Notice,
    /// Signed out: `text` and a sign-in button that comes back to the page; any other error:
    /// [`ErrorNotice`].
    SignIn {
        /// What the notice says.
        text: Key,
        /// The page to come back to after signing in, read when the answer comes (so it names
        /// the route's parameters of that moment).
        next: Arc<dyn Fn() -> String + Send + Sync>,
    },
    /// Administration pages: [`AccessProblem`] for every error (signed out, not allowed, or the
    /// system failed), without a sign-in button.
    Access,
}

impl Failure {
    /// "Sign in to file online" and the sign-in button back to `next` (filing, back office).
    pub fn sign_in(next: impl Fn() -> String + Send + Sync + 'static) -> Failure {
        Failure::SignIn {
            text: Key::FilingSignInFirst,
            next: Arc::new(next),
        }
    }

    /// "Sign in to use this feature" and the sign-in button back to `next` (the citizen's own
    /// pages: profile, businesses).
    pub fn signed_out(next: impl Fn() -> String + Send + Sync + 'static) -> Failure {
        Failure::SignIn {
            text: Key::ErrorUnauthorized,
            next: Arc::new(next),
        }
    }

    /// The notice for `error`.
    fn view(&self, t: Locale, error: AppError) -> AnyView {
        match (self, error) {
            (Failure::SignIn { text, next }, AppError::Unauthorized) => {
                signed_out_notice(t, *text, next())
            }
            (Failure::Access, e) => view! { <AccessProblem error=e /> }.into_any(),
            (_, e) => view! { <ErrorNotice error=e /> }.into_any(),
        }
    }
}

/// Shows `children` with the value of `data` once it loaded, or the notice `failure` names for
/// its error. `children` is called each time the data loads again (after an action, or when the
/// route's parameters change), inside the same `Suspend` as before, so what it reads is tracked
/// as it was.
#[component]
pub fn Loaded<T, V, C>(
    /// The data the page needs.
    data: Resource<Result<T, AppError>>,
    /// What a failed load shows.
    #[prop(optional)]
    failure: Failure,
    /// Shown while the data loads (nothing by default).
    #[prop(optional, into)]
    fallback: ViewFnOnce,
    /// The page for the loaded value.
    children: C,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
    C: Fn(T) -> V + Clone + Send + Sync + 'static,
{
    let t = use_locale();
    view! {
        <Suspense fallback>
            {move || {
                let children = children.clone();
                let failure = failure.clone();
                Suspend::new(async move {
                    match data.await {
                        Ok(value) => children(value).into_any(),
                        Err(e) => failure.view(t, e),
                    }
                })
            }}
        </Suspense>
    }
}
