//! `/thong-ke`: how the agencies perform, for everyone, without signing in or JavaScript — a
//! GET form (agency with the agencies under it, field, procedure, period or two dates), the
//! figures of the period beside the previous period's, two charts each with its table, and
//! each agency's own line (`domain::statistics`).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::components::bar_chart::{Bar, BarChart};
use crate::components::data_table::{DataTable, Heading};
use crate::components::form::{field_label, ErrorSummary};
use crate::components::loaded::Loaded;
use crate::dto::dossier::Choice;
use crate::dto::statistics::{StatRow, StatisticsView};
use crate::error::AppError;
use crate::format::{error_text, key_text, time_text};
use crate::i18n::{use_locale, Key, Locale};
use crate::server_fns::statistics::statistics;

/// `/thong-ke`
#[component]
pub fn StatisticsPage() -> impl IntoView {
    let t = use_locale();
    let query = use_query_map();
    let asked = move || {
        query.with(|q| {
            let get = |k: &str| q.get(k).unwrap_or_default();
            (
                get("agency"),
                get("field"),
                get("procedure"),
                get("period"),
                get("from"),
                get("to"),
            )
        })
    };
    let data = Resource::new(asked, |(agency, field, procedure, period, from, to)| {
        statistics(agency, field, procedure, period, from, to)
    });
    view! {
        <Title text=t.t(Key::StatTitle) />
        <div class="container statistics">
            <h1>{t.t(Key::StatTitle)}</h1>
            <p class="lead">{t.t(Key::StatLead)}</p>
            <p><a href="/thong-ke/chi-so-766">{t.t(Key::StatIndexLink)}</a></p>
            <Loaded data let:v>
                <StatisticsBody v />
            </Loaded>
        </div>
    }
}

#[component]
fn StatisticsBody(v: StatisticsView) -> impl IntoView {
    let t = use_locale();
    let error = (!v.errors.is_empty()).then(|| AppError::Validation(v.errors.clone()));
    let field_error = {
        let errors = v.errors.clone();
        move |name: &str| {
            errors
                .iter()
                .find(|(f, _)| f == name)
                .map(|(_, code)| error_text(t, code))
        }
    };
    let shown = !v.rows.is_empty();
    let label = move |code: &str| key_text(t, &format!("stat_{code}"));
    let bars = move |items: &[(String, i64)]| {
        items
            .iter()
            .map(|(code, value)| Bar {
                label: label(code),
                value: *value,
            })
            .collect::<Vec<_>>()
    };
    let received = bars(&v.received_chart);
    let results = bars(&v.results_chart);
    view! {
        <ErrorSummary error=Signal::derive(move || error.clone()) />
        <form method="get" action="/thong-ke" class="form stat-form" novalidate>
            <Select name="agency" value=v.agency.clone() all=Key::StatScopeAll choices=v.agencies.clone() error=field_error("agency") />
            <Select name="field" value=v.field.clone() all=Key::StatAllFields choices=v.fields.clone() error=field_error("field") />
            <div class="field" class:field-invalid=field_error("procedure").is_some()>
                <label for="procedure">{field_label(t, "procedure")}</label>
                <p class="field-hint" id="procedure-hint">{t.t(Key::StatProcedureHint)}</p>
                {field_error("procedure").map(|m| view! { <p class="field-error" id="procedure-error">{m}</p> })}
                <input type="text" id="procedure" name="procedure" value=v.procedure.clone()
                    aria-describedby=if field_error("procedure").is_some() { "procedure-hint procedure-error" } else { "procedure-hint" }
                    aria-invalid=field_error("procedure").is_some().then_some("true") />
            </div>
            <Select name="period" value=v.period.clone() all=Key::StatPeriodCurrent choices=v.periods.clone() error=field_error("period") />
            <fieldset class="field stat-dates" class:field-invalid=field_error("from").is_some()>
                <legend>{t.t(Key::StatCustomSpan)}</legend>
                <p class="field-hint" id="dates-hint">{t.t(Key::StatCustomHint)}</p>
                {field_error("from").map(|m| view! { <p class="field-error" id="from-error">{m}</p> })}
                <label for="from">{field_label(t, "from")}</label>
                <input type="date" id="from" name="from" value=v.from.clone()
                    aria-describedby=if field_error("from").is_some() { "dates-hint from-error" } else { "dates-hint" }
                    aria-invalid=field_error("from").is_some().then_some("true") />
                <label for="to">{field_label(t, "to")}</label>
                <input type="date" id="to" name="to" value=v.to.clone()
                    aria-describedby=if field_error("from").is_some() { "dates-hint from-error" } else { "dates-hint" }
                    aria-invalid=field_error("from").is_some().then_some("true") />
            </fieldset>
            <button type="submit" class="button">{t.t(Key::StatShow)}</button>
        </form>
        {shown.then(|| view! {
            <section aria-labelledby="stat-figures-h" class="stat-report">
                <h2 id="stat-figures-h">{format!("{} — {}", v.scope_label, v.period_label)}</h2>
                <FiguresTable rows=v.rows.clone() current=v.period_label.clone() previous=v.previous_label.clone() />
                <div class="stat-charts">
                    <BarChart id="bieu-do-tiep-nhan" title=t.t(Key::StatChartReceived).to_owned()
                        heading=t.t(Key::StatFigure).to_owned() value_heading=t.t(Key::StatDossiers).to_owned() bars=received />
                    <BarChart id="bieu-do-ket-qua" title=t.t(Key::StatChartResults).to_owned()
                        heading=t.t(Key::StatFigure).to_owned() value_heading=t.t(Key::StatDossiers).to_owned() bars=results />
                </div>
                <AgencyTable v=v.clone() />
                {if v.download_query.is_empty() {
                    view! { <p class="stat-download">{t.t(Key::StatDownloadPeriodsOnly)}</p> }.into_any()
                } else {
                    view! {
                        <p class="stat-download">
                            {t.t(Key::StatDownload)}" "
                            <a href=format!("/api/v1/statistics.csv?{}", v.download_query)>"CSV"</a>
                            " · "
                            <a href=format!("/api/v1/statistics?{}", v.download_query)>"JSON"</a>
                            " · "
                            <a href="/api/v1/statistics/dictionary">{t.t(Key::StatDictionary)}</a>
                        </p>
                    }.into_any()
                }}
                <p class="hint">{t.t(Key::StatNotes)}</p>
            </section>
        })}
    }
}

