//! The catalogue list: a search field, filters with result counts, highlighted results and
//! paging. Without JavaScript the filters are a GET form with a submit button. Everything is
//! rendered on the server; the [`LiveCatalogue`] island around it makes typing or changing a
//! filter fetch the same page for the new filters and put its results and counts in place, so
//! the browser needs no copy of the list's markup or texts.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::components::live_catalogue::LiveCatalogue;
use crate::components::loaded::Loaded;
use crate::components::procedure_list::{level_label, ProcedureList};
use crate::dto::{CatalogueFilter, CatalogueView, FacetView};
use crate::i18n::{use_locale, Key, Locale};
use crate::server_fns::catalogue::{search_catalogue, PER_PAGE};

/// Reads the filters from the URL; `fixed_*` override (a field's or an agency's own page).
fn filter_from_url(
    query: &leptos_router::params::ParamsMap,
    fixed_field: Option<String>,
    fixed_agency: Option<String>,
) -> CatalogueFilter {
    let non_empty = |k: &str| query.get(k).filter(|v| !v.trim().is_empty());
    CatalogueFilter {
        q: query.get("q").unwrap_or_default(),
        field: fixed_field.or_else(|| non_empty("field")),
        agency: fixed_agency.or_else(|| non_empty("agency")),
        level: non_empty("level"),
        online_only: query.get("online").is_some_and(|v| v == "1" || v == "on"),
        page: query
            .get("page")
            .and_then(|p| p.parse().ok())
            .filter(|p| *p >= 1)
            .unwrap_or(1),
    }
}

/// The list with its filters. `base` is the page's path (`/thu-tuc`, `/linh-vuc/ho-tich`, …).
#[component]
pub fn CatalogueBrowser(
    /// Path of the page the form and page links point to.
    #[prop(into)]
    base: String,
    /// Field code fixed by the page (its filter is hidden).
    #[prop(default = None)]
    fixed_field: Option<String>,
    /// Agency code fixed by the page (its filter is hidden).
    #[prop(default = None)]
    fixed_agency: Option<String>,
) -> impl IntoView {
    let t = use_locale();
    let query = use_query_map();
    let (ff, fa) = (fixed_field.clone(), fixed_agency.clone());
    let filter = Memo::new(move |_| query.with(|q| filter_from_url(q, ff.clone(), fa.clone())));
    let results = Resource::new(move || filter.get(), |f| search_catalogue(f, PER_PAGE));
    let show_field = fixed_field.is_none();
    let show_agency = fixed_agency.is_none();
    let base_for_pages = base.clone();
    view! {
        <LiveCatalogue base=base.clone()>
        <form class="catalogue-filters" action=base.clone() method="get" role="search">
            <div class="filter-search">
                <label for="catalogue-q">{t.t(Key::SearchLabel)}</label>
                <input
                    id="catalogue-q"
                    name="q"
                    type="search"
                    autocomplete="off"
                    spellcheck="false"
                    aria-describedby="catalogue-q-hint"
                    value=filter.with_untracked(|f| f.q.clone())
                />
                <p id="catalogue-q-hint" class="hint">{t.t(Key::SearchHint)}</p>
            </div>
            <Suspense fallback=|| ()>
                {move || {
                Suspend::new(async move {
                    let view = results.await.ok();
                    let facets = view.map(|v| (v.fields, v.agencies, v.levels));
                    let (fields, agencies, levels) = facets.unwrap_or_default();
                    let current = filter.get_untracked();
                    // On a phone the filters fold under one line so the first result shows
                    // without scrolling; they stay open while one is chosen (CSS keeps them
                    // open on wider screens).
                    let chosen = [
                        show_field && current.field.is_some(),
                        show_agency && current.agency.is_some(),
                        current.level.is_some(),
                        current.online_only,
                    ]
                    .into_iter()
                    .filter(|c| *c)
                    .count();
                    view! {
                        <details class="filter-more" open=(chosen > 0).then_some(true)>
                        <summary>
                            {if chosen > 0 {
                                t.tf(Key::FilterToggleChosen, &[("n", &chosen)])
                            } else {
                                t.t(Key::FilterToggle).to_owned()
                            }}
                        </summary>
                        <div class="filter-row">
                            {show_field.then(|| {
                                view! {
                                    <FacetSelect
                                        id="filter-field"
                                        name="field"
                                        label=t.t(Key::FilterField)
                                        all=t.t(Key::FilterAll)
                                        options=fields.clone()
                                        selected=current.field.clone()
                                    />
                                }
                            })}
                            {show_agency.then(|| {
                                view! {
                                    <FacetSelect
                                        id="filter-agency"
                                        name="agency"
                                        label=t.t(Key::FilterAgency)
                                        all=t.t(Key::FilterAll)
                                        options=agencies.clone()
                                        selected=current.agency.clone()
                                    />
                                }
                            })}
                            {
                                let levels: Vec<FacetView> = levels
                                    .into_iter()
                                    .map(|mut l| {
                                        let label = level_label(t, &l.value).to_owned();
                                        l.label_vi = label.clone();
                                        l.label_en = label;
                                        l
                                    })
                                    .collect();
                                view! {
                                    <FacetSelect
                                        id="filter-level"
                                        name="level"
                                        label=t.t(Key::FilterLevel)
                                        all=t.t(Key::FilterAll)
                                        options=levels
                                        selected=current.level.clone()
                                    />
                                }
                            }
                            <div class="filter-check">
                                <input
                                    id="filter-online"
                                    type="checkbox"
                                    name="online"
                                    value="1"
                                    checked=current.online_only
                                />
                                <label for="filter-online">{t.t(Key::FilterOnlineOnly)}</label>
                            </div>
                        </div>
                        </details>
                    }
                })
                }}
            </Suspense>
            <button type="submit" class="button">
                {t.t(Key::FilterApply)}
            </button>
        </form>
        <div id="catalogue-results">
            <Loaded data=results fallback=move || view! { <p>{t.t(Key::Loading)}</p> } let:view>
                <Results view base=base_for_pages.clone() filter=filter.get_untracked() />
            </Loaded>
        </div>
        </LiveCatalogue>
    }
}

