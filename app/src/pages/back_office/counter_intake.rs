//! `/mot-cua/tiep-nhan`: counter intake. An intake clerk registers a dossier brought to the
//! desk or received by post (with the postal item's reference): the procedure's code and the
//! channel here, then the same steps as online filing (`/ho-so/{id}/…`), filled from the paper
//! form and the scanned documents. A plain form post, so it works without JavaScript; a refused
//! start comes back with what was typed and the error next to its field.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::components::form::{CsrfField, ErrorSummary, Field};
use crate::components::loaded::{Failure, Loaded};
use crate::components::notice::ErrorNotice;
use crate::error::AppError;
use crate::i18n::{use_locale, Key};
use crate::server_fns::back_office::counter_intake::desk_intake;
use crate::server_fns::organisation::VerifyOrganisation;

/// The page.
#[component]
pub fn CounterIntakePage() -> impl IntoView {
    let t = use_locale();
    let query = use_query_map();
    let get = move |k: &str| query.with(|q| q.get(k).unwrap_or_default());
    let data = Resource::new(|| (), |_| desk_intake());
    // `loi=field:code` after a refused start.
    let error = Signal::derive(move || {
        let e = get("loi");
        match e.split_once(':') {
            Some((field, code)) => Some(AppError::Validation(vec![(field.into(), code.into())])),
            None if e == "forbidden" => Some(AppError::Forbidden),
            None => None,
        }
    });
    let verify = ServerAction::<VerifyOrganisation>::new();
    let verify_error = Signal::derive(move || verify.value().get().and_then(|r| r.err()));
    let failure = Failure::sign_in(|| "/mot-cua/tiep-nhan".into());
    view! {
        <Title text=t.t(Key::DeskTitle) />
        <div class="container">
            <p class="breadcrumb"><a href="/mot-cua">{t.t(Key::BoTitle)}</a></p>
            <h1>{t.t(Key::DeskTitle)}</h1>
            <Loaded data failure let:value>
                {match value {
                    v if !v.clerk => view! { <ErrorNotice error=AppError::Forbidden /> }.into_any(),
                    v => {
                        let by_post = get("kenh") == "post";
                        view! {
                            <p>{t.tf(Key::DeskIntro, &[("desk", &v.desk)])}</p>
                            <form method="post" action="/mot-cua/tiep-nhan/bat-dau" class="form">
                                <CsrfField />
                                <ErrorSummary error=error />
                                <Field name="procedure" value=get("thu-tuc") hint=Some(Key::DeskProcedureHint) error=error required=true />
                                <fieldset>
                                    <legend>{t.t(Key::FieldChannel)}</legend>
                                    <label class="choice"><input type="radio" name="channel" value="desk" checked=!by_post />" "{t.t(Key::DeskChannelDesk)}</label>
                                    <label class="choice"><input type="radio" name="channel" value="post" checked=by_post />" "{t.t(Key::DeskChannelPost)}</label>
                                </fieldset>
                                <Field name="intake_reference" value=get("so") hint=Some(Key::DeskReferenceHint) error=error />
                                <button type="submit" class="button">{t.t(Key::DeskStart)}</button>
                            </form>
                            {(!v.drafts.is_empty()).then(|| view! {
                                <h2>{t.t(Key::DeskDrafts)}</h2>
                                <ul class="plain">
                                    {v.drafts.iter().map(|(id, code, name)| view! {
                                        <li><a href=format!("/ho-so/{id}/nguoi-nop")>{format!("{code} — {name}")}</a></li>
                                    }).collect_view()}
                                </ul>
                            })}
                            <h2>{t.t(Key::DeskVerifyOrganisation)}</h2>
                            <p>{t.t(Key::DeskVerifyOrganisationIntro)}</p>
                            {(get("da") == "xac-minh").then(|| view! {
                                <div class="notice notice-success" role="status"><p>{t.t(Key::DeskOrganisationVerified)}</p></div>
                            })}
                            <ErrorSummary error=verify_error />
                            <ActionForm action=verify attr:class="form" attr:novalidate=true>
                                <CsrfField />
                                <Field name="tax_code" hint=Some(Key::HintTaxCode) error=verify_error required=true />
                                <button type="submit" class="button button-outline">{t.t(Key::DeskVerifyOrganisation)}</button>
                            </ActionForm>
                        }
                        .into_any()
                    }
                }}
            </Loaded>
        </div>
    }
}
