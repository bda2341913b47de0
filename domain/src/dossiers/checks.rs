//! What still needs fixing in a draft, step by step. Each problem names the element id of the
//! field at fault and a rule code the interface translates; the same checks run when a step is
//! saved (to mark it done), on the review page, and again at submission.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use super::{Applicant, Delivery, DeliveryMethod, Loaded, OnBehalf, Step};
use crate::access::Actor;
use crate::entities::{agency, commune, dossier_file};
use crate::error::{DomainResult, FieldError};
use crate::forms::{self, FieldKind, FormField};
use crate::identity;

/// Problems of every step (an empty list means the step is complete).
pub type Problems = BTreeMap<Step, Vec<FieldError>>;

fn rule(field: &str, code: &str, message: &str) -> FieldError {
    FieldError::rule(field, code, message)
}

/// Province of each commune code given (unknown codes are left out).
async fn provinces_of(
    db: &impl ConnectionTrait,
    communes: Vec<String>,
) -> DomainResult<HashMap<String, String>> {
    if communes.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(commune::Entity::find()
        .filter(commune::Column::Code.is_in(communes))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.code, c.province_code))
        .collect())
}

/// Commune codes typed anywhere in the form's address fields.
fn form_communes(fields: &[FormField], answers: &serde_json::Value, out: &mut Vec<String>) {
    for f in fields {
        match f.kind {
            FieldKind::Address => {
                if let Some(c) = answers
                    .get(&f.key)
                    .and_then(|a| a.get("commune"))
                    .and_then(|c| c.as_str())
                {
                    out.push(c.to_owned());
                }
            }
            FieldKind::Group => {
                for item in answers
                    .get(&f.key)
                    .and_then(|g| g.as_array())
                    .into_iter()
                    .flatten()
                {
                    form_communes(&f.fields, item, out);
                }
            }
            _ => {}
        }
    }
}

fn address(
    prefix: &str,
    province: &str,
    commune: &str,
    street: &str,
    provinces: &HashMap<String, String>,
    errors: &mut Vec<FieldError>,
) {
    if province.trim().is_empty() {
        errors.push(rule(
            &format!("{prefix}-province"),
            "province_required",
            "choose the province",
        ));
    } else if provinces.get(commune.trim()).map(String::as_str) != Some(province.trim()) {
        errors.push(rule(
            &format!("{prefix}-commune"),
            "commune_unknown",
            "choose a commune of that province",
        ));
    }
    if street.trim().is_empty() {
        errors.push(rule(
            &format!("{prefix}-street"),
            "street_required",
            "enter the house number and street",
        ));
    } else if street.chars().count() > 200 {
        errors.push(rule(&format!("{prefix}-street"), "street_long", "too long"));
    }
}

fn applicant_problems(
    a: &Applicant,
    actor: &Actor,
    receiving_fixed: bool,
    receiving_level_agency: Option<&agency::Model>,
    provinces: &HashMap<String, String>,
    today: NaiveDate,
) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let name = a.full_name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        errors.push(rule(
            "applicant-full_name",
            "name_required",
            "enter the full name",
        ));
    }
    let birth = if a.date_of_birth.trim().is_empty() {
        errors.push(rule(
            "applicant-date_of_birth",
            "date_format",
            "enter the date of birth",
        ));
        None
    } else {
        match NaiveDate::parse_from_str(a.date_of_birth.trim(), "%Y-%m-%d") {
            Ok(d) if d < today => Some(d),
            Ok(_) => {
                errors.push(rule(
                    "applicant-date_of_birth",
                    "date_of_birth_range",
                    "must be in the past",
                ));
                None
            }
            Err(_) => {
                errors.push(rule(
                    "applicant-date_of_birth",
                    "date_format",
                    "enter a date",
                ));
                None
            }
        }
    };
    let id = identity::citizen_id::normalise(&a.citizen_id);
    if let Err(e) = identity::citizen_id::check("applicant-citizen_id", &id, birth) {
        errors.push(e);
    }
    if let Err(e) = identity::contact::mobile("applicant-phone", &a.phone) {
        errors.push(e);
    }
    if !a.email.trim().is_empty() {
        if let Err(e) = identity::contact::email("applicant-email", &a.email) {
            errors.push(e);
        }
    }
    address(
        "applicant-address",
        &a.province,
        &a.commune,
        &a.street,
        provinces,
        &mut errors,
    );
    match a.on_behalf {
        OnBehalf::Myself => {}
        OnBehalf::Other => {
            if a.subject_name.trim().is_empty() {
                errors.push(rule(
                    "applicant-subject_name",
                    "subject_name_required",
                    "enter the person's name",
                ));
            }
            if a.relation.trim().is_empty() {
                errors.push(rule(
                    "applicant-relation",
                    "relation_required",
                    "say how you are related",
                ));
            }
            let subject_id = identity::citizen_id::normalise(&a.subject_citizen_id);
            if !subject_id.is_empty() {
                if let Err(e) =
                    identity::citizen_id::check("applicant-subject_citizen_id", &subject_id, None)
                {
                    errors.push(e);
                }
            }
        }
        OnBehalf::Organisation => {
            let member = matches!(actor, Actor::Citizen { memberships, .. }
                if memberships.iter().any(|m| m.organisation_id == a.organisation_id));
            if !member {
                errors.push(rule(
                    "applicant-organisation_id",
                    "organisation_unknown",
                    "choose one of your businesses",
                ));
            }
        }
    }
    if !receiving_fixed && receiving_level_agency.is_none() {
        errors.push(rule(
            "applicant-receiving_agency",
            "receiving_agency_required",
            "choose the commune People's Committee that receives the dossier",
        ));
    }
    errors
}

