//! The procedure's own form (the "form" step): each field by its kind, groups of repeated entries,
//! and fields shown only for some answers.

use leptos::prelude::*;

use super::inputs::{described, AddressFields, TextInput};
use crate::components::conditional::Conditional;
use crate::dto::dossier::*;
use crate::i18n::{Key, Locale};

/// One form field (recursive for groups).
pub(super) fn field_view(t: Locale, f: FieldView, provinces: Vec<Choice>) -> AnyView {
    let condition = f
        .visible_if
        .clone()
        .map(|(controller, values)| format!("{controller}={}", values.join("|")));
    let inner = match f.kind.as_str() {
        "textarea" => {
            let has_error = f.error.is_some();
            let desc = described(&f.id, f.hint.is_some(), has_error);
            view! {
                <div class="field" class:field-invalid=has_error>
                    <label for=f.id.clone()>{f.label.clone()}{f.required.then_some(" *")}</label>
                    {f.hint.clone().map(|h| view! { <p class="field-hint" id=format!("{}-hint", f.id)>{h}</p> })}
                    {f.error.clone().map(|e| view! { <p class="field-error" id=format!("{}-error", f.id)>{e}</p> })}
                    <textarea id=f.id.clone() name=f.id.clone() rows="4" maxlength=f.max_length.map(|m| m.to_string())
                        aria-invalid=has_error.then_some("true") aria-describedby=desc>{f.value.clone()}</textarea>
                </div>
            }
            .into_any()
        }
        "choice" => {
            let has_error = f.error.is_some();
            view! {
                <fieldset class="fieldset" class:field-invalid=has_error id=f.id.clone() tabindex="-1">
                    <legend>{f.label.clone()}{f.required.then_some(" *")}</legend>
                    {f.hint.clone().map(|h| view! { <p class="field-hint">{h}</p> })}
                    {f.error.clone().map(|e| view! { <p class="field-error">{e}</p> })}
                    {f.options
                        .iter()
                        .enumerate()
                        .map(|(i, o)| {
                            let id = format!("{}-opt{i}", f.id);
                            let checked = o.value == f.value;
                            view! {
                                <div class="radio">
                                    <input type="radio" id=id.clone() name=f.id.clone() value=o.value.clone() checked=checked />
                                    <label for=id>{o.label.clone()}</label>
                                </div>
                            }
                        })
                        .collect_view()}
                </fieldset>
            }
            .into_any()
        }
        "checkbox" => {
            let checked = f.value == "true";
            view! {
                <div class="field checkbox" class:field-invalid=f.error.is_some()>
                    {f.error.clone().map(|e| view! { <p class="field-error" id=format!("{}-error", f.id)>{e}</p> })}
                    <input type="checkbox" id=f.id.clone() name=f.id.clone() value="true" checked=checked />
                    <label for=f.id.clone()>{f.label.clone()}</label>
                </div>
            }
            .into_any()
        }
        "address" => {
            let address = f.address.clone().unwrap_or_default();
            view! { <AddressFields address=address provinces=provinces legend=f.label.clone() /> }
                .into_any()
        }
        "group" => {
            let items = f.items.clone();
            view! {
                <fieldset class="fieldset group" id=f.id.clone() tabindex="-1">
                    <legend>{f.label.clone()}</legend>
                    {f.error.clone().map(|e| view! { <p class="field-error">{e}</p> })}
                    {items
                        .into_iter()
                        .enumerate()
                        .map(|(n, entry)| {
                            let provinces = provinces.clone();
                            view! {
                                <div class="group-entry">
                                    <p class="group-number">{t.tf(Key::GroupEntry, &[("n", &(n + 1))])}</p>
                                    {entry.into_iter().map(|sub| field_view(t, sub, provinces.clone())).collect_view()}
                                </div>
                            }
                        })
                        .collect_view()}
                    <p class="field-hint">{t.t(Key::GroupAddHint)}</p>
                </fieldset>
            }
            .into_any()
        }
        kind => {
            let (input_kind, autocomplete) = match kind {
                "number" => ("number", "off"),
                "date" => ("date", "off"),
                "phone" => ("tel", "tel"),
                "email" => ("email", "email"),
                _ => ("text", "off"),
            };
            view! {
                <TextInput
                    id=f.id.clone()
                    label=f.label.clone()
                    value=f.value.clone()
                    kind=input_kind
                    hint=f.hint.clone()
                    error=f.error.clone()
                    required=f.required
                    autocomplete=autocomplete
                    max_length=f.max_length
                    min=f.min.clone()
                    max=f.max.clone()
                />
            }
            .into_any()
        }
    };
    match condition {
        Some(rule) => view! {
            <Conditional rule visible=f.visible when=f.visible_when.clone().unwrap_or_default()>
                {inner}
            </Conditional>
        }
        .into_any(),
        None => view! { <div class="form-item">{inner}</div> }.into_any(),
    }
}
