//! `/danh-gia/quay/{counter}`: the rating tablet of a counter. Three very large buttons, no
//! personal data; a press comes back at once to the buttons, ready for the next person, with
//! a thank-you above them (no timed refresh: WCAG 2.2.1).
//! A tablet without the counter's secret asks for the set-up code the agency administrator
//! was shown. Plain form posts: it works with JavaScript off.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::components::form::CsrfField;
use crate::components::notice::ErrorNotice;
use crate::dto::counters::KioskView;
use crate::error::AppError;
use crate::format::{error_text, key_text};
use crate::i18n::{use_locale, Key};
use crate::pages::dossier::rating::LEVELS;
use crate::server_fns::counters::counter_kiosk;

/// The tablet page.
#[component]
pub fn KioskPage() -> impl IntoView {
    let t = use_locale();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("counter").unwrap_or_default());
    let data = Resource::new(id, counter_kiosk);
    let (thanked, error) =
        use_query_map().with_untracked(|q| (q.get("cam-on").is_some(), q.get("loi")));
    view! {
        <Title text=t.t(Key::KioskTitle) />
        <div class="container kiosk">
            <Suspense fallback=|| ()>
                {move || {
                    let error = error.clone();
                    Suspend::new(async move {
                        match data.await {
                            Ok(k) => view! { <KioskButtons k error thanked /> }.into_any(),
                            Err(AppError::NotFound) => view! {
                                <div class="notice notice-error" role="alert"><p>{t.t(Key::KioskUnknown)}</p></div>
                            }.into_any(),
                            Err(e) => view! { <ErrorNotice error=e /> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </div>
    }
}

/// The three buttons, or the set-up form on a tablet without the counter's secret.
#[component]
fn KioskButtons(k: KioskView, error: Option<String>, thanked: bool) -> impl IntoView {
    let t = use_locale();
    let problem = error.map(|code| view! {
        <div class="notice notice-error error-summary" role="alert" tabindex="-1" autofocus>
            <p>{if code == "cham" { t.t(Key::KioskSlowDown).to_owned() } else { error_text(t, &code) }}</p>
        </div>
    });
    view! {
        <p class="kiosk-where">{k.agency.clone()}" — "{k.name.clone()}</p>
        {thanked.then(|| view! {
            <div class="notice notice-success kiosk-thanks" role="status"><p>{t.t(Key::KioskThanks)}</p></div>
        })}
        {problem}
        {if !k.active {
            view! { <p class="notice">{t.t(Key::KioskOff)}</p> }.into_any()
        } else if k.ready {
            view! {
                <h1>{t.t(Key::KioskQuestion)}</h1>
                <form method="post" action=format!("/danh-gia/quay/{}", k.id) class="kiosk-form">
                    <CsrfField />
                    {LEVELS.iter().map(|code| view! {
                        <button type="submit" name="level" value=*code class=format!("kiosk-button rating-{code}")>
                            {key_text(t, &format!("rating_level_{code}"))}
                        </button>
                    }).collect_view()}
                </form>
                <p class="hint">{t.t(Key::KioskPrivacy)}</p>
            }.into_any()
        } else {
            view! {
                <h1>{t.t(Key::KioskSetUp)}</h1>
                <form method="post" action=format!("/danh-gia/quay/{}/kich-hoat", k.id) class="form" novalidate>
                    <CsrfField />
                    <div class="field">
                        <label for="code">{t.t(Key::KioskCode)}</label>
                        <input type="text" id="code" name="code" autocomplete="off" required />
                    </div>
                    <button type="submit" class="button">{t.t(Key::KioskSetUpSubmit)}</button>
                </form>
            }.into_any()
        }}
    }
}
