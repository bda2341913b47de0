//! `/thu-tuc?q=…`: search results, or the whole list of most used procedures without a query.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::components::procedure_list::ProcedureList;
use crate::components::search_box::SearchBox;
use crate::i18n::{use_locale, Key};
use crate::pages::not_found_page::ErrorNotice;
use crate::server_fns::catalogue::{home_data, search_procedures};

/// How many results one search shows.
const RESULTS: u64 = 50;

/// `/thu-tuc`
#[component]
pub fn SearchPage() -> impl IntoView {
    let t = use_locale();
    let query = use_query_map();
    let q = move || query.with(|m| m.get("q").unwrap_or_default());
    let results = Resource::new(q, |q| async move {
        if q.trim().is_empty() {
            home_data().await.map(|d| d.popular)
        } else {
            search_procedures(q, RESULTS).await
        }
    });
    view! {
        <Title text=t.t(Key::SearchTitle) />
        <div class="container">
            <h1>{t.t(Key::SearchTitle)}</h1>
            {move || view! { <SearchBox initial=q() /> }}
            <Suspense fallback=move || view! { <p>{t.t(Key::Loading)}</p> }>
                {move || Suspend::new(async move {
                    let searched = q();
                    match results.await {
                        Ok(items) if items.is_empty() => {
                            view! {
                                <p class="notice" role="status">
                                    {t.tf(Key::SearchNoResults, &[("q", &searched)])}
                                </p>
                            }
                                .into_any()
                        }
                        Ok(items) => {
                            let heading = if searched.trim().is_empty() {
                                t.t(Key::HomePopularTitle).to_owned()
                            } else {
                                t.tf(Key::SearchResultsFor, &[("n", &items.len()), ("q", &searched)])
                            };
                            view! {
                                <h2 role="status">{heading}</h2>
                                <ProcedureList items />
                            }
                                .into_any()
                        }
                        Err(e) => view! { <ErrorNotice error=e /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}
