//! The review page: every answer of every step in words, by step.

use domain::dossiers::Step;

use super::delivery::delivery_rows;
use super::fields::address_text;
use crate::dto::dossier::*;
use crate::format::display_date;
use crate::i18n::{Key, Locale};

/// Text of a form answer for the review page (a choice's label, a ticked box's "yes").
fn answer_rows(
    t: Locale,
    fields: &[FieldView],
    provinces: &[Choice],
    rows: &mut Vec<(String, String)>,
) {
    for f in fields.iter().filter(|f| f.visible) {
        match f.kind.as_str() {
            "group" => {
                for (n, item) in f.items.iter().enumerate() {
                    let mut inner = Vec::new();
                    answer_rows(t, item, provinces, &mut inner);
                    if inner.iter().any(|(_, v)| !v.is_empty()) {
                        for (label, value) in inner {
                            rows.push((format!("{} {} — {label}", f.label, n + 1), value));
                        }
                    }
                }
            }
            "address" => {
                if let Some(a) = &f.address {
                    rows.push((f.label.clone(), address_text(a, provinces)));
                }
            }
            "choice" => rows.push((
                f.label.clone(),
                f.options
                    .iter()
                    .find(|o| o.value == f.value)
                    .map(|o| o.label.clone())
                    .unwrap_or_default(),
            )),
            "checkbox" => rows.push((
                f.label.clone(),
                if f.value == "true" {
                    t.t(Key::Yes).to_owned()
                } else {
                    t.t(Key::No).to_owned()
                },
            )),
            "date" => rows.push((f.label.clone(), display_date(&f.value))),
            _ => rows.push((f.label.clone(), f.value.clone())),
        }
    }
}

/// The review page's sections: the applicant, the form, the documents and the delivery.
pub(super) fn review_sections(
    t: Locale,
    a: &ApplicantView,
    form: &[FieldView],
    slots: &[SlotView],
    d: &DeliveryView,
    provinces: &[Choice],
) -> Vec<ReviewSection> {
    let mut applicant_rows = vec![
        (t.t(Key::FieldFullName).to_owned(), a.full_name.clone()),
        (t.t(Key::FieldCitizenId).to_owned(), a.citizen_id.clone()),
        (
            t.t(Key::FieldDateOfBirth).to_owned(),
            display_date(&a.date_of_birth),
        ),
        (t.t(Key::FieldPhone).to_owned(), a.phone.clone()),
        (t.t(Key::FieldEmail).to_owned(), a.email.clone()),
        (
            t.t(Key::FieldAddressResidence).to_owned(),
            address_text(&a.address, provinces),
        ),
    ];
    if a.on_behalf == "other" {
        applicant_rows.push((
            t.t(Key::FieldSubjectName).to_owned(),
            a.subject_name.clone(),
        ));
        applicant_rows.push((t.t(Key::FieldRelation).to_owned(), a.relation.clone()));
    }
    if let Some(name) = &a.receiving_fixed {
        applicant_rows.push((t.t(Key::FieldReceivingAgency).to_owned(), name.clone()));
    } else if let Some(c) = a
        .receiving_choices
        .iter()
        .find(|c| c.value == a.receiving_agency)
    {
        applicant_rows.push((t.t(Key::FieldReceivingAgency).to_owned(), c.label.clone()));
    }
    let mut form_rows = Vec::new();
    answer_rows(t, form, provinces, &mut form_rows);
    let doc_rows = slots
        .iter()
        .map(|s| {
            let names = s
                .files
                .iter()
                .map(|f| f.name.clone())
                .collect::<Vec<_>>()
                .join(", ");
            (s.label.clone(), names)
        })
        .collect();
    [
        (Step::Applicant, applicant_rows),
        (Step::Form, form_rows),
        (Step::Documents, doc_rows),
        (Step::Delivery, delivery_rows(t, d, provinces)),
    ]
    .into_iter()
    .map(|(s, rows)| ReviewSection {
        step: s.code().to_owned(),
        slug: s.slug().to_owned(),
        rows,
    })
    .collect()
}
