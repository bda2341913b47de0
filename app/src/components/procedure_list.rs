//! A list of procedures as cards: name, level, time limit.

use leptos::prelude::*;

use crate::dto::{split_highlights, ListedCard, ProcedureCard};
use crate::i18n::{use_locale, Key, Locale};

/// Translation of a service level code.
pub fn level_label(t: Locale, level: &str) -> &'static str {
    match level {
        "full_online" => t.t(Key::LevelFullOnline),
        "partial_online" => t.t(Key::LevelPartialOnline),
        _ => t.t(Key::LevelInformation),
    }
}

/// Wraps plain cards (no search highlighting).
pub fn unhighlighted(cards: Vec<ProcedureCard>) -> Vec<ListedCard> {
    cards
        .into_iter()
        .map(|card| ListedCard {
            card,
            highlights: Vec::new(),
        })
        .collect()
}

/// Cards linking to each procedure's page; words matching the search are marked.
#[component]
pub fn ProcedureList(items: Vec<ListedCard>) -> impl IntoView {
    let t = use_locale();
    view! {
        <ul class="procedure-list">
            {items
                .into_iter()
                .map(|listed| {
                    let name = split_highlights(&listed.card.name, &listed.highlights)
                        .into_iter()
                        .map(|(text, marked)| {
                            if marked {
                                view! { <mark>{text}</mark> }.into_any()
                            } else {
                                text.into_any()
                            }
                        })
                        .collect_view();
                    let p = listed.card;
                    let href = format!("/thu-tuc/{}", p.slug);
                    let badge = format!("badge badge-{}", p.level);
                    let days = if p.processing_days > 0 {
                        t.tf(Key::ProcessingDays, &[("n", &p.processing_days)])
                    } else {
                        t.t(Key::ProcessingSameDay).to_owned()
                    };
                    let agency = if p.agency_level == "commune" {
                        t.t(Key::AgencyLevelCommune)
                    } else {
                        t.t(Key::AgencyLevelProvince)
                    };
                    view! {
                        <li class="procedure-card">
                            <a href=href>{name}</a>
                            <p class="card-meta">
                                <span class=badge>{level_label(t, &p.level)}</span>
                                <span>{agency}</span>
                                <span>{days}</span>
                            </p>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
