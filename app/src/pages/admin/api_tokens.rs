//! `/quan-tri/ma-truy-cap`: the JSON API's tokens (system administrators): issue one (its secret
//! shown once), renew or revoke it.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::components::data_table::{DataTable, Heading};
use crate::components::form::{action_error, CsrfField, ErrorSummary, Field};
use crate::components::loaded::{Failure, Loaded};
use crate::i18n::{use_locale, Key};
use crate::server_fns::admin::{
    list_tokens, new_token_secret, IssueToken, RenewToken, RevokeToken,
};

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
    // Shown once, on the page the issuing form comes back to (see `new_token_secret`).
    let new_secret = Resource::new(|| (), |_| new_token_secret());
    let failure = Failure::Access;
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
            <Suspense>
                {move || Suspend::new(async move {
                    new_secret.await.ok().flatten().map(|secret| view! {
                        <div class="notice notice-success" role="status">
                            <p>{t.t(Key::TokensSecret)}</p>
                            <p><code class="secret">{secret}</code></p>
                        </div>
                    })
                })}
            </Suspense>
            <Loaded data=tokens failure let:rows>
                {view! {
                        <DataTable
                            headings=vec![
                                Heading::Text(Key::FieldName),
                                Heading::Text(Key::FieldScopes),
                                Heading::Text(Key::FieldAgencyCode),
                                Heading::Text(Key::TokensLastUsed),
                                Heading::Text(Key::TokensExpires),
                                Heading::Text(Key::StaffStatus),
                            ]
                        >
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
                        </DataTable>
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
                    }.into_any()}
            </Loaded>
        </div>
    }
}
