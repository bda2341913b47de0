//! Signing in: `/dang-nhap` (national identity first, then a portal account) and `/mo-khoa/{token}`
//! (the e-mailed link that unlocks password sign-in from one address).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::components::form::{action_error, CsrfField, ErrorSummary, Field};
use crate::i18n::{use_locale, Key};
use crate::pages::query;
use crate::server_fns::account::{SignIn, UnlockSignIn};

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
                <button type="submit" class="button">
                    {t.t(Key::SignInSubmit)}
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
