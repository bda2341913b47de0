//! The form's fields and the addresses, as the page shows them: each field with its label, hint,
//! value, choices and error, groups of repeated entries, fields shown only for some answers, and
//! the provinces and communes of the address selects.

use std::collections::HashMap;

use chrono::Utc;
use domain::db::DatabaseConnection;
use domain::dossiers::Loaded;
use domain::forms::{self, FieldKind, FormField};
use leptos::serde_json::{self, Map, Value};

use super::label;
use crate::dto::dossier::*;
use crate::error::AppError;
use crate::i18n::{Key, Locale};

/// Communes of provinces, fetched once per province per page.
pub(super) struct Communes<'a> {
    db: &'a DatabaseConnection,
    cache: HashMap<String, Vec<Choice>>,
}

impl<'a> Communes<'a> {
    /// An empty cache over `db`.
    pub(super) fn new(db: &'a DatabaseConnection) -> Self {
        Communes {
            db,
            cache: HashMap::new(),
        }
    }

    async fn of(&mut self, province: &str) -> Vec<Choice> {
        if province.is_empty() {
            return Vec::new();
        }
        if let Some(list) = self.cache.get(province) {
            return list.clone();
        }
        let list: Vec<Choice> = domain::admin_map::current_communes(self.db, province)
            .await
            .map(|cs| {
                cs.into_iter()
                    // The name carries its kind ("Phường Tân Ninh"), as in the profile's list.
                    .map(|c| Choice {
                        value: c.code,
                        label: c.name,
                    })
                    .collect()
            })
            .unwrap_or_default();
        self.cache.insert(province.to_owned(), list.clone());
        list
    }
}

/// The provinces in force today, for the address selects and for naming one in words.
pub(super) async fn provinces(db: &DatabaseConnection) -> Result<Vec<Choice>, AppError> {
    Ok(domain::admin_map::current_provinces(db)
        .await?
        .into_iter()
        .map(|p| Choice {
            value: p.code,
            label: p.name,
        })
        .collect())
}

/// The address fields `id` (`applicant-address`, `delivery-address`…) with their values, the
/// communes of the chosen province and each part's error.
pub(super) async fn address(
    communes: &mut Communes<'_>,
    id: &str,
    province: &str,
    commune: &str,
    street: &str,
    errors: &HashMap<String, String>,
) -> AddressView {
    AddressView {
        id: id.to_owned(),
        province: province.to_owned(),
        commune: commune.to_owned(),
        street: street.to_owned(),
        communes: communes.of(province).await,
        province_error: errors.get(&format!("{id}-province")).cloned(),
        commune_error: errors.get(&format!("{id}-commune")).cloned(),
        street_error: errors.get(&format!("{id}-street")).cloned(),
    }
}

/// `street, commune, province` in words.
pub(super) fn address_text(a: &AddressView, provinces: &[Choice]) -> String {
    let name = |list: &[Choice], code: &str| {
        list.iter()
            .find(|c| c.value == code)
            .map(|c| c.label.clone())
            .unwrap_or_default()
    };
    let commune = name(&a.communes, &a.commune);
    let province = name(provinces, &a.province);
    [a.street.as_str(), commune.as_str(), province.as_str()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The text answer `key`, or "" when unanswered.
fn str_of<'a>(answers: &'a Map<String, Value>, key: &str) -> &'a str {
    answers.get(key).and_then(Value::as_str).unwrap_or("")
}

/// "Only if “<controller>” is “<value>” or “<value>”", with the labels the applicant sees.
fn condition_in_words(t: Locale, fields: &[FormField], c: &forms::VisibleIf) -> String {
    let controller = fields.iter().find(|f| f.key == c.field);
    let name = controller.map(|f| label(t, &f.label)).unwrap_or_default();
    let values: Vec<String> = c
        .any_of
        .iter()
        .map(|v| {
            let option = controller.and_then(|f| f.options.iter().find(|o| &o.value == v));
            match (option, v.as_str()) {
                (Some(o), _) => label(t, &o.label),
                (None, "true") => t.t(Key::ConditionTicked).to_owned(),
                (None, _) => v.clone(),
            }
        })
        .map(|v| format!("“{v}”"))
        .collect();
    t.tf(
        Key::ConditionOnlyIf,
        &[
            ("field", &name),
            ("values", &values.join(t.t(Key::ConditionOr))),
        ],
    )
}

