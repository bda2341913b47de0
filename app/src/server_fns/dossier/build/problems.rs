//! What is wrong with a draft, as the page lists it: each problem with its field's label, its
//! sentence and the step it is on, and the errors by element id shown next to the fields.

use std::collections::HashMap;

use chrono::Utc;
use domain::db::DatabaseConnection;
use domain::dossiers::checks::Problems;
use domain::dossiers::{Loaded, Step};
use domain::error::FieldError;
use domain::forms;
use domain::postal;

use super::label;
use crate::dto::dossier::*;
use crate::error::AppError;
use crate::format::error_text;
use crate::i18n::{Key, Locale};

/// Errors by element id, as sentences.
pub(super) fn messages(t: Locale, problems: &[FieldError]) -> HashMap<String, String> {
    problems
        .iter()
        .map(|p| (p.field.clone(), error_text(t, &p.code)))
        .collect()
}

/// The problems of the page shown: those of the delivery change being typed (after filing), all
/// steps' on the review page, or the shown step's.
pub(super) async fn step_problems(
    db: &DatabaseConnection,
    loaded: &Loaded,
    problems: &Problems,
    shown: Step,
    changing_request: bool,
    electronic_offered: bool,
) -> Result<Vec<FieldError>, AppError> {
    Ok(if changing_request {
        postal::choice::request_problems(db, &loaded.dossier, electronic_offered, Utc::now())
            .await?
    } else if shown == Step::Review {
        problems.values().flatten().cloned().collect()
    } else {
        problems.get(&shown).cloned().unwrap_or_default()
    })
}

/// The label of a problem's field and the step it is on.
fn problem_label(t: Locale, loaded: &Loaded, id: &str) -> (String, Step) {
    let key = |k: Key| t.t(k).to_owned();
    if let Some(rest) = id.strip_prefix("doc-") {
        let name = loaded
            .form
            .documents
            .iter()
            .find(|s| s.key == rest)
            .map(|s| label(t, &s.label))
            .unwrap_or_default();
        return (name, Step::Documents);
    }
    if id.starts_with("form-") {
        let name = forms::label_of(&loaded.form, id)
            .map(|l| label(t, l))
            .unwrap_or_default();
        return (name, Step::Form);
    }
    let step = if id.starts_with("delivery-") {
        Step::Delivery
    } else if id == "declaration" {
        Step::Review
    } else {
        Step::Applicant
    };
    let name = match id.rsplit('-').next().unwrap_or(id) {
        "full_name" => key(Key::FieldFullName),
        "citizen_id" => key(Key::FieldCitizenId),
        "date_of_birth" => key(Key::FieldDateOfBirth),
        "phone" => key(Key::FieldPhone),
        "email" => key(Key::FieldEmail),
        "province" => key(Key::FieldProvinceCode),
        "commune" => key(Key::FieldCommuneCode),
        "street" => key(Key::FieldStreet),
        "subject_name" => key(Key::FieldSubjectName),
        "subject_citizen_id" => key(Key::FieldSubjectCitizenId),
        "relation" => key(Key::FieldRelation),
        "organisation_id" => key(Key::FieldOrganisationId),
        "receiving_agency" => key(Key::FieldReceivingAgency),
        "method" => key(Key::FieldDeliveryMethod),
        "recipient" => key(Key::FieldRecipient),
        "declaration" => key(Key::FieldDeclaration),
        other => other.to_owned(),
    };
    (name, step)
}

/// The summary of problems at the top of the page, each linked to its step.
pub(super) fn problem_views(
    t: Locale,
    loaded: &Loaded,
    problems: &[FieldError],
) -> Vec<ProblemView> {
    problems
        .iter()
        .map(|p| {
            let (label, step) = problem_label(t, loaded, &p.field);
            ProblemView {
                id: p.field.clone(),
                label,
                message: error_text(t, &p.code),
                step_slug: step.slug().to_owned(),
            }
        })
        .collect()
}
