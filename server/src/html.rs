//! Escaping text for the few HTML pages the server writes itself, outside Leptos (the conflict
//! page of a save, the simulators' pages): one function, so none of them forgets a character.

/// `text` with `&`, `<`, `>`, `"` and `'` written as entities, safe inside an element or a
/// quoted attribute.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Hidden form inputs carrying `pairs` (name, value), escaped: how the server's own pages post
/// back what was sent to them.
pub fn hidden_inputs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    pairs
        .into_iter()
        .map(|(k, v)| {
            format!(
                "<input type=\"hidden\" name=\"{}\" value=\"{}\">",
                escape(k),
                escape(v)
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_special_character_is_an_entity() {
        assert_eq!(
            super::escape(r#"<a href="x">Tom & Jerry's</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;"
        );
    }
}
