//! What every step page has around its fields: the list of steps, the summary of problems, the
//! save buttons, the steps' names, and the hook that shows or hides conditional fields.

use leptos::prelude::*;

use crate::components::form::ErrorSummaryBox;
use crate::dto::dossier::*;
use crate::i18n::{use_locale, Key, Locale};

/// A step's name, by its code.
pub(super) fn step_label(t: Locale, code: &str) -> &'static str {
    match code {
        "applicant" => t.t(Key::StepApplicant),
        "form" => t.t(Key::StepForm),
        "documents" => t.t(Key::StepDocuments),
        "delivery" => t.t(Key::StepDelivery),
        _ => t.t(Key::StepReview),
    }
}

/// The steps of a draft: done ones marked, the current one named for screen readers, later ones
/// not linked until reachable.
#[component]
pub(super) fn StepList(id: String, steps: Vec<StepLink>) -> impl IntoView {
    let t = use_locale();
    view! {
        <nav aria-label=t.t(Key::StepsLabel) class="steps">
            <ol>
                {steps
                    .into_iter()
                    .map(|s| {
                        let text = step_label(t, &s.code);
                        let state = if s.done { t.t(Key::StepDone) } else { "" };
                        let inner = if s.current {
                            view! { <span aria-current="step">{text}</span> }.into_any()
                        } else if s.reachable {
                            view! { <a href=format!("/ho-so/{}/{}", id, s.slug)>{text}</a> }.into_any()
                        } else {
                            view! { <span class="step-locked">{text}</span> }.into_any()
                        };
                        view! {
                            <li class:done=s.done class:current=s.current>
                                {inner}
                                <span class="visually-hidden">{state}</span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </nav>
    }
}

/// The summary of a page's problems, each linked to its field (on another step's page when
/// `link_steps`, as on the review page).
#[component]
pub(super) fn Problems(problems: Vec<ProblemView>, id: String, link_steps: bool) -> impl IntoView {
    let lines = (!problems.is_empty()).then(|| {
        let lines = problems
            .into_iter()
            .map(|p| {
                // A problem without a step (the declaration) is on this page.
                let href = if link_steps && !p.step_slug.is_empty() {
                    format!("/ho-so/{}/{}?loi=1#{}", id, p.step_slug, p.id)
                } else {
                    format!("#{}", p.id)
                };
                (href, format!("{}: {}", p.label, p.message))
            })
            .collect();
        (None, lines)
    });
    view! { <ErrorSummaryBox lines=Signal::stored(lines) /> }
}

/// "Save and continue" and "save draft", the buttons of every step's form.
#[component]
pub(super) fn StepButtons() -> impl IntoView {
    let t = use_locale();
    view! {
        <div class="form-actions">
            <button type="submit" name="action" value="next" class="button">{t.t(Key::SaveAndContinue)}</button>
            <button type="submit" name="action" value="stay" class="button button-secondary">{t.t(Key::SaveDraft)}</button>
        </div>
    }
}