/// The procedure's form with the dossier's answers.
pub(super) async fn form_view(
    t: Locale,
    loaded: &Loaded,
    errors: &HashMap<String, String>,
    communes: &mut Communes<'_>,
) -> Vec<FieldView> {
    let empty = Map::new();
    let answers = loaded.dossier.answers.as_object().unwrap_or(&empty);
    fields_view(
        t,
        &loaded.form.fields,
        answers,
        Vec::new(),
        errors,
        communes,
    )
    .await
}

/// The view of a level of fields (the form, or one group entry).
fn fields_view<'a>(
    t: Locale,
    fields: &'a [FormField],
    answers: &'a Map<String, Value>,
    prefix: Vec<String>,
    errors: &'a HashMap<String, String>,
    communes: &'a mut Communes<'_>,
) -> std::pin::Pin<Box<dyn std::future::Future<Output = Vec<FieldView>> + Send + 'a>> {
    Box::pin(async move {
        let mut out = Vec::new();
        for f in fields {
            let mut path: Vec<&str> = prefix.iter().map(String::as_str).collect();
            path.push(&f.key);
            let id = forms::field_id(&path);
            let mut view = FieldView {
                id: id.clone(),
                kind: serde_json::to_value(f.kind)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default(),
                label: label(t, &f.label),
                hint: f.hint.as_ref().map(|h| label(t, h)),
                required: f.required,
                value: str_of(answers, &f.key).to_owned(),
                max_length: f.max_length,
                min: f.min.clone().map(|m| {
                    if m == "today" {
                        Utc::now().date_naive().to_string()
                    } else {
                        m
                    }
                }),
                max: f.max.clone().map(|m| {
                    if m == "today" {
                        Utc::now().date_naive().to_string()
                    } else {
                        m
                    }
                }),
                options: f
                    .options
                    .iter()
                    .map(|o| Choice {
                        value: o.value.clone(),
                        label: label(t, &o.label),
                    })
                    .collect(),
                error: errors.get(&id).cloned(),
                visible_if: f.visible_if.as_ref().map(|c| {
                    let mut controller: Vec<&str> = prefix.iter().map(String::as_str).collect();
                    controller.push(&c.field);
                    (forms::field_id(&controller), c.any_of.clone())
                }),
                visible: forms::is_visible(f, answers),
                visible_when: f
                    .visible_if
                    .as_ref()
                    .map(|c| condition_in_words(t, fields, c)),
                address: None,
                items: Vec::new(),
                max_items: f.max_items.unwrap_or(0),
            };
            match f.kind {
                FieldKind::Address => {
                    let parts = answers.get(&f.key).and_then(Value::as_object);
                    let part = |n: &str| {
                        parts
                            .and_then(|p| p.get(n))
                            .and_then(Value::as_str)
                            .unwrap_or("")
                            .to_owned()
                    };
                    view.address = Some(
                        address(
                            communes,
                            &id,
                            &part("province"),
                            &part("commune"),
                            &part("street"),
                            errors,
                        )
                        .await,
                    );
                }
                FieldKind::Group => {
                    let items: Vec<Map<String, Value>> = answers
                        .get(&f.key)
                        .and_then(Value::as_array)
                        .map(|a| a.iter().filter_map(|v| v.as_object().cloned()).collect())
                        .unwrap_or_default();
                    let max = f.max_items.unwrap_or(20) as usize;
                    let shown = (items.len() + 1)
                        .min(max)
                        .max(f.min_items.unwrap_or(1) as usize);
                    let empty = Map::new();
                    for n in 0..shown {
                        let item = items.get(n).unwrap_or(&empty);
                        let mut inner = prefix.clone();
                        inner.push(f.key.clone());
                        inner.push(n.to_string());
                        let entry = fields_view(t, &f.fields, item, inner, errors, communes).await;
                        view.items.push(entry);
                    }
                }
                _ => {}
            }
            out.push(view);
        }
        out
    })
}
