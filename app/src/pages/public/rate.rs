//! `/danh-gia/{token}`: the page the link in a dossier's return (or refusal) notice opens. The
//! applicant rates the service without signing in — the only way for one registered at the
//! counter; the link works once. After the rating, the same address thanks them.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::components::notice::ErrorNotice;
use crate::error::AppError;
use crate::i18n::{use_locale, Key};
use crate::pages::dossier::rating::{rating_outcome, RatingErrors, RatingForm, RatingGiven};
use crate::server_fns::ratings::rating_invitation;

/// The rating page of a link.
#[component]
pub fn RatePage() -> impl IntoView {
    let t = use_locale();
    let params = use_params_map();
    let token = move || params.with(|p| p.get("token").unwrap_or_default());
    let data = Resource::new(token, rating_invitation);
    let (saved, errors) = rating_outcome();
    view! {
        <Title text=t.t(Key::RatingPageTitle) />
        <div class="container narrow rate-page">
            <h1>{t.t(Key::RatingPageTitle)}</h1>
            {saved.then(|| view! {
                <div class="notice notice-success" role="status" tabindex="-1" autofocus>
                    <p>{t.t(Key::RatingSaved)}</p>
                    <p><a href="/tra-cuu">{t.t(Key::RatingFollowLink)}</a></p>
                </div>
            })}
            <Suspense fallback=|| ()>
                {move || {
                    let errors = errors.clone();
                    Suspend::new(async move {
                        match data.await {
                            Ok(v) => view! {
                                <p class="rate-for">{t.tf(Key::RatingFor, &[("code", &v.code), ("procedure", &v.procedure_name)])}</p>
                                <p>{v.state.clone()}</p>
                                <RatingErrors errors=errors.clone() />
                                <RatingGiven r=v.rating.clone() />
                                <p>{t.t(Key::RatingLead)}</p>
                                <RatingForm action=format!("/danh-gia/{}", token()) current=v.rating.clone() errors />
                            }
                            .into_any(),
                            Err(AppError::NotFound) if saved => ().into_any(),
                            Err(AppError::NotFound) => view! {
                                <div class="notice notice-error" role="alert"><p>{t.t(Key::RatingLinkInvalid)}</p></div>
                            }
                            .into_any(),
                            Err(e) => view! { <ErrorNotice error=e /> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </div>
    }
}
