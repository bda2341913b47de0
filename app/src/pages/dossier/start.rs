//! `/nop-truc-tuyen/{code}`: what a procedure's online filing needs, the caller's drafts of it,
//! and the button that starts a new one (or the way to sign in first).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::components::form::CsrfField;
use crate::components::loaded::Loaded;
use crate::components::notice::sign_in_notice;
use crate::i18n::{use_locale, Key};
use crate::server_fns::dossier::dossier_start;

/// `/nop-truc-tuyen/{code}`: what to prepare, then start (or resume) a draft.
#[component]
pub fn StartFilingPage() -> impl IntoView {
    let t = use_locale();
    let params = use_params_map();
    let code = Memo::new(move |_| params.with(|p| p.get("code").unwrap_or_default()));
    let data = Resource::new(move || code.get(), dossier_start);
    view! {
        <Title text=t.t(Key::FilingStartTitle) />
        <div class="container narrow">
            <Loaded data let:s>
                {
                    let next = format!("/nop-truc-tuyen/{}", s.code);
                    view! {
                        <Title text=format!("{} — {}", t.t(Key::FilingStartTitle), s.name) />
                        <p class="breadcrumb">
                            <a href=format!("/thu-tuc/{}", s.slug)>{s.name.clone()}</a>
                        </p>
                        <h1>{t.t(Key::FilingStartTitle)}</h1>
                        <p class="lead">{s.name.clone()}</p>
                        <h2>{t.t(Key::FilingPrepare)}</h2>
                        <ul>{s.documents.iter().map(|d| view! { <li>{d.clone()}</li> }).collect_view()}</ul>
                        <p class="hint">{t.t(Key::FilingPrepareHint)}</p>
                        {if !s.signed_in {
                            sign_in_notice(t, next)
                        } else {
                            view! {
                                {(!s.drafts.is_empty()).then(|| view! {
                                    <h2>{t.t(Key::FilingYourDrafts)}</h2>
                                    <ul class="plain">
                                        {s.drafts.iter().map(|(id, at, slug)| view! {
                                            <li>
                                                <a href=format!("/ho-so/{id}/{slug}")>{t.tf(Key::FilingResumeDraft, &[("at", at)])}</a>
                                            </li>
                                        }).collect_view()}
                                    </ul>
                                })}
                                <form method="post" action="/ho-so/bat-dau" class="form">
                                    <CsrfField />
                                    <input type="hidden" name="procedure" value=s.code.clone() />
                                    <button type="submit" class="button button-large">{t.t(Key::FilingStart)}</button>
                                </form>
                            }
                            .into_any()
                        }}
                    }
                    .into_any()
                }
            </Loaded>
        </div>
    }
}
