//! Account pages: sign-in, registration, e-mail verification, password recovery and the
//! profile. Each form is a Leptos `ActionForm`: with JavaScript it submits in place and keeps
//! what was typed; without, it posts to the same server function, which redirects back.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::components::form::{CsrfField, ErrorSummary, Field};
use crate::error::AppError;
use crate::i18n::{use_locale, Key};
use crate::server_fns::account::{
    ForgotPassword, Register, ResetPassword, SaveProfile, SignIn, UnlockSignIn, VerifyEmail,
};

fn action_error(
    value: impl Get<Value = Option<Result<(), AppError>>> + Send + Sync + 'static,
) -> Signal<Option<AppError>> {
    Signal::derive(move || value.get().and_then(|r| r.err()))
}

fn query(name: &'static str) -> Memo<Option<String>> {
    let q = use_query_map();
    Memo::new(move |_| q.with(|m| m.get(name)))
}

/// `/dang-nhap`: national identity first (most citizens have VNeID), then a portal account.
#[component]
pub fn SignInPage() -> impl IntoView {
    let t = use_locale();
    let action = ServerAction::<SignIn>::new();
    let error = action_error(action.value());
    let done = query("da");
    let problem = query("loi");
    let next = query("next");
    let national_href = move || match next.get() {
        Some(n) => format!(
            "/dang-nhap/dinh-danh?next={}",
            crate::dto::encode_query_value(&n)
        ),
        None => "/dang-nhap/dinh-danh".to_owned(),
    };
    view! {
        <Title text=t.t(Key::SignInTitle) />
        <div class="container narrow">
            <h1>{t.t(Key::SignInTitle)}</h1>
            <p>{t.t(Key::SignInIntro)}</p>
            {move || {
                done.get()
                    .map(|d| {
                        let text = match d.as_str() {
                            "xac-thuc" => t.t(Key::VerifyDone),
                            "xac-minh-sdt" => t.t(Key::PhoneVerifyDone),
                            "mo-khoa" => t.t(Key::UnlockDone),
                            _ => t.t(Key::ResetDone),
                        };
                        view! { <div class="notice notice-success" role="status"><p>{text}</p></div> }
                    })
            }}
            {move || {
                problem.get()
                    .map(|p| {
                        let text = match p.as_str() {
                            "huy" => t.t(Key::SignInNationalIdCancelled),
                            "het-han" => t.t(Key::SignInNationalIdExpired),
                            _ => t.t(Key::SignInNationalIdFailed),
                        };
                        view! { <div class="notice notice-error" role="alert"><p>{text}</p></div> }
                    })
            }}
            <p>
                <a class="button button-national-id" href=national_href rel="external">
                    {t.t(Key::SignInNationalId)}
                </a>
            </p>
            <h2 class="divider-heading">{t.t(Key::SignInOr)}</h2>
            <ErrorSummary error=error />
            <ActionForm action=action attr:class="form" attr:novalidate=true>
                <CsrfField />
                <input type="hidden" name="next" value=move || next.get().unwrap_or_default() />
                <Field name="identifier" autocomplete="username" error=error required=true />
                <Field name="password" kind="password" autocomplete="current-password" error=error required=true />
                <button type="submit" class="button" disabled=move || action.pending().get()>
                    {move || if action.pending().get() { t.t(Key::Sending) } else { t.t(Key::SignInSubmit) }}
                </button>
            </ActionForm>
            <p>
                <A href="/quen-mat-khau">{t.t(Key::ForgotPasswordLink)}</A>
                " · "
                <A href="/dang-ky">{t.t(Key::RegisterLink)}</A>
                " · "
                <a href="/xac-minh-so-dien-thoai">{t.t(Key::PhoneVerifyLink)}</a>
            </p>
        </div>
    }
}

