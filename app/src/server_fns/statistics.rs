//! The public statistics (`domain::statistics::report`), worded for the page.

use leptos::prelude::*;

use crate::dto::statistics::{IndexView, StatisticsView};
use crate::error::AppError;

/// The report asked for by the page's form. A refused choice comes back in `errors` with the
/// form still filled, never as a failed page.
#[server(prefix = "/api/ui", endpoint = "statistics")]
pub async fn statistics(
    agency: String,
    field: String,
    procedure: String,
    period: String,
    from: String,
    to: String,
) -> Result<StatisticsView, AppError> {
    use domain::statistics::figures::Figures;
    use domain::statistics::period::Period;
    use domain::statistics::report::{self, Request};

    use crate::dto::dossier::Choice;
    use crate::dto::statistics::{AgencyLine, StatRow};
    use crate::i18n::Key;

    let db = super::db()?;
    let t = crate::i18n::use_locale();
    let today = domain::dossiers::codes::vietnam_date(chrono::Utc::now());
    let label = |p: &Period| period_label(t, p);
    let all_agencies = domain::catalogue::agencies(&db).await?;
    let mut view = StatisticsView {
        agencies: all_agencies
            .iter()
            .map(|a| Choice {
                value: a.code.clone(),
                label: a.name.clone(),
            })
            .collect(),
        fields: domain::catalogue::fields(&db)
            .await?
            .into_iter()
            .map(|f| Choice {
                label: match t {
                    crate::i18n::Locale::En if !f.name_en.is_empty() => f.name_en,
                    _ => f.name_vi,
                },
                value: f.code,
            })
            .collect(),
        periods: period_choices(today)
            .iter()
            .map(|p| Choice {
                value: p.code(),
                label: label(p),
            })
            .collect(),
        ..StatisticsView::default()
    };
    let request = Request {
        agency,
        field,
        procedure,
        period,
        from,
        to,
    };
    let answer = report::report(&db, &request, today).await;
    view.agency = request.agency.trim().to_owned();
    view.field = request.field.trim().to_owned();
    view.procedure = request.procedure.trim().to_owned();
    view.from = request.from.trim().to_owned();
    view.to = request.to.trim().to_owned();
    let r = match answer {
        Ok(r) => r,
        Err(domain::DomainError::Validation(fields)) => {
            view.period = request.period;
            view.errors = fields.into_iter().map(|f| (f.field, f.code)).collect();
            return Ok(view);
        }
        Err(e) => return Err(e.into()),
    };
    view.period = r.period.code();
    view.period_label = label(&r.period);
    view.previous_label = label(&r.period.previous());
    let names = domain::catalogue::AgencyNames::of_rows(&all_agencies);
    let name_of = |code: &str| names.of(code);
    view.scope_label = if view.agency.is_empty() {
        t.t(Key::StatScopeAll).to_owned()
    } else {
        name_of(&view.agency)
    };
    let (c, p) = (&r.current, &r.previous);
    let count = |code: &str, f: fn(&Figures) -> i64, part: bool| StatRow {
        code: code.into(),
        current: Some(f(c)),
        previous: Some(f(p)),
        unit: "count".into(),
        part,
    };
    let rate = |code: &str, f: fn(&Figures) -> Option<i64>, unit: &str| StatRow {
        code: code.into(),
        current: f(c),
        previous: f(p),
        unit: unit.into(),
        part: false,
    };
    view.rows = vec![
        count("carried_over", |f| f.carried_over, false),
        count("received", Figures::received, false),
        count("received_online", |f| f.received_online, true),
        count("received_counter", |f| f.received_counter, true),
        count("received_post", |f| f.received_post, true),
        count("resolved", Figures::resolved, false),
        count("resolved_on_time", |f| f.resolved_on_time, true),
        count("resolved_late", |f| f.resolved_late, true),
        count("refused", |f| f.refused, false),
        count("stopped", |f| f.stopped, false),
        count("withdrawn", |f| f.withdrawn, false),
        count("pending", Figures::pending, false),
        count("pending_in_time", |f| f.pending_in_time, true),
        count("pending_overdue", |f| f.pending_overdue, true),
        count("supplement_requests", |f| f.supplement_requests, false),
        rate("on_time_rate", Figures::on_time_percent, "percent"),
        rate("online_rate", Figures::online_percent, "percent"),
        rate("paid_online_rate", Figures::paid_online_percent, "percent"),
        rate("digitised_rate", Figures::digitised_percent, "percent"),
        rate("e_result_rate", Figures::e_result_percent, "percent"),
        rate("average_time", Figures::average_work_minutes, "minutes"),
        count("ratings", Figures::ratings, false),
        rate("satisfied_rate", Figures::satisfied_percent, "percent"),
    ];
    view.received_chart = vec![
        ("received_online".into(), c.received_online),
        ("received_counter".into(), c.received_counter),
        ("received_post".into(), c.received_post),
    ];
    view.results_chart = vec![
        ("resolved_on_time".into(), c.resolved_on_time),
        ("resolved_late".into(), c.resolved_late),
        ("refused_or_stopped".into(), c.refused + c.stopped),
        ("withdrawn".into(), c.withdrawn),
        ("pending_in_time".into(), c.pending_in_time),
        ("pending_overdue".into(), c.pending_overdue),
    ];
    let mut lines: Vec<AgencyLine> = r
        .by_agency
        .iter()
        .map(|(code, f)| AgencyLine {
            code: code.clone(),
            name: name_of(code),
            received: f.received(),
            resolved: f.resolved(),
            on_time_percent: f.on_time_percent(),
            overdue: f.pending_overdue,
            satisfied_percent: f.satisfied_percent(),
        })
        .collect();
    lines.sort_by(|a, b| b.received.cmp(&a.received).then(a.name.cmp(&b.name)));
    view.by_agency = lines;
    for (name, value) in [("field", &view.field), ("procedure", &view.procedure)] {
        if !value.is_empty() {
            let value = crate::format::percent_encode(value);
            view.narrowing.push_str(&format!("&{name}={value}"));
        }
    }
    if let Period::Custom { .. } = r.period {
        // The span shows in the date fields; the select stays on its first choice.
        view.period = String::new();
    } else {
        if !view.periods.iter().any(|c| c.value == view.period) {
            view.periods.insert(
                0,
                Choice {
                    value: view.period.clone(),
                    label: view.period_label.clone(),
                },
            );
        }
        let agency = if view.agency.is_empty() {
            String::new()
        } else {
            format!("&agency={}", crate::format::percent_encode(&view.agency))
        };
        view.download_query = format!("period={}{agency}{}", r.period.code(), view.narrowing);
    }
    Ok(view)
}

