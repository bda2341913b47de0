//! Reading a submitted form: the posted `name=value` pairs, named by element id, turned into
//! the answers' JSON shape (groups as arrays, addresses as objects). Separate from validation,
//! which takes answers however they came (a posted form, or the JSON API).

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::{field_id, FieldKind, FormField, FormSchema};

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