/// `/dang-ky`
#[component]
pub fn RegisterPage() -> impl IntoView {
    let t = use_locale();
    let action = ServerAction::<Register>::new();
    let error = action_error(action.value());
    view! {
        <Title text=t.t(Key::RegisterTitle) />
        <div class="container narrow">
            <h1>{t.t(Key::RegisterTitle)}</h1>
            <p>{t.t(Key::RegisterIntro)}</p>
            <ErrorSummary error=error />
            <ActionForm action=action attr:class="form" attr:novalidate=true>
                <CsrfField />
                <Field name="full_name" autocomplete="name" error=error required=true />
                <p class="field-hint">{t.t(Key::HintContact)}</p>
                <Field name="email" kind="email" autocomplete="email" error=error />
                <Field name="phone" kind="tel" autocomplete="tel" error=error />
                <Field name="password" kind="password" autocomplete="new-password" hint=Some(Key::HintPassword) error=error required=true />
                <Field name="password_confirmation" kind="password" autocomplete="new-password" error=error required=true />
                <div class="field field-check">
                    <input type="checkbox" id="accept_terms" name="accept_terms" value="on" />
                    <label for="accept_terms">{t.t(Key::RegisterTerms)}</label>
                </div>
                <button type="submit" class="button" disabled=move || action.pending().get()>
                    {t.t(Key::RegisterSubmit)}
                </button>
            </ActionForm>
        </div>
    }
}

/// `/dang-ky/xong`
#[component]
pub fn RegisterDonePage() -> impl IntoView {
    let t = use_locale();
    let by = query("qua");
    view! {
        <Title text=t.t(Key::RegisterDoneTitle) />
        <div class="container narrow">
            <h1>{t.t(Key::RegisterDoneTitle)}</h1>
            <div class="notice notice-success" role="status">
                <p>
                    {move || if by.get().as_deref() == Some("phone") {
                        t.t(Key::RegisterDonePhone)
                    } else {
                        t.t(Key::RegisterDoneEmail)
                    }}
                </p>
            </div>
            <p><A href="/dang-nhap" attr:class="button">{t.t(Key::SignInSubmit)}</A></p>
        </div>
    }
}

/// `/xac-thuc-email?token=…`: a button, not an automatic action, so that mail scanners that
/// open links do not use the token up.
#[component]
pub fn VerifyEmailPage() -> impl IntoView {
    let t = use_locale();
    let action = ServerAction::<VerifyEmail>::new();
    let error = action_error(action.value());
    let token = query("token");
    view! {
        <Title text=t.t(Key::VerifyTitle) />
        <div class="container narrow">
            <h1>{t.t(Key::VerifyTitle)}</h1>
            <ErrorSummary error=error />
            <p>{t.t(Key::VerifyIntro)}</p>
            <ActionForm action=action attr:class="form">
                <CsrfField />
                <input type="hidden" name="token" value=move || token.get().unwrap_or_default() />
                <button type="submit" class="button">{t.t(Key::VerifySubmit)}</button>
            </ActionForm>
        </div>
    }
}

/// `/mo-khoa/{token}`: the link e-mailed when wrong passwords locked one address out of the
/// account. A button, not an automatic action, so that mail scanners that open links do not
/// use the token up.
#[component]
pub fn UnlockSignInPage() -> impl IntoView {
    let t = use_locale();
    let action = ServerAction::<UnlockSignIn>::new();
    let error = action_error(action.value());
    let params = use_params_map();
    let token = Memo::new(move |_| params.with(|p| p.get("token").unwrap_or_default()));
    view! {
        <Title text=t.t(Key::UnlockTitle) />
        <div class="container narrow">
            <h1>{t.t(Key::UnlockTitle)}</h1>
            <ErrorSummary error=error />
            <p>{t.t(Key::UnlockIntro)}</p>
            <ActionForm action=action attr:class="form">
                <CsrfField />
                <input type="hidden" name="token" value=move || token.get() />
                <button type="submit" class="button">{t.t(Key::UnlockSubmit)}</button>
            </ActionForm>
        </div>
    }
}

/// `/quen-mat-khau`
#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let t = use_locale();
    let action = ServerAction::<ForgotPassword>::new();
    let error = action_error(action.value());
    let done = query("da");
    view! {
        <Title text=t.t(Key::ForgotTitle) />
        <div class="container narrow">
            <h1>{t.t(Key::ForgotTitle)}</h1>
            {move || done.get().map(|_| view! {
                <div class="notice notice-success" role="status"><p>{t.t(Key::ForgotDone)}</p></div>
            })}
            <p>{t.t(Key::ForgotIntro)}</p>
            <ErrorSummary error=error />
            <ActionForm action=action attr:class="form" attr:novalidate=true>
                <CsrfField />
                <Field name="identifier" autocomplete="username" error=error required=true />
                <button type="submit" class="button">{t.t(Key::ForgotSubmit)}</button>
            </ActionForm>
            {move || {
                query("so")
                    .get()
                    .map(|phone| view! { <crate::pages::phone_verify_page::ResetByCodeForm phone /> })
            }}
        </div>
    }
}

