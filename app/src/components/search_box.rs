//! The procedure search box. Without JavaScript it is a plain GET form to `/thu-tuc`; as an
//! island it also suggests matching procedures as the user types.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::dto::CatalogueFilter;
use crate::dto::ProcedureCard;
use crate::i18n::{use_locale, Key};
use crate::server_fns::catalogue::{search_catalogue, SUGGESTIONS};

/// The words the search box shows, in the page's language: the island gets them as props so
/// that the browser never loads the translation tables.
#[derive(Clone, Serialize, Deserialize)]
pub struct SearchTexts {
    label: String,
    button: String,
    hint: String,
    /// "{n} suggestions", with `{n}` filled in by the browser.
    count: String,
}

/// Search form with live suggestions.
#[component]
pub fn SearchBox(
    /// The query already searched for, shown in the field.
    #[prop(optional, into)]
    initial: String,
    /// Whether this is the page's main heading-level search (larger).
    #[prop(optional)]
    large: bool,
) -> impl IntoView {
    let t = use_locale();
    let texts = SearchTexts {
        label: t.t(Key::SearchLabel).to_owned(),
        button: t.t(Key::SearchButton).to_owned(),
        hint: t.t(Key::SearchHint).to_owned(),
        count: t.t(Key::SuggestionsCount).to_owned(),
    };
    view! { <SearchSuggest initial large texts /> }
}

/// The island: the form, and the suggestions list it fills from `search_catalogue`.
#[island]
fn SearchSuggest(initial: String, large: bool, texts: SearchTexts) -> impl IntoView {
    let count = StoredValue::new(texts.count.clone());
    let query = RwSignal::new(initial);
    let suggestions = RwSignal::new(Vec::<ProcedureCard>::new());
    // Responses can arrive out of order; only the answer to the latest keystroke is shown.
    let generation = StoredValue::new(0_u64);
    let on_input = move |ev| {
        let value = event_target_value(&ev);
        query.set(value.clone());
        let current = generation.get_value() + 1;
        generation.set_value(current);
        if value.trim().chars().count() < 2 {
            suggestions.set(Vec::new());
            return;
        }
        leptos::task::spawn_local(async move {
            let filter = CatalogueFilter {
                q: value,
                page: 1,
                ..Default::default()
            };
            let found = search_catalogue(filter, SUGGESTIONS)
                .await
                .map(|view| view.items.into_iter().map(|i| i.card).collect())
                .unwrap_or_default();
            if generation.get_value() == current {
                suggestions.set(found);
            }
        });
    };
    let class = if large {
        "search-box search-box-large"
    } else {
        "search-box"
    };
    view! {
        <form class=class action="/thu-tuc" method="get" role="search">
            <label for="q" class="search-label">
                {texts.label.clone()}
            </label>
            <div class="search-row">
                <input
                    id="q"
                    name="q"
                    type="search"
                    autocomplete="off"
                    spellcheck="false"
                    aria-describedby="q-hint"
                    prop:value=move || query.get()
                    on:input=on_input
                />
                <button type="submit" class="button">
                    {texts.button.clone()}
                </button>
            </div>
            <p id="q-hint" class="hint">
                {texts.hint.clone()}
            </p>
            <div class="suggestions" aria-live="polite">
                <Show when=move || !suggestions.with(Vec::is_empty)>
                    <p class="visually-hidden">
                        {move || {
                            count.with_value(|c| c.replace("{n}", &suggestions.with(Vec::len).to_string()))
                        }}
                    </p>
                    <ul class="suggestion-list" data-testid="suggestions">
                        <For
                            each=move || suggestions.get()
                            key=|p| p.code.clone()
                            children=|p| {
                                let href = format!("/thu-tuc/{}", p.slug);
                                view! {
                                    <li>
                                        <a href=href>{p.name}</a>
                                    </li>
                                }
                            }
                        />
                    </ul>
                </Show>
            </div>
        </form>
    }
}
