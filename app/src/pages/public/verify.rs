//! `/xac-thuc/{id}`: the page the QR code on a signed result opens. It says which dossier,
//! agency and signer the result belongs to, and checks a copy: the file is sent to
//! `/xac-thuc/{id}/kiem-tra` (a plain form, so it works without JavaScript), which answers
//! with this page naming the copy by its SHA-256 — "genuine" only if that is the issued file.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::components::notice::ErrorNotice;
use crate::dto::results::VerificationView;
use crate::error::AppError;
use crate::format::error_text;
use crate::i18n::{use_locale, Key};
use crate::server_fns::results::get_verification;
use crate::session::csrf_token;

/// The verification page.
#[component]
pub fn VerifyPage() -> impl IntoView {
    let t = use_locale();
    let params = use_params_map();
    let query = use_query_map();
    let asked = move || {
        (
            params.with(|p| p.get("id").unwrap_or_default()),
            query.with(|q| q.get("tep")),
        )
    };
    let data = Resource::new(asked, |(id, checked)| get_verification(id, checked));
    view! {
        <Title text=t.t(Key::CheckTitle) />
        <div class="container narrow verify">
            <h1>{t.t(Key::CheckTitle)}</h1>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let error = query.with_untracked(|q| q.get("loi"));
                    match data.await {
                        Ok(v) => view! { <Verification v error /> }.into_any(),
                        Err(AppError::NotFound) => view! {
                            <div class="notice notice-error" role="alert"><p>{t.t(Key::CheckNotFound)}</p></div>
                        }
                        .into_any(),
                        Err(e) => view! { <ErrorNotice error=e /> }.into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn Verification(v: VerificationView, error: Option<String>) -> impl IntoView {
    let t = use_locale();
    let action = format!("/xac-thuc/{}/kiem-tra?csrf_token={}", v.id, csrf_token());
    view! {
        {v.checked.clone().map(|sha| if v.genuine {
            view! {
                <div class="notice notice-success verdict" role="status">
                    <h2>{t.t(Key::CheckGenuine)}</h2>
                    <p>{t.t(Key::CheckGenuineText)}</p>
                    <p class="hint">{t.tf(Key::CheckChecked, &[("sha", &sha)])}</p>
                </div>
            }
            .into_any()
        } else {
            view! {
                <div class="notice notice-error verdict" role="alert">
                    <h2>{t.t(Key::CheckNotGenuine)}</h2>
                    <p>{t.t(Key::CheckNotGenuineText)}</p>
                    <p class="hint">{t.tf(Key::CheckChecked, &[("sha", &sha)])}</p>
                </div>
            }
            .into_any()
        })}
        {error.map(|code| view! {
            <div class="notice notice-error" role="alert"><p>{error_text(t, &code)}</p></div>
        })}
        <p class="lead">{t.t(Key::CheckLead)}</p>
        <dl class="summary-list">
            <dt>{t.t(Key::DossierCode)}</dt><dd><strong>{v.code.clone()}</strong></dd>
            <dt>{t.t(Key::LookupProcedure)}</dt><dd>{v.procedure.clone()}</dd>
            <dt>{t.t(Key::CheckAgency)}</dt><dd>{v.agency.clone()}</dd>
            <dt>{t.t(Key::CheckSigner)}</dt><dd>{v.signer.clone()}</dd>
            <dt>{t.t(Key::CheckSignedAt)}</dt><dd>{v.signed_at.clone()}</dd>
            <dt>{t.t(Key::CheckFingerprint)}</dt><dd><code class="sha">{v.sha256.clone()}</code></dd>
        </dl>
        {v.demo.then(|| view! { <p class="notice notice-warning">{t.t(Key::CheckDemo)}</p> })}
        <form method="post" enctype="multipart/form-data" action=action class="form verify-form">
            <label for="verify-file">{t.t(Key::CheckFileLabel)}</label>
            <p id="verify-file-hint" class="hint">{t.t(Key::CheckFileHint)}</p>
            <input id="verify-file" type="file" name="file" accept="application/pdf,.pdf" required aria-describedby="verify-file-hint" />
            <button type="submit" class="button">{t.t(Key::CheckSubmit)}</button>
        </form>
    }
}
