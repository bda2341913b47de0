//! `/tai-khoan`: the citizen's profile.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::form::{action_error, CsrfField, ErrorSummary, Field};
use crate::components::live_form::LiveForm;
use crate::components::loaded::{Failure, Loaded};
use crate::i18n::{use_locale, Key};
use crate::pages::query;
use crate::server_fns::account::SaveProfile;
use crate::session::kept_value;

/// `/tai-khoan`: the profile form, pre-filled; saving reports every problem at once and keeps
/// what was typed (the page comes back with the error summary and the typed values, see
/// `kept_value`).
#[component]
pub fn ProfilePage() -> impl IntoView {
    use crate::server_fns::account::get_profile;
    let t = use_locale();
    let action = ServerAction::<SaveProfile>::new();
    let error = action_error(action.value());
    let saved = query("da");
    // A refused save comes back with what was typed: the communes of the province chosen.
    let typed_province = kept_value("province_code");
    let profile = Resource::new(|| (), move |_| get_profile(typed_province.clone()));
    let failure = Failure::signed_out(|| "/tai-khoan".into());
    view! {
        <Title text=t.t(Key::ProfileTitle) />
        <div class="container narrow">
            <h1>{t.t(Key::ProfileTitle)}</h1>
            <Loaded data=profile failure let:p>
                {
                    let commune_code = kept_value("commune_code").unwrap_or_else(|| p.commune_code.clone());
                    let province_code = p.province_code.clone();
                    view! {
                        <p>{t.t(Key::ProfileIntro)}</p>
                        {move || saved.get().map(|_| view! {
                            <div class="notice notice-success" role="status"><p>{t.t(Key::ProfileSaved)}</p></div>
                        })}
                        <p>
                            <strong>{t.t(Key::ProfileSignInName)}": "</strong>
                            {p.email.clone().unwrap_or_else(|| p.phone.clone())}
                            {p.national_id_linked.then(|| view! { " · "{t.t(Key::ProfileLinked)} })}
                        </p>
                        <p class="field-hint">
                            {(!p.citizen_id.is_empty()).then(|| if p.citizen_id_verified {
                                t.t(Key::ProfileCitizenIdVerified)
                            } else {
                                t.t(Key::ProfileCitizenIdDeclared)
                            })}
                            {(!p.national_id_linked).then(|| view! {
                                " "<a href="/dang-nhap/dinh-danh?next=/tai-khoan" rel="external">{t.t(Key::ProfileLinkNationalId)}</a>
                            })}
                        </p>
                        {(!p.phone.is_empty() && !p.phone_verified).then(|| {
                            let href = format!(
                                "/xac-minh-so-dien-thoai?so={}",
                                crate::dto::encode_query_value(&p.phone),
                            );
                            view! {
                                <p class="field-hint">
                                    {t.t(Key::ProfilePhoneUnverified)}" "
                                    <a href=href>{t.t(Key::PhoneVerifyLink)}</a>
                                </p>
                            }
                        })}
                        <ErrorSummary error=error />
                        <ActionForm action=action attr:class="form" attr:novalidate=true>
                            <CsrfField />
                            <Field name="full_name" value=p.full_name.clone() autocomplete="name" error=error required=true />
                            <Field name="citizen_id" value=p.citizen_id.clone() hint=Some(Key::HintCitizenId) autocomplete="off" error=error />
                            <Field name="date_of_birth" kind="date" value=p.date_of_birth.clone() hint=Some(Key::HintDateOfBirth) autocomplete="bday" error=error />
                            <Field name="phone" kind="tel" value=p.phone.clone() autocomplete="tel" error=error />
                            <LiveForm>
                            <div class="field">
                                <label for="province_code">{t.t(Key::FieldProvinceCode)}</label>
                                <select id="province_code" name="province_code" data-communes-for="commune_code">
                                    <option value="">{t.t(Key::ChooseProvince)}</option>
                                    {p.provinces
                                        .iter()
                                        .map(|(code, name)| {
                                            view! {
                                                <option value=code.clone() selected=*code == province_code>
                                                    {name.clone()}
                                                </option>
                                            }
                                        })
                                        .collect_view()}
                                </select>
                            </div>
                            <div class="field">
                                <label for="commune_code">{t.t(Key::FieldCommuneCode)}</label>
                                <select id="commune_code" name="commune_code">
                                    <option value="">{t.t(Key::ChooseCommune)}</option>
                                    {p.communes
                                        .iter()
                                        .map(|(code, name)| {
                                            let is = *code == commune_code;
                                            view! { <option value=code.clone() selected=is>{name.clone()}</option> }
                                        })
                                        .collect_view()}
                                </select>
                            </div>
                            </LiveForm>
                            <Field name="street" value=p.street.clone() autocomplete="street-address" error=error />
                            <fieldset class="field checkboxes">
                                <legend>{t.t(Key::NotifyLegend)}</legend>
                                <p class="hint" id="notify-hint">{t.t(Key::NotifyHint)}</p>
                                <label><input type="checkbox" name="notify_email" value="1" checked=p.notify_email aria-describedby="notify-hint" />" "{t.t(Key::NotifyEmail)}</label>
                                <label><input type="checkbox" name="notify_sms" value="1" checked=p.notify_sms aria-describedby="notify-hint" />" "{t.t(Key::NotifySms)}</label>
                            </fieldset>
                            <button type="submit" class="button">
                                {t.t(Key::ProfileSubmit)}
                            </button>
                        </ActionForm>
                    }
                        .into_any()
                }
            </Loaded>
        </div>
    }
}
