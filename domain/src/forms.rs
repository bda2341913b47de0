//! Application form schemas: which fields a procedure's online form asks for, with labels in
//! Vietnamese and English, rules, conditional visibility and repeatable groups, plus the
//! document slots (which files, how many, of which types).
//!
//! A schema is data, imported with the catalogue and frozen in the procedure version a dossier
//! is filed under. Answers are kept as JSON strings exactly as typed, so that a draft never
//! loses input that does not pass the rules yet; [`validate`] says what is wrong, field by
//! field, with stable rule codes the interface translates (naming the field by its label).

use std::collections::{BTreeMap, HashSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::catalogue::ProcedureDetails;
use crate::error::FieldError;
use crate::identity;

/// A text in both interface languages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Label {
    /// Vietnamese (shown by default).
    pub vi: String,
    /// English.
    pub en: String,
}

impl Label {
    /// The text in a language (`"en"`, else Vietnamese).
    pub fn get(&self, lang: &str) -> &str {
        if lang == "en" {
            &self.en
        } else {
            &self.vi
        }
    }
}

/// Kinds of form fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldKind {
    /// One line of text.
    Text,
    /// Several lines of text.
    Textarea,
    /// A whole number (stored as typed).
    Number,
    /// A calendar date, `yyyy-mm-dd`.
    Date,
    /// One of the listed options.
    Choice,
    /// A yes/no box.
    Checkbox,
    /// Province, commune (2025 map) and street.
    Address,
    /// A 12-digit citizen ID (CCCD), checked digit by digit.
    CitizenId,
    /// A Vietnamese mobile number.
    Phone,
    /// An e-mail address.
    Email,
    /// A repeatable group of sub-fields (family members, co-owners…).
    Group,
}

/// One option of a choice field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceOption {
    /// Stored value.
    pub value: String,
    /// Shown text.
    pub label: Label,
}

/// Shows a field only when another field of the same level has one of the given values.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VisibleIf {
    /// Key of the controlling field (a choice or checkbox earlier in the same list).
    pub field: String,
    /// Values that show this field (`"true"` for a ticked checkbox).
    pub any_of: Vec<String>,
}

/// One field of the form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormField {
    /// Key in the answers (`[a-z][a-z0-9_]*`).
    pub key: String,
    /// Kind.
    #[serde(rename = "type")]
    pub kind: FieldKind,
    /// Label.
    pub label: Label,
    /// Help under the label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<Label>,
    /// Must be answered (when visible).
    #[serde(default)]
    pub required: bool,
    /// Longest text accepted (characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<u32>,
    /// Smallest number, or for dates the earliest `yyyy-mm-dd`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<String>,
    /// Largest number, or for dates the latest `yyyy-mm-dd` or `"today"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<String>,
    /// Options of a choice field.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<ChoiceOption>,
    /// Condition for showing the field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visible_if: Option<VisibleIf>,
    /// Sub-fields of a group.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FormField>,
    /// Fewest entries of a group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_items: Option<u32>,
    /// Most entries of a group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_items: Option<u32>,
}

/// File types an applicant may upload, recognised by content.
pub const FILE_TYPES: [&str; 5] = ["pdf", "jpg", "png", "docx", "xlsx"];

/// One document slot: the files the applicant uploads for one required document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentSlot {
    /// Key (`[a-z][a-z0-9_]*`).
    pub key: String,
    /// What to upload.
    pub label: Label,
    /// Help (what a good scan looks like…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<Label>,
    /// At least one file is needed.
    #[serde(default)]
    pub required: bool,
    /// Most files in this slot.
    #[serde(default = "one")]
    pub max_files: u32,
    /// Accepted types, from [`FILE_TYPES`].
    #[serde(default = "default_types")]
    pub types: Vec<String>,
    /// Largest file, in megabytes.
    #[serde(default = "default_max_mb")]
    pub max_mb: u32,
    /// The paper declaration that this form's fields replace online (Nghị định 45/2020/NĐ-CP:
    /// an electronic form takes the place of the paper one). It stays in the schema so that the
    /// slots still match the catalogue's documents, but nobody is asked to upload it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub filled_online: bool,
}

fn one() -> u32 {
    1
}

