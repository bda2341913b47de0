//! `/quan-tri/doi-soat`: the daily reconciliations of payments with the gateway's and the bank's
//! statements.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::data_table::{DataTable, Heading};
use crate::components::loaded::{Failure, Loaded};
use crate::i18n::{use_locale, Key, Locale};

/// `/quan-tri/doi-soat`: the daily reconciliations of the card gateway's statement and of the
/// collecting account's statement (VietQR transfers) with the portal's payments, each flagged
/// transaction with both sides, and the report as CSV.
#[component]
pub fn ReconciliationPage() -> impl IntoView {
    use crate::server_fns::outbox::reconciliations;
    let t = use_locale();
    let list = Resource::new(|| (), |_| reconciliations());
    let failure = Failure::Access;
    view! {
        <Title text=t.t(Key::ReconTitle) />
        <div class="container">
            <h1>{t.t(Key::ReconTitle)}</h1>
            <p class="lead">{t.t(Key::ReconLead)}</p>
            <Loaded data=list failure let:value>
                {match value {
                    runs if runs.is_empty() => view! { <p>{t.t(Key::ReconNone)}</p> }.into_any(),
                    runs => runs.into_iter().map(|r| view! {
                        <section class="panel recon-run" aria-label=r.day.clone()>
                            <h2>{t.tf(Key::ReconDay, &[("day", &r.day)])}" — "{key_text_or(t, &format!("recon_source_{}", r.gateway), &r.gateway)}</h2>
                            <p>
                                {t.tf(Key::ReconCounts, &[("matched", &r.matched), ("mismatched", &r.mismatched)])}" "
                                <a href=format!("/quan-tri/doi-soat/{}.csv", r.id)>{t.t(Key::ReconCsv)}</a>
                            </p>
                            {(!r.issues.is_empty()).then(|| view! {
                                <DataTable
                                    headings=vec![
                                        Heading::Text(Key::ReconRef),
                                        Heading::Text(Key::ReconIssue),
                                        Heading::Text(Key::ReconPortal),
                                        Heading::Text(Key::ReconGateway),
                                    ]
                                >
                                            {r.issues.iter().map(|(txn, issue, ours, theirs)| view! {
                                                <tr>
                                                    <td>{txn.clone()}</td>
                                                    <td>{key_text_or(t, &format!("recon_issue_{issue}"), issue)}</td>
                                                    <td>{ours.clone()}</td>
                                                    <td>{theirs.clone()}</td>
                                                </tr>
                                            }).collect_view()}
                                </DataTable>
                            })}
                        </section>
                    }).collect_view().into_any(),
                }}
            </Loaded>
        </div>
    }
}

/// A translated code (a gateway, an issue), or `fallback` for a code the translations lack.
fn key_text_or(t: Locale, name: &str, fallback: &str) -> String {
    Key::from_name(name).map_or_else(|| fallback.to_owned(), |k| t.t(k).to_owned())
}
