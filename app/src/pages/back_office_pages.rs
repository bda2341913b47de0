//! The one-stop back office (Một cửa điện tử), desktop first: the queues of the staff member's
//! agency with search and bulk assignment, a dossier's page with its documents, workflow,
//! timeline and the actions the viewer may take, and the holiday calendar. Every action is a
//! plain form post, so the pages work without JavaScript too; `domain` decides what is allowed.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::components::form::{CsrfField, ErrorSummary};
use crate::components::row_keys::{self, RowKeysHint};
use crate::dto::back_office::{QueueView, StaffDossierView, StaffPostalView};
use crate::dto::dossier::{Choice, FileView};
use crate::error::AppError;
use crate::i18n::{use_locale, Key, Locale};
use crate::pages::dossier_pages::{sign_in_notice, status_label};
use crate::pages::not_found_page::ErrorNotice;
use crate::server_fns::back_office::{
    holidays, staff_dossier, staff_queue, BulkAssign, DossierAct, RemoveHoliday, SaveHoliday,
};

fn key_text(t: Locale, name: &str) -> String {
    Key::from_name(name)
        .map(|k| t.t(k).to_owned())
        .unwrap_or_else(|| name.to_owned())
}

fn action_error<T: Clone + Send + Sync + 'static>(
    value: impl Get<Value = Option<Result<T, AppError>>> + Send + Sync + 'static,
) -> Signal<Option<AppError>> {
    Signal::derive(move || value.get().and_then(|r| r.err()))
}

