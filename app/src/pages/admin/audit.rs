//! `/quan-tri/nhat-ky`: the audit log, filtered by action and outcome, fifty entries a page.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::components::data_table::{DataTable, Heading};
use crate::components::loaded::{Failure, Loaded};
use crate::error::AppError;
use crate::i18n::{use_locale, Key};
use crate::server_fns::account::{audit_log, current_viewer};

const ACTIONS: [&str; 14] = [
    "sign_in",
    "sign_out",
    "register",
    "verify_email",
    "password_reset_requested",
    "password_reset",
    "profile_update",
    "staff_created",
    "role_change",
    "api_token_issued",
    "api_token_revoked",
    "api_token_renewed",
    "organisation_registered",
    "organisation_verified",
];

/// `/quan-tri/nhat-ky?thao-tac=&ket-qua=&trang=`: a plain GET form filters, so it works without
/// JavaScript and each filtered view has its own address.
#[component]
pub fn AuditPage() -> impl IntoView {
    let t = use_locale();
    let query = use_query_map();
    let filters = Memo::new(move |_| {
        query.with(|q| {
            (
                q.get("thao-tac").unwrap_or_default(),
                q.get("ket-qua").unwrap_or_default(),
                q.get("trang")
                    .and_then(|p| p.parse::<u64>().ok())
                    .unwrap_or(1)
                    .max(1),
            )
        })
    });
    let log = Resource::new(
        move || filters.get(),
        |(action, outcome, page)| async move {
            // Agency administrators see their agency; system administrators everything.
            let viewer = current_viewer().await?;
            let agency = viewer
                .filter(|v| !v.roles.iter().any(|r| r == "system_admin"))
                .and_then(|v| v.agency_code)
                .unwrap_or_default();
            let view = audit_log(agency, page, action, outcome).await?;
            Ok::<_, AppError>((view, page))
        },
    );
    let failure = Failure::Access;
    view! {
        <Title text=t.t(Key::AuditTitle) />
        <div class="container">
            <h1>{t.t(Key::AuditTitle)}</h1>
            <form method="get" action="/quan-tri/nhat-ky" class="filter-row audit-filters">
                <div class="field">
                    <label for="thao-tac">{t.t(Key::AuditAction)}</label>
                    <select id="thao-tac" name="thao-tac">
                        <option value="">{t.t(Key::AuditAllActions)}</option>
                        {ACTIONS.into_iter().map(|a| view! {
                            <option value=a selected=move || filters.get().0 == a>{a}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="ket-qua">{t.t(Key::AuditOutcome)}</label>
                    <select id="ket-qua" name="ket-qua">
                        <option value="">{t.t(Key::AuditAllOutcomes)}</option>
                        {[("success", Key::OutcomeSuccess), ("failure", Key::OutcomeFailure), ("denied", Key::OutcomeDenied)].into_iter().map(|(code, key)| view! {
                            <option value=code selected=move || filters.get().1 == code>{t.t(key)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <button type="submit" class="button">{t.t(Key::AuditFilter)}</button>
            </form>
            <Loaded data=log failure let:value>
                {
                    let (view, page) = value;
                    let pages = view.total.div_ceil(50).max(1);
                    let (action, outcome, _) = filters.get_untracked();
                    let link = move |p: u64| format!("/quan-tri/nhat-ky?thao-tac={action}&ket-qua={outcome}&trang={p}");
                    view! {
                        <p>{t.tf(Key::AuditCount, &[("n", &view.total)])}</p>
                        <DataTable
                            headings=vec![
                                Heading::Text(Key::AuditWhen),
                                Heading::Text(Key::AuditWho),
                                Heading::Text(Key::AuditAction),
                                Heading::Text(Key::AuditOutcome),
                                Heading::Text(Key::AuditFrom),
                            ]
                        >
                                    {view.items.into_iter().map(|r| view! {
                                        <tr>
                                            <td>{r.at}</td>
                                            <td>{r.actor}</td>
                                            <td>{r.action}</td>
                                            <td>{r.outcome}</td>
                                            <td>{r.ip}</td>
                                        </tr>
                                    }).collect_view()}
                        </DataTable>
                        <nav class="pager" aria-label=t.t(Key::PagerLabel)>
                            {(page > 1).then(|| view! { <a href=link(page - 1)>{t.t(Key::PagerPrev)}</a> })}
                            " "<span>{t.tf(Key::PagerPage, &[("p", &page), ("pages", &pages)])}</span>" "
                            {(page < pages).then(|| view! { <a href=link(page + 1)>{t.t(Key::PagerNext)}</a> })}
                        </nav>
                    }
                        .into_any()
                }
            </Loaded>
        </div>
    }
}
