//! A staff dossier's electronic result panel.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::dto::back_office::StaffDossierView;
use crate::format::error_text;
use crate::i18n::{use_locale, Key};

/// The electronic result: the attached file (signed or not) and, while the dossier is being
/// processed, the upload form (a plain multipart form: it works without JavaScript).
#[component]
pub(super) fn ResultPanel(v: StaffDossierView) -> impl IntoView {
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
                <div class="notice notice-error" role="alert"><p>{error_text(t, &code)}</p></div>
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
