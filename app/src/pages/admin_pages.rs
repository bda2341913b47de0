//! Administration pages: the staff of the administrator's agency and the audit log. What each
//! administrator may see is decided by `domain::access`; these pages only show the answer.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::error::AppError;
use crate::i18n::{use_locale, Key};
use crate::server_fns::account::{audit_log, list_staff};

fn role_key(code: &str) -> Option<Key> {
    Key::from_name(&format!("role_{code}"))
}

/// `/quan-tri/can-bo`
#[component]
pub fn StaffPage() -> impl IntoView {
    let t = use_locale();
    let staff = Resource::new(|| (), |_| list_staff(String::new()));
    view! {
        <Title text=t.t(Key::StaffTitle) />
        <div class="container">
            <h1>{t.t(Key::StaffTitle)}</h1>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match staff.await {
                        Ok(rows) => view! {
                            <div class="table-scroll">
                                <table>
                                    <thead>
                                        <tr>
                                            <th scope="col">{t.t(Key::StaffName)}</th>
                                            <th scope="col">{t.t(Key::StaffEmail)}</th>
                                            <th scope="col">{t.t(Key::StaffRoles)}</th>
                                            <th scope="col">{t.t(Key::StaffStatus)}</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {rows.into_iter().map(|r| view! {
                                            <tr>
                                                <td>{r.full_name}</td>
                                                <td>{r.email}</td>
                                                <td>{r.roles.iter().map(|c| role_key(c).map(|k| t.t(k)).unwrap_or("?")).collect::<Vec<_>>().join(", ")}</td>
                                                <td>{if r.disabled { t.t(Key::StaffDisabled) } else { t.t(Key::StaffActive) }}</td>
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                        }.into_any(),
                        Err(e) => view! { <AccessProblem error=e /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

/// `/quan-tri/nhat-ky`
#[component]
pub fn AuditPage() -> impl IntoView {
    let t = use_locale();
    let log = Resource::new(
        || (),
        |_| async move {
            // Agency administrators see their agency; system administrators everything.
            let viewer = crate::server_fns::account::current_viewer().await?;
            let agency = viewer
                .filter(|v| !v.roles.iter().any(|r| r == "system_admin"))
                .and_then(|v| v.agency_code)
                .unwrap_or_default();
            audit_log(agency, 1).await
        },
    );
    view! {
        <Title text=t.t(Key::AuditTitle) />
        <div class="container">
            <h1>{t.t(Key::AuditTitle)}</h1>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match log.await {
                        Ok(view) => view! {
                            <p>{t.tf(Key::AuditCount, &[("n", &view.total)])}</p>
                            <div class="table-scroll">
                                <table>
                                    <thead>
                                        <tr>
                                            <th scope="col">{t.t(Key::AuditWhen)}</th>
                                            <th scope="col">{t.t(Key::AuditWho)}</th>
                                            <th scope="col">{t.t(Key::AuditAction)}</th>
                                            <th scope="col">{t.t(Key::AuditOutcome)}</th>
                                            <th scope="col">{t.t(Key::AuditFrom)}</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {view.items.into_iter().map(|r| view! {
                                            <tr>
                                                <td>{r.at}</td>
                                                <td>{r.actor}</td>
                                                <td>{r.action}</td>
                                                <td>{r.outcome}</td>
                                                <td>{r.ip}</td>
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                        }.into_any(),
                        Err(e) => view! { <AccessProblem error=e /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn AccessProblem(error: AppError) -> impl IntoView {
    let t = use_locale();
    let text = match error {
        AppError::Unauthorized => t.t(Key::ErrorUnauthorized),
        AppError::Forbidden => t.t(Key::ErrorForbidden),
        _ => t.t(Key::ErrorInternal),
    };
    view! { <div class="notice notice-error" role="alert"><p>{text}</p></div> }
}