/// A `<select>` of filter values with result counts.
#[component]
fn FacetSelect(
    id: &'static str,
    name: &'static str,
    label: &'static str,
    all: &'static str,
    options: Vec<FacetView>,
    selected: Option<String>,
) -> impl IntoView {
    let t = use_locale();
    view! {
        <div class="filter-select">
            <label for=id>{label}</label>
            <select id=id name=name>
                <option value="" selected=selected.is_none()>
                    {all}
                </option>
                {options
                    .into_iter()
                    .filter(|o| o.count > 0 || selected.as_deref() == Some(o.value.as_str()))
                    .map(|o| {
                        let is_selected = selected.as_deref() == Some(o.value.as_str());
                        let label = match t {
                            Locale::Vi => o.label_vi,
                            Locale::En => o.label_en,
                        };
                        view! {
                            <option value=o.value selected=is_selected>
                                {format!("{label} ({})", o.count)}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// The result count, the list and the page links.
#[component]
fn Results(view: CatalogueView, base: String, filter: CatalogueFilter) -> impl IntoView {
    let t = use_locale();
    let pages = view.total.div_ceil(view.per_page.max(1));
    let heading = if view.total == 0 {
        if filter.q.trim().is_empty() {
            t.t(Key::CatalogueEmpty).to_owned()
        } else {
            t.tf(Key::SearchNoResults, &[("q", &filter.q)])
        }
    } else {
        t.tf(
            Key::CatalogueCount,
            &[
                ("n", &t.number(view.total)),
                ("p", &view.page),
                ("pages", &pages),
            ],
        )
    };
    let link = move |page: u64| {
        let qs = filter.to_query(page);
        if qs.is_empty() {
            base.clone()
        } else {
            format!("{base}?{qs}")
        }
    };
    let prev = (view.page > 1).then(|| link(view.page - 1));
    let next = (view.page < pages).then(|| link(view.page + 1));
    view! {
        // The live region is a box around the heading: a heading may not take the `status` role.
        <div role="status" aria-live="polite">
            <h2 class="result-count">{heading}</h2>
        </div>
        <div id="catalogue-list">
        <ProcedureList items=view.items />
        {(pages > 1)
            .then(|| {
                view! {
                    <nav class="pager" aria-label=t.t(Key::PagerLabel)>
                        {prev.map(|href| view! { <a href=href rel="prev">{t.t(Key::PagerPrev)}</a> })}
                        <span>{t.tf(Key::PagerPage, &[("p", &view.page), ("pages", &pages)])}</span>
                        {next.map(|href| view! { <a href=href rel="next">{t.t(Key::PagerNext)}</a> })}
                    </nav>
                }
            })}
        </div>
    }
}
