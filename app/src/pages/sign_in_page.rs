//! Sign-in placeholder until accounts arrive: says so plainly and what can be done now.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::i18n::{use_locale, Key};

/// `/dang-nhap`
#[component]
pub fn SignInPage() -> impl IntoView {
    let t = use_locale();
    view! {
        <Title text=t.t(Key::SignInTitle) />
        <div class="container narrow">
            <h1>{t.t(Key::SignInTitle)}</h1>
            <p>{t.t(Key::SignInSoon)}</p>
            <p>
                <a href="/thu-tuc" class="button">
                    {t.t(Key::NavProcedures)}
                </a>
            </p>
        </div>
    }
}
