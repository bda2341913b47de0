//! Site chrome: skip link, header with navigation and language switch, footer.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::dto::encode_query_value;
use crate::i18n::{use_locale, Key, Locale};

/// "Skip to main content": the first focusable element, for keyboard and screen-reader users.
#[component]
pub fn SkipLink() -> impl IntoView {
    let t = use_locale();
    view! {
        <a class="skip-link" href="#main">
            {t.t(Key::SkipToContent)}
        </a>
    }
}

/// The site header: portal name, main navigation, language switch and sign-in.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let t = use_locale();
    let location = use_location();
    let current = move |prefix: &'static str| {
        let path = location.pathname.get();
        let active = if prefix == "/" {
            path == "/"
        } else {
            path.starts_with(prefix)
        };
        active.then_some("page")
    };
    view! {
        <header class="site-header">
            <div class="container header-inner">
                <a class="brand" href="/">
                    <span class="brand-mark" aria-hidden="true">
                        "★"
                    </span>
                    <span class="brand-text">
                        <span class="brand-name">{t.t(Key::PortalName)}</span>
                        <span class="brand-sub">{t.t(Key::PortalSubtitle)}</span>
                    </span>
                </a>
                <nav class="main-nav" aria-label=t.t(Key::NavLabel)>
                    <ul>
                        <li>
                            <a href="/" aria-current=move || current("/")>
                                {t.t(Key::NavHome)}
                            </a>
                        </li>
                        <li>
                            <a href="/thu-tuc" aria-current=move || current("/thu-tuc")>
                                {t.t(Key::NavProcedures)}
                            </a>
                        </li>
                        <li>
                            <a href="/tra-cuu" aria-current=move || current("/tra-cuu")>
                                {t.t(Key::NavLookup)}
                            </a>
                        </li>
                    </ul>
                </nav>
                <div class="header-tools">
                    <LanguageSwitch />
                    <AccountMenu />
                </div>
            </div>
        </header>
    }
}

/// Links that switch the interface language. They go through `/lang/{code}`, which sets the
/// cookie and comes back to the same page, so they work with JavaScript off too.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let t = use_locale();
    let location = use_location();
    let next = move || {
        let path = location.pathname.get();
        let query = location.search.get();
        if query.is_empty() {
            path
        } else {
            format!("{path}?{query}")
        }
    };
    view! {
        <nav class="lang-switch" aria-label=t.t(Key::LanguageLabel)>
            <ul>
                {Locale::ALL
                    .into_iter()
                    .map(|l| {
                        let href = move || format!("/lang/{}?next={}", l.code(), encode_query_value(&next()));
                        let is_current = l == t;
                        view! {
                            <li>
                                <a
                                    href=href
                                    rel="external"
                                    hreflang=l.code()
                                    lang=l.code()
                                    aria-current=is_current.then_some("true")
                                    data-lang=l.code()
                                >
                                    {l.native_name()}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}

/// The site footer: who runs the portal, help and developer links.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let t = use_locale();
    view! {
        <footer class="site-footer">
            <div class="container footer-inner">
                <div>
                    <p class="footer-title">{t.t(Key::PortalName)}</p>
                    <p>{t.t(Key::FooterAbout)}</p>
                </div>
                <ul class="footer-links">
                    <li>
                        <a href="/thu-tuc">{t.t(Key::NavProcedures)}</a>
                    </li>
                    <li>
                        <a href="/tra-cuu">{t.t(Key::NavLookup)}</a>
                    </li>
                    <li>
                        <a href="/api-docs" rel="external">
                            {t.t(Key::FooterApi)}
                        </a>
                    </li>
                </ul>
            </div>
        </footer>
    }
}

/// Sign-in link, or the signed-in person's links and a sign-out button.
#[component]
pub fn AccountMenu() -> impl IntoView {
    use crate::server_fns::account::{current_viewer, SignOut};
    let t = use_locale();
    // Asked again after each navigation: signing in or out changes the answer, and those end in
    // a client-side redirect when the page's script is running.
    let location = use_location();
    let viewer = Resource::new(move || location.pathname.get(), |_| current_viewer());
    let sign_out = ServerAction::<SignOut>::new();
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match viewer.await {
                    Ok(Some(v)) => {
                        let admin = v.roles.iter().any(|r| r == "agency_admin" || r == "system_admin");
                        let leader = v.roles.iter().any(|r| r == "leader");
                        view! {
                            <div class="account-menu">
                                <span class="account-name">{t.tf(Key::SignedInAs, &[("name", &v.full_name)])}</span>
                                {(!v.staff).then(|| view! { <a href="/tai-khoan">{t.t(Key::NavProfile)}</a> })}
                                {(!v.staff).then(|| view! { <a href="/doanh-nghiep">{t.t(Key::NavBusiness)}</a> })}
                                {v.roles.iter().any(|r| matches!(r.as_str(), "intake_clerk" | "specialist" | "leader")).then(|| view! { <a href="/mot-cua">{t.t(Key::NavBackOffice)}</a> })}
                                {v.roles.iter().any(|r| r == "intake_clerk").then(|| view! { <a href="/mot-cua/tiep-nhan">{t.t(Key::NavDeskIntake)}</a> })}
                                {(admin || leader).then(|| view! { <a href="/quan-tri/can-bo">{t.t(Key::NavStaff)}</a> })}
                                {admin.then(|| view! { <a href="/quan-tri/nhat-ky">{t.t(Key::NavAudit)}</a> })}
                                {admin.then(|| view! { <a href="/quan-tri/gui-loi">{t.t(Key::NavFailed)}</a> })}
                                {v.roles.iter().any(|r| r == "system_admin").then(|| view! { <a href="/quan-tri/ma-truy-cap">{t.t(Key::NavTokens)}</a> })}
                                {v.roles.iter().any(|r| r == "system_admin").then(|| view! { <a href="/quan-tri/ngay-nghi">{t.t(Key::NavHolidays)}</a> })}
                                {v.roles.iter().any(|r| r == "system_admin").then(|| view! { <a href="/quan-tri/quy-trinh">{t.t(Key::NavWorkflow)}</a> })}
                                {v.roles.iter().any(|r| r == "system_admin").then(|| view! { <a href="/quan-tri/doi-soat">{t.t(Key::NavReconciliation)}</a> })}
                                <ActionForm action=sign_out attr:class="inline-form">
                                    <crate::components::form::CsrfField />
                                    <button type="submit" class="button button-outline">{t.t(Key::SignOut)}</button>
                                </ActionForm>
                            </div>
                        }
                            .into_any()
                    }
                    _ => view! {
                        <a class="button button-outline" href="/dang-nhap">
                            {t.t(Key::NavSignIn)}
                        </a>
                    }
                        .into_any(),
                }
            })}
        </Suspense>
    }
}
