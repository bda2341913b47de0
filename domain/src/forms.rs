//! Application form schemas: which fields a procedure's online form asks for, with labels in
//! Vietnamese and English, rules, conditional visibility and repeatable groups, plus the
//! document slots (which files, how many, of which types).
//!
//! A schema is data, imported with the catalogue and frozen in the procedure version a dossier
//! is filed under. Answers are kept as JSON strings exactly as typed, so that a draft never
//! loses input that does not pass the rules yet; [`validate`] says what is wrong, field by
//! field, with stable rule codes the interface translates (naming the field by its label).
//!
//! The schema's types are here, with what both validation and posting need (element ids,
//! visibility). Beside them: `schema_check` checks a schema as the catalogue import reads it,
//! `validation` checks answers against it, and `posted` turns a submitted form into answers.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::catalogue::ProcedureDetails;

mod posted;
mod schema_check;
#[cfg(test)]
mod tests;
mod validation;

pub use posted::answers_from_pairs;
pub use schema_check::check_schema;
pub use validation::validate;

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

fn parse_date(text: &str, today: NaiveDate) -> Option<NaiveDate> {
    if text == "today" {
        Some(today)
    } else {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
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
