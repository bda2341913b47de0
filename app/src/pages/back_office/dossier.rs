//! `/mot-cua/ho-so/{id}`: one dossier in the back office: its facts, panels (result, payments,
//! fee, postal return), the viewer's actions, the workflow, the content with the documents, and
//! the timeline.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::actions::ActionBox;
use super::payments::{FeePanel, PaymentsPanel};
use super::postal::PostalPanel;
use super::result::ResultPanel;
use crate::components::form::{action_error, ErrorSummary};
use crate::components::loaded::{Failure, Loaded};
use crate::dto::back_office::StaffDossierView;
use crate::dto::dossier::FileView;
use crate::format::{key_text, status_label};
use crate::i18n::{use_locale, Key};
use crate::server_fns::back_office::dossier::{staff_dossier, DossierAct};

/// `/mot-cua/ho-so/{id}`: one dossier in the back office.
#[component]
pub fn StaffDossierPage() -> impl IntoView {
    let t = use_locale();
    let params = use_params_map();
    let query = use_query_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let act = ServerAction::<DossierAct>::new();
    let data = Resource::new(
        move || (id.get(), query.with(|q| q.get("da")), act.version().get()),
        |(id, _, _)| staff_dossier(crate::session::csrf_token(), id),
    );
    let failure = Failure::sign_in(move || format!("/mot-cua/ho-so/{}", id.get_untracked()));
    view! {
        <div class="container container-wide back-office">
            <p class="breadcrumb"><a href="/mot-cua">{t.t(Key::BoTitle)}</a></p>
            <Loaded data failure let:v>
                <StaffDossierBody v act />
            </Loaded>
        </div>
    }
}

/// The page of one loaded dossier; `act` reloads it after each action.
#[component]
fn StaffDossierBody(v: StaffDossierView, act: ServerAction<DossierAct>) -> impl IntoView {
    let t = use_locale();
    let done = use_query_map().with_untracked(|q| q.get("da"));
    let error = action_error(act.value());
    let d = v.dossier.clone();
    let code = d.code.clone().unwrap_or_default();
    let urgency = v.urgency.clone();
    view! {
        <Title text=format!("{code} — {}", t.t(Key::BoTitle)) />
        <h1>{t.tf(Key::BoDossierHeading, &[("code", &code)])}</h1>
        <p class="lead">{d.procedure_name.clone()}" ("{d.procedure_code.clone()}")"</p>
        {done.map(|a| view! { <div class="notice notice-success" role="status"><p>{key_text(t, &format!("bo_done_{a}"))}</p></div> })}
        <ErrorSummary error />
        <dl class="summary-list bo-summary">
            <dt>{t.t(Key::BoStatus)}</dt>
            <dd><strong>{status_label(t, &v.status)}</strong></dd>
            <dt>{t.t(Key::BoHolding)}</dt>
            <dd>
                {v.holding_agency.clone()}
                {v.transfer_origin.clone().map(|o| view! { <br /><span class="hint">{t.tf(Key::BoTransferredFrom, &[("agency", &o)])}</span> })}
            </dd>
            <dt>{t.t(Key::BoAssignee)}</dt>
            <dd>{v.assignee.clone().unwrap_or_else(|| t.t(Key::BoNobody).to_owned())}</dd>
            <dt>{t.t(Key::BoAccepted)}</dt>
            <dd>{v.accepted_at.clone().unwrap_or_else(|| "—".into())}</dd>
            <dt>{t.t(Key::BoDue)}</dt>
            <dd>
                <span id="bo-due">{v.due_at.clone().unwrap_or_else(|| t.t(Key::BoDueAfterAccept).to_owned())}</span>
                {v.time_left.clone().map(|l| view! {
                    " — "<span class=format!("time-left urgency-{urgency}")>{l}</span>
                })}
                {(v.urgency == "paused").then(|| view! { " " <span class="badge">{t.t(Key::BoPaused)}</span> })}
                {(v.apologies > 0).then(|| view! { <br /><span class="hint">{t.tf(Key::BoApologies, &[("n", &v.apologies)])}</span> })}
            </dd>
        </dl>
        {(v.result.is_some() || v.can_attach_result).then(|| view! { <ResultPanel v=v.clone() /> })}
        {(!v.payments.is_empty()).then(|| view! { <PaymentsPanel v=v.clone() /> })}
        {(!v.fee_summary.is_empty() || v.can_add_fee || !v.refund_orders.is_empty()).then(|| view! { <FeePanel v=v.clone() /> })}
        {v.postal.clone().map(|p| view! { <PostalPanel p=p id=v.dossier.id.clone() /> })}
        {v.rating.clone().map(|r| view! { <StaffRatingPanel r id=v.dossier.id.clone() answerable=v.rating_answerable /> })}
        <section aria-labelledby="bo-actions-h" class="bo-actions">
            <h2 id="bo-actions-h">{t.t(Key::BoActions)}</h2>
            {if v.actions.is_empty() {
                view! { <p>{t.t(Key::BoNoActions)}</p> }.into_any()
            } else {
                v.actions
                    .iter()
                    .map(|a| view! { <ActionBox action=a.clone() v=v.clone() act /> })
                    .collect_view()
                    .into_any()
            }}
        </section>
        <section aria-labelledby="bo-steps-h">
            <h2 id="bo-steps-h">{t.t(Key::BoSteps)}</h2>
            <ol class="bo-steps">
                {v.steps
                    .iter()
                    .map(|s| view! {
                        <li aria-current=s.current.then_some("step") class:current=s.current>
                            <strong>{s.name.clone()}</strong>" — "{s.agency.clone()}" · "{t.tf(Key::BoStepHours, &[("n", &s.hours)])}
                        </li>
                    })
                    .collect_view()}
            </ol>
        </section>
        <section aria-labelledby="bo-content-h">
            <h2 id="bo-content-h">{t.t(Key::BoContent)}</h2>
            {d.review
                .iter()
                .map(|s| view! {
                    <dl class="summary-list">
                        {s.rows.iter().map(|(k, val)| view! { <dt>{k.clone()}</dt><dd>{val.clone()}</dd> }).collect_view()}
                    </dl>
                })
                .collect_view()}
            <h3>{t.t(Key::BoDocuments)}</h3>
            <ul class="bo-files">
                {d.slots
                    .iter()
                    .map(|s| view! {
                        <li>
                            <strong>{s.label.clone()}</strong>
                            {if s.files.is_empty() {
                                view! { " — "<span class="hint">{t.t(Key::BoNoFile)}</span> }.into_any()
                            } else {
                                view! {
                                    <ul>
                                        {s.files.iter().map(|f| view! { <li><FilePreview file=f.clone() /></li> }).collect_view()}
                                    </ul>
                                }
                                .into_any()
                            }}
                        </li>
                    })
                    .collect_view()}
            </ul>
        </section>
        <section aria-labelledby="bo-timeline-h">
            <h2 id="bo-timeline-h">{t.t(Key::BoTimeline)}</h2>
            <ol class="bo-timeline">
                {v.events
                    .iter()
                    .map(|e| view! {
                        <li>
                            <p>
                                <time>{e.at.clone()}</time>" · "<strong>{t.event_label(&e.kind)}</strong>
                                " · "{e.actor.clone()}
                                {e.to_status.clone().map(|s| view! { " → "{status_label(t, &s)} })}
                            </p>
                            {e.details.iter().map(|x| view! { <p class="hint">{x.clone()}</p> }).collect_view()}
                            {e.public_note.clone().map(|n| view! { <p>{t.t(Key::BoPublicNote)}": "{n}</p> })}
                            {e.internal_note.clone().map(|n| view! { <p class="internal-note">{t.t(Key::BoInternalNote)}": "{n}</p> })}
                            {e.slip_url.clone().map(|u| view! { <p><a href=u>{key_text(t, &format!("bo_slip_{}", e.kind))}</a></p> })}
                        </li>
                    })
                    .collect_view()}
            </ol>
        </section>
    }
}

