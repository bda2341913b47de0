//! The labelled inputs of the step forms (text, select, address), each with its hint and error
//! linked for screen readers. Named by the form's element ids (`applicant-full_name`), which are
//! what the server reads back.

use leptos::prelude::*;

use crate::dto::dossier::*;
use crate::i18n::{use_locale, Key};

/// Attributes shared by every input: the error's id for `aria-describedby`.
pub(super) fn described(id: &str, hint: bool, error: bool) -> Option<String> {
    let mut ids = Vec::new();
    if hint {
        ids.push(format!("{id}-hint"));
    }
    if error {
        ids.push(format!("{id}-error"));
    }
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// A labelled text-like input.
#[component]
pub(super) fn TextInput(
    id: String,
    label: String,
    value: String,
    #[prop(optional)] kind: Option<&'static str>,
    #[prop(optional_no_strip)] hint: Option<String>,
    #[prop(optional_no_strip)] error: Option<String>,
    #[prop(optional)] required: bool,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional_no_strip)] max_length: Option<u32>,
    #[prop(optional_no_strip)] min: Option<String>,
    #[prop(optional_no_strip)] max: Option<String>,
) -> impl IntoView {
    let has_error = error.is_some();
    let desc = described(&id, hint.is_some(), has_error);
    view! {
        <div class="field" class:field-invalid=has_error>
            <label for=id.clone()>{label}{required.then_some(" *")}</label>
            {hint.map(|h| view! { <p class="field-hint" id=format!("{id}-hint")>{h}</p> })}
            {error.map(|e| view! { <p class="field-error" id=format!("{id}-error")>{e}</p> })}
            <input
                type=kind.unwrap_or("text")
                id=id.clone()
                name=id.clone()
                value=value
                autocomplete=autocomplete.unwrap_or("off")
                maxlength=max_length.map(|m| m.to_string())
                min=min
                max=max
                aria-required=required.then_some("true")
                aria-invalid=has_error.then_some("true")
                aria-describedby=desc
            />
        </div>
    }
}

/// A select with a first empty option.
#[component]
pub(super) fn SelectInput(
    id: String,
    label: String,
    value: String,
    options: Vec<Choice>,
    placeholder: String,
    #[prop(optional_no_strip)] error: Option<String>,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let has_error = error.is_some();
    let desc = described(&id, false, has_error);
    view! {
        <div class="field" class:field-invalid=has_error>
            <label for=id.clone()>{label}{required.then_some(" *")}</label>
            {error.map(|e| view! { <p class="field-error" id=format!("{id}-error")>{e}</p> })}
            <select id=id.clone() name=id aria-invalid=has_error.then_some("true") aria-describedby=desc>
                <option value="">{placeholder}</option>
                {options
                    .into_iter()
                    .map(|o| {
                        let selected = o.value == value;
                        view! { <option value=o.value selected=selected>{o.label}</option> }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// Province, commune and street; inside a [`LiveForm`](crate::components::live_form::LiveForm)
/// the commune list follows the province.
#[component]
pub(super) fn AddressFields(
    address: AddressView,
    provinces: Vec<Choice>,
    legend: String,
) -> impl IntoView {
    let t = use_locale();
    let province_id = format!("{}-province", address.id);
    let commune_id = format!("{}-commune", address.id);
    let selected_commune = address.commune.clone();
    let field_error = |id: &str, e: &Option<String>| {
        e.clone()
            .map(|m| view! { <p class="field-error" id=format!("{id}-error")>{m}</p> })
    };
    view! {
        <fieldset class="fieldset">
            <legend>{legend}</legend>
            <div class="field" class:field-invalid=address.province_error.is_some()>
                <label for=province_id.clone()>{t.t(Key::FieldProvinceCode)}" *"</label>
                {field_error(&province_id, &address.province_error)}
                <select
                    id=province_id.clone()
                    name=province_id.clone()
                    data-communes-for=commune_id.clone()
                    aria-invalid=address.province_error.is_some().then_some("true")
                    aria-describedby=address.province_error.as_ref().map(|_| format!("{province_id}-error"))
                >
                    <option value="">{t.t(Key::ChooseProvince)}</option>
                    {provinces
                        .into_iter()
                        .map(|o| {
                            let selected = o.value == address.province;
                            view! { <option value=o.value selected=selected>{o.label}</option> }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="field" class:field-invalid=address.commune_error.is_some()>
                <label for=commune_id.clone()>{t.t(Key::FieldCommuneCode)}" *"</label>
                {field_error(&commune_id, &address.commune_error)}
                <select
                    id=commune_id.clone()
                    name=commune_id.clone()
                    aria-invalid=address.commune_error.is_some().then_some("true")
                    aria-describedby=address.commune_error.as_ref().map(|_| format!("{commune_id}-error"))
                >
                    <option value="">{t.t(Key::ChooseCommune)}</option>
                    {address
                        .communes
                        .iter()
                        .map(|o| {
                            let is = o.value == selected_commune;
                            view! { <option value=o.value.clone() selected=is>{o.label.clone()}</option> }
                        })
                        .collect_view()}
                </select>
            </div>
            <noscript><p class="field-hint">{t.t(Key::AddressRefreshHint)}</p></noscript>
            <TextInput
                id=format!("{}-street", address.id)
                label=t.t(Key::FieldStreet).to_owned()
                value=address.street.clone()
                error=address.street_error.clone()
                required=true
                autocomplete="street-address"
            />
        </fieldset>
    }
}
