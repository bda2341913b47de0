//! The forms of the actions a staff member may take on a dossier (accept, assign, transfer,
//! request a supplement…), each with only the fields it needs.

use leptos::prelude::*;

use crate::components::form::CsrfField;
use crate::dto::back_office::StaffDossierView;
use crate::dto::dossier::Choice;
use crate::format::key_text;
use crate::i18n::{use_locale, Key};
use crate::server_fns::back_office::dossier::DossierAct;
use crate::session::kept_value;

/// `<option>`s for a select of choices.
fn options(choices: &[Choice]) -> impl IntoView {
    choices
        .iter()
        .map(|c| view! { <option value=c.value.clone()>{c.label.clone()}</option> })
        .collect_view()
}

/// One action's form: the fields it needs, then its button.
#[component]
pub(super) fn ActionBox(
    action: String,
    v: StaffDossierView,
    act: ServerAction<DossierAct>,
) -> impl IntoView {
    let t = use_locale();
    let prefix = action.clone();
    let field_id = move |name: &str| format!("{prefix}-{name}");
    // What was typed into this action's form, when it came back refused (several action forms
    // share field names; `transition` says which one was sent).
    let sent_here = kept_value("transition").as_deref() == Some(action.as_str());
    let kept = move |name: &str| kept_value(name).filter(|_| sent_here);
    let note_required = matches!(
        action.as_str(),
        "request_supplement" | "refuse" | "stop" | "apologise"
    );
    let public_note_label = key_text(t, &format!("bo_note_{action}"));
    let fields = match action.as_str() {
        "request_supplement" => view! {
            <fieldset>
                <legend>{t.t(Key::BoMissingLegend)}</legend>
                {v.slots
                    .iter()
                    .enumerate()
                    .map(|(i, s)| {
                        let id = format!("missing-{i}");
                        view! {
                            <span class="field-check">
                                <input type="checkbox" id=id.clone() name=format!("f[missing][{}]", s.value) value=s.label.clone() />
                                <label for=id>{s.label.clone()}</label>
                            </span>
                        }
                    })
                    .collect_view()}
                <label for="missing-other">{t.t(Key::BoMissingOther)}</label>
                <textarea id="missing-other" name="f[missing_other]" rows="2">{kept("f[missing_other]")}</textarea>
            </fieldset>
        }
        .into_any(),
        "assign" => view! {
            <label for=field_id("assignee")>{t.t(Key::BoAssignTo)}</label>
            <select id=field_id("assignee") name="f[assignee_id]">{options(&v.assignable)}</select>
        }
        .into_any(),
        "transfer" => view! {
            <label for=field_id("agency")>{t.t(Key::BoTransferTo)}</label>
            <select id=field_id("agency") name="f[target_agency]">{options(&v.agencies)}</select>
        }
        .into_any(),
        "apologise" => view! {
            <label for=field_id("date")>{t.t(Key::BoNewDueDate)}</label>
            <input type="date" id=field_id("date") name="f[new_due_date]" value=kept("f[new_due_date]") required=true />
        }
        .into_any(),
        _ => ().into_any(),
    };
    let shows_public = note_required || matches!(action.as_str(), "accept" | "approve" | "supply");
    let class = format!("form bo-action bo-action-{action}");
    let title = key_text(t, &format!("bo_action_{action}"));
    let button = title.clone();
    view! {
        <ActionForm action=act attr:class=class>
            <h3>{title}</h3>
            <CsrfField />
            <input type="hidden" name="id" value=v.dossier.id.clone() />
            <input type="hidden" name="revision" value=v.revision />
            {fields}
            {shows_public.then(|| view! {
                <label for=field_id("public")>{public_note_label.clone()}{note_required.then_some(" *")}</label>
                <textarea id=field_id("public") name="f[public_note]" rows="2" required=note_required>{kept("f[public_note]")}</textarea>
            })}
            <label for=field_id("internal")>{t.t(Key::BoInternalNote)}</label>
            <textarea id=field_id("internal") name="f[internal_note]" rows="1">{kept("f[internal_note]")}</textarea>
            // Not named `action`: a control of that name would shadow `form.action` in scripts.
            <input type="hidden" name="transition" value=action />
            <button type="submit" class="button">{button}</button>
        </ActionForm>
    }
}
