//! The portal's user interface: Leptos components, routes and server functions, plus the DTOs
//! shared by the browser and the server.
//!
//! Built twice: with `ssr` into the server (rendering HTML and answering server functions) and
//! with `hydrate` into the WebAssembly client. Every page is rendered completely on the server
//! (`SsrMode::Async`), so it works with JavaScript off. Leptos runs in islands mode: the client
//! holds only the `#[island]` components (see README, "Islands"), which enhance what the
//! server rendered.

// Leptos view types nest deeply; the default limit (128) is too low for whole pages.
#![recursion_limit = "256"]

pub mod components;
pub mod dto;
pub mod error;
pub mod format;
pub mod i18n;
#[cfg(feature = "ssr")]
pub mod notices;
pub mod pages;
pub mod server_fns;
pub mod session;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Stylesheet};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, SsrMode};

use crate::components::layout::{SiteFooter, SiteHeader, SkipLink};
use crate::i18n::use_locale;
use crate::pages::account::business::BusinessPage;
use crate::pages::account::password::{ForgotPasswordPage, ResetPasswordPage};
use crate::pages::account::phone_verify::PhoneVerifyPage;
use crate::pages::account::profile::ProfilePage;
use crate::pages::account::register::{RegisterDonePage, RegisterPage, VerifyEmailPage};
use crate::pages::account::sign_in::{SignInPage, UnlockSignInPage};
use crate::pages::admin::api_tokens::ApiTokensPage;
use crate::pages::admin::audit::AuditPage;
use crate::pages::admin::counters::CountersPage;
use crate::pages::admin::failed_messages::FailedMessagesPage;
use crate::pages::admin::holidays::HolidaysPage;
use crate::pages::admin::reconciliation::ReconciliationPage;
use crate::pages::admin::staff::StaffPage;
use crate::pages::admin::workflow::WorkflowPage;
use crate::pages::back_office::counter_intake::CounterIntakePage;
use crate::pages::back_office::dossier::StaffDossierPage;
use crate::pages::back_office::queue::QueuePage;
use crate::pages::back_office::wallboard::WallboardPage;
use crate::pages::catalogue::group::{AgencyPage, FieldPage};
use crate::pages::catalogue::home::HomePage;
use crate::pages::catalogue::procedure::ProcedurePage;
use crate::pages::catalogue::search::SearchPage;
use crate::pages::dossier::filed::DossierPage;
use crate::pages::dossier::my_dossiers::MyDossiersPage;
use crate::pages::dossier::start::StartFilingPage;
use crate::pages::dossier::steps::DossierStepPage;
use crate::pages::public::kiosk::KioskPage;
use crate::pages::public::lookup::LookupPage;
use crate::pages::public::not_found::NotFoundPage;
use crate::pages::public::quality_index::QualityIndexPage;
use crate::pages::public::rate::RatePage;
use crate::pages::public::statistics::StatisticsPage;
use crate::pages::public::verify::VerifyPage;