/// A document as the staff see it: its link, and an image or a PDF shown in the page, so that a
/// clerk checks a scan without opening tabs. Each PDF's frame sits in a closed `<details>`, so
/// a dossier of many scans stays a short page.
#[component]
fn FilePreview(file: FileView) -> impl IntoView {
    let t = use_locale();
    let link =
        view! { <a href=file.url.clone() target="_blank" rel="noopener">{file.name.clone()}</a> };
    let preview = if file.content_type.starts_with("image/") {
        // The link beside it names the file, so the picture itself is not announced twice.
        Some(
            view! { <img src=file.url.clone() alt="" class="bo-preview-image" loading="lazy" /> }
                .into_any(),
        )
    } else if file.content_type == "application/pdf" {
        Some(
            view! {
                <details class="bo-preview">
                    <summary>
                        {t.t(Key::BoPreview)}<span class="visually-hidden">{format!(": {}", file.name)}</span>
                    </summary>
                    <iframe src=file.url.clone() title=file.name.clone()></iframe>
                </details>
            }
            .into_any(),
        )
    } else {
        None
    };
    view! { {link} {preview} }
}

/// The applicant's rating, and for a leader of the rated agency the form that answers a
/// "not satisfied" (a plain form post; the applicant reads the answer on the dossier page).
#[component]
fn StaffRatingPanel(
    r: crate::dto::dossier::RatingView,
    id: String,
    answerable: bool,
) -> impl IntoView {
    use crate::pages::dossier::rating::{rating_outcome, RatingErrors, RatingGiven};
    let t = use_locale();
    let (answered, errors) = rating_outcome();
    let answered = answered
        || use_query_map().with_untracked(|q| q.get("danh-gia").as_deref() == Some("da-tra-loi"));
    view! {
        <section class="panel bo-rating" id="danh-gia" aria-labelledby="bo-rating-h" tabindex="-1">
            <h2 id="bo-rating-h">{t.t(Key::BoRatingTitle)}</h2>
            {answered.then(|| view! { <div class="notice notice-success" role="status"><p>{t.t(Key::BoRatingAnswered)}</p></div> })}
            <RatingErrors errors />
            <RatingGiven r />
            {answerable.then(|| view! {
                <form method="post" action=format!("/mot-cua/ho-so/{id}/danh-gia/tra-loi") class="form rating-answer-form" novalidate>
                    <crate::components::form::CsrfField />
                    <div class="field">
                        <label for="answer">{t.t(Key::BoRatingAnswer)}</label>
                        <p class="field-hint" id="answer-hint">{t.t(Key::BoRatingAnswerHint)}</p>
                        <textarea id="answer" name="answer" rows="4" maxlength="2000" required aria-describedby="answer-hint"></textarea>
                    </div>
                    <button type="submit" class="button">{t.t(Key::BoRatingAnswerSubmit)}</button>
                </form>
            })}
        </section>
    }
}