fn default_types() -> Vec<String> {
    vec!["pdf".to_owned(), "jpg".to_owned(), "png".to_owned()]
}

fn default_max_mb() -> u32 {
    10
}

/// A procedure's online form.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormSchema {
    /// Fields, in order.
    pub fields: Vec<FormField>,
    /// Document slots, in order.
    pub documents: Vec<DocumentSlot>,
    /// Key of a choice field whose option values are indexes (0, 1, …) into the procedure's
    /// fee items: the fee due follows the applicant's answer. Without it the first item is due.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fee_item_field: Option<String>,
    /// Where the number of copies is asked, for a fee charged per copy: a number field's key,
    /// or `group.field` for a number in each entry of a group (summed). Without it, one copy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fee_quantity_field: Option<String>,
}

/// Largest total of all files of one dossier, in megabytes.
pub const MAX_DOSSIER_MB: u32 = 50;

fn is_key(key: &str) -> bool {
    let mut chars = key.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && key.len() <= 40
}

fn parse_date(text: &str, today: NaiveDate) -> Option<NaiveDate> {
    if text == "today" {
        Some(today)
    } else {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
    }
}

/// Checks a schema; each problem is one sentence naming the place (`fields[2].options`).
pub fn check_schema(schema: &FormSchema) -> Vec<String> {
    let mut problems = Vec::new();
    check_fields(&schema.fields, "fields", true, &mut problems);
    let mut slots = HashSet::new();
    for (i, slot) in schema.documents.iter().enumerate() {
        let at = format!("documents[{i}]");
        if !is_key(&slot.key) {
            problems.push(format!(
                "{at}.key {:?} must match [a-z][a-z0-9_]*",
                slot.key
            ));
        }
        if !slots.insert(slot.key.as_str()) {
            problems.push(format!("{at}.key {:?} appears twice", slot.key));
        }
        if slot.max_files == 0 || slot.max_files > 20 {
            problems.push(format!("{at}.max_files must be 1 to 20"));
        }
        if slot.max_mb == 0 || slot.max_mb > MAX_DOSSIER_MB {
            problems.push(format!("{at}.max_mb must be 1 to {MAX_DOSSIER_MB}"));
        }
        if slot.types.is_empty() {
            problems.push(format!("{at}.types is empty"));
        }
        for t in &slot.types {
            if !FILE_TYPES.contains(&t.as_str()) {
                problems.push(format!(
                    "{at}.types: {t:?} is not one of {}",
                    FILE_TYPES.join(", ")
                ));
            }
        }
        if slot.label.vi.trim().is_empty() || slot.label.en.trim().is_empty() {
            problems.push(format!("{at}.label needs Vietnamese and English text"));
        }
    }
    if let Some(key) = &schema.fee_item_field {
        match schema.fields.iter().find(|f| &f.key == key) {
            Some(f) if f.kind == FieldKind::Choice => {
                if f.options.iter().any(|o| o.value.parse::<usize>().is_err()) {
                    problems.push(format!(
                        "fee_item_field {key:?}: option values must be fee item indexes (0, 1, …)"
                    ));
                }
            }
            _ => problems.push(format!(
                "fee_item_field {key:?} is not a choice field of the form"
            )),
        }
    }
    if let Some(path) = &schema.fee_quantity_field {
        let number = |fields: &[FormField], key: &str| {
            fields
                .iter()
                .any(|f| f.key == key && f.kind == FieldKind::Number)
        };
        let ok = match path.split_once('.') {
            Some((group, key)) => schema
                .fields
                .iter()
                .find(|f| f.key == group && f.kind == FieldKind::Group)
                .is_some_and(|g| number(&g.fields, key)),
            None => number(&schema.fields, path),
        };
        if !ok {
            problems.push(format!(
                "fee_quantity_field {path:?} is not a number field (or group.number) of the form"
            ));
        }
    }
    problems
}

