//! Checking an applicant's answers against the schema: required fields, lengths, number and
//! date bounds, choices, addresses on the current map, citizen IDs, phones and e-mails, each
//! error keyed by the field's element id with a stable rule code. Separate from the schema
//! types and from reading posted forms, as the largest single set of rules of the form.

use chrono::NaiveDate;
use serde_json::{Map, Value};

use super::{field_id, is_visible, parse_date, FieldKind, FormField, FormSchema};
use crate::error::FieldError;
use crate::identity;

/// Checks answers against the schema. Hidden fields are ignored (their answers kept but not
/// required). `today` bounds dates given as `"today"`; `known_commune` tells whether a commune
/// code belongs to a province on the current map.
pub fn validate(
    schema: &FormSchema,
    answers: &Value,
    today: NaiveDate,
    known_commune: &dyn Fn(&str, &str) -> bool,
) -> Vec<FieldError> {
    let empty = Map::new();
    let answers = answers.as_object().unwrap_or(&empty);
    let mut errors = Vec::new();
    validate_level(
        &schema.fields,
        answers,
        &[],
        today,
        known_commune,
        &mut errors,
    );
    errors
}

fn text_of<'a>(answers: &'a Map<String, Value>, key: &str) -> &'a str {
    answers
        .get(key)
        .and_then(Value::as_str)
        .unwrap_or("")
        .trim()
}

fn validate_level(
    fields: &[FormField],
    answers: &Map<String, Value>,
    prefix: &[&str],
    today: NaiveDate,
    known_commune: &dyn Fn(&str, &str) -> bool,
    errors: &mut Vec<FieldError>,
) {
    for f in fields.iter().filter(|f| is_visible(f, answers)) {
        let mut path = prefix.to_vec();
        path.push(&f.key);
        let id = field_id(&path);
        let fail = |errors: &mut Vec<FieldError>, rule: &str, message: &str| {
            errors.push(FieldError::rule(id.clone(), rule, message));
        };
        match f.kind {
            FieldKind::Group => {
                let items: Vec<&Map<String, Value>> = answers
                    .get(&f.key)
                    .and_then(Value::as_array)
                    .map(|a| a.iter().filter_map(Value::as_object).collect())
                    .unwrap_or_default();
                if items.len() < f.min_items.unwrap_or(0) as usize {
                    fail(errors, "form_group_min", "add more entries");
                }
                if f.max_items.is_some_and(|m| items.len() > m as usize) {
                    fail(errors, "form_group_max", "too many entries");
                }
                for (n, item) in items.iter().enumerate() {
                    let n = n.to_string();
                    let mut inner = path.clone();
                    inner.push(&n);
                    validate_level(&f.fields, item, &inner, today, known_commune, errors);
                }
            }
            FieldKind::Address => {
                let parts = answers.get(&f.key).and_then(Value::as_object);
                let part = |name: &str| {
                    parts
                        .and_then(|p| p.get(name))
                        .and_then(Value::as_str)
                        .unwrap_or("")
                        .trim()
                        .to_owned()
                };
                let (province, commune, street) =
                    (part("province"), part("commune"), part("street"));
                let any = !(province.is_empty() && commune.is_empty() && street.is_empty());
                if f.required || any {
                    if province.is_empty() {
                        errors.push(FieldError::rule(
                            format!("{id}-province"),
                            "form_address_province",
                            "choose the province",
                        ));
                    } else if commune.is_empty() || !known_commune(&province, &commune) {
                        errors.push(FieldError::rule(
                            format!("{id}-commune"),
                            "form_address_commune",
                            "choose a commune of that province",
                        ));
                    }
                    if street.is_empty() {
                        errors.push(FieldError::rule(
                            format!("{id}-street"),
                            "form_address_street",
                            "enter the house number and street or hamlet",
                        ));
                    } else if street.chars().count() > 200 {
                        errors.push(FieldError::rule(
                            format!("{id}-street"),
                            "form_too_long",
                            "too long",
                        ));
                    }
                }
            }
            _ => {
                let value = text_of(answers, &f.key);
                if value.is_empty() || (f.kind == FieldKind::Checkbox && value != "true") {
                    if f.required {
                        let rule = if f.kind == FieldKind::Checkbox {
                            "form_must_tick"
                        } else if f.kind == FieldKind::Choice {
                            "form_must_choose"
                        } else {
                            "form_required"
                        };
                        fail(errors, rule, "required");
                    }
                    continue;
                }
                if let Some(max) = f.max_length {
                    if value.chars().count() > max as usize {
                        fail(errors, "form_too_long", "too long");
                        continue;
                    }
                }
                check_value(f, value, today, &id, errors);
            }
        }
    }
}

fn check_value(
    f: &FormField,
    value: &str,
    today: NaiveDate,
    id: &str,
    errors: &mut Vec<FieldError>,
) {
    let fail = |errors: &mut Vec<FieldError>, rule: &str, message: &str| {
        errors.push(FieldError::rule(id, rule, message));
    };
    match f.kind {
        FieldKind::Number => match value.parse::<i64>() {
            Err(_) => fail(errors, "form_number", "enter a whole number"),
            Ok(n) => {
                let below = f
                    .min
                    .as_ref()
                    .and_then(|m| m.parse::<i64>().ok())
                    .is_some_and(|m| n < m);
                let above = f
                    .max
                    .as_ref()
                    .and_then(|m| m.parse::<i64>().ok())
                    .is_some_and(|m| n > m);
                if below || above {
                    fail(errors, "form_number_range", "out of range");
                }
            }
        },
        FieldKind::Date => match NaiveDate::parse_from_str(value, "%Y-%m-%d") {
            Err(_) => fail(errors, "form_date", "enter a date"),
            Ok(d) => {
                let min = f.min.as_deref().and_then(|m| parse_date(m, today));
                let max = f.max.as_deref().and_then(|m| parse_date(m, today));
                if min.is_some_and(|m| d < m) {
                    fail(errors, "form_date_early", "too early");
                } else if max.is_some_and(|m| d > m) {
                    fail(errors, "form_date_late", "too late");
                }
            }
        },
        FieldKind::Choice if !f.options.iter().any(|o| o.value == value) => {
            fail(errors, "form_must_choose", "choose one of the options");
        }
        FieldKind::CitizenId => {
            let number = identity::citizen_id::normalise(value);
            if let Err(e) = identity::citizen_id::check(id, &number, None) {
                errors.push(e);
            }
        }
        FieldKind::Phone => {
            if let Err(e) = identity::contact::mobile(id, value) {
                errors.push(e);
            }
        }
        FieldKind::Email => {
            if let Err(e) = identity::contact::email(id, value) {
                errors.push(e);
            }
        }
        _ => {}
    }
}
