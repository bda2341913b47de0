//! The client's address behind reverse proxies, for rate limits and the audit log.
//!
//! `X-Forwarded-For` is a list every proxy appends to: `client, proxy1, proxy2`. Only the hops
//! added by our own proxies can be believed; anything to their left came from the client, who
//! may write whatever they like there. So the client address is the right-most hop that is not
//! one of our trusted proxies (the rule of RFC 7239 §7.4 and MDN's "X-Forwarded-For: selecting
//! an IP address"), and the header is only read at all when the peer itself is trusted.

use std::fmt;
use std::net::IpAddr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One trusted address or network: `10.0.0.7`, `10.0.0.0/8`, `fd00::/8`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Network {
    address: IpAddr,
    prefix: u8,
}

impl Network {
    /// Whether `ip` is inside this network (an IPv4-mapped IPv6 address counts as IPv4).
    pub fn contains(&self, ip: IpAddr) -> bool {
        match (self.address, ip.to_canonical()) {
            (IpAddr::V4(net), IpAddr::V4(ip)) => {
                let mask = u32::MAX
                    .checked_shl(32 - u32::from(self.prefix))
                    .unwrap_or(0);
                u32::from(net) & mask == u32::from(ip) & mask
            }
            (IpAddr::V6(net), IpAddr::V6(ip)) => {
                let mask = u128::MAX
                    .checked_shl(128 - u32::from(self.prefix))
                    .unwrap_or(0);
                u128::from(net) & mask == u128::from(ip) & mask
            }
            _ => false,
        }
    }
}

impl std::str::FromStr for Network {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let (address, prefix) = match text.split_once('/') {
            Some((a, p)) => (a, Some(p)),
            None => (text, None),
        };
        let address: IpAddr = address
            .parse()
            .map_err(|_| format!("{text:?} is not an IP address or CIDR network"))?;
        let address = address.to_canonical();
        let max = if address.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            None => max,
            Some(p) => p
                .parse::<u8>()
                .ok()
                .filter(|p| *p <= max)
                .ok_or_else(|| format!("{text:?}: the prefix length must be 0 to {max}"))?,
        };
        Ok(Network { address, prefix })
    }
}

impl fmt::Display for Network {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let max = if self.address.is_ipv4() { 32 } else { 128 };
        if self.prefix == max {
            write!(f, "{}", self.address)
        } else {
            write!(f, "{}/{}", self.address, self.prefix)
        }
    }
}

/// The reverse proxies whose `X-Forwarded-For` hops are believed (`trust_forwarded_for`).
/// Empty (written `false` or `""`) trusts none: the peer's address is the client's.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TrustedProxies(pub Vec<Network>);

impl TrustedProxies {
    /// Parses a list separated by commas or spaces; `false` and the empty string mean none.
    pub fn parse(text: &str) -> Result<TrustedProxies, String> {
        let text = text.trim();
        if text.is_empty() || text.eq_ignore_ascii_case("false") {
            return Ok(TrustedProxies::default());
        }
        if text.eq_ignore_ascii_case("true") {
            return Err(TRUE_REFUSED.to_owned());
        }
        text.split(|c: char| c == ',' || c.is_whitespace())
            .filter(|part| !part.is_empty())
            .map(str::parse)
            .collect::<Result<Vec<_>, _>>()
            .map(TrustedProxies)
    }

    /// Whether `ip` is one of the trusted proxies.
    pub fn trusts(&self, ip: IpAddr) -> bool {
        self.0.iter().any(|n| n.contains(ip))
    }

    /// The client address: the peer itself unless it is a trusted proxy; then the right-most
    /// `X-Forwarded-For` hop that is not a trusted proxy. A hop that is not an IP address stops
    /// the walk (the last trusted hop is used): only a client inside the trusted networks can
    /// have put it there.
    pub fn client_ip<'a>(
        &self,
        peer: Option<IpAddr>,
        forwarded_for: impl DoubleEndedIterator<Item = &'a str>,
    ) -> Option<IpAddr> {
        let peer = peer?.to_canonical();
        if !self.trusts(peer) {
            return Some(peer);
        }
        let mut client = peer;
        let hops = forwarded_for.rev().flat_map(|v| v.rsplit(','));
        for hop in hops {
            let Some(ip) = parse_hop(hop) else {
                break;
            };
            client = ip;
            if !self.trusts(ip) {
                break;
            }
        }
        Some(client)
    }
}

