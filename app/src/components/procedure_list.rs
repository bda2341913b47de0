//! A list of procedures as cards: name, level, time limit.

use leptos::prelude::*;

use crate::dto::ProcedureCard;
use crate::i18n::{use_locale, Key, Locale};

/// Translation of a service level code.
pub fn level_label(t: Locale, level: &str) -> &'static str {
    match level {
        "full_online" => t.t(Key::LevelFullOnline),
        "partial_online" => t.t(Key::LevelPartialOnline),
        _ => t.t(Key::LevelInformation),
    }
}

/// Cards linking to each procedure's page.
#[component]
pub fn ProcedureList(items: Vec<ProcedureCard>) -> impl IntoView {
    let t = use_locale();
    view! {
        <ul class="procedure-list">
            {items
                .into_iter()
                .map(|p| {
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
                            <a href=href>{p.name}</a>
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
