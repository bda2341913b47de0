//! Interface language: Vietnamese by default, English on request.
//!
//! The texts live in `app/locales/{vi,en}.json`; `build.rs` turns them into the [`Key`] enum and
//! two tables. The language is chosen by the `lang` cookie only (set by `/lang/{code}`), not by
//! `Accept-Language`: many Vietnamese phones run an English system UI, and a Vietnamese public
//! portal must not switch to English behind its users' backs.

use leptos::prelude::*;

include!(concat!(env!("OUT_DIR"), "/i18n_keys.rs"));

/// Name of the cookie that remembers the chosen language.
pub const LANG_COOKIE: &str = "lang";

/// A supported interface language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Locale {
    /// Tiếng Việt, the default.
    #[default]
    Vi,
    /// English.
    En,
}

impl Locale {
    /// Every supported language, in the order the switch shows them.
    pub const ALL: [Locale; 2] = [Locale::Vi, Locale::En];

    /// The BCP 47 code used in `<html lang>` and in the cookie.
    pub fn code(self) -> &'static str {
        match self {
            Locale::Vi => "vi",
            Locale::En => "en",
        }
    }

    /// The language's own name, for the switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::Vi => "Tiếng Việt",
            Locale::En => "English",
        }
    }

    /// Parses a language code; unknown codes give `None`.
    pub fn from_code(code: &str) -> Option<Locale> {
        match code.trim() {
            "vi" => Some(Locale::Vi),
            "en" => Some(Locale::En),
            _ => None,
        }
    }

    /// Reads the `lang` cookie from a `Cookie` header value; the default when absent.
    pub fn from_cookie_header(header: &str) -> Locale {
        header
            .split(';')
            .filter_map(|pair| pair.split_once('='))
            .find(|(name, _)| name.trim() == LANG_COOKIE)
            .and_then(|(_, value)| Locale::from_code(value))
            .unwrap_or_default()
    }

    /// The text for `key` in this language.
    pub fn t(self, key: Key) -> &'static str {
        let index = key as usize;
        match self {
            Locale::Vi => VI[index],
            Locale::En => EN[index],
        }
    }

    /// The text for `key` with `{name}` placeholders replaced.
    pub fn tf(self, key: Key, args: &[(&str, &dyn std::fmt::Display)]) -> String {
        let mut text = self.t(key).to_owned();
        for (name, value) in args {
            text = text.replace(&format!("{{{name}}}"), &value.to_string());
        }
        text
    }

    /// The staff history's label of a timeline event kind (`bo_event_<kind>`; the kinds are
    /// `domain::dossiers::timeline::EVENT_KINDS`). An untranslated kind shows as itself rather
    /// than vanish; the tests below make sure none is.
    pub fn event_label(self, kind: &str) -> String {
        Key::from_name(&format!("bo_event_{kind}"))
            .map_or_else(|| kind.to_owned(), |k| self.t(k).to_owned())
    }

    /// Formats a whole number with the language's thousands separator (`1.234` / `1,234`).
    pub fn number(self, n: u64) -> String {
        let sep = match self {
            Locale::Vi => '.',
            Locale::En => ',',
        };
        let digits = n.to_string();
        let mut out = String::with_capacity(digits.len() + digits.len() / 3);
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(sep);
            }
            out.push(c);
        }
        out
    }
}

/// The language of the current page: provided by the shell on the server, read back from
/// `<html lang>` in the browser so that hydration renders the same text.
pub fn use_locale() -> Locale {
    if let Some(locale) = use_context::<Locale>() {
        return locale;
    }
    #[cfg(feature = "hydrate")]
    {
        let from_document = document()
            .document_element()
            .and_then(|html| html.get_attribute("lang"))
            .and_then(|code| Locale::from_code(&code))
            .unwrap_or_default();
        provide_context(from_document);
        from_document
    }
    #[cfg(not(feature = "hydrate"))]
    {
        Locale::default()
    }
}

/// On the server: the language chosen by the request's cookie.
#[cfg(feature = "ssr")]
pub fn locale_from_request() -> Locale {
    use_context::<http::request::Parts>()
        .and_then(|parts| {
            parts
                .headers
                .get(http::header::COOKIE)
                .and_then(|v| v.to_str().ok())
                .map(Locale::from_cookie_header)
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookie_selects_language_and_defaults_to_vietnamese() {
        assert_eq!(Locale::from_cookie_header("a=1; lang=en"), Locale::En);
        assert_eq!(Locale::from_cookie_header("lang=xx"), Locale::Vi);
        assert_eq!(Locale::from_cookie_header(""), Locale::Vi);
    }

    #[test]
    fn numbers_use_the_local_separator() {
        assert_eq!(Locale::Vi.number(3321), "3.321");
        assert_eq!(Locale::En.number(1_234_567), "1,234,567");
        assert_eq!(Locale::En.number(999), "999");
    }

    #[test]
    fn placeholders_are_filled() {
        let text = Locale::Vi.tf(Key::HomeStatsProcedures, &[("n", &"12")]);
        assert!(text.contains("12"), "{text}");
        assert!(!text.contains("{n}"), "{text}");
    }
}

/// Every event kind the domain writes has its texts (issue 27: "bo_event_payment_paid" and
/// others showed raw in the staff history).
#[cfg(all(test, feature = "ssr"))]
mod event_kind_tests {
    use super::*;
    use domain::dossiers::timeline::{EVENT_KINDS, INTERNAL_KINDS};

    fn is_key_like(text: &str) -> bool {
        text.contains('_') && !text.contains(' ')
    }

    #[test]
    fn every_event_kind_reads_as_text_on_staff_pages() {
        for kind in EVENT_KINDS {
            let name = format!("bo_event_{kind}");
            assert!(
                Key::from_name(&name).is_some(),
                "{name} is missing from the locales"
            );
            for locale in Locale::ALL {
                let text = locale.event_label(kind);
                assert!(
                    !text.trim().is_empty() && text != *kind && !is_key_like(&text),
                    "{name} in {} reads {text:?}",
                    locale.code()
                );
            }
        }
    }

    /// Every public change the applicant is told of has a subject and a text in each language
    /// (a notice without them would go out empty).
    #[test]
    fn every_notice_kind_has_its_mail_texts() {
        for what in domain::dossiers::notice::KINDS {
            for part in ["subject", "what"] {
                let name = format!("mail_dossier_{what}_{part}");
                let Some(key) = Key::from_name(&name) else {
                    panic!("{name} is missing from the locales");
                };
                for locale in Locale::ALL {
                    let text = locale.t(key);
                    assert!(
                        !text.trim().is_empty() && !is_key_like(text),
                        "{name} in {} reads {text:?}",
                        locale.code()
                    );
                }
            }
        }
    }

    #[test]
    fn every_public_event_kind_reads_as_text_for_the_applicant() {
        for kind in EVENT_KINDS.iter().filter(|k| !INTERNAL_KINDS.contains(k)) {
            let name = format!("event_{kind}");
            let Some(key) = Key::from_name(&name) else {
                panic!("{name} is missing from the locales");
            };
            for locale in Locale::ALL {
                let text = locale.t(key);
                assert!(
                    !text.trim().is_empty() && !is_key_like(text),
                    "{name} in {} reads {text:?}",
                    locale.code()
                );
            }
        }
    }
}