/// The periods the form offers: the last 13 months, the last 5 quarters and the last 3 years,
/// newest first.
#[cfg(feature = "ssr")]
fn period_choices(today: chrono::NaiveDate) -> Vec<domain::statistics::period::Period> {
    use chrono::Datelike;
    use domain::statistics::period::Period;
    let mut out = Vec::new();
    let mut month = Period::month_of(today);
    for _ in 0..13 {
        out.push(month);
        month = month.previous();
    }
    let mut quarter = Period::Quarter {
        year: today.year(),
        quarter: today.month0() / 3 + 1,
    };
    for _ in 0..5 {
        out.push(quarter);
        quarter = quarter.previous();
    }
    for back in 0..3 {
        out.push(Period::Year(today.year() - back));
    }
    out
}

/// A period in words: "Tháng 11/2026", "Quý 4/2026", "Năm 2026", "Từ 03/11/2026 đến …".
#[cfg(feature = "ssr")]
fn period_label(t: crate::i18n::Locale, p: &domain::statistics::period::Period) -> String {
    use crate::i18n::Key;
    use domain::statistics::period::Period;
    match *p {
        Period::Month { year, month } => t.tf(Key::StatPeriodMonth, &[("m", &month), ("y", &year)]),
        Period::Quarter { year, quarter } => {
            t.tf(Key::StatPeriodQuarter, &[("q", &quarter), ("y", &year)])
        }
        Period::Year(year) => t.tf(Key::StatPeriodYear, &[("y", &year)]),
        Period::Custom { from, to } => t.tf(
            Key::StatPeriodCustom,
            &[
                ("from", &from.format("%d/%m/%Y")),
                ("to", &to.format("%d/%m/%Y")),
            ],
        ),
    }
}

