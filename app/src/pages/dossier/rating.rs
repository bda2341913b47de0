//! The satisfaction rating of an ended dossier: the panel of the dossier page and the form it
//! shares with the page a rating link opens (`/danh-gia/{token}`). Plain form posts: they work
//! without JavaScript, and a refused one comes back naming the problem.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::components::form::CsrfField;
use crate::dto::dossier::{DossierView, RatingView};
use crate::format::{error_text, key_text};
use crate::i18n::{use_locale, Key};

/// The three levels, best first (`domain::ratings::LEVELS`, which the browser's code cannot
/// reach: the domain is server-side only).
pub(crate) const LEVELS: [&str; 3] = ["very_satisfied", "satisfied", "not_satisfied"];
/// The reasons (`domain::ratings::REASONS`).
const REASONS: [&str; 6] = [
    "waiting_time",
    "attitude",
    "extra_papers",
    "unofficial_money",
    "result_late",
    "other",
];

/// What the last post said, from the query: (saved, error codes).
pub(crate) fn rating_outcome() -> (bool, Vec<String>) {
    use_query_map().with_untracked(|q| {
        let errors = if q.get("danh-gia").as_deref() == Some("loi") {
            q.get("ma")
                .unwrap_or_default()
                .split(',')
                .filter(|c| !c.is_empty())
                .map(str::to_owned)
                .collect()
        } else {
            Vec::new()
        };
        (q.get("danh-gia").as_deref() == Some("da-luu"), errors)
    })
}

/// The rating given so far, in words, and the agency's answer.
#[component]
pub(crate) fn RatingGiven(r: RatingView) -> impl IntoView {
    let t = use_locale();
    (!r.level.is_empty()).then(|| {
        let level = key_text(t, &format!("rating_level_{}", r.level));
        view! {
            <dl class="facts rating-given">
                <dt>{t.t(Key::RatingGiven)}</dt><dd><strong class="rating-level">{level}</strong></dd>
                {(!r.reasons.is_empty()).then(|| view! {
                    <dt>{t.t(Key::RatingReasons)}</dt>
                    <dd>{r.reasons.iter().map(|c| key_text(t, &format!("rating_reason_{c}"))).collect::<Vec<_>>().join("; ")}</dd>
                })}
                {(!r.comment.is_empty()).then(|| view! { <dt>{t.t(Key::RatingComment)}</dt><dd>{r.comment.clone()}</dd> })}
                {r.answer.clone().map(|a| view! { <dt>{t.t(Key::RatingAnswer)}</dt><dd class="rating-answer">{a}</dd> })}
            </dl>
        }
    })
}

/// The form: a level (three large choices), reasons, a comment. `current` fills it in.
#[component]
pub(crate) fn RatingForm(
    action: String,
    current: RatingView,
    errors: Vec<String>,
) -> impl IntoView {
    let t = use_locale();
    let invalid = |field: &str| {
        errors
            .iter()
            .any(|e| e.starts_with(&format!("rating_{field}")))
            .then_some("true")
    };
    view! {
        <form method="post" action=action class="form rating-form" novalidate>
            <CsrfField />
            <fieldset class="rating-levels" id="level" aria-invalid=invalid("level")>
                <legend>{t.t(Key::RatingLevel)}</legend>
                {LEVELS.iter().map(|code| view! {
                    <label class=format!("rating-choice rating-{code}")>
                        <input type="radio" name="level" value=*code checked=current.level == *code required />
                        <span>{key_text(t, &format!("rating_level_{code}"))}</span>
                    </label>
                }).collect_view()}
            </fieldset>
            <fieldset class="rating-reasons" id="reasons">
                <legend>{t.t(Key::RatingReasons)}</legend>
                {REASONS.iter().map(|code| view! {
                    <label class="checkbox">
                        <input type="checkbox" name="reasons" value=*code checked=current.reasons.iter().any(|r| r == code) />
                        <span>{key_text(t, &format!("rating_reason_{code}"))}</span>
                    </label>
                }).collect_view()}
            </fieldset>
            <div class="field">
                <label for="comment">{t.t(Key::RatingComment)}</label>
                <textarea id="comment" name="comment" rows="3" maxlength="2000" aria-invalid=invalid("comment")>{current.comment.clone()}</textarea>
            </div>
            <button type="submit" class="button">{t.t(Key::RatingSubmit)}</button>
        </form>
    }
}

/// The problems of the last post, each named.
#[component]
pub(crate) fn RatingErrors(errors: Vec<String>) -> impl IntoView {
    let t = use_locale();
    (!errors.is_empty()).then(|| {
        view! {
            <div class="notice notice-error error-summary" role="alert" tabindex="-1" autofocus>
                {errors.iter().map(|code| view! { <p>{error_text(t, code)}</p> }).collect_view()}
            </div>
        }
    })
}

/// The rating panel of the dossier page (its applicant, once the dossier ended).
#[component]
pub(super) fn RatingPanel(d: DossierView, r: RatingView) -> impl IntoView {
    let t = use_locale();
    let (saved, errors) = rating_outcome();
    let action = format!("/ho-so/{}/danh-gia", d.id);
    view! {
        <section class="panel rating" id="danh-gia" aria-labelledby="rating-h" tabindex="-1">
            <h2 id="rating-h">{t.t(Key::RatingTitle)}</h2>
            {saved.then(|| view! { <div class="notice notice-success" role="status"><p>{t.t(Key::RatingSaved)}</p></div> })}
            <RatingErrors errors=errors.clone() />
            <RatingGiven r=r.clone() />
            {if r.changeable {
                view! {
                    <p>{t.t(if r.level.is_empty() { Key::RatingLead } else { Key::RatingChangeUntil })}</p>
                    <RatingForm action current=r.clone() errors />
                }.into_any()
            } else {
                view! { <p>{t.t(Key::RatingLocked)}</p> }.into_any()
            }}
        </section>
    }
}
