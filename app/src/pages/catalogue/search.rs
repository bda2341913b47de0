//! `/thu-tuc`: the whole catalogue, searchable and filterable.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::catalogue_browser::CatalogueBrowser;
use crate::i18n::{use_locale, Key};

/// `/thu-tuc`
#[component]
pub fn SearchPage() -> impl IntoView {
    let t = use_locale();
    view! {
        <Title text=t.t(Key::SearchTitle) />
        <div class="container">
            <h1>{t.t(Key::SearchTitle)}</h1>
            <CatalogueBrowser base="/thu-tuc" />
        </div>
    }
}
