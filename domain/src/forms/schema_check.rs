//! Checking a form schema as the catalogue import reads it: keys, labels in both languages,
//! options, bounds, groups, conditions, document slots and the fee fields, each problem named
//! by its place in the schema. Separate from answer validation: this runs once per import,
//! on the catalogue author's data, not on what applicants type.

use std::collections::HashSet;

use chrono::NaiveDate;

use super::{parse_date, FieldKind, FormField, FormSchema, FILE_TYPES, MAX_DOSSIER_MB};

fn is_key(key: &str) -> bool {
    let mut chars = key.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && key.len() <= 40
}

/// Checks a schema; each problem is one sentence naming the place (`fields[2].options`).
pub fn check_schema(schema: &FormSchema) -> Vec<String> {
    let mut problems = Vec::new();
    check_fields(&schema.fields, "fields", true, &mut problems);
    for f in &schema.fields {
        if crate::payments::fee_rules::RESERVED_KEYS.contains(&f.key.as_str()) {
            problems.push(format!(
                "fields: key {:?} is the portal's own fee question",
                f.key
            ));
        }
    }
    let mut slots = HashSet::new();
    for (i, slot) in schema.documents.iter().enumerate() {
        let at = format!("documents[{i}]");
        if !is_key(&slot.key) {
            problems.push(format!(
                "{at}.key {:?} must match [a-z][a-z0-9_]*",
                slot.key
            ));
        }
        if crate::payments::fee_rules::RESERVED_KEYS.contains(&slot.key.as_str()) {
            problems.push(format!("{at}.key {:?} is the portal's own", slot.key));
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
