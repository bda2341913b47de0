//! `/ho-so-cua-toi`: the caller's drafts and filed dossiers, newest first.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::loaded::{Failure, Loaded};
use crate::format::status_label;
use crate::i18n::{use_locale, Key};
use crate::server_fns::dossier::my_dossiers;

/// `/ho-so-cua-toi`: drafts and filed dossiers.
#[component]
pub fn MyDossiersPage() -> impl IntoView {
    let t = use_locale();
    let data = Resource::new(|| (), |_| my_dossiers());
    let failure = Failure::sign_in(|| "/ho-so-cua-toi".into());
    view! {
        <Title text=t.t(Key::MyDossiers) />
        <div class="container">
            <h1>{t.t(Key::MyDossiers)}</h1>
            <Loaded data failure let:value>
                {match value {
                    rows if rows.is_empty() => view! {
                        <p>{t.t(Key::NoDossiers)}</p>
                        <p><a class="button" href="/thu-tuc">{t.t(Key::FindProcedure)}</a></p>
                    }.into_any(),
                    rows => view! {
                        <div class="table-wrap">
                            <table class="stack-table">
                                <thead>
                                    <tr>
                                        <th scope="col">{t.t(Key::DossierProcedure)}</th>
                                        <th scope="col">{t.t(Key::DossierCode)}</th>
                                        <th scope="col">{t.t(Key::DossierStatus)}</th>
                                        <th scope="col">{t.t(Key::UpdatedAt)}</th>
                                    </tr>
                                </thead>
                                <tbody>
                                    {rows.into_iter().map(|r| {
                                        let href = match &r.resume_slug {
                                            Some(slug) => format!("/ho-so/{}/{slug}", r.id),
                                            None => format!("/ho-so/{}", r.id),
                                        };
                                        view! {
                                            <tr>
                                                <td data-label=t.t(Key::DossierProcedure)><a href=href>{r.procedure_name.clone()}</a></td>
                                                <td data-label=t.t(Key::DossierCode)>{match r.code.clone() {
                                                    Some(code) => view! {
                                                        {code.clone()}
                                                        <br />
                                                        <a
                                                            href=format!("/ho-so/{}/phieu-tiep-nhan.pdf", r.id)
                                                            aria-label=format!("{} {code}", t.t(Key::DownloadReceipt))
                                                            download=""
                                                        >{t.t(Key::ReceiptShort)}</a>
                                                    }.into_any(),
                                                    None => "—".into_any(),
                                                }}</td>
                                                <td data-label=t.t(Key::DossierStatus)>{status_label(t, &r.status)}</td>
                                                <td data-label=t.t(Key::UpdatedAt)>{r.updated_at.clone()}</td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                    }.into_any(),
                }}
            </Loaded>
        </div>
    }
}
