//! The one rule for where the portal may send a browser after sign-in, a language switch or any
//! other `next` / `return_to` parameter: a path on this site, never another site (an open
//! redirect lets a phishing link borrow the portal's address, OWASP "Unvalidated Redirects and
//! Forwards").
//!
//! Every caller (server functions in `app`, routes in `server`) goes through [`local_path`], so
//! the rule is checked, and property-tested against a WHATWG URL parser, in one place.

/// `candidate` if it is a path on this site, else `None`.
///
/// Accepted: a path starting with a single `/` (with an optional query and fragment). Refused:
/// - anything not starting with `/`: `https://evil.example`, `javascript:…`, `evil.example`;
/// - `//evil.example` (a scheme-relative URL: another host);
/// - any backslash (`/\evil.example`: browsers read `\` as `/` in http(s) URLs);
/// - any control character or whitespace anywhere: browsers drop TAB, CR and LF inside URLs, so
///   `/<TAB>/evil.example` becomes `//evil.example`; a space or NUL has no business in a path
///   we produced ourselves either;
/// - anything longer than [`MAX_LEN`] bytes.
pub fn local_path(candidate: &str) -> Option<&str> {
    let rest = candidate.strip_prefix('/')?;
    let refused = candidate.len() > MAX_LEN
        || rest.starts_with('/')
        || candidate
            .chars()
            .any(|c| c == '\\' || c.is_control() || c.is_whitespace());
    (!refused).then_some(candidate)
}

/// [`local_path`] of `candidate`, or `default` (itself a local path chosen by the caller) when
/// there is no candidate or it is refused.
pub fn local_path_or<'a>(candidate: Option<&'a str>, default: &'a str) -> &'a str {
    candidate.and_then(local_path).unwrap_or(default)
}

/// Longest `next` kept (longer ones are refused): a real page address is far shorter, and a
/// redirect to a huge URL is only good for filling logs.
pub const MAX_LEN: usize = 2048;

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    #[rstest]
    #[case("/")]
    #[case("/ho-so")]
    #[case("/thu-tuc?q=khai+sinh&trang=2")]
    #[case("/thu-tuc/dang-ky-khai-sinh#thanh-phan")]
    #[case("/%09/evil.example")]
    #[case("/tra-cứu")]
    fn local_paths_are_kept(#[case] path: &str) {
        assert_eq!(local_path(path), Some(path));
    }

    #[rstest]
    #[case("")]
    #[case("ho-so")]
    #[case("//evil.example")]
    #[case("///evil.example")]
    #[case("/\\evil.example")]
    #[case("/ho-so\\..\\x")]
    #[case("\\\\evil.example")]
    #[case("/\t/evil.example")]
    #[case("/\n/evil.example")]
    #[case("/\r/evil.example")]
    #[case("/ /evil.example")]
    #[case("/\u{0}x")]
    #[case("/\u{7f}x")]
    #[case("/\u{3000}x")]
    #[case("https://evil.example")]
    #[case("javascript:alert(1)")]
    #[case(" /ho-so")]
    fn other_sites_are_refused(#[case] path: &str) {
        assert_eq!(local_path(path), None);
    }

    #[test]
    fn the_default_replaces_a_refused_path() {
        assert_eq!(
            local_path_or(Some("//evil.example"), "/tai-khoan"),
            "/tai-khoan"
        );
        assert_eq!(local_path_or(None, "/"), "/");
        assert_eq!(local_path_or(Some("/ho-so"), "/"), "/ho-so");
        assert_eq!(local_path(&format!("/{}", "a".repeat(MAX_LEN))), None);
    }
}
