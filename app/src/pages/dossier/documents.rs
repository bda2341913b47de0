//! The documents step: one box per document slot, with its files, the upload form and the
//! applicant's earlier files to reuse.

use leptos::prelude::*;

use super::step_parts::StepButtons;
use crate::components::form::CsrfField;
use crate::components::upload::UploadForm;
use crate::dto::dossier::*;
use crate::i18n::{use_locale, Key};

/// The documents step: a box per slot, then the save buttons (uploads post on their own).
#[component]
pub(super) fn DocumentsStep(d: DossierView, action: String) -> impl IntoView {
    let t = use_locale();
    let used_mb = format!("{:.1}", d.used_bytes as f64 / 1_048_576.0);
    view! {
        <h2>{t.t(Key::StepDocuments)}</h2>
        {if d.slots.is_empty() {
            view! { <p>{t.t(Key::DocumentsNoneNeeded)}</p> }.into_any()
        } else {
            view! { <p class="hint">{t.tf(Key::DocumentsLimits, &[("used", &used_mb), ("max", &d.max_dossier_mb)])}</p> }.into_any()
        }}
        {d.slots
            .iter()
            .cloned()
            .map(|s| {
                let dossier_id = d.id.clone();
                let reusable: Vec<FileView> = d
                    .my_files
                    .iter()
                    .filter(|f| !s.files.iter().any(|g| g.file_id == f.file_id))
                    .cloned()
                    .collect();
                view! { <SlotBox item=s dossier_id=dossier_id reusable=reusable /> }
            })
            .collect_view()}
        <form method="post" action=action class="form">
            <CsrfField />
            <input type="hidden" name="revision" value=d.revision.to_string() />
            <StepButtons />
        </form>
    }
}

/// A file size in KB or MB, as the applicant reads it.
fn size_text(bytes: i64) -> String {
    if bytes >= 1_048_576 {
        format!("{:.1} MB", bytes as f64 / 1_048_576.0)
    } else {
        format!("{} KB", (bytes + 1023) / 1024)
    }
}

/// One document slot: its rules, its files (each removable), the upload form while there is
/// room, and the applicant's other files to attach again.
#[component]
fn SlotBox(item: SlotView, dossier_id: String, reusable: Vec<FileView>) -> impl IntoView {
    let slot = item;
    let t = use_locale();
    let slot_id = format!("doc-{}", slot.key);
    let full = slot.files.len() >= slot.max_files as usize;
    let limits = t.tf(
        Key::SlotLimits,
        &[
            ("types", &slot.types),
            ("mb", &slot.max_mb),
            ("n", &slot.max_files),
        ],
    );
    view! {
        <section class="slot" id=slot_id.clone() tabindex="-1" aria-labelledby=format!("{slot_id}-title")>
            <h3 id=format!("{slot_id}-title")>
                {slot.label.clone()}
                {if slot.required { view! { <span>" *"</span> }.into_any() } else { view! { " "<em>{t.t(Key::DocOptional)}</em> }.into_any() }}
            </h3>
            {slot.hint.clone().map(|h| view! { <p class="field-hint">{h}</p> })}
            <p class="field-hint" id=format!("{slot_id}-limits")>{limits}</p>
            {slot.error.clone().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            {(!slot.files.is_empty()).then(|| view! {
                <ul class="files">
                    {slot.files.iter().map(|f| {
                        let preview = f.content_type.starts_with("image/");
                        view! {
                            <li>
                                {preview.then(|| view! { <img src=f.url.clone() alt="" width="64" height="64" loading="lazy" /> })}
                                <a href=f.url.clone() target="_blank" rel="noopener">{f.name.clone()}</a>
                                " (" {size_text(f.size)} ")"
                                <form method="post" action=format!("/ho-so/{}/go-tep/{}", dossier_id, f.id) class="inline">
                                    <CsrfField />
                                    <button type="submit" class="link-button">
                                        {t.t(Key::RemoveFile)}<span class="visually-hidden">{format!(": {}", f.name)}</span>
                                    </button>
                                </form>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
            {(!full).then(|| view! {
                <UploadForm dossier_id=dossier_id.clone() slot_key=slot.key.clone() accept=slot.accept.clone() label=slot.label.clone() limits_id=format!("{slot_id}-limits") />
                {(!reusable.is_empty()).then(|| view! {
                    <details class="reuse">
                        <summary>{t.t(Key::ReuseFile)}</summary>
                        <form method="post" action=format!("/ho-so/{}/dung-lai/{}", dossier_id, slot.key) class="form">
                            <CsrfField />
                            <label for=format!("{slot_id}-reuse")>{t.t(Key::ReuseFileLabel)}</label>
                            <select id=format!("{slot_id}-reuse") name="file_id">
                                {reusable.iter().map(|f| view! { <option value=f.file_id.clone()>{format!("{} ({})", f.name, size_text(f.size))}</option> }).collect_view()}
                            </select>
                            <button type="submit" class="button button-secondary">{t.t(Key::ReuseFileSubmit)}</button>
                        </form>
                    </details>
                })}
            })}
        </section>
    }
}