/// Hundredths as shown: `87,45` in Vietnamese, `87.45` in English; `signed` adds `+`.
#[cfg(feature = "ssr")]
fn hundredths(t: crate::i18n::Locale, n: i64, signed: bool) -> String {
    let sign = if n < 0 {
        "−"
    } else if signed && n > 0 {
        "+"
    } else {
        ""
    };
    let sep = if t == crate::i18n::Locale::Vi {
        ','
    } else {
        '.'
    };
    format!("{sign}{}{sep}{:02}", n.abs() / 100, n.abs() % 100)
}

/// The Decision 766 index of every agency in `period` (this month when empty), best first, and
/// the indicators of `agency` when one is chosen.
#[server(prefix = "/api/ui", endpoint = "quality_index")]
pub async fn quality_index(period: String, agency: String) -> Result<IndexView, AppError> {
    use domain::statistics::index766;
    use domain::statistics::report::{period_of, Request};

    use crate::dto::dossier::Choice;
    use crate::dto::statistics::{IndexGroup, IndexLine, IndicatorLine};
    use crate::i18n::{Key, Locale};

    let db = super::db()?;
    let t = crate::i18n::use_locale();
    let today = domain::dossiers::codes::vietnam_date(chrono::Utc::now());
    let mut view = IndexView {
        periods: period_choices(today)
            .iter()
            .map(|p| Choice {
                value: p.code(),
                label: period_label(t, p),
            })
            .collect(),
        agency: agency.trim().to_owned(),
        ..IndexView::default()
    };
    let request = Request {
        period: period.clone(),
        ..Request::default()
    };
    let period = match period_of(&request, today) {
        Ok(p) => p,
        Err(domain::DomainError::Validation(fields)) => {
            view.period = request.period;
            view.errors = fields.into_iter().map(|f| (f.field, f.code)).collect();
            return Ok(view);
        }
        Err(e) => return Err(e.into()),
    };
    view.period = period.code();
    view.period_label = period_label(t, &period);
    view.previous_label = period_label(t, &period.previous());
    let ranking = index766::ranking(&db, &period, today).await?;
    let names = domain::catalogue::AgencyNames::load(&db).await?;
    let name_of = |code: &str| names.of(code);
    let en = t == Locale::En;
    if let Some(first) = ranking.first() {
        view.groups = first
            .groups
            .iter()
            .map(|g| IndexGroup {
                code: g.code.clone(),
                name: if en {
                    g.name_en.clone()
                } else {
                    g.name_vi.clone()
                },
                max: g.max,
            })
            .collect();
        if let Some(i) = first.indicators.first() {
            view.effective_from = i.indicator.effective_from.format("%d/%m/%Y").to_string();
            view.source = i.indicator.source.clone();
        }
    }
    view.ranking = ranking
        .iter()
        .enumerate()
        .map(|(n, s)| IndexLine {
            rank: n + 1,
            code: s.agency.clone(),
            name: name_of(&s.agency),
            total: hundredths(t, s.total, false),
            trend: s
                .previous
                .map(|p| hundredths(t, s.total - p, true))
                .unwrap_or_default(),
            groups: s
                .groups
                .iter()
                .map(|g| hundredths(t, g.points, false))
                .collect(),
        })
        .collect();
    if let Some(chosen) = ranking.iter().find(|s| s.agency == view.agency) {
        view.agency_name = name_of(&chosen.agency);
        view.agency_total = hundredths(t, chosen.total, false);
        view.indicators = chosen
            .indicators
            .iter()
            .map(|i| {
                let ind = &i.indicator;
                let rate = i.rate.map(|r| format!("{}%", hundredths(t, r, false)));
                let points = hundredths(t, i.points, false);
                IndicatorLine {
                    code: ind.code.clone(),
                    name: if en {
                        ind.name_en.clone()
                    } else {
                        ind.name_vi.clone()
                    },
                    basis: format!("{} / {}", i.part, i.whole),
                    formula: match &rate {
                        Some(r) => t.tf(
                            Key::IndexFormula,
                            &[
                                ("rate", r),
                                ("max", &ind.max_points),
                                ("threshold", &ind.threshold_percent),
                                ("points", &points),
                            ],
                        ),
                        None => t.t(Key::IndexNoData).to_owned(),
                    },
                    rate: rate.unwrap_or_else(|| "—".into()),
                    threshold: format!("{}%", ind.threshold_percent),
                    max: ind.max_points,
                    points,
                }
            })
            .collect();
    } else if !view.agency.is_empty() {
        view.errors = vec![("agency".into(), "stat_agency_unknown".into())];
    }
    Ok(view)
}
