//! Online filing, server-rendered and hydrated: the start page, one page per step (applicant,
//! form, documents, delivery, review), the filed dossier's page and "my dossiers".
//!
//! Every step is a plain HTML form posted to the server (`/ho-so/{id}/luu/{step}`), which saves
//! the draft whatever was typed and sends the applicant on, or back with the problems listed:
//! the same with and without JavaScript. JavaScript adds upload progress and showing or hiding
//! conditional fields as the applicant answers.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::components::autosave::Autosave;
use crate::components::conditional::Conditional;
use crate::components::form::{CsrfField, ErrorSummary, ErrorSummaryBox};
use crate::components::upload::UploadForm;
use crate::dto::dossier::*;
use crate::error::AppError;
use crate::format::fee_text;
use crate::i18n::{use_locale, Key, Locale};
use crate::pages::not_found_page::ErrorNotice;
use crate::server_fns::back_office::SupplyDossier;
use crate::server_fns::dossier::{dossier_start, get_dossier, my_dossiers};

fn query(name: &'static str) -> Memo<Option<String>> {
    let q = use_query_map();
    Memo::new(move |_| q.with(|m| m.get(name)))
}

pub(crate) fn sign_in_notice(t: Locale, next: String) -> AnyView {
    view! {
        <div class="notice" role="status">
            <p>{t.t(Key::FilingSignInFirst)}</p>
            <p>
                <a class="button" href=format!("/dang-nhap?next={next}")>{t.t(Key::SignInSubmit)}</a>
            </p>
        </div>
    }
    .into_any()
}

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
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match data.await {
                        Err(e) => view! { <ErrorNotice error=e /> }.into_any(),
                        Ok(s) => {
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
                    }
                })}
            </Suspense>
        </div>
    }
}

fn step_label(t: Locale, code: &str) -> &'static str {
    match code {
        "applicant" => t.t(Key::StepApplicant),
        "form" => t.t(Key::StepForm),
        "documents" => t.t(Key::StepDocuments),
        "delivery" => t.t(Key::StepDelivery),
        _ => t.t(Key::StepReview),
    }
}