fn delivery_problems(d: &Delivery, provinces: &HashMap<String, String>) -> Vec<FieldError> {
    let mut errors = Vec::new();
    match d.method {
        DeliveryMethod::Unset => {
            errors.push(rule(
                "delivery-method",
                "delivery_required",
                "choose how to receive the result",
            ));
        }
        DeliveryMethod::Post => {
            if d.recipient.trim().is_empty() {
                errors.push(rule(
                    "delivery-recipient",
                    "recipient_required",
                    "enter the recipient",
                ));
            }
            if let Err(e) = identity::contact::mobile("delivery-phone", &d.phone) {
                errors.push(e);
            }
            address(
                "delivery-address",
                &d.province,
                &d.commune,
                &d.street,
                provinces,
                &mut errors,
            );
        }
        DeliveryMethod::Desk | DeliveryMethod::Electronic => {}
    }
    errors
}

/// Problems of a way to receive the result on its own: the delivery step's checks, also run
/// when the applicant changes it after filing (`postal::choice`).
pub async fn delivery_errors(
    db: &impl ConnectionTrait,
    delivery: &Delivery,
) -> DomainResult<Vec<FieldError>> {
    let communes = if delivery.commune.trim().is_empty() {
        Vec::new()
    } else {
        vec![delivery.commune.clone()]
    };
    let provinces = provinces_of(db, communes).await?;
    Ok(delivery_problems(delivery, &provinces))
}

/// Files given per slot.
pub async fn files_per_slot(
    db: &impl ConnectionTrait,
    dossier_id: &str,
) -> DomainResult<HashMap<String, usize>> {
    let mut counts = HashMap::new();
    for f in dossier_file::Entity::find()
        .filter(dossier_file::Column::DossierId.eq(dossier_id))
        .all(db)
        .await?
    {
        *counts.entry(f.slot).or_insert(0) += 1;
    }
    Ok(counts)
}

/// The commune People's Committee chosen for a commune-level procedure, if it is one.
pub async fn chosen_commune_agency(
    db: &impl ConnectionTrait,
    code: &str,
) -> DomainResult<Option<agency::Model>> {
    if code.is_empty() {
        return Ok(None);
    }
    Ok(agency::Entity::find_by_id(code.to_owned())
        .one(db)
        .await?
        .filter(|a| a.level == "commune"))
}

/// True when the procedure names the agency that receives its dossiers (no choice to make).
pub fn receiving_is_fixed(loaded: &Loaded) -> bool {
    loaded
        .details
        .receiving
        .as_ref()
        .is_some_and(|r| r.agency.is_some())
}

/// Every step's problems.
pub async fn problems(
    db: &impl ConnectionTrait,
    actor: &Actor,
    loaded: &Loaded,
    today: NaiveDate,
) -> DomainResult<Problems> {
    let applicant = loaded.applicant();
    let delivery = loaded.delivery();
    let mut communes = vec![applicant.commune.clone(), delivery.commune.clone()];
    form_communes(&loaded.form.fields, &loaded.dossier.answers, &mut communes);
    communes.retain(|c| !c.trim().is_empty());
    let provinces = provinces_of(db, communes).await?;
    let fixed = receiving_is_fixed(loaded);
    let chosen = if fixed {
        None
    } else {
        chosen_commune_agency(db, &applicant.receiving_agency).await?
    };
    let mut out = Problems::new();
    out.insert(
        Step::Applicant,
        applicant_problems(&applicant, actor, fixed, chosen.as_ref(), &provinces, today),
    );
    out.insert(
        Step::Form,
        forms::validate(&loaded.form, &loaded.dossier.answers, today, &|p, c| {
            provinces.get(c).map(String::as_str) == Some(p)
        }),
    );
    let counts = files_per_slot(db, &loaded.dossier.id).await?;
    let mut documents = Vec::new();
    for slot in &loaded.form.documents {
        let n = counts.get(&slot.key).copied().unwrap_or(0);
        let id = format!("doc-{}", slot.key);
        if slot.required && n == 0 {
            documents.push(rule(&id, "document_required", "upload this document"));
        } else if n > slot.max_files as usize {
            documents.push(rule(&id, "document_too_many", "too many files"));
        }
    }
    out.insert(Step::Documents, documents);
    out.insert(Step::Delivery, delivery_problems(&delivery, &provinces));
    out.insert(Step::Review, Vec::new());
    Ok(out)
}