/// `/mot-cua?hang-doi=&q=&trang=`: the queues.
#[component]
pub fn QueuePage() -> impl IntoView {
    let t = use_locale();
    let query = use_query_map();
    let assign = ServerAction::<BulkAssign>::new();
    let assign_error = action_error(assign.value());
    let data = Resource::new(
        move || {
            query.with(|q| {
                (
                    q.get("hang-doi").unwrap_or_default(),
                    q.get("q").unwrap_or_default(),
                    q.get("thu-tuc").unwrap_or_default(),
                    q.get("trang")
                        .and_then(|p| p.parse::<u64>().ok())
                        .unwrap_or(1),
                    q.get("da"),
                )
            })
        },
        |(queue, q, procedure, page, _)| staff_queue(queue, q, procedure, page),
    );
    view! {
        <Title text=t.t(Key::BoTitle) />
        <div class="container container-wide back-office">
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match data.await {
                        Err(AppError::Unauthorized) => sign_in_notice(t, "/mot-cua".into()),
                        Err(e) => view! { <ErrorNotice error=e /> }.into_any(),
                        Ok(v) => view! { <QueueBody v assign assign_error /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn QueueBody(
    v: QueueView,
    assign: ServerAction<BulkAssign>,
    assign_error: Signal<Option<AppError>>,
) -> impl IntoView {
    let t = use_locale();
    let done = use_query_map().with_untracked(|q| q.get("da"));
    let leader = !v.assignable.is_empty();
    let current = v.queue.clone();
    let searching = !v.q.is_empty();
    let page_link = {
        let queue = v.queue.clone();
        let q = v.q.clone();
        move |p: u64| {
            let mut url = format!("/mot-cua?hang-doi={queue}&trang={p}");
            if !q.is_empty() {
                url.push_str(&format!("&q={}", urlencoding(&q)));
            }
            url
        }
    };
    let rows = v.rows.clone();
    let table = view! {
        <div class="table-scroll">
            <table class="queue-table" aria-describedby="bo-keys-hint" on:keydown=row_keys::step>
                <caption class="visually-hidden">{t.t(Key::BoQueueCaption)}</caption>
                <thead>
                    <tr>
                        {leader.then(|| view! { <th scope="col"><span class="visually-hidden">{t.t(Key::BoChoose)}</span></th> })}
                        <th scope="col">{t.t(Key::BoCode)}</th>
                        <th scope="col">{t.t(Key::BoApplicant)}</th>
                        <th scope="col">{t.t(Key::BoProcedure)}</th>
                        <th scope="col">{t.t(Key::BoStatus)}</th>
                        <th scope="col">{t.t(Key::BoReceived)}</th>
                        <th scope="col">{t.t(Key::BoDue)}</th>
                        <th scope="col">{t.t(Key::BoTimeLeft)}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|r| {
                            let label = format!("{} {}", t.t(Key::BoChoose), r.code);
                            view! {
                                <tr class=format!("urgency-{}", r.urgency)>
                                    {leader.then(|| view! {
                                        <td><input type="checkbox" form="bulk-assign" name=format!("ids[{}]", r.id) value=r.id.clone() aria-label=label /></td>
                                    })}
                                    <td><a href=format!("/mot-cua/ho-so/{}", r.id) class="row-link">{r.code.clone()}</a></td>
                                    <td>{r.applicant.clone()}</td>
                                    <td class="queue-procedure">{r.procedure_name.clone()}<span class="hint">" "{r.procedure_code.clone()}</span></td>
                                    <td>{status_label(t, &r.status)}</td>
                                    <td>{r.submitted_at.clone()}</td>
                                    <td>{r.due_at.clone()}</td>
                                    <td>
                                        {r.time_left.clone()}
                                        {r.escalated.then(|| view! { " " <span class="badge badge-danger">{t.t(Key::BoEscalated)}</span> })}
                                        {(r.urgency == "paused").then(|| view! { " " <span class="badge">{t.t(Key::BoPaused)}</span> })}
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    };
    view! {
        <h1>{t.t(Key::BoTitle)}</h1>
        <p class="lead">{v.agency.clone()}</p>
        {done.map(|d| view! { <div class="notice notice-success" role="status"><p>{key_text(t, &format!("bo_done_{d}"))}</p></div> })}
        <form method="get" action="/mot-cua" class="bo-search" role="search">
            <label for="bo-q">{t.t(Key::BoSearchLabel)}</label>
            <input type="search" id="bo-q" name="q" value=v.q.clone() />
            <button type="submit" class="button">{t.t(Key::BoSearch)}</button>
        </form>
        <nav aria-label=t.t(Key::BoQueues) class="bo-tabs">
            <ul>
                {v.tabs
                    .iter()
                    .map(|(code, n)| {
                        let here = *code == current && !searching;
                        view! {
                            <li>
                                <a href=format!("/mot-cua?hang-doi={code}") aria-current=here.then_some("page")>
                                    {key_text(t, &format!("bo_queue_{code}"))}" "<span class="count">"("{*n}")"</span>
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
        <h2>
            {if searching { t.tf(Key::BoSearchResults, &[("q", &v.q)]) } else { key_text(t, &format!("bo_queue_{}", v.queue)) }}
            " — "{t.tf(Key::BoCount, &[("n", &v.total)])}
        </h2>
        {if v.rows.is_empty() {
            view! { <p>{t.t(Key::BoEmpty)}</p> }.into_any()
        } else {
            view! { <RowKeysHint id="bo-keys-hint" /> {table} }.into_any()
        }}
        {(v.pages > 1).then(|| {
            let prev = (v.page > 1).then(|| page_link(v.page - 1));
            let next = (v.page < v.pages).then(|| page_link(v.page + 1));
            view! {
                <nav class="pager" aria-label=t.t(Key::PagerLabel)>
                    {prev.map(|u| view! { <a href=u rel="prev">{t.t(Key::PagerPrev)}</a> })}
                    <span>{t.tf(Key::BoPage, &[("page", &v.page), ("pages", &v.pages)])}</span>
                    {next.map(|u| view! { <a href=u rel="next">{t.t(Key::PagerNext)}</a> })}
                </nav>
            }
        })}
        {leader.then(|| view! {
            <ActionForm action=assign attr:id="bulk-assign" attr:class="form bo-bulk">
                <CsrfField />
                <ErrorSummary error=assign_error />
                <label for="bulk-assignee">{t.t(Key::BoBulkAssignLabel)}</label>
                <select id="bulk-assignee" name="assignee_id">
                    {v.assignable.iter().map(|c| view! { <option value=c.value.clone()>{c.label.clone()}</option> }).collect_view()}
                </select>
                <button type="submit" class="button">{t.t(Key::BoBulkAssign)}</button>
            </ActionForm>
        })}
    }
}

/// Percent-encodes a query value.
fn urlencoding(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

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
    view! {
        <div class="container container-wide back-office">
            <p class="breadcrumb"><a href="/mot-cua">{t.t(Key::BoTitle)}</a></p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match data.await {
                        Err(AppError::Unauthorized) => sign_in_notice(t, format!("/mot-cua/ho-so/{}", id.get_untracked())),
                        Err(e) => view! { <ErrorNotice error=e /> }.into_any(),
                        Ok(v) => view! { <StaffDossierBody v act /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

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
        {(!v.fee_summary.is_empty() || v.can_add_fee).then(|| view! { <FeePanel v=v.clone() /> })}
        {v.postal.clone().map(|p| view! { <PostalPanel p=p id=v.dossier.id.clone() /> })}
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

/// The electronic result: the attached file (signed or not) and, while the dossier is being
/// processed, the upload form (a plain multipart form: it works without JavaScript).
#[component]
fn ResultPanel(v: StaffDossierView) -> impl IntoView {
    let t = use_locale();
    let error = use_query_map().with_untracked(|q| {
        (q.get("ket-qua").as_deref() == Some("loi")).then(|| q.get("ma").unwrap_or_default())
    });
    let id = v.dossier.id.clone();
    let action = format!(
        "/mot-cua/ho-so/{id}/ket-qua?csrf_token={}",
        crate::session::csrf_token()
    );
    view! {
        <section aria-labelledby="bo-result-h" class="panel bo-result">
            <h2 id="bo-result-h">{t.t(Key::ResultSection)}</h2>
            {error.map(|code| view! {
                <div class="notice notice-error" role="alert"><p>{crate::components::form::error_text(t, &code)}</p></div>
            })}
            {match v.result.clone() {
                Some(r) if r.signed => view! {
                    <p><strong>{r.signed_text.clone()}</strong></p>
                    <p>
                        <a class="button" href=r.url.clone()>{t.t(Key::ResultOpen)}</a>" "
                        <a href=r.verify_url.clone()>{t.t(Key::ResultVerifyLink)}</a>
                    </p>
                }
                .into_any(),
                Some(r) => view! {
                    <p>{t.tf(Key::ResultDraft, &[("name", &r.file_name)])}</p>
                    <p><a href=r.url.clone()>{t.t(Key::ResultOpen)}</a></p>
                }
                .into_any(),
                None => view! { <p>{t.t(Key::ResultNone)}</p> }.into_any(),
            }}
            {v.can_attach_result.then(|| view! {
                <form method="post" enctype="multipart/form-data" action=action.clone() class="form result-upload">
                    <label for="result-file">{t.t(Key::ResultUploadLabel)}</label>
                    <p id="result-file-hint" class="hint">{t.t(Key::ResultUploadHint)}</p>
                    <input id="result-file" type="file" name="file" accept="application/pdf,.pdf" required aria-describedby="result-file-hint" />
                    <button type="submit" class="button">{t.t(Key::ResultUploadSubmit)}</button>
                </form>
            })}
        </section>
    }
}

/// The fee's payments (status, references, a refund's error) and the desk's refund button.
#[component]
fn PaymentsPanel(v: StaffDossierView) -> impl IntoView {
    let t = use_locale();
    let error = use_query_map().with_untracked(|q| {
        (q.get("hoan-phi").as_deref() == Some("loi")).then(|| q.get("ma").unwrap_or_default())
    });
    let action = format!("/mot-cua/ho-so/{}/hoan-phi", v.dossier.id);
    view! {
        <section aria-labelledby="bo-payments-h" class="panel bo-payments">
            <h2 id="bo-payments-h">{t.t(Key::BoPayments)}</h2>
            {error.map(|code| view! {
                <div class="notice notice-error" role="alert"><p>{crate::components::form::error_text(t, &code)}</p></div>
            })}
            <div class="table-wrap">
                <table class="table">
                    <thead><tr>
                        <th scope="col">{t.t(Key::BoPaymentAt)}</th>
                        <th scope="col">{t.t(Key::BoPaymentAmount)}</th>
                        <th scope="col">{t.t(Key::BoPaymentStatus)}</th>
                        <th scope="col">{t.t(Key::BoPaymentReference)}</th>
                    </tr></thead>
                    <tbody>
                        {v.payments.iter().map(|p| view! {
                            <tr>
                                <td>{p.at.clone()}</td>
                                <td>{crate::format::fee_text(t, p.amount_vnd)}</td>
                                <td>
                                    {key_text(t, &format!("payment_status_{}", p.status))}
                                    {p.refund_error.clone().map(|e| view! { <br /><span class="field-error">{t.tf(Key::BoRefundError, &[("error", &e)])}</span> })}
                                </td>
                                <td>{p.reference.clone()}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            {v.can_refund.then(|| view! {
                <form method="post" action=action.clone() class="form refund-form">
                    <CsrfField />
                    <button type="submit" class="button">{t.t(Key::BoRefund)}</button>
                </form>
            })}
        </section>
    }
}

/// The fee due and what was paid, and the form that adds an extra fee the applicant pays
/// online (a plain form: the amount is the staff member's, checked by the domain).
#[component]
fn FeePanel(v: StaffDossierView) -> impl IntoView {
    let t = use_locale();
    let errors: Vec<String> = use_query_map().with_untracked(|q| {
        if q.get("phi").as_deref() == Some("loi") {
            q.get("ma")
                .unwrap_or_default()
                .split(',')
                .map(str::to_owned)
                .collect()
        } else {
            Vec::new()
        }
    });
    let action = format!("/mot-cua/ho-so/{}/phi-bo-sung", v.dossier.id);
    view! {
        <section aria-labelledby="bo-fee-h" class="panel bo-fee">
            <h2 id="bo-fee-h">{t.t(Key::BoFee)}</h2>
            {(!errors.is_empty()).then(|| view! {
                <div class="notice notice-error" role="alert">
                    {errors.iter().map(|code| view! { <p>{crate::components::form::error_text(t, code)}</p> }).collect_view()}
                </div>
            })}
            {(!v.fee_summary.is_empty()).then(|| view! { <p>{v.fee_summary.clone()}</p> })}
            {v.can_add_fee.then(|| view! {
                <form method="post" action=action.clone() class="form fee-form">
                    <CsrfField />
                    <div class="form-item">
                        <label for="fee-amount">{t.t(Key::BoFeeAmount)}</label>
                        <p class="field-hint" id="fee-amount-hint">{t.t(Key::BoFeeAmountHint)}</p>
                        <input type="text" inputmode="numeric" id="fee-amount" name="amount" required aria-describedby="fee-amount-hint" />
                    </div>
                    <div class="form-item">
                        <label for="fee-reason">{t.t(Key::BoFeeReason)}</label>
                        <textarea id="fee-reason" name="reason" rows="2" maxlength="500" required></textarea>
                    </div>
                    <button type="submit" class="button">{t.t(Key::BoFeeAdd)}</button>
                </form>
            })}
        </section>
    }
}

/// Postal return: the recipient, the fee, each shipment with the carrier's updates, and the
/// desk's hand-over button.
#[component]
fn PostalPanel(p: StaffPostalView, id: String) -> impl IntoView {
    let t = use_locale();
    let error = use_query_map().with_untracked(|q| {
        (q.get("chuyen-phat").as_deref() == Some("loi")).then(|| q.get("ma").unwrap_or_default())
    });
    let action = format!("/mot-cua/ho-so/{id}/chuyen-phat");
    view! {
        <section aria-labelledby="bo-postal-h" class="panel bo-postal">
            <h2 id="bo-postal-h">{t.t(Key::BoPostal)}</h2>
            {error.map(|code| view! {
                <div class="notice notice-error" role="alert"><p>{crate::components::form::error_text(t, &code)}</p></div>
            })}
            <dl class="facts">
                <dt>{t.t(Key::FieldRecipient)}</dt><dd>{p.recipient.clone()}</dd>
                <dt>{t.t(Key::FieldAddressPost)}</dt><dd>{p.address.clone()}</dd>
                <dt>{t.t(Key::BoPostalFee)}</dt><dd>{p.fee.clone()}</dd>
                {(!p.collect.is_empty()).then(|| view! {
                    <dt>{t.t(Key::BoPostalCollect)}</dt><dd class="postal-collect">{p.collect.clone()}</dd>
                })}
            </dl>
            {p.shipments.iter().map(|s| view! {
                <div class="shipment">
                    <h3>
                        {t.tf(Key::BoShipmentTitle, &[("tn", &s.tracking_number), ("at", &s.created_at)])}
                        " — "<span class="shipment-status">{key_text(t, &format!("shipment_status_{}", s.status))}</span>
                    </h3>
                    {(!s.cod.is_empty()).then(|| view! { <p>{t.tf(Key::BoShipmentCod, &[("amount", &s.cod)])}</p> })}
                    {(!s.events.is_empty()).then(|| view! {
                        <ol class="shipment-events">
                            {s.events.iter().map(|(at, status, place)| view! {
                                <li><time>{at.clone()}</time>" · "{key_text(t, &format!("shipment_status_{status}"))}
                                    {(!place.is_empty()).then(|| format!(" — {place}"))}</li>
                            }).collect_view()}
                        </ol>
                    })}
                </div>
            }).collect_view()}
            {p.can_ship.then(|| view! {
                <form method="post" action=action.clone() class="form ship-form">
                    <CsrfField />
                    <p class="field-hint">{t.t(Key::BoShipHint)}</p>
                    <button type="submit" class="button">{t.t(Key::BoShip)}</button>
                </form>
            })}
        </section>
    }
}

fn options(choices: &[Choice]) -> impl IntoView {
    choices
        .iter()
        .map(|c| view! { <option value=c.value.clone()>{c.label.clone()}</option> })
        .collect_view()
}

/// One action's form: the fields it needs, then its button.
#[component]
fn ActionBox(action: String, v: StaffDossierView, act: ServerAction<DossierAct>) -> impl IntoView {
    let t = use_locale();
    let prefix = action.clone();
    let field_id = move |name: &str| format!("{prefix}-{name}");
    let note_required = matches!(
        action.as_str(),
        "request_supplement" | "refuse" | "stop" | "apologise"
    );
    let public_note_label = key_text(t, &format!("bo_note_{action}"));
    let fields = match action.as_str() {
        "request_supplement" => view! {
            <fieldset>
                <legend>{t.t(Key::BoMissingLegend)}</legend>
                {v.slots
                    .iter()
                    .enumerate()
                    .map(|(i, s)| {
                        let id = format!("missing-{i}");
                        view! {
                            <span class="field-check">
                                <input type="checkbox" id=id.clone() name=format!("f[missing][{}]", s.value) value=s.label.clone() />
                                <label for=id>{s.label.clone()}</label>
                            </span>
                        }
                    })
                    .collect_view()}
                <label for="missing-other">{t.t(Key::BoMissingOther)}</label>
                <textarea id="missing-other" name="f[missing_other]" rows="2"></textarea>
            </fieldset>
        }
        .into_any(),
        "assign" => view! {
            <label for=field_id("assignee")>{t.t(Key::BoAssignTo)}</label>
            <select id=field_id("assignee") name="f[assignee_id]">{options(&v.assignable)}</select>
        }
        .into_any(),
        "transfer" => view! {
            <label for=field_id("agency")>{t.t(Key::BoTransferTo)}</label>
            <select id=field_id("agency") name="f[target_agency]">{options(&v.agencies)}</select>
        }
        .into_any(),
        "apologise" => view! {
            <label for=field_id("date")>{t.t(Key::BoNewDueDate)}</label>
            <input type="date" id=field_id("date") name="f[new_due_date]" required=true />
        }
        .into_any(),
        _ => ().into_any(),
    };
    let shows_public = note_required || matches!(action.as_str(), "accept" | "approve" | "supply");
    let class = format!("form bo-action bo-action-{action}");
    let title = key_text(t, &format!("bo_action_{action}"));
    let button = title.clone();
    view! {
        <ActionForm action=act attr:class=class>
            <h3>{title}</h3>
            <CsrfField />
            <input type="hidden" name="id" value=v.dossier.id.clone() />
            <input type="hidden" name="revision" value=v.revision />
            {fields}
            {shows_public.then(|| view! {
                <label for=field_id("public")>{public_note_label.clone()}{note_required.then_some(" *")}</label>
                <textarea id=field_id("public") name="f[public_note]" rows="2" required=note_required></textarea>
            })}
            <label for=field_id("internal")>{t.t(Key::BoInternalNote)}</label>
            <textarea id=field_id("internal") name="f[internal_note]" rows="1"></textarea>
            // Not named `action`: a control of that name would shadow `form.action` in scripts.
            <input type="hidden" name="transition" value=action />
            <button type="submit" class="button">{button}</button>
        </ActionForm>
    }
}

/// `/quan-tri/ngay-nghi`: the holiday calendar.
#[component]
pub fn HolidaysPage() -> impl IntoView {
    let t = use_locale();
    let save = ServerAction::<SaveHoliday>::new();
    let remove = ServerAction::<RemoveHoliday>::new();
    let save_error = action_error(save.value());
    let query = use_query_map();
    let data = Resource::new(
        move || {
            (
                query.with(|q| q.get("da")),
                save.version().get(),
                remove.version().get(),
            )
        },
        |_| holidays(),
    );
    view! {
        <Title text=t.t(Key::HolidaysTitle) />
        <div class="container">
            <h1>{t.t(Key::HolidaysTitle)}</h1>
            <p>{t.t(Key::HolidaysIntro)}</p>
            <h2>{t.t(Key::HolidaysAdd)}</h2>
            <ActionForm action=save attr:class="form">
                <CsrfField />
                <ErrorSummary error=save_error />
                <label for="day">{t.t(Key::HolidaysDay)}</label>
                <input type="date" id="day" name="day" required=true />
                <label for="kind">{t.t(Key::HolidaysKind)}</label>
                <select id="kind" name="kind">
                    <option value="holiday">{t.t(Key::HolidaysKindHoliday)}</option>
                    <option value="working_day">{t.t(Key::HolidaysKindWorkingDay)}</option>
                </select>
                <label for="name">{t.t(Key::HolidaysName)}</label>
                <input type="text" id="name" name="name" required=true />
                <button type="submit" class="button">{t.t(Key::HolidaysSave)}</button>
            </ActionForm>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match data.await {
                        Err(AppError::Unauthorized) => sign_in_notice(t, "/quan-tri/ngay-nghi".into()),
                        Err(e) => view! { <ErrorNotice error=e /> }.into_any(),
                        Ok(rows) => view! {
                            <div class="table-scroll">
                                <table>
                                    <caption>{t.t(Key::HolidaysTitle)}</caption>
                                    <thead>
                                        <tr>
                                            <th scope="col">{t.t(Key::HolidaysDay)}</th>
                                            <th scope="col">{t.t(Key::HolidaysKind)}</th>
                                            <th scope="col">{t.t(Key::HolidaysName)}</th>
                                            <th scope="col"><span class="visually-hidden">{t.t(Key::HolidaysRemove)}</span></th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {rows.into_iter().map(|r| view! {
                                            <tr>
                                                <td>{r.shown.clone()}</td>
                                                <td>{if r.kind == "working_day" { t.t(Key::HolidaysKindWorkingDay) } else { t.t(Key::HolidaysKindHoliday) }}</td>
                                                <td>{r.name.clone()}</td>
                                                <td>
                                                    <ActionForm action=remove>
                                                        <CsrfField />
                                                        <input type="hidden" name="day" value=r.day.clone() />
                                                        <button type="submit" class="button button-outline" aria-label=format!("{} {}", t.t(Key::HolidaysRemove), r.shown)>{t.t(Key::HolidaysRemove)}</button>
                                                    </ActionForm>
                                                </td>
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                        }
                        .into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}