#[component]
fn StepList(id: String, steps: Vec<StepLink>) -> impl IntoView {
    let t = use_locale();
    view! {
        <nav aria-label=t.t(Key::StepsLabel) class="steps">
            <ol>
                {steps
                    .into_iter()
                    .map(|s| {
                        let text = step_label(t, &s.code);
                        let state = if s.done { t.t(Key::StepDone) } else { "" };
                        let inner = if s.current {
                            view! { <span aria-current="step">{text}</span> }.into_any()
                        } else if s.reachable {
                            view! { <a href=format!("/ho-so/{}/{}", id, s.slug)>{text}</a> }.into_any()
                        } else {
                            view! { <span class="step-locked">{text}</span> }.into_any()
                        };
                        view! {
                            <li class:done=s.done class:current=s.current>
                                {inner}
                                <span class="visually-hidden">{state}</span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </nav>
    }
}

#[component]
fn Problems(problems: Vec<ProblemView>, id: String, link_steps: bool) -> impl IntoView {
    let lines = (!problems.is_empty()).then(|| {
        let lines = problems
            .into_iter()
            .map(|p| {
                // A problem without a step (the declaration) is on this page.
                let href = if link_steps && !p.step_slug.is_empty() {
                    format!("/ho-so/{}/{}?loi=1#{}", id, p.step_slug, p.id)
                } else {
                    format!("#{}", p.id)
                };
                (href, format!("{}: {}", p.label, p.message))
            })
            .collect();
        (None, lines)
    });
    view! { <ErrorSummaryBox lines=Signal::stored(lines) /> }
}

/// Attributes shared by every input: the error's id for `aria-describedby`.
fn described(id: &str, hint: bool, error: bool) -> Option<String> {
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
fn TextInput(
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
fn SelectInput(
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

#[component]
fn AddressFields(address: AddressView, provinces: Vec<Choice>, legend: String) -> impl IntoView {
    let t = use_locale();
    // With JavaScript the commune list follows the province at once; without, a save does.
    let communes = RwSignal::new(address.communes.clone());
    let on_province = move |ev: leptos::ev::Event| {
        let code = event_target_value(&ev);
        leptos::task::spawn_local(async move {
            let list = crate::server_fns::account::communes_of(code)
                .await
                .unwrap_or_default();
            communes.set(
                list.into_iter()
                    .map(|(value, label)| Choice { value, label })
                    .collect(),
            );
        });
    };
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
                    on:change=on_province
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
                    {move || {
                        let selected = selected_commune.clone();
                        communes
                            .get()
                            .into_iter()
                            .map(|o| {
                                let is = o.value == selected;
                                view! { <option value=o.value selected=is>{o.label}</option> }
                            })
                            .collect_view()
                    }}
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

/// One form field (recursive for groups).
fn field_view(t: Locale, f: FieldView, provinces: Vec<Choice>) -> AnyView {
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

/// Shows or hides the conditional items of the form the changed control belongs to.
fn refresh_conditions(ev: leptos::ev::Event) {
    #[cfg(feature = "hydrate")]
    {
        use leptos::wasm_bindgen::JsCast;
        if let Some(root) = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        {
            crate::components::conditional::refresh(&root);
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = ev;
}

/// The page of one step of a draft: `/ho-so/{id}/{step}`.
#[component]
pub fn DossierStepPage() -> impl IntoView {
    let t = use_locale();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let step = Memo::new(move |_| params.with(|p| p.get("step").unwrap_or_default()));
    let check = query("loi");
    let uploaded = query("tai-len");
    let conflict = query("xung-dot");
    let upload_code = query("ma");
    let upload_slot = query("o");
    let declaration = query("cam-doan");
    let stamp = query("n");
    let data = Resource::new(
        move || (id.get(), step.get(), check.get().is_some(), stamp.get()),
        |(id, step, check, _)| get_dossier(id, step, check),
    );
    view! {
        <Title text=t.t(Key::MyDossiers) />
        <div class="container narrow dossier">
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match data.await {
                        Err(AppError::Unauthorized) => sign_in_notice(t, format!("/ho-so/{}/{}", id.get_untracked(), step.get_untracked())),
                        Err(e) => view! { <ErrorNotice error=e /> }.into_any(),
                        Ok(d) if d.code.is_some() && d.step == "delivery" => view! { <DeliveryChange d=d /> }.into_any(),
                        Ok(d) if d.code.is_some() => view! { <FiledDossier d=d /> }.into_any(),
                        Ok(d) => {
                            let d = with_declaration_problem(t, d, declaration.get_untracked().is_some());
                            view! {
                            <Title text=format!("{} — {}", step_label(t, &d.step), d.procedure_name) />
                            <p class="breadcrumb"><a href="/ho-so-cua-toi">{t.t(Key::MyDossiers)}</a></p>
                            <h1>{d.procedure_name.clone()}</h1>
                            <StepList id=d.id.clone() steps=d.steps.clone() />
                            {conflict.get_untracked().map(|_| view! {
                                <div class="notice notice-error" role="alert"><p>{t.t(Key::DraftChangedElsewhere)}</p></div>
                            })}
                            {uploaded.get_untracked().filter(|u| u == "ok").map(|_| view! {
                                <div class="notice notice-success" role="status"><p>{t.t(Key::UploadDone)}</p></div>
                            })}
                            <Problems problems=d.problems.clone() id=d.id.clone() link_steps=d.step == "review" />
                            <div on:change=refresh_conditions>
                                <StepBody
                                    d=d
                                    upload_error=upload_slot.get_untracked().zip(upload_code.get_untracked())
                                />
                            </div>
                            }
                            .into_any()
                        }
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn StepBody(
    d: DossierView,
    /// A refused upload: (slot, error code).
    upload_error: Option<(String, String)>,
) -> impl IntoView {
    let t = use_locale();
    let action = format!("/ho-so/{}/luu/{}", d.id, d.step);
    let hidden = view! {
        <CsrfField />
        <input type="hidden" name="revision" value=d.revision.to_string() />
    };
    match d.step.as_str() {
        "applicant" => {
            let a = d.applicant.clone();
            let on = a.on_behalf.clone();
            let radio = move |value: &'static str, key: Key| {
                let id = format!("applicant-on_behalf-{value}");
                let checked = on == value || (on.is_empty() && value == "myself");
                view! {
                    <div class="radio">
                        <input type="radio" id=id.clone() name="applicant-on_behalf" value=value checked=checked />
                        <label for=id>{t.t(key)}</label>
                    </div>
                }
            };
            let err = |id: &str| {
                d.problems
                    .iter()
                    .find(|p| p.id == id)
                    .map(|p| p.message.clone())
            };
            // Owned before the view: a conditional block's children outlive this function.
            let subject_name_error = err("applicant-subject_name");
            let subject_citizen_id_error = err("applicant-subject_citizen_id");
            let relation_error = err("applicant-relation");
            let organisation_id_error = err("applicant-organisation_id");
            view! {
                <form method="post" action=action class="form" novalidate>
                    {hidden}
                    <h2>{t.t(Key::StepApplicant)}</h2>
                    <p class="hint">{t.t(Key::ApplicantPrefilled)}</p>
                    <fieldset class="fieldset">
                        <legend>{t.t(Key::FieldOnBehalf)}</legend>
                        {radio("myself", Key::OnBehalfMyself)}
                        {radio("other", Key::OnBehalfOther)}
                        {(!a.organisations.is_empty()).then(|| radio("organisation", Key::OnBehalfOrganisation))}
                    </fieldset>
                    <TextInput id="applicant-full_name".into() label=t.t(Key::FieldFullName).into() value=a.full_name.clone() error=err("applicant-full_name") required=true autocomplete="name" />
                    <TextInput id="applicant-citizen_id".into() label=t.t(Key::FieldCitizenId).into() value=a.citizen_id.clone() error=err("applicant-citizen_id") required=true hint=Some(t.t(Key::HintCitizenId).into()) />
                    <TextInput id="applicant-date_of_birth".into() label=t.t(Key::FieldDateOfBirth).into() value=a.date_of_birth.clone() kind="date" error=err("applicant-date_of_birth") required=true autocomplete="bday" />
                    <TextInput id="applicant-phone".into() label=t.t(Key::FieldPhone).into() value=a.phone.clone() kind="tel" error=err("applicant-phone") required=true autocomplete="tel" />
                    <TextInput id="applicant-email".into() label=t.t(Key::FieldEmail).into() value=a.email.clone() kind="email" error=err("applicant-email") autocomplete="email" hint=Some(t.t(Key::HintFilingEmail).into()) />
                    <AddressFields address=a.address.clone() provinces=d.provinces.clone() legend=t.t(Key::FieldAddressResidence).into() />
                    <Conditional rule="applicant-on_behalf=other".into() visible=a.on_behalf == "other" when=t.t(Key::OnBehalfOtherWhen)>
                        <fieldset class="fieldset">
                            <legend>{t.t(Key::OnBehalfOther)}</legend>
                            <TextInput id="applicant-subject_name".into() label=t.t(Key::FieldSubjectName).into() value=a.subject_name.clone() error=subject_name_error.clone() required=true />
                            <TextInput id="applicant-subject_citizen_id".into() label=t.t(Key::FieldSubjectCitizenId).into() value=a.subject_citizen_id.clone() error=subject_citizen_id_error.clone() />
                            <TextInput id="applicant-relation".into() label=t.t(Key::FieldRelation).into() value=a.relation.clone() error=relation_error.clone() required=true />
                        </fieldset>
                    </Conditional>
                    {(!a.organisations.is_empty()).then(|| view! {
                        <Conditional rule="applicant-on_behalf=organisation".into() visible=a.on_behalf == "organisation" when=t.t(Key::OnBehalfOrganisationWhen)>
                            <SelectInput id="applicant-organisation_id".into() label=t.t(Key::FieldOrganisationId).into() value=a.organisation_id.clone() options=a.organisations.clone() placeholder=t.t(Key::ChooseOne).into() error=organisation_id_error.clone() required=true />
                        </Conditional>
                    })}
                    {match a.receiving_fixed.clone() {
                        Some(name) => view! { <p><strong>{t.t(Key::FieldReceivingAgency)}": "</strong>{name}</p> }.into_any(),
                        None => view! {
                            <SelectInput id="applicant-receiving_agency".into() label=t.t(Key::FieldReceivingAgency).into() value=a.receiving_agency.clone() options=a.receiving_choices.clone() placeholder=t.t(Key::ChooseOne).into() error=err("applicant-receiving_agency") required=true />
                        }.into_any(),
                    }}
                    <Autosave />
                    <StepButtons />
                </form>
            }
            .into_any()
        }
        "form" => {
            let provinces = d.provinces.clone();
            view! {
                <form method="post" action=action class="form" novalidate>
                    {hidden}
                    <h2>{t.t(Key::StepForm)}</h2>
                    <p class="hint">{t.t(Key::RequiredHint)}</p>
                    {d.form.clone().into_iter().map(|f| field_view(t, f, provinces.clone())).collect_view()}
                    <Autosave />
                    <StepButtons />
                </form>
            }
            .into_any()
        }
        "documents" => {
            let mut d = d.clone();
            if let Some((slot, code)) = upload_error {
                if let Some(s) = d.slots.iter_mut().find(|s| s.key == slot) {
                    s.error = Some(crate::components::form::error_text(t, &code));
                }
            }
            view! { <DocumentsStep d=d action=action /> }.into_any()
        }
        "delivery" => view! {
            <form method="post" action=action class="form" novalidate>
                {hidden}
                <h2>{t.t(Key::StepDelivery)}</h2>
                <DeliveryFields d=d.clone() />
                <FeeQuote q=d.quote.clone() />
                <Autosave />
                <StepButtons />
            </form>
        }
        .into_any(),
        _ => view! { <ReviewStep d=d.clone() /> }.into_any(),
    }
}

/// The draft with "tick the declaration" among its problems when the review page was sent
/// without it: named in the summary at the top like any other problem, and next to the box.
fn with_declaration_problem(t: Locale, mut d: DossierView, missing: bool) -> DossierView {
    if missing && d.step == "review" {
        d.problems.push(ProblemView {
            id: "declaration".into(),
            label: t.t(Key::FieldDeclaration).into(),
            message: crate::components::form::error_text(t, "declaration_required"),
            step_slug: String::new(),
        });
    }
    d
}

/// The choice of how the result comes home, with the postal address and how its fee is paid:
/// the draft's delivery step and the change after filing.
#[component]
fn DeliveryFields(d: DossierView) -> impl IntoView {
    let t = use_locale();
    let dv = d.delivery.clone();
    let err = |id: &str| {
        d.problems
            .iter()
            .find(|p| p.id == id)
            .map(|p| p.message.clone())
    };
    let method_error = err("delivery-method").unwrap_or_default();
    let delivery_recipient_error = err("delivery-recipient");
    let delivery_phone_error = err("delivery-phone");
    let payment_error = err("delivery-postal_payment").unwrap_or_default();
    let radio = |value: &'static str, key: Key, hint: Key| {
        let id = format!("delivery-method-{value}");
        let checked = dv.method == value;
        view! {
            <div class="radio">
                <input type="radio" id=id.clone() name="delivery-method" value=value checked=checked aria-describedby=format!("{id}-hint") />
                <label for=id.clone()>{t.t(key)}</label>
                <p class="field-hint" id=format!("{id}-hint")>{t.t(hint)}</p>
            </div>
        }
    };
    view! {
        <fieldset class="fieldset" id="delivery-method" tabindex="-1" class:field-invalid=!method_error.is_empty()>
            <legend>{t.t(Key::FieldDeliveryMethod)}" *"</legend>
            {(!method_error.is_empty()).then(|| view! { <p class="field-error">{method_error.clone()}</p> })}
            {radio("desk", Key::DeliveryDesk, Key::DeliveryDeskHint)}
            {dv.electronic.then(|| radio("electronic", Key::DeliveryElectronic, Key::DeliveryElectronicHint))}
            {radio("post", Key::DeliveryPost, Key::DeliveryPostHint)}
        </fieldset>
        <Conditional rule="delivery-method=post".into() visible=dv.method == "post" when=t.t(Key::DeliveryPostWhen)>
            <TextInput id="delivery-recipient".into() label=t.t(Key::FieldRecipient).into() value=dv.recipient.clone() error=delivery_recipient_error.clone() required=true autocomplete="name" />
            <TextInput id="delivery-phone".into() label=t.t(Key::FieldPhone).into() value=dv.phone.clone() kind="tel" error=delivery_phone_error.clone() required=true autocomplete="tel" />
            <AddressFields address=dv.address.clone() provinces=d.provinces.clone() legend=t.t(Key::FieldAddressPost).into() />
            <fieldset class="fieldset" id="delivery-postal_payment" tabindex="-1" class:field-invalid=!payment_error.is_empty()>
                <legend>{t.t(Key::FieldPostalPayment)}</legend>
                {(!payment_error.is_empty()).then(|| view! { <p class="field-error">{payment_error.clone()}</p> })}
                {(!dv.postal_fees.is_empty()).then(|| view! { <p class="field-hint">{dv.postal_fees.clone()}</p> })}
                {[("on_delivery", Key::PostalPaymentOnDelivery), ("with_fee", Key::PostalPaymentWithFee)].into_iter().map(|(value, key)| {
                    let id = format!("delivery-postal_payment-{value}");
                    let checked = dv.postal_payment == value;
                    view! {
                        <div class="radio">
                            <input type="radio" id=id.clone() name="delivery-postal_payment" value=value checked=checked />
                            <label for=id>{t.t(key)}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
        </Conditional>
    }
}

/// `/ho-so/{id}/nhan-ket-qua` of a filed dossier: its owner changes how the result comes
/// home (a plain form post: it works without JavaScript; what was typed comes back with its
/// problems).
#[component]
fn DeliveryChange(d: DossierView) -> impl IntoView {
    let t = use_locale();
    let code = d.code.clone().unwrap_or_default();
    let back = format!("/ho-so/{}", d.id);
    view! {
        <Title text=format!("{} — {}", t.t(Key::DeliveryChangeTitle), code) />
        <p class="breadcrumb"><a href=back.clone()>{format!("{} {}", t.t(Key::DossierCode), code)}</a></p>
        <h1>{t.t(Key::DeliveryChangeTitle)}</h1>
        {if d.delivery_changeable {
            view! {
                <p class="hint">{t.t(Key::DeliveryChangeLead)}</p>
                <Problems problems=d.problems.clone() id=d.id.clone() link_steps=false />
                <div on:change=refresh_conditions>
                    <form method="post" action=format!("/ho-so/{}/doi-cach-nhan", d.id) class="form delivery-change" novalidate>
                        <CsrfField />
                        <DeliveryFields d=d.clone() />
                        <div class="form-actions">
                            <button type="submit" class="button">{t.t(Key::DeliveryChangeSave)}</button>
                            <a class="button button-secondary" href=back.clone()>{t.t(Key::DeliveryChangeBack)}</a>
                        </div>
                    </form>
                </div>
            }
            .into_any()
        } else {
            view! {
                <p class="notice">{t.t(Key::DeliveryChangeLocked)}</p>
                <p><a href=back.clone()>{t.t(Key::DeliveryChangeBack)}</a></p>
            }
            .into_any()
        }}
    }
}

#[component]
fn StepButtons() -> impl IntoView {
    let t = use_locale();
    view! {
        <div class="form-actions">
            <button type="submit" name="action" value="next" class="button">{t.t(Key::SaveAndContinue)}</button>
            <button type="submit" name="action" value="stay" class="button button-secondary">{t.t(Key::SaveDraft)}</button>
        </div>
    }
}

#[component]
fn DocumentsStep(d: DossierView, action: String) -> impl IntoView {
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

fn size_text(bytes: i64) -> String {
    if bytes >= 1_048_576 {
        format!("{:.1} MB", bytes as f64 / 1_048_576.0)
    } else {
        format!("{} KB", (bytes + 1023) / 1024)
    }
}

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

#[component]
fn ReviewStep(d: DossierView) -> impl IntoView {
    let t = use_locale();
    let sections = d.review.clone();
    let declaration_error = d
        .problems
        .iter()
        .find(|p| p.id == "declaration")
        .map(|p| p.message.clone());
    view! {
        <h2>{t.t(Key::StepReview)}</h2>
        {sections.into_iter().map(|s| {
            let id = d.id.clone();
            view! {
                <section class="review">
                    <div class="review-head">
                        <h3>{step_label(t, &s.step)}</h3>
                        <a href=format!("/ho-so/{}/{}", id, s.slug)>
                            {t.t(Key::Change)}<span class="visually-hidden">{format!(": {}", step_label(t, &s.step))}</span>
                        </a>
                    </div>
                    <dl class="facts">
                        {s.rows.into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> }).collect_view()}
                    </dl>
                </section>
            }
        }).collect_view()}
        <FeeQuote q=d.quote.clone() />
        <form method="post" action=format!("/ho-so/{}/nop", d.id) class="form" novalidate>
            <CsrfField />
            <div class="field checkbox" class:field-invalid=declaration_error.is_some()>
                {declaration_error.clone().map(|e| view! { <p class="field-error" id="declaration-error">{e}</p> })}
                <input type="checkbox" id="declaration" name="declaration" value="true" aria-describedby=declaration_error.as_ref().map(|_| "declaration-error") />
                <label for="declaration">{t.t(Key::DeclarationText)}</label>
            </div>
            <button type="submit" class="button button-large">{t.t(Key::SubmitDossier)}</button>
        </form>
    }
}

pub(crate) fn status_label(t: Locale, status: &str) -> String {
    Key::from_name(&format!("status_{status}"))
        .map(|k| t.t(k).to_owned())
        .unwrap_or_else(|| status.to_owned())
}

#[component]
fn FiledDossier(d: DossierView) -> impl IntoView {
    let t = use_locale();
    let code = d.code.clone().unwrap_or_default();
    let just = use_query_map().with_untracked(|q| q.get("moi").is_some());
    // Reactive: after the supplement is sent the router only changes the query, not the page.
    let query = use_query_map();
    let supplied = move || query.with(|q| q.get("da").as_deref() == Some("bo-sung"));
    let changed = move || query.with(|q| q.get("da").as_deref() == Some("nhan-ket-qua"));
    // After a change that left something to pay, say where to pay it.
    let d_pay = d.payment.as_ref().is_some_and(|p| p.can_pay);
    view! {
        <Title text=format!("{} {}", t.t(Key::DossierCode), code) />
        <p class="breadcrumb"><a href="/ho-so-cua-toi">{t.t(Key::MyDossiers)}</a></p>
        {just.then(|| view! {
            <div class="notice notice-success panel-success" role="status">
                <h1>{t.t(Key::SubmittedTitle)}</h1>
                <p>{t.t(Key::SubmittedText)}</p>
            </div>
        })}
        {(!just).then(|| view! { <h1>{d.procedure_name.clone()}</h1> })}
        <dl class="facts">
            <dt>{t.t(Key::DossierCode)}</dt>
            <dd><strong class="dossier-code">{code.clone()}</strong></dd>
            <dt>{t.t(Key::DossierProcedure)}</dt>
            <dd>{d.procedure_name.clone()}</dd>
            <dt>{t.t(Key::DossierStatus)}</dt>
            <dd>{status_label(t, &d.status)}</dd>
            <dt>{t.t(Key::FieldReceivingAgency)}</dt>
            <dd>{d.receiving_agency.clone().unwrap_or_default()}</dd>
            <dt>{t.t(Key::SubmittedAt)}</dt>
            <dd>{d.submitted_at.clone().unwrap_or_default()}</dd>
            <dt>{t.t(Key::FeeDue)}</dt>
            <dd>{fee_text(t, d.fee_vnd)}</dd>
        </dl>
        {d.due_at.clone().map(|due| view! {
            <p class="due-line">{t.tf(Key::DossierDueAt, &[("due", &due)])}</p>
        })}
        {move || changed().then(|| view! { <div class="notice notice-success" role="status"><p>{t.t(if d_pay { Key::DeliveryChangedPay } else { Key::DeliveryChangedNotice })}</p></div> })}
        {d.payment.clone().map(|p| view! { <PaymentPanel d=d.clone() p /> })}
        <section class="delivery-now" aria-labelledby="delivery-h">
            <h2 id="delivery-h">{t.t(Key::DeliverySectionTitle)}</h2>
            <dl class="delivery-facts">
                {d.delivery_rows.iter().map(|(label, value)| view! { <dt>{label.clone()}</dt><dd>{value.clone()}</dd> }).collect_view()}
            </dl>
            {d.delivery_changeable.then(|| view! {
                <p><a class="button button-secondary" href=format!("/ho-so/{}/nhan-ket-qua", d.id)>{t.t(Key::DeliveryChangeLink)}</a></p>
            })}
        </section>
        {d.now_at.clone().map(|at| view! { <p class="now-at">{at}</p> })}
        {d.time_left.clone().map(|left| view! {
            <p class="time-left-line">{t.tf(Key::DossierTimeLeft, &[("left", &left)])}</p>
        })}
        {d.paused.then(|| view! { <p class="notice">{t.t(Key::DossierPaused)}</p> })}
        {d.result.clone().map(|r| view! {
            <section class="notice notice-success result-ready" aria-labelledby="result-h">
                <h2 id="result-h">{t.t(Key::ResultReadyTitle)}</h2>
                <p>{r.received.clone().unwrap_or_else(|| t.t(Key::ResultReadyText).to_owned())}</p>
                <p>
                    <a class="button button-large" href=r.url.clone()>{t.t(Key::ResultDownload)}</a>" "
                    <a href=r.verify_url.clone()>{t.t(Key::ResultVerifyLink)}</a>
                </p>
            </section>
        })}
        {move || supplied().then(|| view! { <div class="notice notice-success" role="status"><p>{t.t(Key::SupplySent)}</p></div> })}
        {d.supplement.clone().map(|s| view! { <SupplementPanel d=d.clone() s /> })}
        <p>
            <a class="button" href=format!("/ho-so/{}/phieu-tiep-nhan.pdf", d.id) download="">{t.t(Key::DownloadReceipt)}</a>
        </p>
        <h2>{t.t(Key::Timeline)}</h2>
        <ol class="timeline">
            {d.timeline.iter().map(|(at, text, slip)| view! {
                <li>
                    <time>{at.clone()}</time>" — "{text.clone()}
                    {slip.clone().map(|(url, label)| view! { " " <a href=url download="">{label}</a> })}
                </li>
            }).collect_view()}
        </ol>
        <section aria-labelledby="access-h" class="access-log">
            <h2 id="access-h">{t.t(Key::AccessTitle)}</h2>
            <p class="hint">{t.t(Key::AccessLead)}</p>
            {if d.access.is_empty() {
                view! { <p>{t.t(Key::AccessNone)}</p> }.into_any()
            } else {
                view! {
                    <div class="table-wrap">
                        <table class="table stack-table">
                            <thead><tr>
                                <th scope="col">{t.t(Key::AccessAt)}</th>
                                <th scope="col">{t.t(Key::AccessAgency)}</th>
                                <th scope="col">{t.t(Key::AccessRoles)}</th>
                                <th scope="col">{t.t(Key::AccessWhat)}</th>
                            </tr></thead>
                            <tbody>
                                {d.access.iter().map(|a| view! {
                                    <tr>
                                        <td data-label=t.t(Key::AccessAt)>{a.at.clone()}</td>
                                        <td data-label=t.t(Key::AccessAgency)>{a.agency.clone()}</td>
                                        <td data-label=t.t(Key::AccessRoles)>{a.roles.clone()}</td>
                                        <td data-label=t.t(Key::AccessWhat)>{a.what.clone()}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
                .into_any()
            }}
        </section>
    }
}

/// The one fee quote (see `domain::payments::quote`): each line, the total due online, and the
/// postage paid on delivery — the same on the delivery step, check-answers, the payment panel
/// and the receipt.
#[component]
fn FeeQuote(q: FeeQuoteView) -> impl IntoView {
    let t = use_locale();
    view! {
        <section class="fee-quote" aria-labelledby="fee-quote-h">
            <h3 id="fee-quote-h">{t.t(Key::QuoteTitle)}</h3>
            {if q.lines.is_empty() {
                view! { <p>{t.t(Key::QuoteFree)}</p> }.into_any()
            } else {
                view! {
                    <dl class="fee-lines">
                        {q.lines.into_iter().map(|(what, amount)| view! { <dt>{what}</dt><dd>{amount}</dd> }).collect_view()}
                        <dt class="fee-total">{t.t(Key::QuoteTotal)}</dt>
                        <dd class="fee-total"><strong>{q.total}</strong></dd>
                    </dl>
                }
                .into_any()
            }}
            {q.on_delivery.map(|o| view! { <p class="hint">{o}</p> })}
        </section>
    }
}

/// The fee: paid (with the bank's reference), waiting for the bank, or the button that opens
/// the gateway (a plain form post: it works without JavaScript).
#[component]
fn PaymentPanel(d: DossierView, p: PaymentView) -> impl IntoView {
    let t = use_locale();
    let error = use_query_map().with_untracked(|q| {
        (q.get("thanh-toan").as_deref() == Some("loi")).then(|| q.get("ma").unwrap_or_default())
    });
    let found_paid =
        use_query_map().with_untracked(|q| q.get("thanh-toan").as_deref() == Some("da-nop"));
    let amount = fee_text(t, d.fee_vnd);
    view! {
        <section class="panel payment" aria-labelledby="payment-h">
            <h2 id="payment-h">{t.t(Key::PaymentTitle)}</h2>
            {error.map(|code| view! {
                <div class="notice notice-error" role="alert"><p>{crate::components::form::error_text(t, &code)}</p></div>
            })}
            {found_paid.then(|| view! {
                <div class="notice notice-success" role="status"><p>{t.t(Key::PaymentFoundPaid)}</p></div>
            })}
            {(p.state != "paid").then(|| view! { <FeeQuote q=d.quote.clone() /> })}
            {match p.state.as_str() {
                "paid" => view! {
                    <p class="payment-state paid"><strong>{t.tf(Key::PaymentPaid, &[("amount", &amount), ("at", &p.paid_at.clone().unwrap_or_default())])}</strong></p>
                    {p.reference.clone().map(|r| view! { <p class="hint">{t.tf(Key::PaymentReference, &[("ref", &r)])}</p> })}
                    {p.receipt_url.clone().map(|u| view! { <p><a class="button" href=u download="">{t.t(Key::PaymentReceiptDownload)}</a></p> })}
                }
                .into_any(),
                "pending" => match p.transfer.clone() {
                    Some(tr) => view! { <TransferOrder tr=tr /> }.into_any(),
                    None => view! {
                        <p class="payment-state pending">{t.t(Key::PaymentPending)}</p>
                        {p.can_pay_again.then(|| view! {
                            <form method="post" action=format!("/ho-so/{}/thanh-toan-lai", d.id) class="pay-again-form">
                                <CsrfField />
                                <p class="hint">{t.t(Key::PaymentAgainHint)}</p>
                                <button type="submit" class="button button-secondary">{t.t(Key::PaymentAgain)}</button>
                            </form>
                        })}
                    }
                    .into_any(),
                },
                "failed" => view! { <p class="payment-state failed">{t.t(Key::PaymentFailed)}</p> }.into_any(),
                _ => view! { <p class="payment-state unpaid">{t.tf(Key::PaymentDue, &[("amount", &fee_text(t, p.balance_vnd))])}</p> }.into_any(),
            }}
            {p.can_pay.then(|| view! {
                <form method="post" action=format!("/ho-so/{}/thanh-toan", d.id) class="payment-form">
                    <CsrfField />
                    <button type="submit" class="button button-large">{t.t(Key::PaymentPay)}</button>
                    <p class="hint">{t.t(Key::PaymentHint)}</p>
                </form>
                <form method="post" action=format!("/ho-so/{}/thanh-toan/vietqr", d.id) class="transfer-form">
                    <CsrfField />
                    <button type="submit" class="button button-secondary">{t.t(Key::TransferPay)}</button>
                    <p class="hint">{t.t(Key::TransferHint)}</p>
                </form>
            })}
        </section>
    }
}

/// A VietQR transfer order: the code to scan and the same details to type, with what happens
/// next (the bank's notice confirms it; nothing to press here).
#[component]
fn TransferOrder(tr: TransferView) -> impl IntoView {
    let t = use_locale();
    view! {
        <div class="transfer-order" data-vietqr=tr.payload.clone()>
            <p class="payment-state pending">{t.tf(Key::TransferWaiting, &[("until", &tr.until)])}</p>
            <div class="transfer-qr" inner_html=tr.svg.clone()></div>
            <dl class="facts">
                <dt>{t.t(Key::TransferBank)}</dt><dd>{tr.bank.clone()}</dd>
                <dt>{t.t(Key::TransferAccount)}</dt><dd>{tr.account.clone()}</dd>
                <dt>{t.t(Key::TransferAccountName)}</dt><dd>{tr.account_name.clone()}</dd>
                <dt>{t.t(Key::TransferAmount)}</dt><dd>{fee_text(t, tr.amount_vnd)}</dd>
                <dt>{t.t(Key::TransferContent)}</dt><dd><strong class="transfer-reference">{tr.reference.clone()}</strong></dd>
            </dl>
            <p class="hint">{t.t(Key::TransferContentHint)}</p>
        </div>
    }
}

/// What the agency asked for, the documents with their upload forms, and the button that sends
/// the supplement (plain forms: it works without JavaScript).
#[component]
fn SupplementPanel(d: DossierView, s: SupplementView) -> impl IntoView {
    let t = use_locale();
    let supply = ServerAction::<SupplyDossier>::new();
    let error = Signal::derive(move || supply.value().get().and_then(|r| r.err()));
    let upload_error = use_query_map().with_untracked(|q| {
        (q.get("tai-len").as_deref() == Some("loi")).then(|| q.get("ma").unwrap_or_default())
    });
    view! {
        <section class="notice notice-warning supplement" aria-labelledby="supplement-h">
            <h2 id="supplement-h">{t.t(Key::SupplementTitle)}</h2>
            <p>{t.tf(Key::SupplementAsked, &[("at", &s.asked_at)])}</p>
            {(!s.note.is_empty()).then(|| view! { <p><strong>{s.note.clone()}</strong></p> })}
            {(!s.missing.is_empty()).then(|| view! {
                <ul>{s.missing.iter().map(|m| view! { <li>{m.clone()}</li> }).collect_view()}</ul>
            })}
            <p>{t.t(Key::SupplementHow)}</p>
        </section>
        {upload_error.map(|code| view! {
            <div class="notice notice-error" role="alert"><p>{crate::components::form::error_text(t, &code)}</p></div>
        })}
        {d.slots
            .iter()
            .map(|slot| {
                let limits_id = format!("limits-{}", slot.key);
                view! {
                    <section class="slot" aria-label=slot.label.clone()>
                        <h3>{slot.label.clone()}</h3>
                        <p id=limits_id.clone() class="hint">{t.tf(Key::SlotLimits, &[("types", &slot.types), ("mb", &slot.max_mb), ("n", &slot.max_files)])}</p>
                        <ul class="files">
                            {slot.files.iter().map(|f| view! { <li><a href=f.url.clone()>{f.name.clone()}</a></li> }).collect_view()}
                        </ul>
                        <UploadForm dossier_id=d.id.clone() slot_key=slot.key.clone() accept=slot.accept.clone() label=slot.label.clone() limits_id />
                    </section>
                }
            })
            .collect_view()}
        <ActionForm action=supply attr:class="form supply-form">
            <CsrfField />
            <ErrorSummary error />
            <input type="hidden" name="id" value=d.id.clone() />
            <label for="supply-note">{t.t(Key::SupplyNote)}</label>
            <textarea id="supply-note" name="public_note" rows="3"></textarea>
            <button type="submit" class="button button-large">{t.t(Key::SupplySend)}</button>
        </ActionForm>
    }
}

/// `/ho-so/{id}`: a filed dossier, or a draft's resume point.
#[component]
pub fn DossierPage() -> impl IntoView {
    let t = use_locale();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let data = Resource::new(move || id.get(), |id| get_dossier(id, String::new(), false));
    view! {
        <Title text=t.t(Key::MyDossiers) />
        <div class="container narrow dossier">
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match data.await {
                        Err(AppError::Unauthorized) => sign_in_notice(t, format!("/ho-so/{}", id.get_untracked())),
                        Err(e) => view! { <ErrorNotice error=e /> }.into_any(),
                        Ok(d) if d.code.is_some() => view! { <FiledDossier d=d /> }.into_any(),
                        Ok(d) => view! {
                            <h1>{d.procedure_name.clone()}</h1>
                            <p>{t.t(Key::DraftNotFiled)}</p>
                            <p><a class="button" href=format!("/ho-so/{}/{}", d.id, d.steps.iter().find(|s| s.current).map(|s| s.slug.clone()).unwrap_or_default())>{t.t(Key::ResumeDraft)}</a></p>
                        }
                        .into_any(),
                    }
                })}
            </Suspense>
        </div>
    }
}

/// `/ho-so-cua-toi`: drafts and filed dossiers.
#[component]
pub fn MyDossiersPage() -> impl IntoView {
    let t = use_locale();
    let data = Resource::new(|| (), |_| my_dossiers());
    view! {
        <Title text=t.t(Key::MyDossiers) />
        <div class="container">
            <h1>{t.t(Key::MyDossiers)}</h1>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match data.await {
                        Err(AppError::Unauthorized) => sign_in_notice(t, "/ho-so-cua-toi".into()),
                        Err(e) => view! { <ErrorNotice error=e /> }.into_any(),
                        Ok(rows) if rows.is_empty() => view! {
                            <p>{t.t(Key::NoDossiers)}</p>
                            <p><a class="button" href="/thu-tuc">{t.t(Key::FindProcedure)}</a></p>
                        }.into_any(),
                        Ok(rows) => view! {
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
                    }
                })}
            </Suspense>
        </div>
    }
}