/// The HTML document around the app, rendered on the server only.
///
/// The language comes from the request (see [`i18n`]) and is written to `<html lang>`, where
/// the client reads it back before hydrating.
#[cfg(feature = "ssr")]
pub fn shell(options: LeptosOptions) -> impl IntoView {
    use leptos_meta::MetaTags;
    let locale = i18n::locale_from_request();
    provide_context(locale);
    view! {
        <!DOCTYPE html>
        <html lang=locale.code()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="theme-color" content="#a3191f" />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                // Leptos's, with the CSP nonce on the module preload too.
                <crate::components::hydration_scripts::HydrationScripts options />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// The application: layout and routes. URLs are Vietnamese slugs without diacritics.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let _ = use_locale();
    view! {
        <Stylesheet id="site-css" href="/pkg/site.css" />
        <Router>
            <SkipLink />
            <SiteHeader />
            <main id="main" tabindex="-1">
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=HomePage ssr=SsrMode::Async />
                    <Route path=path!("/thu-tuc") view=SearchPage ssr=SsrMode::Async />
                    <Route path=path!("/tra-cuu") view=LookupPage ssr=SsrMode::Async />
                    <Route path=path!("/thong-ke") view=StatisticsPage ssr=SsrMode::Async />
                    <Route path=path!("/thong-ke/chi-so-766") view=QualityIndexPage ssr=SsrMode::Async />
                    <Route path=path!("/xac-thuc/:id") view=VerifyPage ssr=SsrMode::Async />
                    <Route path=path!("/danh-gia/:token") view=RatePage ssr=SsrMode::Async />
                    <Route path=path!("/danh-gia/quay/:counter") view=KioskPage ssr=SsrMode::Async />
                    <Route path=path!("/quan-tri/quay") view=CountersPage ssr=SsrMode::Async />
                    <Route path=path!("/thu-tuc/:slug") view=ProcedurePage ssr=SsrMode::Async />
                    <Route path=path!("/linh-vuc/:slug") view=FieldPage ssr=SsrMode::Async />
                    <Route path=path!("/co-quan/:slug") view=AgencyPage ssr=SsrMode::Async />
                    <Route path=path!("/dang-nhap") view=SignInPage ssr=SsrMode::Async />
                    <Route path=path!("/dang-ky") view=RegisterPage ssr=SsrMode::Async />
                    <Route path=path!("/dang-ky/xong") view=RegisterDonePage ssr=SsrMode::Async />
                    <Route path=path!("/xac-thuc-email") view=VerifyEmailPage ssr=SsrMode::Async />
                    <Route path=path!("/quen-mat-khau") view=ForgotPasswordPage ssr=SsrMode::Async />
                    <Route path=path!("/xac-minh-so-dien-thoai") view=PhoneVerifyPage ssr=SsrMode::Async />
                    <Route path=path!("/dat-lai-mat-khau") view=ResetPasswordPage ssr=SsrMode::Async />
                    <Route path=path!("/mo-khoa/:token") view=UnlockSignInPage ssr=SsrMode::Async />
                    <Route path=path!("/tai-khoan") view=ProfilePage ssr=SsrMode::Async />
                    <Route path=path!("/quan-tri/can-bo") view=StaffPage ssr=SsrMode::Async />
                    <Route path=path!("/quan-tri/nhat-ky") view=AuditPage ssr=SsrMode::Async />
                    <Route path=path!("/quan-tri/gui-loi") view=FailedMessagesPage ssr=SsrMode::Async />
                    <Route path=path!("/quan-tri/doi-soat") view=ReconciliationPage ssr=SsrMode::Async />
                    <Route path=path!("/quan-tri/ma-truy-cap") view=ApiTokensPage ssr=SsrMode::Async />
                    <Route path=path!("/quan-tri/ngay-nghi") view=HolidaysPage ssr=SsrMode::Async />
                    <Route path=path!("/quan-tri/quy-trinh") view=WorkflowPage ssr=SsrMode::Async />
                    <Route path=path!("/mot-cua") view=QueuePage ssr=SsrMode::Async />
                    <Route path=path!("/bang-theo-doi") view=WallboardPage ssr=SsrMode::Async />
                    <Route path=path!("/mot-cua/tiep-nhan") view=CounterIntakePage ssr=SsrMode::Async />
                    <Route path=path!("/mot-cua/ho-so/:id") view=StaffDossierPage ssr=SsrMode::Async />
                    <Route path=path!("/doanh-nghiep") view=BusinessPage ssr=SsrMode::Async />
                    <Route path=path!("/nop-truc-tuyen/:code") view=StartFilingPage ssr=SsrMode::Async />
                    <Route path=path!("/ho-so-cua-toi") view=MyDossiersPage ssr=SsrMode::Async />
                    <Route path=path!("/ho-so/:id") view=DossierPage ssr=SsrMode::Async />
                    <Route path=path!("/ho-so/:id/:step") view=DossierStepPage ssr=SsrMode::Async />
                </Routes>
            </main>
            <SiteFooter />
        </Router>
    }
}