fn check_fields(fields: &[FormField], at: &str, top: bool, problems: &mut Vec<String>) {
    let mut keys: Vec<&str> = Vec::new();
    for (i, f) in fields.iter().enumerate() {
        let here = format!("{at}[{i}]");
        if !is_key(&f.key) {
            problems.push(format!("{here}.key {:?} must match [a-z][a-z0-9_]*", f.key));
        }
        if keys.contains(&f.key.as_str()) {
            problems.push(format!("{here}.key {:?} appears twice", f.key));
        }
        if f.label.vi.trim().is_empty() || f.label.en.trim().is_empty() {
            problems.push(format!("{here}.label needs Vietnamese and English text"));
        }
        match f.kind {
            FieldKind::Choice => {
                if f.options.len() < 2 {
                    problems.push(format!("{here}: a choice needs at least 2 options"));
                }
                let mut values = HashSet::new();
                for o in &f.options {
                    if o.value.is_empty() || !values.insert(o.value.as_str()) {
                        problems.push(format!(
                            "{here}.options: value {:?} is empty or repeated",
                            o.value
                        ));
                    }
                }
            }
            FieldKind::Group => {
                if !top {
                    problems.push(format!("{here}: groups cannot be nested"));
                }
                if f.fields.is_empty() {
                    problems.push(format!("{here}: a group needs fields"));
                }
                if f.required {
                    problems.push(format!(
                        "{here}: use min_items instead of required on a group"
                    ));
                }
                if let (Some(min), Some(max)) = (f.min_items, f.max_items) {
                    if min > max {
                        problems.push(format!("{here}: min_items is above max_items"));
                    }
                }
                if f.max_items.is_some_and(|m| m == 0 || m > 50) {
                    problems.push(format!("{here}.max_items must be 1 to 50"));
                }
                check_fields(&f.fields, &format!("{here}.fields"), false, problems);
            }
            FieldKind::Number => {
                for (name, bound) in [("min", &f.min), ("max", &f.max)] {
                    if bound.as_ref().is_some_and(|b| b.parse::<i64>().is_err()) {
                        problems.push(format!("{here}.{name} must be a whole number"));
                    }
                }
            }
            FieldKind::Date => {
                let today = NaiveDate::MIN;
                for (name, bound) in [("min", &f.min), ("max", &f.max)] {
                    if bound
                        .as_ref()
                        .is_some_and(|b| parse_date(b, today).is_none())
                    {
                        problems.push(format!("{here}.{name} must be yyyy-mm-dd or \"today\""));
                    }
                }
            }
            _ => {}
        }
        if f.kind != FieldKind::Choice && !f.options.is_empty() {
            problems.push(format!("{here}: only a choice field has options"));
        }
        if f.kind != FieldKind::Group && !f.fields.is_empty() {
            problems.push(format!("{here}: only a group has fields"));
        }
        if let Some(cond) = &f.visible_if {
            match fields[..i].iter().find(|g| g.key == cond.field) {
                Some(g) if matches!(g.kind, FieldKind::Choice | FieldKind::Checkbox) => {
                    for v in &cond.any_of {
                        let known = if g.kind == FieldKind::Checkbox {
                            v == "true" || v == "false"
                        } else {
                            g.options.iter().any(|o| &o.value == v)
                        };
                        if !known {
                            problems.push(format!(
                                "{here}.visible_if: {v:?} is not a value of {:?}",
                                g.key
                            ));
                        }
                    }
                }
                _ => problems.push(format!(
                    "{here}.visible_if.field {:?} must be an earlier choice or checkbox",
                    cond.field
                )),
            }
        }
        keys.push(&f.key);
    }
}

/// The form of a procedure that publishes none: what the applicant asks for in their own
/// words, and one slot per document of the catalogue (required as the catalogue says).
pub fn default_schema(details: &ProcedureDetails) -> FormSchema {
    FormSchema {
        fields: vec![FormField {
            key: "noi_dung".to_owned(),
            kind: FieldKind::Textarea,
            label: Label {
                vi: "Nội dung đề nghị".to_owned(),
                en: "What you are asking for".to_owned(),
            },
            hint: Some(Label {
                vi: "Ghi rõ bạn đề nghị cơ quan giải quyết việc gì, cho ai.".to_owned(),
                en: "Say what you ask the agency to do, and for whom.".to_owned(),
            }),
            required: true,
            max_length: Some(2000),
            min: None,
            max: None,
            options: Vec::new(),
            visible_if: None,
            fields: Vec::new(),
            min_items: None,
            max_items: None,
        }],
        documents: details
            .documents
            .iter()
            .enumerate()
            .map(|(i, d)| DocumentSlot {
                key: format!("giay_to_{}", i + 1),
                label: Label {
                    vi: d.name.clone(),
                    en: d.name.clone(),
                },
                hint: None,
                required: d.required,
                max_files: 5,
                types: default_types(),
                max_mb: default_max_mb(),
                filled_online: false,
            })
            .collect(),
        fee_item_field: None,
        fee_quantity_field: None,
    }
}

