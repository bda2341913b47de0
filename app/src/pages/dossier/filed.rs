//! `/ho-so/{id}`: a filed dossier (its facts, payment, delivery, progress, result, supplement
//! request, timeline and who opened it), or a draft's way back to where it stopped.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::payment::{PaymentPanel, RefundPanel};
use super::rating::RatingPanel;
use crate::components::form::{CsrfField, ErrorSummary};
use crate::components::loaded::{Failure, Loaded};
use crate::components::upload::UploadForm;
use crate::dto::dossier::*;
use crate::format::{error_text, fee_text, status_label};
use crate::i18n::{use_locale, Key};
use crate::server_fns::back_office::dossier::SupplyDossier;
use crate::server_fns::dossier::get_dossier;
use crate::session::kept_value;

/// `/ho-so/{id}`: a filed dossier, or a draft's resume point.
#[component]
pub fn DossierPage() -> impl IntoView {
    let t = use_locale();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let data = Resource::new(move || id.get(), |id| get_dossier(id, String::new(), false));
    let failure = Failure::sign_in(move || format!("/ho-so/{}", id.get_untracked()));
    view! {
        <Title text=t.t(Key::MyDossiers) />
        <div class="container narrow dossier">
            <Loaded data failure let:value>
                {match value {
                    d if d.code.is_some() => view! { <FiledDossier d=d /> }.into_any(),
                    d => view! {
                        <h1>{d.procedure_name.clone()}</h1>
                        <p>{t.t(Key::DraftNotFiled)}</p>
                        <p><a class="button" href=format!("/ho-so/{}/{}", d.id, d.steps.iter().find(|s| s.current).map(|s| s.slug.clone()).unwrap_or_default())>{t.t(Key::ResumeDraft)}</a></p>
                    }
                    .into_any(),
                }}
            </Loaded>
        </div>
    }
}