/// A select with "all" first, labelled by `field_{name}`.
#[component]
fn Select(
    name: &'static str,
    value: String,
    all: Key,
    choices: Vec<Choice>,
    error: Option<String>,
) -> impl IntoView {
    let t = use_locale();
    let error_id = format!("{name}-error");
    let invalid = error.is_some();
    view! {
        <div class="field" class:field-invalid=invalid>
            <label for=name>{field_label(t, name)}</label>
            {error.map(|m| view! { <p class="field-error" id=error_id.clone()>{m}</p> })}
            <select id=name name=name aria-describedby=invalid.then_some(error_id.clone()) aria-invalid=invalid.then_some("true")>
                <option value="" selected=value.is_empty()>{t.t(all)}</option>
                {choices
                    .into_iter()
                    .map(|c| {
                        let selected = c.value == value;
                        view! { <option value=c.value selected=selected>{c.label}</option> }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// A value as shown: a count, a percentage, a working time, or "—" without a basis.
fn shown(t: Locale, unit: &str, value: Option<i64>) -> String {
    match (unit, value) {
        (_, None) => "—".into(),
        ("percent", Some(v)) => format!("{v}%"),
        ("minutes", Some(v)) => time_text(t, v),
        (_, Some(v)) => v.to_string(),
    }
}

/// The change from the previous period: `+12`, `−3 điểm` for rates, nothing without a basis.
fn change(t: Locale, row: &StatRow) -> String {
    let (Some(now), Some(before)) = (row.current, row.previous) else {
        return String::new();
    };
    let d = now - before;
    let sign = if d > 0 {
        "+"
    } else if d < 0 {
        "−"
    } else {
        "±"
    };
    match row.unit.as_str() {
        "percent" => t.tf(Key::StatPoints, &[("n", &format!("{sign}{}", d.abs()))]),
        "minutes" => format!("{sign}{}", time_text(t, d.abs())),
        _ => format!("{sign}{}", d.abs()),
    }
}

#[component]
fn FiguresTable(rows: Vec<StatRow>, current: String, previous: String) -> impl IntoView {
    let t = use_locale();
    view! {
        // Focusable, so that a keyboard scrolls it on a narrow screen (it holds no link).
        <div class="table-scroll" tabindex="0" role="region" aria-label=t.t(Key::StatFiguresCaption)>
            <table class="stat-table">
                <caption>{t.t(Key::StatFiguresCaption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t.t(Key::StatFigure)}</th>
                        <th scope="col" class="num">{current}</th>
                        <th scope="col" class="num">{previous}</th>
                        <th scope="col" class="num">{t.t(Key::StatChange)}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|r| {
                            let label = key_text(t, &format!("stat_{}", r.code));
                            view! {
                                <tr class:stat-part=r.part>
                                    <th scope="row">{label}</th>
                                    <td class="num">{shown(t, &r.unit, r.current)}</td>
                                    <td class="num">{shown(t, &r.unit, r.previous)}</td>
                                    <td class="num">{change(t, &r)}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn AgencyTable(v: StatisticsView) -> impl IntoView {
    let t = use_locale();
    let percent = move |p: Option<i64>| shown(t, "percent", p);
    (!v.by_agency.is_empty()).then(|| {
        view! {
            <h2>{t.t(Key::StatByAgency)}</h2>
            <DataTable
                caption=Key::StatByAgencyCaption
                headings=vec![
                    Heading::Text(Key::StatAgency),
                    Heading::Text(Key::StatReceived),
                    Heading::Text(Key::StatResolved),
                    Heading::Text(Key::StatOnTimeRate),
                    Heading::Text(Key::StatPendingOverdue),
                    Heading::Text(Key::StatSatisfiedRate),
                ]
            >
                {v.by_agency
                    .into_iter()
                    .map(|a| {
                        let href = format!("/thong-ke?agency={}&period={}{}", a.code, v.period, v.narrowing);
                        view! {
                            <tr>
                                <th scope="row"><a href=href>{a.name}</a></th>
                                <td class="num">{a.received}</td>
                                <td class="num">{a.resolved}</td>
                                <td class="num">{percent(a.on_time_percent)}</td>
                                <td class="num">{a.overdue}</td>
                                <td class="num">{percent(a.satisfied_percent)}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </DataTable>
        }
    })
}