/// Whether a field is shown, given the answers at its level.
pub fn is_visible(field: &FormField, answers: &Map<String, Value>) -> bool {
    match &field.visible_if {
        None => true,
        Some(cond) => {
            let value = answers
                .get(&cond.field)
                .and_then(Value::as_str)
                .unwrap_or("false");
            cond.any_of.iter().any(|v| v == value)
        }
    }
}

/// The element id and error key of a field: `form-<key>`, `form-<group>-<n>-<key>`, and for an
/// address's parts `…-province`, `…-commune`, `…-street`.
pub fn field_id(path: &[&str]) -> String {
    format!("form-{}", path.join("-"))
}

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

/// Turns posted `name=value` pairs into answers: `form-<key>`, `form-<group>-<n>-<key>`,
/// `form-<key>-province|commune|street` (the element ids of [`field_id`]). Unknown names are
/// ignored; text is trimmed. Entries of a group whose fields are all empty are dropped, so that
/// an untouched "add another" row does not count.
pub fn answers_from_pairs(schema: &FormSchema, pairs: &[(String, String)]) -> Value {
    let posted: BTreeMap<&str, &str> = pairs
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    Value::Object(level_from_pairs(&schema.fields, &posted, &[]))
}

fn level_from_pairs(
    fields: &[FormField],
    posted: &BTreeMap<&str, &str>,
    prefix: &[&str],
) -> Map<String, Value> {
    let mut out = Map::new();
    for f in fields {
        let mut path = prefix.to_vec();
        path.push(&f.key);
        let id = field_id(&path);
        match f.kind {
            FieldKind::Group => {
                let max = f.max_items.unwrap_or(50) as usize;
                let mut items = Vec::new();
                for n in 0..max {
                    let n = n.to_string();
                    let mut inner = path.clone();
                    inner.push(&n);
                    let prefix_id = format!("{}-", field_id(&inner));
                    if !posted.keys().any(|k| k.starts_with(&prefix_id)) {
                        continue;
                    }
                    let item = level_from_pairs(&f.fields, posted, &inner);
                    let blank = item.values().all(|v| match v {
                        Value::String(s) => s.is_empty(),
                        Value::Object(o) => o.values().all(|x| x.as_str() == Some("")),
                        _ => false,
                    });
                    if !blank {
                        items.push(Value::Object(item));
                    }
                }
                out.insert(f.key.clone(), Value::Array(items));
            }
            FieldKind::Address => {
                let mut parts = Map::new();
                for part in ["province", "commune", "street"] {
                    let value = posted
                        .get(format!("{id}-{part}").as_str())
                        .copied()
                        .unwrap_or("");
                    parts.insert(part.to_owned(), Value::String(value.trim().to_owned()));
                }
                out.insert(f.key.clone(), Value::Object(parts));
            }
            FieldKind::Checkbox => {
                let ticked = posted.get(id.as_str()).is_some_and(|v| !v.is_empty());
                out.insert(f.key.clone(), Value::String(ticked.to_string()));
            }
            _ => {
                let value = posted.get(id.as_str()).copied().unwrap_or("");
                out.insert(f.key.clone(), Value::String(value.trim().to_owned()));
            }
        }
    }
    out
}

