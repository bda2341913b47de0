//! Administration pages: the staff of the administrator's agency (create, change roles,
//! disable), API tokens, and the audit log with filters. What each administrator may see and do
//! is decided by `domain::access`; these pages only show the answer.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::components::form::{CsrfField, ErrorSummary, Field};
use crate::dto::StaffRow;
use crate::error::AppError;
use crate::i18n::{use_locale, Key, Locale};
use crate::server_fns::account::{audit_log, current_viewer, list_staff};
use crate::server_fns::admin::{
    list_tokens, CreateStaff, IssueToken, RenewToken, RevokeToken, UpdateStaff,
};

const ROLES: [&str; 5] = [
    "intake_clerk",
    "specialist",
    "leader",
    "agency_admin",
    "system_admin",
];

fn role_name(t: Locale, code: &str) -> &'static str {
    Key::from_name(&format!("role_{code}"))
        .map(|k| t.t(k))
        .unwrap_or("?")
}

fn action_error<T: Clone + Send + Sync + 'static>(
    value: impl Get<Value = Option<Result<T, AppError>>> + Send + Sync + 'static,
) -> Signal<Option<AppError>> {
    Signal::derive(move || value.get().and_then(|r| r.err()))
}

/// Role checkboxes named `roles[<code>]` (what the server function's `RoleChoice` reads).
#[component]
fn RoleBoxes(prefix: String, checked: Vec<String>, system_admin: bool) -> impl IntoView {
    let t = use_locale();
    view! {
        <fieldset class="role-boxes">
            <legend>{t.t(Key::StaffRolesLegend)}</legend>
            {ROLES
                .into_iter()
                .filter(|r| system_admin || *r != "system_admin")
                .map(|r| {
                    let id = format!("{prefix}-{r}");
                    view! {
                        <span class="field-check">
                            <input type="checkbox" id=id.clone() name=format!("roles[{r}]") value="on" checked=checked.iter().any(|c| c == r) />
                            <label for=id>{role_name(t, r)}</label>
                        </span>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

#[component]
fn StaffEditRow(row: StaffRow, can_manage: bool, system_admin: bool) -> impl IntoView {
    let t = use_locale();
    let action = ServerAction::<UpdateStaff>::new();
    let roles_text = row
        .roles
        .iter()
        .map(|c| role_name(t, c))
        .collect::<Vec<_>>()
        .join(", ");
    let status = if row.disabled {
        t.t(Key::StaffDisabled)
    } else {
        t.t(Key::StaffActive)
    };
    view! {
        <tr>
            <td>{row.full_name.clone()}</td>
            <td>{row.email.clone()}</td>
            <td>
                {if can_manage {
                    view! {
                        <ActionForm action=action attr:class="inline-edit" attr:aria-label=t.tf(Key::StaffEditLabel, &[("name", &row.full_name)])>
                            <CsrfField />
                            <input type="hidden" name="id" value=row.id.clone() />
                            <RoleBoxes prefix=row.id.clone() checked=row.roles.clone() system_admin=system_admin />
                            <span class="field-check">
                                <input type="checkbox" id=format!("{}-disabled", row.id) name="disabled" value="on" checked=row.disabled />
                                <label for=format!("{}-disabled", row.id)>{t.t(Key::StaffDisable)}</label>
                            </span>
                            <button type="submit" class="button button-outline">{t.t(Key::StaffSave)}</button>
                        </ActionForm>
                    }
                        .into_any()
                } else {
                    view! { <span>{roles_text}</span> }.into_any()
                }}
                <ErrorSummary error=action_error(action.value()) />
            </td>
            <td>{status}</td>
        </tr>
    }
}

/// `/quan-tri/can-bo`
#[component]
pub fn StaffPage() -> impl IntoView {
    let t = use_locale();
    let create = ServerAction::<CreateStaff>::new();
    let create_error = action_error(create.value());
    let done = use_query_map();
    // Loaded again after a change: changes end in a redirect to this page with `?da=…`.
    let data = Resource::new(
        move || (create.version().get(), done.with(|q| q.get("da"))),
        |_| async move {
            let viewer = current_viewer().await?;
            let staff = list_staff(String::new()).await?;
            Ok::<_, AppError>((viewer, staff))
        },
    );
    view! {
        <Title text=t.t(Key::StaffTitle) />
        <div class="container">
            <h1>{t.t(Key::StaffTitle)}</h1>
            {move || done.with(|q| q.get("da")).map(|d| {
                let text = if d == "tao" { t.t(Key::StaffCreated) } else { t.t(Key::StaffSaved) };
                view! { <div class="notice notice-success" role="status"><p>{text}</p></div> }
            })}
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok((viewer, rows)) => {
                            let roles = viewer.map(|v| v.roles).unwrap_or_default();
                            let system_admin = roles.iter().any(|r| r == "system_admin");
                            let can_manage = system_admin || roles.iter().any(|r| r == "agency_admin");
                            view! {
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
                                            {rows.into_iter().map(|row| view! { <StaffEditRow row can_manage system_admin /> }).collect_view()}
                                        </tbody>
                                    </table>
                                </div>
                                {can_manage.then(|| view! {
                                    <h2>{t.t(Key::StaffCreate)}</h2>
                                    <ErrorSummary error=create_error />
                                    <ActionForm action=create attr:class="form" attr:novalidate=true>
                                        <CsrfField />
                                        <Field name="full_name" error=create_error required=true />
                                        <Field name="email" kind="email" error=create_error required=true />
                                        {system_admin.then(|| view! {
                                            <Field name="agency_code" hint=Some(Key::HintAgencyCode) error=create_error />
                                        })}
                                        {(!system_admin).then(|| view! { <input type="hidden" name="agency_code" value="" /> })}
                                        <RoleBoxes prefix="new".to_owned() checked=Vec::new() system_admin=system_admin />
                                        <button type="submit" class="button">{t.t(Key::StaffCreate)}</button>
                                    </ActionForm>
                                })}
                            }
                                .into_any()
                        }
                        Err(e) => view! { <AccessProblem error=e /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

/// `/quan-tri/ma-truy-cap` (system administrators).
#[component]
pub fn ApiTokensPage() -> impl IntoView {
    let t = use_locale();
    let issue = ServerAction::<IssueToken>::new();
    let revoke = ServerAction::<RevokeToken>::new();
    let renew = ServerAction::<RenewToken>::new();
    let query = use_query_map();
    let issue_error = action_error(issue.value());
    let tokens = Resource::new(
        move || {
            (
                issue.version().get(),
                renew.version().get(),
                query.with(|q| q.get("da")),
            )
        },
        |_| list_tokens(),
    );
    view! {
        <Title text=t.t(Key::TokensTitle) />
        <div class="container">
            <h1>{t.t(Key::TokensTitle)}</h1>
            <p>{t.t(Key::TokensIntro)}</p>
            {move || (query.with(|q| q.get("da")).as_deref() == Some("gia-han")).then(|| view! {
                <div class="notice notice-success" role="status">
                    <p>{t.t(Key::TokensRenewed)}</p>
                </div>
            })}
            {move || issue.value().get().and_then(|r| r.ok()).map(|secret| view! {
                <div class="notice notice-success" role="status">
                    <p>{t.t(Key::TokensSecret)}</p>
                    <p><code class="secret">{secret}</code></p>
                </div>
            })}
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match tokens.await {
                        Ok(rows) => view! {
                            <div class="table-scroll">
                                <table>
                                    <thead>
                                        <tr>
                                            <th scope="col">{t.t(Key::FieldName)}</th>
                                            <th scope="col">{t.t(Key::FieldScopes)}</th>
                                            <th scope="col">{t.t(Key::FieldAgencyCode)}</th>
                                            <th scope="col">{t.t(Key::TokensLastUsed)}</th>
                                            <th scope="col">{t.t(Key::TokensExpires)}</th>
                                            <th scope="col">{t.t(Key::StaffStatus)}</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {rows.into_iter().map(|r| view! {
                                            <tr>
                                                <td>{r.name.clone()}</td>
                                                <td>{r.scopes}</td>
                                                <td>{r.agency_code}</td>
                                                <td>{r.last_used}</td>
                                                <td>
                                                    {r.expires.clone()}
                                                    {r.expired.then(|| view! { " " <strong>{t.t(Key::TokensExpired)}</strong> })}
                                                </td>
                                                <td>
                                                    {if r.revoked {
                                                        view! { <span>{t.t(Key::TokensRevoked)}</span> }.into_any()
                                                    } else {
                                                        let renew_id = r.id.clone();
                                                        let renew_label = format!("{} {}", t.t(Key::TokensRenew), r.name);
                                                        view! {
                                                            <ActionForm action=renew attr:class="inline-form">
                                                                <CsrfField />
                                                                <input type="hidden" name="id" value=renew_id />
                                                                <button type="submit" class="button button-outline" aria-label=renew_label>
                                                                    {t.t(Key::TokensRenew)}
                                                                </button>
                                                            </ActionForm>
                                                            <ActionForm action=revoke attr:class="inline-form">
                                                                <CsrfField />
                                                                <input type="hidden" name="id" value=r.id />
                                                                <button type="submit" class="button button-outline" aria-label=format!("{} {}", t.t(Key::TokensRevoke), r.name)>
                                                                    {t.t(Key::TokensRevoke)}
                                                                </button>
                                                            </ActionForm>
                                                        }.into_any()
                                                    }}
                                                </td>
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                            <h2>{t.t(Key::TokensIssue)}</h2>
                            <ErrorSummary error=issue_error />
                            <ActionForm action=issue attr:class="form" attr:novalidate=true>
                                <CsrfField />
                                <Field name="name" error=issue_error required=true />
                                <Field name="agency_code" error=issue_error />
                                <fieldset>
                                    <legend>{t.t(Key::FieldScopes)}</legend>
                                    {[("staff_read", "staff:read"), ("audit_read", "audit:read"), ("dossiers_read", "dossiers:read"), ("dossiers_write", "dossiers:write")]
                                        .into_iter()
                                        .map(|(field, code)| view! {
                                            <span class="field-check">
                                                <input type="checkbox" id=format!("scope-{field}") name=format!("scopes[{field}]") value="on" />
                                                <label for=format!("scope-{field}")><code>{code}</code></label>
                                            </span>
                                        })
                                        .collect_view()}
                                </fieldset>
                                <button type="submit" class="button">{t.t(Key::TokensIssue)}</button>
                            </ActionForm>
                        }.into_any(),
                        Err(e) => view! { <AccessProblem error=e /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

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
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match log.await {
                        Ok((view, page)) => {
                            let pages = view.total.div_ceil(50).max(1);
                            let (action, outcome, _) = filters.get_untracked();
                            let link = move |p: u64| format!("/quan-tri/nhat-ky?thao-tac={action}&ket-qua={outcome}&trang={p}");
                            view! {
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
                                <nav class="pager" aria-label=t.t(Key::PagerLabel)>
                                    {(page > 1).then(|| view! { <a href=link(page - 1)>{t.t(Key::PagerPrev)}</a> })}
                                    " "<span>{t.tf(Key::PagerPage, &[("p", &page), ("pages", &pages)])}</span>" "
                                    {(page < pages).then(|| view! { <a href=link(page + 1)>{t.t(Key::PagerNext)}</a> })}
                                </nav>
                            }
                                .into_any()
                        }
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

/// `/quan-tri/gui-loi`: messages (e-mail, SMS) whose automatic retries gave up, with the error,
/// each re-sent by hand (nothing fails silently).
#[component]
pub fn FailedMessagesPage() -> impl IntoView {
    use crate::server_fns::outbox::{failed_messages, ResendMessage};
    let t = use_locale();
    let resend = ServerAction::<ResendMessage>::new();
    let done = use_query_map().with_untracked(|q| q.get("da").is_some());
    let list = Resource::new(move || resend.version().get(), |_| failed_messages());
    view! {
        <Title text=t.t(Key::FailedTitle) />
        <div class="container">
            <h1>{t.t(Key::FailedTitle)}</h1>
            <p class="lead">{t.t(Key::FailedLead)}</p>
            {done.then(|| view! { <div class="notice notice-success" role="status"><p>{t.t(Key::FailedResent)}</p></div> })}
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(items) if items.is_empty() => view! { <p>{t.t(Key::FailedNone)}</p> }.into_any(),
                        Ok(items) => view! {
                            <div class="table-scroll">
                                <table class="failed-messages">
                                    <thead><tr>
                                        <th scope="col">{t.t(Key::FailedWhen)}</th>
                                        <th scope="col">{t.t(Key::FailedChannel)}</th>
                                        <th scope="col">{t.t(Key::FailedRecipient)}</th>
                                        <th scope="col">{t.t(Key::FailedSubject)}</th>
                                        <th scope="col">{t.t(Key::FailedError)}</th>
                                        <th scope="col">{t.t(Key::FailedAction)}</th>
                                    </tr></thead>
                                    <tbody>
                                        {items.into_iter().map(|m| view! {
                                            <tr>
                                                <td>{m.created_at.clone()}</td>
                                                <td>{m.channel.clone()}</td>
                                                <td>{m.recipient.clone()}</td>
                                                <td>{m.subject.clone()}</td>
                                                <td>{t.tf(Key::FailedAttempts, &[("n", &m.attempts), ("error", &m.last_error)])}</td>
                                                <td>
                                                    <ActionForm action=resend>
                                                        <CsrfField />
                                                        <input type="hidden" name="id" value=m.id.to_string() />
                                                        <button type="submit" class="button">{t.t(Key::FailedResend)}</button>
                                                    </ActionForm>
                                                </td>
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                        }
                        .into_any(),
                        Err(e) => view! { <AccessProblem error=e /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

/// `/quan-tri/doi-soat`: the daily reconciliations of the card gateway's statement and of the
/// collecting account's statement (VietQR transfers) with the portal's payments, each flagged
/// transaction with both sides, and the report as CSV.
#[component]
pub fn ReconciliationPage() -> impl IntoView {
    use crate::server_fns::outbox::reconciliations;
    let t = use_locale();
    let list = Resource::new(|| (), |_| reconciliations());
    view! {
        <Title text=t.t(Key::ReconTitle) />
        <div class="container">
            <h1>{t.t(Key::ReconTitle)}</h1>
            <p class="lead">{t.t(Key::ReconLead)}</p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(runs) if runs.is_empty() => view! { <p>{t.t(Key::ReconNone)}</p> }.into_any(),
                        Ok(runs) => runs.into_iter().map(|r| view! {
                            <section class="panel recon-run" aria-label=r.day.clone()>
                                <h2>{t.tf(Key::ReconDay, &[("day", &r.day)])}" — "{key_text_or(t, &format!("recon_source_{}", r.gateway), &r.gateway)}</h2>
                                <p>
                                    {t.tf(Key::ReconCounts, &[("matched", &r.matched), ("mismatched", &r.mismatched)])}" "
                                    <a href=format!("/quan-tri/doi-soat/{}.csv", r.id)>{t.t(Key::ReconCsv)}</a>
                                </p>
                                {(!r.issues.is_empty()).then(|| view! {
                                    <div class="table-scroll">
                                        <table>
                                            <thead><tr>
                                                <th scope="col">{t.t(Key::ReconRef)}</th>
                                                <th scope="col">{t.t(Key::ReconIssue)}</th>
                                                <th scope="col">{t.t(Key::ReconPortal)}</th>
                                                <th scope="col">{t.t(Key::ReconGateway)}</th>
                                            </tr></thead>
                                            <tbody>
                                                {r.issues.iter().map(|(txn, issue, ours, theirs)| view! {
                                                    <tr>
                                                        <td>{txn.clone()}</td>
                                                        <td>{key_text_or(t, &format!("recon_issue_{issue}"), issue)}</td>
                                                        <td>{ours.clone()}</td>
                                                        <td>{theirs.clone()}</td>
                                                    </tr>
                                                }).collect_view()}
                                            </tbody>
                                        </table>
                                    </div>
                                })}
                            </section>
                        }).collect_view().into_any(),
                        Err(e) => view! { <AccessProblem error=e /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

fn key_text_or(t: Locale, name: &str, fallback: &str) -> String {
    Key::from_name(name).map_or_else(|| fallback.to_owned(), |k| t.t(k).to_owned())
}
