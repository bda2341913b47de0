//! `/doanh-nghiep`: the businesses a citizen acts for. Registering one by tax code makes the
//! registrant its representative, who can then add employees' accounts as members.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::components::form::{action_error, CsrfField, ErrorSummary, Field};
use crate::components::loaded::{Failure, Loaded};
use crate::i18n::{use_locale, Key};
use crate::server_fns::organisation::{my_organisations, AddMember, RegisterOrganisation};

/// `/doanh-nghiep`
#[component]
pub fn BusinessPage() -> impl IntoView {
    let t = use_locale();
    let register = ServerAction::<RegisterOrganisation>::new();
    let register_error = action_error(register.value());
    let add = ServerAction::<AddMember>::new();
    let add_error = action_error(add.value());
    let done = use_query_map();
    let organisations = Resource::new(
        move || {
            (
                register.version().get(),
                add.version().get(),
                done.with(|q| q.get("da")),
            )
        },
        |_| my_organisations(),
    );
    let failure = Failure::signed_out(|| "/doanh-nghiep".into());
    view! {
        <Title text=t.t(Key::BusinessTitle) />
        <div class="container narrow">
            <h1>{t.t(Key::BusinessTitle)}</h1>
            <p>{t.t(Key::BusinessIntro)}</p>
            {move || done.with(|q| q.get("da")).map(|d| {
                let text = if d == "them" { t.t(Key::BusinessMemberAdded) } else { t.t(Key::BusinessRegistered) };
                view! { <div class="notice notice-success" role="status"><p>{text}</p></div> }
            })}
            <Loaded data=organisations failure let:value>
                {match value {
                    list if list.is_empty() => view! { <p>{t.t(Key::BusinessNone)}</p> }.into_any(),
                    list => list.into_iter().map(|org| {
                        let id = org.id.clone();
                        view! {
                            <section class="organisation">
                                <h2>{org.name.clone()}</h2>
                                <p>{t.t(Key::FieldTaxCode)}": "<strong>{org.tax_code.clone()}</strong>" · "
                                   {t.t(Key::FieldRepresentativeName)}": "{org.representative_name.clone()}</p>
                                {if org.verified {
                                    view! { <p class="notice notice-success">{t.t(Key::BusinessVerified)}</p> }.into_any()
                                } else {
                                    view! { <p class="notice">{t.t(Key::BusinessUnverified)}</p> }.into_any()
                                }}
                                <h3>{t.t(Key::BusinessMembers)}</h3>
                                <ul>
                                    {org.members.iter().map(|(name, sign_in, role)| {
                                        let role_text = if role == "representative" { t.t(Key::MemberRepresentative) } else { t.t(Key::MemberMember) };
                                        view! { <li>{name.clone()}" ("{sign_in.clone()}") — "{role_text}</li> }
                                    }).collect_view()}
                                </ul>
                                {org.i_represent.then(|| view! {
                                    <ErrorSummary error=add_error />
                                    <ActionForm action=add attr:class="form" attr:novalidate=true>
                                        <CsrfField />
                                        <input type="hidden" name="organisation_id" value=id.clone() />
                                        <Field name="member" error=add_error required=true />
                                        <button type="submit" class="button button-outline">{t.t(Key::BusinessAddMember)}</button>
                                    </ActionForm>
                                })}
                            </section>
                        }
                    }).collect_view().into_any(),
                }}
            </Loaded>
            <h2>{t.t(Key::BusinessRegister)}</h2>
            <ErrorSummary error=register_error />
            <ActionForm action=register attr:class="form" attr:novalidate=true>
                <CsrfField />
                <Field name="tax_code" hint=Some(Key::HintTaxCode) error=register_error required=true />
                <Field name="name" error=register_error required=true />
                <Field name="representative_name" error=register_error required=true />
                <Field name="representative_citizen_id" hint=Some(Key::HintCitizenId) error=register_error />
                <Field name="address" autocomplete="street-address" error=register_error />
                <button type="submit" class="button">{t.t(Key::BusinessRegister)}</button>
            </ActionForm>
        </div>
    }
}
