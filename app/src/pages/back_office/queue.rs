//! `/mot-cua`: the queues of the staff member's agency, a search over them, and the leaders'
//! bulk assignment.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::components::form::{action_error, CsrfField, ErrorSummary};
use crate::components::loaded::{Failure, Loaded};
use crate::components::row_keys::RowKeys;
use crate::dto::back_office::QueueView;
use crate::error::AppError;
use crate::format::{key_text, status_label};
use crate::i18n::{use_locale, Key};
use crate::server_fns::back_office::queue::{staff_queue, BulkAssign};

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
    let failure = Failure::sign_in(|| "/mot-cua".into());
    view! {
        <Title text=t.t(Key::BoTitle) />
        <div class="container container-wide back-office">
            <Loaded data failure let:v>
                <QueueBody v assign assign_error />
            </Loaded>
        </div>
    }
}

/// The page of one loaded queue: tabs, search, the table and, for leaders, bulk assignment.
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
                url.push_str(&format!("&q={}", crate::format::percent_encode(&q)));
            }
            url
        }
    };
    let rows = v.rows.clone();
    let unsatisfied = (!v.unsatisfied.is_empty()).then(|| view! {
        <section class="panel bo-unsatisfied" aria-labelledby="bo-unsatisfied-h">
            <h2 id="bo-unsatisfied-h">{t.t(Key::BoRatingsUnanswered)}" ("{v.unsatisfied.len()}")"</h2>
            <ul>
                {v.unsatisfied.iter().map(|(id, code, comment)| view! {
                    <li><a href=format!("/mot-cua/ho-so/{id}#danh-gia")>{code.clone()}</a>{(!comment.is_empty()).then(|| view! { " — " <span class="hint">{comment.clone()}</span> })}</li>
                }).collect_view()}
            </ul>
        </section>
    });
    let table = view! {
        <div class="table-scroll">
            <table class="queue-table" aria-describedby="bo-keys-hint">
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
        {v.satisfaction.map(|(very, sat, not, pct)| view! {
            <p class="bo-satisfaction">
                {t.tf(Key::BoSatisfaction, &[("very", &very), ("sat", &sat), ("not", &not)])}
                {pct.map(|p| format!(" — {}", t.tf(Key::BoSatisfactionRate, &[("pct", &p)])))}
            </p>
        })}
        {unsatisfied}
        <h2>
            {if searching { t.tf(Key::BoSearchResults, &[("q", &v.q)]) } else { key_text(t, &format!("bo_queue_{}", v.queue)) }}
            " — "{t.tf(Key::BoCount, &[("n", &v.total)])}
        </h2>
        {if v.rows.is_empty() {
            view! { <p>{t.t(Key::BoEmpty)}</p> }.into_any()
        } else {
            view! { <RowKeys hint_id="bo-keys-hint">{table}</RowKeys> }.into_any()
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
