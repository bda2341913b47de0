//! The home page: what the portal does, a search box, and the most used procedures.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::components::loaded::Loaded;
use crate::components::procedure_list::{unhighlighted, ProcedureList};
use crate::components::search_box::SearchBox;
use crate::i18n::{use_locale, Key};
use crate::server_fns::catalogue::home_data;

/// `/`
#[component]
pub fn HomePage() -> impl IntoView {
    let t = use_locale();
    let data = Resource::new(|| (), |_| home_data());
    view! {
        <Title text=t.t(Key::PortalName) />
        <Meta name="description" content=t.t(Key::HomeLead) />
        <section class="hero">
            <div class="container">
                <h1>{t.t(Key::HomeTitle)}</h1>
                <p class="lead">{t.t(Key::HomeLead)}</p>
                <SearchBox large=true />
            </div>
        </section>
        <div class="container">
            <Loaded data fallback=move || view! { <p>{t.t(Key::Loading)}</p> } let:d>
                {
                    let n = |v: u64| t.number(v);
                    view! {
                        <section aria-labelledby="stats-title" class="stats">
                            <h2 id="stats-title" class="visually-hidden">
                                {t.t(Key::HomeStatsTitle)}
                            </h2>
                            <ul>
                                <li>
                                    {t.tf(Key::HomeStatsProcedures, &[("n", &n(d.procedures))])}
                                </li>
                                <li>
                                    {t.tf(Key::HomeStatsFullOnline, &[("n", &n(d.full_online))])}
                                </li>
                                <li>
                                    {t.tf(Key::HomeStatsAgencies, &[("n", &n(d.agencies))])}
                                </li>
                                <li>
                                    {t
                                        .tf(
                                            Key::HomeStatsMap,
                                            &[("p", &n(d.provinces)), ("c", &n(d.communes))],
                                        )}
                                </li>
                            </ul>
                        </section>
                        <section aria-labelledby="popular-title">
                            <h2 id="popular-title">{t.t(Key::HomePopularTitle)}</h2>
                            <ProcedureList items=unhighlighted(d.popular) />
                            <p>
                                <a href="/thu-tuc" class="more-link">
                                    {t.t(Key::HomeAllProcedures)}
                                </a>
                            </p>
                        </section>
                    }
                        .into_any()
                }
            </Loaded>
            <section aria-labelledby="how-title" class="how">
                <h2 id="how-title">{t.t(Key::HomeHowTitle)}</h2>
                <ol class="steps">
                    <li>
                        <h3>{t.t(Key::HomeStep1Title)}</h3>
                        <p>{t.t(Key::HomeStep1Text)}</p>
                    </li>
                    <li>
                        <h3>{t.t(Key::HomeStep2Title)}</h3>
                        <p>{t.t(Key::HomeStep2Text)}</p>
                    </li>
                    <li>
                        <h3>{t.t(Key::HomeStep3Title)}</h3>
                        <p>{t.t(Key::HomeStep3Text)}</p>
                    </li>
                    <li>
                        <h3>{t.t(Key::HomeStep4Title)}</h3>
                        <p>{t.t(Key::HomeStep4Text)}</p>
                    </li>
                </ol>
            </section>
        </div>
    }
}
