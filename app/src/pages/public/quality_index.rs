//! `/thong-ke/chi-so-766`: the service-quality index of Decision 766/QĐ-TTg for everyone —
//! every agency ranked by its points in a period, with the change since the previous period,
//! and, for the agency chosen, each indicator's rate, threshold, maximum, points and the
//! calculation written out (`domain::statistics::index766`). A GET form; no JavaScript.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::components::data_table::{DataTable, Heading};
use crate::components::form::{field_label, ErrorSummary};
use crate::components::loaded::Loaded;
use crate::dto::statistics::IndexView;
use crate::error::AppError;
use crate::format::error_text;
use crate::i18n::{use_locale, Key};
use crate::server_fns::statistics::quality_index;

/// `/thong-ke/chi-so-766`
#[component]
pub fn QualityIndexPage() -> impl IntoView {
    let t = use_locale();
    let query = use_query_map();
    let asked = move || {
        query.with(|q| {
            (
                q.get("period").unwrap_or_default(),
                q.get("agency").unwrap_or_default(),
            )
        })
    };
    let data = Resource::new(asked, |(period, agency)| quality_index(period, agency));
    view! {
        <Title text=t.t(Key::IndexTitle) />
        <div class="container statistics">
            <p class="breadcrumb"><a href="/thong-ke">{t.t(Key::StatTitle)}</a></p>
            <h1>{t.t(Key::IndexTitle)}</h1>
            <p class="lead">{t.t(Key::IndexLead)}</p>
            <Loaded data let:v>
                <IndexBody v />
            </Loaded>
        </div>
    }
}

#[component]
fn IndexBody(v: IndexView) -> impl IntoView {
    let t = use_locale();
    let error = (!v.errors.is_empty()).then(|| AppError::Validation(v.errors.clone()));
    let period_error = v
        .errors
        .iter()
        .find(|(f, _)| f == "period")
        .map(|(_, c)| error_text(t, c));
    let invalid = period_error.is_some();
    let groups = v.groups.clone();
    let period = v.period.clone();
    view! {
        <ErrorSummary error=Signal::derive(move || error.clone()) />
        <form method="get" action="/thong-ke/chi-so-766" class="form stat-form" novalidate>
            <div class="field" class:field-invalid=invalid>
                <label for="period">{field_label(t, "period")}</label>
                {period_error.map(|m| view! { <p class="field-error" id="period-error">{m}</p> })}
                <select id="period" name="period" aria-invalid=invalid.then_some("true") aria-describedby=invalid.then_some("period-error")>
                    {v.periods
                        .iter()
                        .map(|c| view! { <option value=c.value.clone() selected=c.value == v.period>{c.label.clone()}</option> })
                        .collect_view()}
                </select>
            </div>
            {(!v.agency.is_empty()).then(|| view! { <input type="hidden" name="agency" value=v.agency.clone() /> })}
            <button type="submit" class="button">{t.t(Key::StatShow)}</button>
        </form>
        {(!v.period_label.is_empty()).then(|| {
            view! {
                <section aria-labelledby="index-ranking-h">
                    <h2 id="index-ranking-h">{t.tf(Key::IndexRankingTitle, &[("period", &v.period_label)])}</h2>
                    <p class="hint">{t.tf(Key::IndexTrendHint, &[("previous", &v.previous_label)])}</p>
                    <div class="table-scroll">
                        <table class="stat-table index-table">
                            <caption>{t.t(Key::IndexRankingCaption)}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">"#"</th>
                                    <th scope="col">{t.t(Key::StatAgency)}</th>
                                    <th scope="col" class="num">{t.t(Key::IndexTotal)}</th>
                                    <th scope="col" class="num">{t.t(Key::IndexTrend)}</th>
                                    {groups.iter().map(|g| view! {
                                        <th scope="col" class="num">{format!("{} ({})", g.name, g.max)}</th>
                                    }).collect_view()}
                                </tr>
                            </thead>
                            <tbody>
                                {v.ranking.iter().map(|l| {
                                    let href = format!("/thong-ke/chi-so-766?period={}&agency={}#chi-tiet", period, l.code);
                                    view! {
                                        <tr>
                                            <td class="num">{l.rank}</td>
                                            <th scope="row"><a href=href>{l.name.clone()}</a></th>
                                            <td class="num"><strong>{l.total.clone()}</strong></td>
                                            <td class="num">{l.trend.clone()}</td>
                                            {l.groups.iter().map(|g| view! { <td class="num">{g.clone()}</td> }).collect_view()}
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                </section>
            }
        })}
        {(!v.indicators.is_empty()).then(|| view! {
            <section id="chi-tiet" aria-labelledby="index-detail-h" tabindex="-1">
                <h2 id="index-detail-h">{t.tf(Key::IndexDetailTitle, &[("agency", &v.agency_name), ("total", &v.agency_total)])}</h2>
                <DataTable
                    caption=Key::IndexDetailCaption
                    headings=vec![
                        Heading::Literal("#"),
                        Heading::Text(Key::IndexIndicator),
                        Heading::Text(Key::IndexBasis),
                        Heading::Text(Key::IndexRate),
                        Heading::Text(Key::IndexThreshold),
                        Heading::Text(Key::IndexMax),
                        Heading::Text(Key::IndexPoints),
                        Heading::Text(Key::IndexCalculation),
                    ]
                >
                    {v.indicators.iter().map(|i| view! {
                        <tr>
                            <td>{i.code.clone()}</td>
                            <th scope="row">{i.name.clone()}</th>
                            <td class="num">{i.basis.clone()}</td>
                            <td class="num">{i.rate.clone()}</td>
                            <td class="num">{i.threshold.clone()}</td>
                            <td class="num">{i.max}</td>
                            <td class="num"><strong>{i.points.clone()}</strong></td>
                            <td>{i.formula.clone()}</td>
                        </tr>
                    }).collect_view()}
                </DataTable>
            </section>
        })}
        {(!v.source.is_empty()).then(|| view! {
            <p class="hint">
                {t.tf(Key::IndexSourceNote, &[("source", &v.source), ("from", &v.effective_from)])}
            </p>
        })}
    }
}