/// A filed dossier as its applicant (or staff with a part in it) reads it.
#[component]
pub(super) fn FiledDossier(d: DossierView) -> impl IntoView {
    let t = use_locale();
    let code = d.code.clone().unwrap_or_default();
    let just = use_query_map().with_untracked(|q| q.get("moi").is_some());
    // Reactive: after the supplement is sent the router only changes the query, not the page.
    let query = use_query_map();
    let supplied = move || query.with(|q| q.get("da").as_deref() == Some("bo-sung"));
    let changed = move || query.with(|q| q.get("da").as_deref() == Some("nhan-ket-qua"));
    // After a change that left something to pay, say where to pay it.
    let d_pay = d.payment.as_ref().is_some_and(|p| p.can_pay);
    view! {
        <Title text=format!("{} {}", t.t(Key::DossierCode), code) />
        <p class="breadcrumb"><a href="/ho-so-cua-toi">{t.t(Key::MyDossiers)}</a></p>
        {just.then(|| view! {
            <div class="notice notice-success panel-success" role="status">
                <h1>{t.t(Key::SubmittedTitle)}</h1>
                <p>{t.t(Key::SubmittedText)}</p>
            </div>
        })}
        {(!just).then(|| view! { <h1>{d.procedure_name.clone()}</h1> })}
        <dl class="facts">
            <dt>{t.t(Key::DossierCode)}</dt>
            <dd><strong class="dossier-code">{code.clone()}</strong></dd>
            <dt>{t.t(Key::DossierProcedure)}</dt>
            <dd>{d.procedure_name.clone()}</dd>
            <dt>{t.t(Key::DossierStatus)}</dt>
            <dd>{status_label(t, &d.status)}</dd>
            <dt>{t.t(Key::FieldReceivingAgency)}</dt>
            <dd>{d.receiving_agency.clone().unwrap_or_default()}</dd>
            <dt>{t.t(Key::SubmittedAt)}</dt>
            <dd>{d.submitted_at.clone().unwrap_or_default()}</dd>
            <dt>{t.t(Key::FeeDue)}</dt>
            <dd>{fee_text(t, d.fee_vnd)}</dd>
        </dl>
        {d.due_at.clone().map(|due| view! {
            <p class="due-line">{t.tf(Key::DossierDueAt, &[("due", &due)])}</p>
        })}
        {move || changed().then(|| view! { <div class="notice notice-success" role="status"><p>{t.t(if d_pay { Key::DeliveryChangedPay } else { Key::DeliveryChangedNotice })}</p></div> })}
        {d.payment.clone().map(|p| view! { <PaymentPanel d=d.clone() p /> })}
        {(!d.refunds.is_empty()).then(|| view! { <RefundPanel d=d.clone() /> })}
        {d.rating.clone().map(|r| view! { <RatingPanel d=d.clone() r /> })}
        <section class="delivery-now" aria-labelledby="delivery-h">
            <h2 id="delivery-h">{t.t(Key::DeliverySectionTitle)}</h2>
            <dl class="delivery-facts">
                {d.delivery_rows.iter().map(|(label, value)| view! { <dt>{label.clone()}</dt><dd>{value.clone()}</dd> }).collect_view()}
            </dl>
            {d.delivery_changeable.then(|| view! {
                <p><a class="button button-secondary" href=format!("/ho-so/{}/nhan-ket-qua", d.id)>{t.t(Key::DeliveryChangeLink)}</a></p>
            })}
        </section>
        {d.now_at.clone().map(|at| view! { <p class="now-at">{at}</p> })}
        {d.time_left.clone().map(|left| view! {
            <p class="time-left-line">{t.tf(Key::DossierTimeLeft, &[("left", &left)])}</p>
        })}
        {d.paused.then(|| view! { <p class="notice">{t.t(Key::DossierPaused)}</p> })}
        {d.result.clone().map(|r| view! {
            <section class="notice notice-success result-ready" aria-labelledby="result-h">
                <h2 id="result-h">{t.t(Key::ResultReadyTitle)}</h2>
                <p>{r.received.clone().unwrap_or_else(|| t.t(Key::ResultReadyText).to_owned())}</p>
                <p>
                    <a class="button button-large" href=r.url.clone()>{t.t(Key::ResultDownload)}</a>" "
                    <a href=r.verify_url.clone()>{t.t(Key::ResultVerifyLink)}</a>
                </p>
            </section>
        })}
        {move || supplied().then(|| view! { <div class="notice notice-success" role="status"><p>{t.t(Key::SupplySent)}</p></div> })}
        {d.supplement.clone().map(|s| view! { <SupplementPanel d=d.clone() s /> })}
        <p>
            <a class="button" href=format!("/ho-so/{}/phieu-tiep-nhan.pdf", d.id) download="">{t.t(Key::DownloadReceipt)}</a>
        </p>
        <h2>{t.t(Key::Timeline)}</h2>
        <ol class="timeline">
            {d.timeline.iter().map(|(at, text, slip)| view! {
                <li>
                    <time>{at.clone()}</time>" — "{text.clone()}
                    {slip.clone().map(|(url, label)| view! { " " <a href=url download="">{label}</a> })}
                </li>
            }).collect_view()}
        </ol>
        <section aria-labelledby="access-h" class="access-log">
            <h2 id="access-h">{t.t(Key::AccessTitle)}</h2>
            <p class="hint">{t.t(Key::AccessLead)}</p>
            {if d.access.is_empty() {
                view! { <p>{t.t(Key::AccessNone)}</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap">
                        <table class="table stack-table">
                            <thead><tr>
                                <th scope="col">{t.t(Key::AccessAt)}</th>
                                <th scope="col">{t.t(Key::AccessAgency)}</th>
                                <th scope="col">{t.t(Key::AccessRoles)}</th>
                                <th scope="col">{t.t(Key::AccessWhat)}</th>
                            </tr></thead>
                            <tbody>
                                {d.access.iter().map(|a| view! {
                                    <tr>
                                        <td data-label=t.t(Key::AccessAt)>{a.at.clone()}</td>
                                        <td data-label=t.t(Key::AccessAgency)>{a.agency.clone()}</td>
                                        <td data-label=t.t(Key::AccessRoles)>{a.roles.clone()}</td>
                                        <td data-label=t.t(Key::AccessWhat)>{a.what.clone()}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
                .into_any()
            }}
        </section>
    }
}

/// What the agency asked for, the documents with their upload forms, and the button that sends
/// the supplement (plain forms: it works without JavaScript).
#[component]
fn SupplementPanel(d: DossierView, s: SupplementView) -> impl IntoView {
    let t = use_locale();
    let supply = ServerAction::<SupplyDossier>::new();
    let error = Signal::derive(move || supply.value().get().and_then(|r| r.err()));
    let upload_error = use_query_map().with_untracked(|q| {
        (q.get("tai-len").as_deref() == Some("loi")).then(|| q.get("ma").unwrap_or_default())
    });
    view! {
        <section class="notice notice-warning supplement" aria-labelledby="supplement-h">
            <h2 id="supplement-h">{t.t(Key::SupplementTitle)}</h2>
            <p>{t.tf(Key::SupplementAsked, &[("at", &s.asked_at)])}</p>
            {(!s.note.is_empty()).then(|| view! { <p><strong>{s.note.clone()}</strong></p> })}
            {(!s.missing.is_empty()).then(|| view! {
                <ul>{s.missing.iter().map(|m| view! { <li>{m.clone()}</li> }).collect_view()}</ul>
            })}
            <p>{t.t(Key::SupplementHow)}</p>
        </section>
        {upload_error.map(|code| view! {
            <div class="notice notice-error" role="alert"><p>{error_text(t, &code)}</p></div>
        })}
        {d.slots
            .iter()
            .map(|slot| {
                let limits_id = format!("limits-{}", slot.key);
                view! {
                    <section class="slot" aria-label=slot.label.clone()>
                        <h3>{slot.label.clone()}</h3>
                        <p id=limits_id.clone() class="hint">{t.tf(Key::SlotLimits, &[("types", &slot.types), ("mb", &slot.max_mb), ("n", &slot.max_files)])}</p>
                        <ul class="files">
                            {slot.files.iter().map(|f| view! { <li><a href=f.url.clone()>{f.name.clone()}</a></li> }).collect_view()}
                        </ul>
                        <UploadForm dossier_id=d.id.clone() slot_key=slot.key.clone() accept=slot.accept.clone() label=slot.label.clone() limits_id />
                    </section>
                }
            })
            .collect_view()}
        <ActionForm action=supply attr:class="form supply-form">
            <CsrfField />
            <ErrorSummary error />
            <input type="hidden" name="id" value=d.id.clone() />
            <label for="supply-note">{t.t(Key::SupplyNote)}</label>
            <textarea id="supply-note" name="public_note" rows="3">{kept_value("public_note")}</textarea>
            <button type="submit" class="button button-large">{t.t(Key::SupplySend)}</button>
        </ActionForm>
    }
}
