//! The review step: every answer by step, each with its "change" link, the fee, and the
//! declaration to tick before filing.

use leptos::prelude::*;

use super::payment::FeeQuote;
use super::step_parts::step_label;
use crate::components::form::CsrfField;
use crate::dto::dossier::*;
use crate::i18n::{use_locale, Key};

/// The review step's body.
#[component]
pub(super) fn ReviewStep(d: DossierView) -> impl IntoView {
    let t = use_locale();
    let sections = d.review.clone();
    let declaration_error = d
        .problems
        .iter()
        .find(|p| p.id == "declaration")
        .map(|p| p.message.clone());
    view! {
        <h2>{t.t(Key::StepReview)}</h2>
        {sections.into_iter().map(|s| {
            let id = d.id.clone();
            view! {
                <section class="review">
                    <div class="review-head">
                        <h3>{step_label(t, &s.step)}</h3>
                        <a href=format!("/ho-so/{}/{}", id, s.slug)>
                            {t.t(Key::Change)}<span class="visually-hidden">{format!(": {}", step_label(t, &s.step))}</span>
                        </a>
                    </div>
                    <dl class="facts">
                        {s.rows.into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> }).collect_view()}
                    </dl>
                </section>
            }
        }).collect_view()}
        <FeeQuote q=d.quote.clone() />
        <form method="post" action=format!("/ho-so/{}/nop", d.id) class="form" novalidate>
            <CsrfField />
            <div class="field checkbox" class:field-invalid=declaration_error.is_some()>
                {declaration_error.clone().map(|e| view! { <p class="field-error" id="declaration-error">{e}</p> })}
                <input type="checkbox" id="declaration" name="declaration" value="true" aria-describedby=declaration_error.as_ref().map(|_| "declaration-error") />
                <label for="declaration">{t.t(Key::DeclarationText)}</label>
            </div>
            <button type="submit" class="button button-large">{t.t(Key::SubmitDossier)}</button>
        </form>
    }
}