/// Finds a field by its element id (for labelling errors).
pub fn label_of<'a>(schema: &'a FormSchema, id: &str) -> Option<&'a Label> {
    fn walk<'a>(fields: &'a [FormField], prefix: &str, id: &str) -> Option<&'a Label> {
        for f in fields {
            let own = format!("{prefix}-{}", f.key);
            if id == own || id.starts_with(&format!("{own}-")) {
                if f.kind == FieldKind::Group {
                    let rest = &id[own.len()..];
                    // `-<n>-<key>…`: skip the entry number.
                    let mut parts = rest.trim_start_matches('-').splitn(2, '-');
                    let n = parts.next().unwrap_or("");
                    if let (Ok(_), Some(_)) = (n.parse::<usize>(), parts.next()) {
                        return walk(&f.fields, &format!("{own}-{n}"), id).or(Some(&f.label));
                    }
                }
                return Some(&f.label);
            }
        }
        None
    }
    walk(&schema.fields, "form", id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn schema() -> FormSchema {
        let s: Result<FormSchema, _> = serde_json::from_value(json!({
            "fields": [
                {"key": "ho_ten", "type": "text", "label": {"vi": "Họ, chữ đệm, tên", "en": "Full name"}, "required": true, "max_length": 10},
                {"key": "ngay_sinh", "type": "date", "label": {"vi": "Ngày sinh", "en": "Date of birth"}, "required": true, "max": "today"},
                {"key": "gioi_tinh", "type": "choice", "label": {"vi": "Giới tính", "en": "Sex"}, "required": true,
                 "options": [{"value": "nam", "label": {"vi": "Nam", "en": "Male"}}, {"value": "nu", "label": {"vi": "Nữ", "en": "Female"}}]},
                {"key": "co_cha", "type": "checkbox", "label": {"vi": "Có thông tin người cha", "en": "Father known"}},
                {"key": "cccd_cha", "type": "citizen_id", "label": {"vi": "Số CCCD của cha", "en": "Father's ID"}, "required": true,
                 "visible_if": {"field": "co_cha", "any_of": ["true"]}},
                {"key": "dia_chi", "type": "address", "label": {"vi": "Nơi cư trú", "en": "Residence"}, "required": true},
                {"key": "thanh_vien", "type": "group", "label": {"vi": "Thành viên", "en": "Members"}, "min_items": 1, "max_items": 3,
                 "fields": [{"key": "ten", "type": "text", "label": {"vi": "Tên", "en": "Name"}, "required": true},
                            {"key": "tuoi", "type": "number", "label": {"vi": "Tuổi", "en": "Age"}, "min": "0", "max": "120"}]}
            ],
            "documents": [{"key": "to_khai", "label": {"vi": "Tờ khai", "en": "Form"}, "required": true}]
        }));
        s.unwrap_or_default()
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap_or_default()
    }

    fn rules(answers: Value) -> Vec<(String, String)> {
        validate(&schema(), &answers, today(), &|p, c| {
            p == "80" && c == "25459"
        })
        .into_iter()
        .map(|e| (e.field, e.code))
        .collect()
    }

    #[test]
    fn the_sample_schema_is_valid() {
        assert_eq!(check_schema(&schema()), Vec::<String>::new());
        assert_eq!(schema().documents[0].types, ["pdf", "jpg", "png"]);
    }

    #[test]
    fn an_empty_form_names_every_required_field() {
        let got = rules(json!({}));
        let fields: Vec<&str> = got.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(
            fields,
            [
                "form-ho_ten",
                "form-ngay_sinh",
                "form-gioi_tinh",
                "form-dia_chi-province",
                "form-dia_chi-street",
                "form-thanh_vien"
            ]
        );
        assert_eq!(got[2].1, "form_must_choose");
    }

    #[test]
    fn hidden_fields_are_not_required_and_shown_ones_are_checked() {
        let base = json!({"ho_ten": "An", "ngay_sinh": "2026-01-02", "gioi_tinh": "nu",
            "dia_chi": {"province": "80", "commune": "25459", "street": "12 Lê Lợi"},
            "thanh_vien": [{"ten": "Bình", "tuoi": "30"}]});
        assert_eq!(rules(base.clone()), vec![]);
        let mut with_father = base.clone();
        with_father["co_cha"] = json!("true");
        assert_eq!(
            rules(with_father.clone()),
            vec![("form-cccd_cha".to_owned(), "form_required".to_owned())]
        );
        with_father["cccd_cha"] = json!("072 1910 0123");
        assert_eq!(rules(with_father.clone())[0].1, "citizen_id_format");
        with_father["cccd_cha"] = json!("072090009876");
        assert_eq!(rules(with_father), vec![]);
    }

    #[test]
    fn rules_of_each_kind() {
        let answers = json!({"ho_ten": "Nguyễn Văn Anh Tuấn", "ngay_sinh": "2027-01-01", "gioi_tinh": "khac",
            "dia_chi": {"province": "80", "commune": "00001", "street": "x"},
            "thanh_vien": [{"ten": "", "tuoi": "abc"}, {"ten": "C", "tuoi": "121"}]});
        let got = rules(answers);
        assert_eq!(
            got,
            vec![
                ("form-ho_ten".to_owned(), "form_too_long".to_owned()),
                ("form-ngay_sinh".to_owned(), "form_date_late".to_owned()),
                ("form-gioi_tinh".to_owned(), "form_must_choose".to_owned()),
                (
                    "form-dia_chi-commune".to_owned(),
                    "form_address_commune".to_owned()
                ),
                (
                    "form-thanh_vien-0-ten".to_owned(),
                    "form_required".to_owned()
                ),
                (
                    "form-thanh_vien-0-tuoi".to_owned(),
                    "form_number".to_owned()
                ),
                (
                    "form-thanh_vien-1-tuoi".to_owned(),
                    "form_number_range".to_owned()
                ),
            ]
        );
    }

    #[test]
    fn posted_pairs_become_answers_and_blank_rows_are_dropped() {
        let pairs: Vec<(String, String)> = [
            ("form-ho_ten", " An "),
            ("form-co_cha", "on"),
            ("form-dia_chi-province", "80"),
            ("form-thanh_vien-0-ten", "Bình"),
            ("form-thanh_vien-0-tuoi", ""),
            ("form-thanh_vien-1-ten", ""),
            ("form-thanh_vien-1-tuoi", ""),
            ("other", "x"),
        ]
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
        let answers = answers_from_pairs(&schema(), &pairs);
        assert_eq!(answers["ho_ten"], "An");
        assert_eq!(answers["co_cha"], "true");
        assert_eq!(answers["dia_chi"]["province"], "80");
        assert_eq!(answers["thanh_vien"].as_array().map(Vec::len), Some(1));
        assert!(answers.get("other").is_none());
    }

    #[test]
    fn labels_are_found_by_element_id() {
        let s = schema();
        assert_eq!(
            label_of(&s, "form-ho_ten").map(|l| l.vi.as_str()),
            Some("Họ, chữ đệm, tên")
        );
        assert_eq!(
            label_of(&s, "form-dia_chi-street").map(|l| l.en.as_str()),
            Some("Residence")
        );
        assert_eq!(
            label_of(&s, "form-thanh_vien-1-tuoi").map(|l| l.vi.as_str()),
            Some("Tuổi")
        );
        assert_eq!(
            label_of(&s, "form-thanh_vien").map(|l| l.vi.as_str()),
            Some("Thành viên")
        );
    }

    #[test]
    fn malformed_schemas_are_refused_precisely() {
        let mut bad = schema();
        bad.fields[2].options.truncate(1);
        bad.fields[4].visible_if = Some(VisibleIf {
            field: "ho_ten".to_owned(),
            any_of: vec!["x".to_owned()],
        });
        bad.documents[0].types = vec!["exe".to_owned()];
        let nested = bad.fields[6].clone();
        bad.fields[6].fields.push(nested);
        let problems = check_schema(&bad);
        let joined = problems.join("\n");
        assert!(
            joined.contains("fields[2]: a choice needs at least 2 options"),
            "{joined}"
        );
        assert!(
            joined.contains(
                "fields[4].visible_if.field \"ho_ten\" must be an earlier choice or checkbox"
            ),
            "{joined}"
        );
        assert!(joined.contains("documents[0].types: \"exe\""), "{joined}");
        assert!(
            joined.contains("fields[6].fields[2]: groups cannot be nested"),
            "{joined}"
        );
        let unknown: Result<FormSchema, _> = serde_json::from_value(
            json!({"fields": [{"key": "a", "type": "txt", "label": {"vi": "a", "en": "a"}}], "documents": []}),
        );
        assert!(unknown.is_err());
    }
}
