//! `/thu-tuc/{slug}`: everything published about one procedure, with the way to submit.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

use crate::components::notice::ErrorNotice;
use crate::components::procedure_list::level_label;
use crate::dto::{AgencyRefView, FeeView, ProcedureView};
use crate::error::AppError;
use crate::format::money;
use crate::i18n::{use_locale, Key, Locale};
use crate::pages::public::not_found::{set_not_found_status, NotFoundPage};
use crate::server_fns::catalogue::get_procedure;

/// `/thu-tuc/{slug}`
#[component]
pub fn ProcedurePage() -> impl IntoView {
    let t = use_locale();
    let params = use_params_map();
    let slug = move || params.with(|p| p.get("slug").unwrap_or_default());
    let procedure = Resource::new(slug, get_procedure);
    view! {
        <Suspense fallback=move || view! { <p class="container">{t.t(Key::Loading)}</p> }>
            {move || Suspend::new(async move {
                match procedure.await {
                    Ok(p) => view! { <ProcedureDetails p /> }.into_any(),
                    Err(AppError::NotFound) => {
                        set_not_found_status();
                        view! { <NotFoundPage /> }.into_any()
                    }
                    Err(e) => view! { <div class="container"><ErrorNotice error=e /></div> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn document_kind(t: Locale, kind: &str) -> &'static str {
    match kind {
        "original" => t.t(Key::DocOriginal),
        "copy" => t.t(Key::DocCopy),
        _ => t.t(Key::DocOriginalOrCopy),
    }
}

fn channel_label(t: Locale, channel: &str) -> &'static str {
    match channel {
        "online" => t.t(Key::ChannelOnline),
        "post" => t.t(Key::ChannelPost),
        _ => t.t(Key::ChannelDesk),
    }
}

/// An agency reference: a link to the agency's page, or the wording for "the commune's People's
/// Committee" when each commune does it; with its level.
fn agency_ref(t: Locale, r: &AgencyRefView, commune_wording: Key) -> impl IntoView {
    let level = if r.level == "province" {
        t.t(Key::AgencyLevelProvince)
    } else {
        t.t(Key::AgencyLevelCommune)
    };
    let name = match (&r.name, &r.slug) {
        (Some(name), Some(slug)) => {
            view! { <a href=format!("/co-quan/{slug}")>{name.clone()}</a> }.into_any()
        }
        (Some(name), None) => name.clone().into_any(),
        _ => t.t(commune_wording).into_any(),
    };
    view! { {name} " (" {level.to_lowercase()} ")" }
}

/// A download link for a template form, naming the form for screen readers.
fn template_link(t: Locale, url: String, document: &str) -> impl IntoView {
    let kind = url
        .rsplit('.')
        .next()
        .unwrap_or_default()
        .to_ascii_uppercase();
    view! {
        <br />
        <a class="template-link" href=url download="">
            {t.tf(Key::TemplateDownload, &[("kind", &kind)])}
            <span class="visually-hidden">{format!(": {document}")}</span>
        </a>
    }
}

#[component]
fn ProcedureDetails(p: ProcedureView) -> impl IntoView {
    let t = use_locale();
    let field = match t {
        Locale::Vi => p.field_name.0.clone(),
        Locale::En => p.field_name.1.clone(),
    };
    let receiving = p
        .receiving
        .as_ref()
        .map(|r| agency_ref(t, r, Key::AgencyCommuneDesk));
    let processing = p
        .processing
        .iter()
        .map(|r| view! { <li>{agency_ref(t, r, Key::AgencyCommuneCommittees)}</li> })
        .collect_view();
    let field_href = format!("/linh-vuc/{}", p.field_slug);
    let time_limit = match (p.card.processing_days, &p.processing_note) {
        (0, Some(note)) => note.clone(),
        (0, None) => t.t(Key::ProcessingSameDay).to_owned(),
        (n, Some(note)) => format!("{} ({note})", t.tf(Key::ProcessingDays, &[("n", &n)])),
        (n, None) => t.tf(Key::ProcessingDays, &[("n", &n)]),
    };
    let online = p.card.level != "information";
    let fees = if p.fees.is_empty() {
        view! { <p>{t.t(Key::FeeFree)}</p> }.into_any()
    } else {
        view! {
            <ul>
                {p
                    .fees
                    .iter()
                    .map(|f| view! { <li>{f.item.clone()} ": " <strong>{fee_rule_text(t, f)}</strong></li> })
                    .collect_view()}
            </ul>
            {(!p.fee_exemptions.is_empty()).then(|| view! {
                <h3>{t.t(Key::FeeExemptionsTitle)}</h3>
                <ul>
                    {p.fee_exemptions.iter().map(|e| {
                        let (who, evidence) = match t {
                            Locale::Vi => (e.who.0.clone(), e.evidence.0.clone()),
                            Locale::En => (e.who.1.clone(), e.evidence.1.clone()),
                        };
                        let share = if e.percent >= 100 {
                            t.t(Key::FeeExempt).to_owned()
                        } else {
                            t.tf(Key::FeeReduced, &[("percent", &e.percent)])
                        };
                        view! { <li>{who} ": " <strong>{share}</strong> " — " {t.tf(Key::FeeExemptionEvidence, &[("doc", &evidence)])}</li> }
                    }).collect_view()}
                </ul>
            })}
        }
            .into_any()
    };
    view! {
        <Title text=p.card.name.clone() />
        <Meta name="description" content=p.description.clone() />
        <article class="container procedure">
            <nav aria-label=t.t(Key::BreadcrumbLabel) class="breadcrumb">
                <a href="/">{t.t(Key::NavHome)}</a>
                " › "
                <a href="/thu-tuc">{t.t(Key::NavProcedures)}</a>
            </nav>
            <h1>{p.card.name.clone()}</h1>
            <p class="card-meta">
                <span class=format!("badge badge-{}", p.card.level)>{level_label(t, &p.card.level)}</span>
                <span>{t.tf(Key::ProcedureCode, &[("c", &p.card.code)])}</span>
                <a href=field_href>{field}</a>
                <span>{t.tf(Key::ProcedureVersion, &[("v", &p.version)])}</span>
            </p>
            <p class="lead">{p.description.clone()}</p>
            <div class="cta">
                {if online {
                    view! {
                        <a class="button button-large" href=format!("/nop-truc-tuyen/{}", p.card.code)>
                            {t.t(Key::SubmitOnline)}
                        </a>
                        <p class="hint">{t.t(Key::SubmitOnlineHint)}</p>
                    }
                        .into_any()
                } else {
                    view! { <p class="notice">{t.t(Key::InformationOnly)}</p> }.into_any()
                }}
            </div>
            <dl class="facts">
                {receiving
                    .map(|r| {
                        view! {
                            <dt>{t.t(Key::SectionReceiving)}</dt>
                            <dd>{r}</dd>
                        }
                    })}
                <dt>{t.t(Key::SectionAgency)}</dt>
                <dd>
                    <ul class="plain">{processing}</ul>
                </dd>
                <dt>{t.t(Key::SectionTimeLimit)}</dt>
                <dd>{time_limit}</dd>
                <dt>{t.t(Key::SectionChannels)}</dt>
                <dd>
                    {p
                        .channels
                        .iter()
                        .map(|c| channel_label(t, c))
                        .collect::<Vec<_>>()
                        .join(", ")}
                </dd>
                <dt>{t.t(Key::SectionResult)}</dt>
                <dd>{p.result.clone()}</dd>
            </dl>
            <section aria-labelledby="steps-title">
                <h2 id="steps-title">{t.t(Key::SectionSteps)}</h2>
                <ol class="numbered">
                    {p.steps.iter().map(|s| view! { <li>{s.clone()}</li> }).collect_view()}
                </ol>
            </section>
            <section aria-labelledby="docs-title">
                <h2 id="docs-title">{t.t(Key::SectionDocuments)}</h2>
                <div class="table-wrap">
                    <table>
                        <thead>
                            <tr>
                                <th scope="col">{t.t(Key::DocName)}</th>
                                <th scope="col">{t.t(Key::DocKind)}</th>
                                <th scope="col">{t.t(Key::DocCopies)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {p
                                .documents
                                .iter()
                                .map(|d| {
                                    let required = if d.required { "" } else { t.t(Key::DocOptional) };
                                    view! {
                                        <tr>
                                            <td>
                                                {d.name.clone()} " " <em>{required}</em>
                                                {d
                                                    .template
                                                    .clone()
                                                    .map(|tpl| view! { <br /><small>{tpl}</small> })}
                                                {d.template_url.clone().map(|url| template_link(t, url, &d.name))}
                                            </td>
                                            <td>{document_kind(t, &d.kind)}</td>
                                            <td>{d.copies}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                </div>
            </section>
            <section aria-labelledby="fees-title">
                <h2 id="fees-title">{t.t(Key::SectionFees)}</h2>
                {fees}
            </section>
            {p
                .conditions
                .clone()
                .map(|c| {
                    view! {
                        <section aria-labelledby="conditions-title">
                            <h2 id="conditions-title">{t.t(Key::SectionConditions)}</h2>
                            <p>{c}</p>
                        </section>
                    }
                })}
            <section aria-labelledby="legal-title">
                <h2 id="legal-title">{t.t(Key::SectionLegalBasis)}</h2>
                <ul>{p.legal_basis.iter().map(|l| view! { <li>{l.clone()}</li> }).collect_view()}</ul>
            </section>
        </article>
    }
}

/// A fee rule in words: "2.000 đồng / trang; từ trang thứ 3: 1.000 đồng / trang; tối đa
/// 200.000 đồng".
fn fee_rule_text(t: Locale, f: &FeeView) -> String {
    let Some(per) = f.per.as_deref().map(|p| crate::format::unit_word(t, p)) else {
        return money(t, f.amount_vnd);
    };
    let mut text = format!("{} / {per}", money(t, f.amount_vnd));
    for (from, unit) in &f.tiers {
        text.push_str(&t.tf(
            Key::FeeTierFrom,
            &[("from", from), ("per", &per), ("amount", &money(t, *unit))],
        ));
    }
    if let Some(max) = f.max_vnd {
        text.push_str(&t.tf(Key::FeeCeiling, &[("amount", &money(t, max))]));
    }
    text
}
