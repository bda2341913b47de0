//! Who may read `/metrics`: the request counts and timings by route tell an attacker which
//! features are used and how loaded the site is, so they are served only to the monitoring
//! system — from the addresses in `metrics_allow` (default loopback) or to a caller presenting
//! the bearer token from `PORTAL_METRICS_TOKEN`.
//!
//! The address is the TCP peer, never a forwarded one: behind a reverse proxy on the same host
//! every public request arrives from loopback, so a request carrying `X-Forwarded-For`,
//! `Forwarded` or `X-Real-IP` is not admitted by address at all, only by token.

use std::net::IpAddr;

use axum::http::{header, HeaderMap};

use domain::secrets;

use crate::forwarded::Network;

/// The default allow list: loopback only.
pub const DEFAULT_ALLOW: &str = "127.0.0.1/32, ::1/128";

/// Environment variable holding the metrics bearer token.
pub const METRICS_TOKEN_ENV: &str = "PORTAL_METRICS_TOKEN";

/// The metrics bearer token; its `Debug` never shows it (the configuration is logged).
#[derive(Clone, PartialEq, Eq)]
pub struct MetricsToken(String);

impl MetricsToken {
    /// Wraps a token (tests; the binary reads [`METRICS_TOKEN_ENV`]).
    pub fn new(token: &str) -> Option<MetricsToken> {
        let token = token.trim();
        (!token.is_empty()).then(|| MetricsToken(token.to_owned()))
    }

    /// The token from [`METRICS_TOKEN_ENV`], if set and not blank.
    pub fn from_env() -> Option<MetricsToken> {
        std::env::var(METRICS_TOKEN_ENV)
            .ok()
            .and_then(|t| Self::new(&t))
    }
}

impl std::fmt::Debug for MetricsToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("MetricsToken(…)")
    }
}

/// Parses `a.b.c.d`, `a.b.c.d/n`, `::1` or `fd00::/8`, separated by commas or spaces: the same
/// address and network rule as the trusted proxies ([`crate::forwarded::Network`]).
pub fn parse_list(text: &str) -> Result<Vec<Network>, String> {
    text.split([',', ' '])
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(str::parse)
        .collect()
}

/// True when the request may read the metrics: it presents the configured token, or it came
/// straight (no proxy headers) from an allowed `peer`. `peer` is `None` only for requests made
/// in-process (tests): the server always serves with the connection's address, so those count
/// as loopback.
pub fn allowed(
    allow: &str,
    token: Option<&MetricsToken>,
    peer: Option<IpAddr>,
    headers: &HeaderMap,
) -> bool {
    let presented = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    if let (Some(expected), Some(presented)) = (token, presented) {
        return secrets::constant_time_eq(presented.trim(), &expected.0);
    }
    let proxied = ["x-forwarded-for", "forwarded", "x-real-ip"]
        .iter()
        .any(|name| headers.contains_key(*name));
    if proxied {
        return false;
    }
    let peer = peer.unwrap_or(IpAddr::from([127, 0, 0, 1]));
    parse_list(allow)
        .unwrap_or_default()
        .iter()
        .any(|range| range.contains(peer))
}

#[cfg(test)]
mod tests {
    use super::*;

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap_or(IpAddr::from([0, 0, 0, 0]))
    }

    #[test]
    fn ranges_match_their_addresses_only() -> TestResult {
        let list = parse_list("10.0.0.0/8, 192.168.1.7 ::1 fd00::/8")?;
        let any = |a: &str| list.iter().any(|r| r.contains(ip(a)));
        assert!(any("10.200.3.4"));
        assert!(any("192.168.1.7"));
        assert!(!any("192.168.1.8"));
        assert!(any("::1"));
        assert!(any("fd12::5"));
        assert!(any("::ffff:10.1.2.3"));
        assert!(!any("11.0.0.1"));
        assert!(parse_list("0.0.0.0/0")?[0].contains(ip("8.8.8.8")));
        Ok(())
    }

    #[test]
    fn bad_entries_are_named() {
        assert!(parse_list("10.0.0.0/33").is_err_and(|e| e.contains("10.0.0.0/33")));
        assert!(parse_list("localhost").is_err_and(|e| e.contains("localhost")));
        assert!(parse_list(DEFAULT_ALLOW).is_ok());
    }

    #[test]
    fn proxied_requests_need_the_token() -> TestResult {
        let mut headers = HeaderMap::new();
        headers.insert("x-forwarded-for", "203.0.113.9".parse()?);
        assert!(!allowed(
            DEFAULT_ALLOW,
            None,
            Some(ip("127.0.0.1")),
            &headers
        ));
        let token = MetricsToken::new("s3cret");
        headers.insert(header::AUTHORIZATION, "Bearer s3cret".parse()?);
        assert!(allowed(DEFAULT_ALLOW, token.as_ref(), None, &headers));
        headers.insert(header::AUTHORIZATION, "Bearer wrong".parse()?);
        assert!(!allowed(
            DEFAULT_ALLOW,
            token.as_ref(),
            Some(ip("127.0.0.1")),
            &headers
        ));
        Ok(())
    }
}
