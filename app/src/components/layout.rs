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

/// The site header: portal name, main navigation, language switch and the account menu.
///
/// On a 360 px phone it is two short rows (brand, language and account; then the navigation
/// with short labels), about 100 px: the signed-in person's links sit in a disclosure menu
/// instead of wrapping over half the screen (issue 27).
#[component]
pub fn SiteHeader() -> impl IntoView {
    use crate::server_fns::account::current_viewer;
    let t = use_locale();
    // Rendered on the server for each page (every navigation is a page load).
    let viewer = Resource::new(|| (), |_| current_viewer());
    view! {
        <header class="site-header">
            <div class="container header-inner">
                <a class="brand" href="/">
                    <span class="brand-mark" aria-hidden="true">
                        "★"
                    </span>
                    <span class="brand-text">
                        <span class="brand-name long">{t.t(Key::PortalName)}</span>
                        <span class="brand-name short">{t.t(Key::PortalShortName)}</span>
                        <span class="brand-sub">{t.t(Key::PortalSubtitle)}</span>
                    </span>
                </a>
                <div class="header-tools">
                    <LanguageSwitch />
                    <AccountMenu viewer />
                </div>
                <MainNav viewer />
            </div>
        </header>
    }
}

/// The viewer's session as the header reads it (None: signed out).
type ViewerResource = Resource<Result<Option<crate::session::Viewer>, crate::error::AppError>>;

/// Main navigation: the public pages, and the signed-in person's own work ("my dossiers" for a
/// citizen, the back office for staff). Phones show the short labels and leave "Home" to the
/// brand link.
#[component]
fn MainNav(viewer: ViewerResource) -> impl IntoView {
    let t = use_locale();
    let pathname = use_location().pathname;
    let current = move |prefix: &'static str| {
        let path = pathname.get();
        let active = if prefix == "/" {
            path == "/"
        } else {
            path.starts_with(prefix)
        };
        active.then_some("page")
    };
    let item = move |href: &'static str, long: Key, short: Key| {
        view! {
            <li>
                <a href=href aria-current=move || current(href)>
                    <span class="long">{t.t(long)}</span>
                    <span class="short">{t.t(short)}</span>
                </a>
            </li>
        }
    };
    view! {
        <nav class="main-nav" aria-label=t.t(Key::NavLabel)>
            <ul>
                <li class="nav-home">
                    <a href="/" aria-current=move || current("/")>
                        {t.t(Key::NavHome)}
                    </a>
                </li>
                {item("/thu-tuc", Key::NavProcedures, Key::NavProceduresShort)}
                {item("/tra-cuu", Key::NavLookup, Key::NavLookupShort)}
                <Suspense fallback=|| ()>
                    {move || Suspend::new(async move {
                        match viewer.await {
                            Ok(Some(v)) if !v.staff => {
                                Some(item("/ho-so-cua-toi", Key::MyDossiers, Key::MyDossiers).into_any())
                            }
                            Ok(Some(v)) if v.works_dossiers() => {
                                Some(item("/mot-cua", Key::NavBackOffice, Key::NavBackOfficeShort).into_any())
                            }
                            _ => None,
                        }
                    })}
                </Suspense>
            </ul>
        </nav>
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
                        <a href="/thong-ke">{t.t(Key::NavStatistics)}</a>
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

/// Sign-in link, or the signed-in person's menu: a disclosure (works without JavaScript) holding
/// their name, their pages and the sign-out button.
#[component]
fn AccountMenu(viewer: ViewerResource) -> impl IntoView {
    use crate::server_fns::account::SignOut;
    let t = use_locale();
    let sign_out = ServerAction::<SignOut>::new();
    let link = move |href: &'static str, key: Key| view! { <li><a href=href>{t.t(key)}</a></li> };
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match viewer.await {
                    Ok(Some(v)) => {
                        let admin = v.administers();
                        let system = v.has_role("system_admin");
                        view! {
                            <details class="account-menu">
                                <summary class="button button-outline">{t.t(Key::AccountMenu)}</summary>
                                <div class="account-panel">
                                    <p class="account-name">{t.tf(Key::SignedInAs, &[("name", &v.full_name)])}</p>
                                    <ul>
                                        {(!v.staff).then(|| link("/ho-so-cua-toi", Key::MyDossiers))}
                                        {(!v.staff).then(|| link("/tai-khoan", Key::NavProfile))}
                                        {(!v.staff).then(|| link("/doanh-nghiep", Key::NavBusiness))}
                                        {v.works_dossiers().then(|| link("/mot-cua", Key::NavBackOffice))}
                                        {v.has_role("intake_clerk").then(|| link("/mot-cua/tiep-nhan", Key::NavDeskIntake))}
                                        {(admin || v.has_role("leader")).then(|| link("/quan-tri/can-bo", Key::NavStaff))}
                                        {admin.then(|| link("/quan-tri/nhat-ky", Key::NavAudit))}
                                        {v.has_role("agency_admin").then(|| link("/quan-tri/quay", Key::NavCounters))}
                                        {admin.then(|| link("/quan-tri/gui-loi", Key::NavFailed))}
                                        {system.then(|| link("/quan-tri/ma-truy-cap", Key::NavTokens))}
                                        {system.then(|| link("/quan-tri/ngay-nghi", Key::NavHolidays))}
                                        {system.then(|| link("/quan-tri/quy-trinh", Key::NavWorkflow))}
                                        {system.then(|| link("/quan-tri/doi-soat", Key::NavReconciliation))}
                                    </ul>
                                    <ActionForm action=sign_out>
                                        <crate::components::form::CsrfField />
                                        <button type="submit" class="button button-outline">{t.t(Key::SignOut)}</button>
                                    </ActionForm>
                                </div>
                            </details>
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
