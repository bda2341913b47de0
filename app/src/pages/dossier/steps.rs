//! `/ho-so/{id}/{step}`: the page of one step of a draft, and the body of each step. A filed
//! dossier's URL with a step shows the filed dossier, or the change of how its result comes home.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::delivery::{DeliveryChange, DeliveryFields};
use super::documents::DocumentsStep;
use super::filed::FiledDossier;
use super::form_fields::field_view;
use super::inputs::{AddressFields, SelectInput, TextInput};
use super::payment::FeeQuote;
use super::review::ReviewStep;
use super::step_parts::{step_label, Problems, StepButtons, StepList};
use crate::components::autosave::Autosave;
use crate::components::conditional::Conditional;
use crate::components::form::CsrfField;
use crate::components::live_form::LiveForm;
use crate::components::loaded::{Failure, Loaded};
use crate::dto::dossier::*;
use crate::format::error_text;
use crate::i18n::{use_locale, Key, Locale};
use crate::pages::query;
use crate::server_fns::dossier::get_dossier;

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
    let failure =
        Failure::sign_in(move || format!("/ho-so/{}/{}", id.get_untracked(), step.get_untracked()));
    view! {
        <Title text=t.t(Key::MyDossiers) />
        <div class="container narrow dossier">
            <Loaded data failure let:value>
                {match value {
                    d if d.code.is_some() && d.step == "delivery" => view! { <DeliveryChange d=d /> }.into_any(),
                    d if d.code.is_some() => view! { <FiledDossier d=d /> }.into_any(),
                    d => {
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
                        <LiveForm>
                            <StepBody
                                d=d
                                upload_error=upload_slot.get_untracked().zip(upload_code.get_untracked())
                            />
                        </LiveForm>
                        }
                        .into_any()
                    }
                }}
            </Loaded>
        </div>
    }
}

/// The form of the shown step.
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
                    s.error = Some(error_text(t, &code));
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
            message: error_text(t, "declaration_required"),
            step_slug: String::new(),
        });
    }
    d
}
