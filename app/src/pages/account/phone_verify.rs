//! Proving a mobile number by SMS code (issue #22): `/xac-minh-so-dien-thoai` confirms a
//! mobile-only registration or a number changed on the profile, and [`ResetByCodeForm`] is the
//! SMS half of password recovery for phone-only accounts. Codes work only in the browser that
//! asked for them; both forms also work as plain posts without JavaScript.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::form::{action_error, CsrfField, ErrorSummary, Field};
use crate::i18n::{use_locale, Key};
use crate::pages::query;
use crate::server_fns::account::{ConfirmPhone, RequestPhoneCode, ResetPasswordByCode};

/// `/xac-minh-so-dien-thoai?so=…`: type the code sent by SMS, or have it sent again.
#[component]
pub fn PhoneVerifyPage() -> impl IntoView {
    let t = use_locale();
    let confirm = ServerAction::<ConfirmPhone>::new();
    let resend = ServerAction::<RequestPhoneCode>::new();
    let error = action_error(confirm.value());
    let resend_error = action_error(resend.value());
    let phone = query("so");
    let sent = query("da");
    view! {
        <Title text=t.t(Key::PhoneVerifyTitle) />
        <div class="container narrow">
            <h1>{t.t(Key::PhoneVerifyTitle)}</h1>
            {move || phone.get().map(|_| {
                let text = if sent.get().is_some() {
                    t.t(Key::PhoneVerifyResent)
                } else {
                    t.t(Key::PhoneVerifySent)
                };
                view! { <div class="notice notice-success" role="status"><p>{text}</p></div> }
            })}
            <p>{t.t(Key::PhoneVerifyIntro)}</p>
            <ErrorSummary error=error />
            <ActionForm action=confirm attr:class="form" attr:novalidate=true>
                <CsrfField />
                <Field name="phone" kind="tel" value=phone.get_untracked().unwrap_or_default() autocomplete="tel" error=error required=true />
                <Field name="sms_code" autocomplete="one-time-code" error=error required=true />
                <button type="submit" class="button">{t.t(Key::PhoneVerifySubmit)}</button>
            </ActionForm>
            <h2>{t.t(Key::PhoneVerifyResendTitle)}</h2>
            <ErrorSummary error=resend_error />
            <ActionForm action=resend attr:class="form" attr:novalidate=true>
                <CsrfField />
                <Field name="phone" kind="tel" value=phone.get_untracked().unwrap_or_default() autocomplete="tel" error=resend_error required=true />
                <button type="submit" class="button">{t.t(Key::PhoneVerifyResend)}</button>
            </ActionForm>
        </div>
    }
}

/// The SMS-code half of password recovery, shown on `/quen-mat-khau` after a mobile number
/// was typed: a code went to the account's *verified* number if it has no e-mail address.
#[component]
pub fn ResetByCodeForm(
    /// The number typed on the recovery form.
    phone: String,
) -> impl IntoView {
    let t = use_locale();
    let action = ServerAction::<ResetPasswordByCode>::new();
    let error = action_error(action.value());
    view! {
        <h2>{t.t(Key::ResetByCodeTitle)}</h2>
        <p>{t.t(Key::ResetByCodeIntro)}</p>
        <ErrorSummary error=error />
        <ActionForm action=action attr:class="form" attr:novalidate=true>
            <CsrfField />
            <input type="hidden" name="phone" value=phone />
            <Field name="sms_code" autocomplete="one-time-code" error=error required=true />
            <Field name="password" kind="password" autocomplete="new-password" hint=Some(Key::HintPassword) error=error required=true />
            <Field name="password_confirmation" kind="password" autocomplete="new-password" error=error required=true />
            <button type="submit" class="button">{t.t(Key::ResetSubmit)}</button>
        </ActionForm>
    }
}