/// `/dat-lai-mat-khau?token=…` (also the staff invitation link).
#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let t = use_locale();
    let action = ServerAction::<ResetPassword>::new();
    let error = action_error(action.value());
    let token = query("token");
    view! {
        <Title text=t.t(Key::ResetTitle) />
        <div class="container narrow">
            <h1>{t.t(Key::ResetTitle)}</h1>
            <ErrorSummary error=error />
            <ActionForm action=action attr:class="form" attr:novalidate=true>
                <CsrfField />
                <input type="hidden" name="token" value=move || token.get().unwrap_or_default() />
                <Field name="password" kind="password" autocomplete="new-password" hint=Some(Key::HintPassword) error=error required=true />
                <Field name="password_confirmation" kind="password" autocomplete="new-password" error=error required=true />
                <button type="submit" class="button">{t.t(Key::ResetSubmit)}</button>
            </ActionForm>
        </div>
    }
}

/// `/tai-khoan`: the profile form, pre-filled; saving reports every problem at once and keeps
/// what was typed (with JavaScript; without, the page comes back with the error summary).
#[component]
pub fn ProfilePage() -> impl IntoView {
    use crate::server_fns::account::{communes_of, get_profile};
    let t = use_locale();
    let action = ServerAction::<SaveProfile>::new();
    let error = action_error(action.value());
    let saved = query("da");
    let profile = Resource::new(|| (), |_| get_profile(None));
    view! {
        <Title text=t.t(Key::ProfileTitle) />
        <div class="container narrow">
            <h1>{t.t(Key::ProfileTitle)}</h1>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match profile.await {
                        Err(AppError::Unauthorized) => {
                            view! {
                                <div class="notice" role="status">
                                    <p>{t.t(Key::ErrorUnauthorized)}</p>
                                    <p><a class="button" href="/dang-nhap?next=/tai-khoan">{t.t(Key::SignInSubmit)}</a></p>
                                </div>
                            }
                                .into_any()
                        }
                        Err(e) => view! { <crate::pages::not_found_page::ErrorNotice error=e /> }.into_any(),
                        Ok(p) => {
                            let communes = RwSignal::new(p.communes.clone());
                            let on_province = move |ev: leptos::ev::Event| {
                                let code = event_target_value(&ev);
                                leptos::task::spawn_local(async move {
                                    let list = communes_of(code).await.unwrap_or_default();
                                    communes.set(list);
                                });
                            };
                            let commune_code = p.commune_code.clone();
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
                                    <div class="field">
                                        <label for="province_code">{t.t(Key::FieldProvinceCode)}</label>
                                        <select id="province_code" name="province_code" on:change=on_province>
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
                                            {move || {
                                                let selected = commune_code.clone();
                                                communes
                                                    .get()
                                                    .into_iter()
                                                    .map(|(code, name)| {
                                                        let is = code == selected;
                                                        view! { <option value=code selected=is>{name}</option> }
                                                    })
                                                    .collect_view()
                                            }}
                                        </select>
                                    </div>
                                    <Field name="street" value=p.street.clone() autocomplete="street-address" error=error />
                                    <fieldset class="field checkboxes">
                                        <legend>{t.t(Key::NotifyLegend)}</legend>
                                        <p class="hint" id="notify-hint">{t.t(Key::NotifyHint)}</p>
                                        <label><input type="checkbox" name="notify_email" value="1" checked=p.notify_email aria-describedby="notify-hint" />" "{t.t(Key::NotifyEmail)}</label>
                                        <label><input type="checkbox" name="notify_sms" value="1" checked=p.notify_sms aria-describedby="notify-hint" />" "{t.t(Key::NotifySms)}</label>
                                    </fieldset>
                                    <button type="submit" class="button" disabled=move || action.pending().get()>
                                        {t.t(Key::ProfileSubmit)}
                                    </button>
                                </ActionForm>
                            }
                                .into_any()
                        }
                    }
                })}
            </Suspense>
        </div>
    }
}
