//! `/tra-cuu?code=&factor=`: anyone holding a dossier's receipt follows it without signing in,
//! by its code and the last four digits of the applicant's phone number or citizen ID. A plain
//! GET form, so it works without JavaScript, on kiosks and from the receipt's QR code; the
//! answer carries no personal data (`domain::dossiers::lookup`).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::components::form::{ErrorSummary, Field};
use crate::dto::lookup::LookupView;
use crate::error::AppError;
use crate::format::status_label;
use crate::i18n::{use_locale, Key};
use crate::server_fns::lookup::lookup_dossier;

/// The lookup form, and the dossier's status once both fields were sent.
#[component]
pub fn LookupPage() -> impl IntoView {
    let t = use_locale();
    let query = use_query_map();
    // The form always sends `factor`; the receipt's QR code sends only the code, which then
    // waits in the form for the four digits instead of being refused for lacking them.
    let asked = move || query.with(|q| (q.get("code").unwrap_or_default(), q.get("factor")));
    let data = Resource::new(asked, |(code, factor)| async move {
        match factor {
            Some(factor) => Some(lookup_dossier(crate::session::csrf_token(), code, factor).await),
            None => None,
        }
    });
    // `?kiosk=1`: the touch-screen layout of a kiosk at the desk (large text and targets, the
    // code field focused for the barcode scanner, which types the receipt's QR and Enter).
    let kiosk = query.with_untracked(|q| q.get("kiosk").is_some_and(|k| k == "1"));
    view! {
        <Title text=t.t(Key::LookupTitle) />
        <div class="container narrow lookup" class:kiosk=kiosk>
            <h1>{t.t(Key::LookupTitle)}</h1>
            <p class="lead">{t.t(Key::LookupLead)}</p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let (code, factor) = query.with_untracked(|q| {
                        (q.get("code").unwrap_or_default(), q.get("factor").unwrap_or_default())
                    });
                    let answer = data.await;
                    let error: Option<AppError> = answer.as_ref().and_then(|r| r.as_ref().err().cloned());
                    let found = answer.and_then(Result::ok);
                    // A miss and the guessing limit get their own words; field errors the summary.
                    let notice = match &error {
                        Some(AppError::NotFound) => Some(t.t(Key::LookupNotFound).to_owned()),
                        Some(AppError::RateLimited(secs)) => Some(
                            t.tf(Key::LookupRateLimited, &[("mins", &secs.div_ceil(60))]),
                        ),
                        _ => None,
                    };
                    let error = error
                        .filter(|e| !matches!(e, AppError::NotFound | AppError::RateLimited(_)));
                    let error = Signal::derive(move || error.clone());
                    view! {
                        {notice.map(|n| view! {
                            <div class="notice notice-error" role="alert"><p>{n}</p></div>
                        })}
                        <ErrorSummary error />
                        <form method="get" action="/tra-cuu" class="form lookup-form" novalidate>
                            {kiosk.then(|| view! { <input type="hidden" name="kiosk" value="1" /> })}
                            {kiosk.then(|| view! { <p class="kiosk-scan">{t.t(Key::KioskScan)}</p> })}
                            <Field name="code" value=code hint=Some(Key::LookupCodeHint) error required=true autofocus=kiosk />
                            <Field name="factor" value=factor hint=Some(Key::LookupFactorHint) error required=true inputmode=Some("numeric") pattern=Some("[0-9]*") />
                            <button type="submit" class="button">{t.t(Key::LookupSubmit)}</button>
                        </form>
                        {found.map(|v| view! { <LookupResult v focus=!kiosk /> })}
                    }
                })}
            </Suspense>
        </div>
    }
}

#[component]
fn LookupResult(
    v: LookupView,
    /// Takes the focus when the page opens, so a screen reader or a phone user lands on the
    /// answer rather than the top of the page (not at a kiosk, whose scanner needs the code
    /// field). `autofocus` works without JavaScript: each lookup is a full page load.
    focus: bool,
) -> impl IntoView {
    let t = use_locale();
    let row = |label: Key, value: String| {
        (!value.is_empty()).then(|| view! { <dt>{t.t(label)}</dt><dd>{value}</dd> })
    };
    view! {
        <section
            class="panel lookup-result"
            id="ket-qua"
            aria-labelledby="lookup-result-h"
            role="status"
            tabindex="-1"
            autofocus=focus
        >
            <h2 id="lookup-result-h">{t.tf(Key::LookupResultTitle, &[("code", &v.code)])}</h2>
            <dl class="summary-list">
                {row(Key::LookupProcedure, v.procedure.clone())}
                {row(Key::LookupStatus, status_label(t, &v.status))}
                {row(Key::LookupAgency, v.agency.clone())}
                {row(Key::LookupSubmitted, v.submitted_at.clone())}
                {row(Key::LookupDue, v.due_at.clone())}
                {row(Key::LookupTimeLeft, v.time_left.clone())}
                {row(Key::LookupFinished, v.finished_at.clone())}
            </dl>
            {v.paused.then(|| view! { <p class="notice">{t.t(Key::LookupPaused)}</p> })}
            <p class="hint">{t.t(Key::LookupPrivacy)}</p>
        </section>
    }
}
