//! Generates the translation tables from `locales/*.json` at compile time.
//!
//! Each locale file is a flat JSON object of `key: text`. The build fails when the files do not
//! have exactly the same keys, so a missing translation is a compile error, not a blank label;
//! the generated `Key` enum makes a misspelt key a compile error too. Lookups are array indexing:
//! no parsing at run time and nothing extra in the WebAssembly client.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

const LOCALES: [&str; 2] = ["vi", "en"];

fn main() {
    let dir = Path::new("locales");
    println!("cargo:rerun-if-changed=locales");
    let mut tables: Vec<BTreeMap<String, String>> = Vec::new();
    for locale in LOCALES {
        let path = dir.join(format!("{locale}.json"));
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        let table: BTreeMap<String, String> = serde_json::from_str(&text).unwrap_or_else(|e| {
            panic!(
                "{} is not a flat JSON object of strings: {e}",
                path.display()
            )
        });
        tables.push(table);
    }
    let keys: Vec<&String> = tables[0].keys().collect();
    for (locale, table) in LOCALES.iter().zip(&tables).skip(1) {
        let missing: Vec<_> = keys.iter().filter(|k| !table.contains_key(**k)).collect();
        let extra: Vec<_> = table
            .keys()
            .filter(|k| !tables[0].contains_key(*k))
            .collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "locales/{locale}.json differs from locales/vi.json: missing {missing:?}, extra {extra:?}"
        );
    }
    let mut out = String::new();
    out.push_str("/// A translatable text; generated from `locales/vi.json`.\n");
    out.push_str("#[derive(Clone, Copy, Debug, PartialEq, Eq)]\npub enum Key {\n");
    for key in &keys {
        assert!(
            key.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
            "translation key {key:?} must be snake_case ASCII"
        );
        let _ = writeln!(out, "    /// `{key}`\n    {},", camel(key));
    }
    out.push_str("}\n");
    out.push_str("impl Key {\n    /// The key named `name` (for texts chosen by a code sent from the server).\n    pub fn from_name(name: &str) -> Option<Key> {\n        match name {\n");
    for key in &keys {
        let _ = writeln!(out, "            {:?} => Some(Key::{}),", key, camel(key));
    }
    out.push_str("            _ => None,\n        }\n    }\n}\n");
    for (locale, table) in LOCALES.iter().zip(&tables) {
        let _ = writeln!(
            out,
            "static {}: [&str; {}] = [",
            locale.to_uppercase(),
            keys.len()
        );
        for key in &keys {
            let _ = writeln!(out, "    {:?},", table[*key]);
        }
        out.push_str("];\n");
    }
    let out_dir = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into());
    std::fs::write(Path::new(&out_dir).join("i18n_keys.rs"), out)
        .unwrap_or_else(|e| panic!("cannot write i18n_keys.rs: {e}"));
}

fn camel(key: &str) -> String {
    key.split('_')
        .map(|part| {
            let mut chars = part.chars();
            match chars.next() {
                Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
                None => String::new(),
            }
        })
        .collect()
}
