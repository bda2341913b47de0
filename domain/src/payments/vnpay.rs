//! The VNPay payment gateway's protocol, version 2.1.0, as pure functions: the signed payment
//! URL, checking the signature of a return or IPN call, the IPN answer codes, and the signed
//! bodies of the `querydr` (transaction status) and `refund` calls.
//!
//! Signing follows VNPay's reference code: the `vnp_*` parameters, without the hash itself,
//! sorted by name, each `urlencode(name)=urlencode(value)` (PHP's `urlencode`: space as `+`,
//! everything but letters, digits and `-_.` percent-encoded), joined with `&`, signed with
//! HMAC-SHA512 under the merchant's secret, as lower-case hex. The API calls sign their fields
//! joined with `|` in a fixed order. The test suite checks both against a script in Python.

use std::collections::BTreeMap;

use ring::hmac;

/// Protocol version.
pub const VERSION: &str = "2.1.0";

/// What the merchant answers an IPN call (the gateway retries until it gets one of these).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IpnCode {
    /// `00`: the payment is recorded.
    Confirmed,
    /// `01`: no such order.
    OrderNotFound,
    /// `02`: the order was already confirmed (a replay changes nothing).
    AlreadyConfirmed,
    /// `04`: the amount is not the order's.
    WrongAmount,
    /// `97`: the signature does not match.
    BadSignature,
    /// `99`: anything else.
    OtherError,
}

impl IpnCode {
    /// The `RspCode` sent back.
    pub fn code(self) -> &'static str {
        match self {
            IpnCode::Confirmed => "00",
            IpnCode::OrderNotFound => "01",
            IpnCode::AlreadyConfirmed => "02",
            IpnCode::WrongAmount => "04",
            IpnCode::BadSignature => "97",
            IpnCode::OtherError => "99",
        }
    }

    /// The `Message` sent back (VNPay's documented wording).
    pub fn message(self) -> &'static str {
        match self {
            IpnCode::Confirmed => "Confirm Success",
            IpnCode::OrderNotFound => "Order not found",
            IpnCode::AlreadyConfirmed => "Order already confirmed",
            IpnCode::WrongAmount => "invalid amount",
            IpnCode::BadSignature => "Invalid signature",
            IpnCode::OtherError => "Unknown error",
        }
    }

    /// The JSON body of the answer.
    pub fn body(self) -> serde_json::Value {
        serde_json::json!({ "RspCode": self.code(), "Message": self.message() })
    }
}

/// PHP's `urlencode`.
pub fn urlencode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => out.push(char::from(b)),
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Lower-case hex HMAC-SHA512 of `data` under `secret`.
pub fn hmac_sha512(secret: &str, data: &str) -> String {
    let key = hmac::Key::new(hmac::HMAC_SHA512, secret.as_bytes());
    hex::encode(hmac::sign(&key, data.as_bytes()).as_ref())
}

/// The signed string of a parameter set: sorted, encoded, joined (the hash fields left out).
pub fn hash_data(params: &BTreeMap<String, String>) -> String {
    params
        .iter()
        .filter(|(k, v)| {
            k.starts_with("vnp_")
                && k.as_str() != "vnp_SecureHash"
                && k.as_str() != "vnp_SecureHashType"
                && !v.is_empty()
        })
        .map(|(k, v)| format!("{}={}", urlencode(k), urlencode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// The payment page address: `gateway_url?<params>&vnp_SecureHash=<hash>`.
pub fn payment_url(gateway_url: &str, secret: &str, params: &BTreeMap<String, String>) -> String {
    let data = hash_data(params);
    format!(
        "{gateway_url}?{data}&vnp_SecureHash={}",
        hmac_sha512(secret, &data)
    )
}

/// True when `params` (a return or IPN call) carry a valid `vnp_SecureHash`. Compared in time
/// independent of where the hashes differ.
pub fn verify(secret: &str, params: &BTreeMap<String, String>) -> bool {
    let Some(given) = params.get("vnp_SecureHash") else {
        return false;
    };
    let expected = hmac_sha512(secret, &hash_data(params));
    crate::secrets::constant_time_eq(&given.to_ascii_lowercase(), &expected)
}

/// The pipe-joined signature of an API call's `fields` in their documented order.
pub fn api_hash(secret: &str, fields: &[&str]) -> String {
    hmac_sha512(secret, &fields.join("|"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn php_urlencode() {
        assert_eq!(
            urlencode("Thanh toan ho so 000.00.02-1"),
            "Thanh+toan+ho+so+000.00.02-1"
        );
        assert_eq!(urlencode("a~b*c/d:e"), "a%7Eb%2Ac%2Fd%3Ae");
        assert_eq!(urlencode("Lệ phí"), "L%E1%BB%87+ph%C3%AD");
    }

    #[test]
    fn a_changed_parameter_breaks_the_signature() {
        let mut p = BTreeMap::new();
        p.insert("vnp_Amount".to_owned(), "5000000".to_owned());
        p.insert("vnp_TxnRef".to_owned(), "ABC".to_owned());
        let hash = hmac_sha512("SECRET", &hash_data(&p));
        p.insert("vnp_SecureHash".to_owned(), hash.to_uppercase());
        assert!(verify("SECRET", &p));
        assert!(!verify("OTHER", &p));
        p.insert("vnp_Amount".to_owned(), "5000001".to_owned());
        assert!(!verify("SECRET", &p));
        p.remove("vnp_SecureHash");
        assert!(!verify("SECRET", &p));
    }
}
