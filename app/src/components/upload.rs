//! The upload form of one document slot. Without JavaScript it is a plain multipart form; with
//! it, the file goes up by `XMLHttpRequest` so that a progress bar shows how far it got (on a
//! slow mobile connection a 5 MB scan takes a while), and a refusal is announced to screen
//! readers without leaving the page.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::i18n::{use_locale, Key};
use crate::session::{csrf_token, CSRF_FIELD};

/// One slot's upload form.
#[component]
pub fn UploadForm(
    /// Dossier id.
    dossier_id: String,
    /// Slot key.
    slot_key: String,
    /// `accept` attribute.
    accept: String,
    /// What the slot is (for the input's label).
    label: String,
    /// Id of the limits text (described by).
    limits_id: String,
) -> impl IntoView {
    let t = use_locale();
    let form = UploadProps {
        action: format!(
            "/ho-so/{dossier_id}/tai-len/{slot_key}?{CSRF_FIELD}={}",
            csrf_token()
        ),
        input_id: format!("file-{slot_key}"),
        accept,
        limits_id,
        choose: t.t(Key::ChooseFile).to_owned(),
        label: format!(": {label}"),
        upload: t.t(Key::Upload).to_owned(),
        progress: t.t(Key::UploadProgress).to_owned(),
        network_error: t.t(Key::ErrorNetwork).to_owned(),
    };
    view! { <UploadWithProgress form /> }
}

/// What the upload island needs, worked out on the server (texts in the page's language).
#[derive(Clone, Serialize, Deserialize)]
pub struct UploadProps {
    action: String,
    input_id: String,
    accept: String,
    limits_id: String,
    choose: String,
    /// ": <slot name>", read by screen readers after `choose`.
    label: String,
    upload: String,
    progress: String,
    network_error: String,
}

/// The island: the form, whose submit it takes over to show progress.
#[island]
fn UploadWithProgress(form: UploadProps) -> impl IntoView {
    let progress = RwSignal::new(None::<f64>);
    let message = RwSignal::new(None::<String>);
    let network_error = form.network_error.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        #[cfg(feature = "hydrate")]
        {
            ev.prevent_default();
            send(&ev, progress, message, network_error.clone());
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (ev, &network_error);
    };
    let progress_label = form.progress.clone();
    view! {
        <form method="post" enctype="multipart/form-data" action=form.action class="upload" on:submit=on_submit>
            <label for=form.input_id.clone()>
                {form.choose}<span class="visually-hidden">{form.label}</span>
            </label>
            <input type="file" id=form.input_id name="file" accept=form.accept aria-describedby=form.limits_id required />
            <button type="submit" class="button button-secondary" disabled=move || progress.get().is_some()>
                {form.upload}
            </button>
            {move || progress.get().map(|p| view! {
                <progress max="100" value=format!("{p:.0}") aria-label=progress_label.clone()>{format!("{p:.0}%")}</progress>
            })}
            <p class="upload-message" role="alert" aria-live="assertive">{move || message.get()}</p>
        </form>
    }
}

#[cfg(feature = "hydrate")]
fn send(
    ev: &leptos::ev::SubmitEvent,
    progress: RwSignal<Option<f64>>,
    message: RwSignal<Option<String>>,
    network_error: String,
) {
    use leptos::wasm_bindgen::{closure::Closure, JsCast};
    use web_sys::{FormData, HtmlFormElement, ProgressEvent, XmlHttpRequest};

    let Some(form) = ev
        .target()
        .and_then(|t| t.dyn_into::<HtmlFormElement>().ok())
    else {
        return;
    };
    let (Ok(data), Ok(xhr)) = (FormData::new_with_form(&form), XmlHttpRequest::new()) else {
        let _ = form.submit();
        return;
    };
    if xhr.open("POST", &form.action()).is_err() {
        let _ = form.submit();
        return;
    }
    let _ = xhr.set_request_header("Accept", "application/json");
    message.set(None);
    progress.set(Some(0.0));
    let on_progress = Closure::<dyn FnMut(ProgressEvent)>::new(move |e: ProgressEvent| {
        if e.length_computable() && e.total() > 0.0 {
            progress.set(Some(100.0 * e.loaded() / e.total()));
        }
    });
    if let Ok(upload) = xhr.upload() {
        upload.set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
    }
    on_progress.forget();
    let done_xhr = xhr.clone();
    let on_done = Closure::<dyn FnMut()>::new(move || {
        progress.set(None);
        let status = done_xhr.status().unwrap_or(0);
        let body = done_xhr.response_text().ok().flatten().unwrap_or_default();
        if (200..300).contains(&status) {
            if let Some(window) = web_sys::window() {
                let location = window.location();
                let path = location.pathname().unwrap_or_default();
                let stamp = js_sys_now();
                let _ = location.set_href(&format!("{path}?tai-len=ok&n={stamp}"));
            }
        } else {
            let text = body
                .split("\"message\":\"")
                .nth(1)
                .and_then(|rest| rest.split('"').next())
                .map(str::to_owned)
                .unwrap_or_else(|| network_error.clone());
            message.set(Some(text));
        }
    });
    xhr.set_onloadend(Some(on_done.as_ref().unchecked_ref()));
    on_done.forget();
    if xhr.send_with_opt_form_data(Some(&data)).is_err() {
        progress.set(None);
    }
}

/// Milliseconds since the epoch, so that two uploads never reload to the same URL
/// (`performance.now()` alone restarts at every page load and can repeat).
#[cfg(feature = "hydrate")]
fn js_sys_now() -> u64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| (p.time_origin() + p.now()) as u64)
        .unwrap_or(0)
}
