//! Password recovery: `/quen-mat-khau` (by e-mail, or by SMS code for phone-only accounts) and
//! `/dat-lai-mat-khau` (the e-mailed link, also the staff invitation).

use leptos::prelude::*;
use leptos_meta::Title;

use super::phone_verify::ResetByCodeForm;
use crate::components::form::{action_error, CsrfField, ErrorSummary, Field};
use crate::i18n::{use_locale, Key};
use crate::pages::query;
use crate::server_fns::account::{ForgotPassword, ResetPassword};

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
                    .map(|phone| view! { <ResetByCodeForm phone /> })
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
