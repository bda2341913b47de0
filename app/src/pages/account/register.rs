//! Registration: `/dang-ky`, `/dang-ky/xong` and the e-mailed verification link
//! `/xac-thuc-email`.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::components::form::{action_error, CsrfField, ErrorSummary, Field};
use crate::i18n::{use_locale, Key};
use crate::pages::query;
use crate::server_fns::account::{Register, VerifyEmail};

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
                <button type="submit" class="button">
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