/// One hop: an address, possibly with a port (`1.2.3.4:5678`, `[2001:db8::1]:443`).
fn parse_hop(hop: &str) -> Option<IpAddr> {
    let hop = hop.trim();
    hop.parse::<IpAddr>()
        .ok()
        .or_else(|| hop.parse::<std::net::SocketAddr>().ok().map(|s| s.ip()))
        .map(|ip| ip.to_canonical())
}

const TRUE_REFUSED: &str = "`true` would believe any client's X-Forwarded-For; list the \
     reverse proxies' addresses or networks instead (e.g. `10.0.0.0/8`), or `false`";

impl Serialize for TrustedProxies {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let text = self
            .0
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        serializer.serialize_str(&text)
    }
}

impl<'de> Deserialize<'de> for TrustedProxies {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Flag(bool),
            Text(String),
            List(Vec<String>),
        }
        let parsed = match Raw::deserialize(deserializer)? {
            Raw::Flag(false) => Ok(TrustedProxies::default()),
            Raw::Flag(true) => Err(TRUE_REFUSED.to_owned()),
            Raw::Text(text) => TrustedProxies::parse(&text),
            Raw::List(items) => TrustedProxies::parse(&items.join(",")),
        };
        parsed.map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> Option<IpAddr> {
        text.parse().ok()
    }

    fn proxies(text: &str) -> TrustedProxies {
        TrustedProxies::parse(text).unwrap_or_default()
    }

    #[test]
    fn networks_parse_and_match() {
        let net: Network = "10.0.0.0/8".parse().unwrap_or(Network {
            address: IpAddr::from([0, 0, 0, 0]),
            prefix: 32,
        });
        assert!(net.contains("10.200.3.4".parse().unwrap_or(IpAddr::from([0; 4]))));
        assert!(!net.contains("11.0.0.1".parse().unwrap_or(IpAddr::from([0; 4]))));
        assert!(proxies("::ffff:127.0.0.1").trusts(IpAddr::from([127, 0, 0, 1])));
        assert!(proxies("0.0.0.0/0").trusts(IpAddr::from([8, 8, 8, 8])));
        assert!(TrustedProxies::parse("10.0.0.0/33").is_err());
        assert!(TrustedProxies::parse("proxy.example").is_err());
        assert!(TrustedProxies::parse("true").is_err());
        assert_eq!(
            TrustedProxies::parse("false"),
            Ok(TrustedProxies::default())
        );
        assert_eq!(
            proxies("10.0.0.1, 192.168.0.0/16 fd00::/8").0.len(),
            3,
            "commas or spaces"
        );
    }

    #[test]
    fn the_right_most_untrusted_hop_is_the_client() {
        let trusted = proxies("10.0.0.0/8");
        let peer = ip("10.0.0.1");
        // A forged left-most hop changes nothing.
        assert_eq!(
            trusted.client_ip(peer, ["6.6.6.6, 203.0.113.7"].into_iter()),
            ip("203.0.113.7")
        );
        assert_eq!(
            trusted.client_ip(peer, ["6.6.6.6", "203.0.113.7, 10.0.0.2"].into_iter()),
            ip("203.0.113.7")
        );
        // An untrusted peer's header is ignored.
        assert_eq!(
            trusted.client_ip(ip("198.51.100.1"), ["6.6.6.6"].into_iter()),
            ip("198.51.100.1")
        );
        // Trusting none ignores the header.
        assert_eq!(
            TrustedProxies::default().client_ip(peer, ["6.6.6.6"].into_iter()),
            peer
        );
        // Garbage stops the walk at the last trusted hop.
        assert_eq!(
            trusted.client_ip(peer, ["evil, 10.0.0.9"].into_iter()),
            ip("10.0.0.9")
        );
        assert_eq!(
            trusted.client_ip(peer, ["[2001:db8::1]:443"].into_iter()),
            ip("2001:db8::1")
        );
        assert_eq!(trusted.client_ip(peer, std::iter::empty()), peer);
    }
}
