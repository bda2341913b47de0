//! ID-token checks of OpenID Connect Core 1.0 §3.1.3.7: a compact JWS (RFC 7515) signed with
//! RS256 or ES256 by a key of the provider's JWKS (RFC 7517), whose claims name our issuer,
//! our client and our nonce and are still valid. Also the ES256 signing half, used by the
//! simulator (and the tests) so both sides share one encoding.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use ring::rand::SecureRandom;
use ring::signature::{self, EcdsaKeyPair, KeyPair};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Seconds of clock difference tolerated between the provider and us (`exp`, `iat`).
pub const LEEWAY_SECS: i64 = 60;

/// One public key of a JSON Web Key Set (only the members we use).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Jwk {
    /// Key type: `RSA` or `EC`.
    pub kty: String,
    /// Key id, matched against the token header's `kid`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kid: Option<String>,
    /// Algorithm the key is meant for, if the provider says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alg: Option<String>,
    /// `sig` or `enc`; keys meant for encryption must not verify signatures.
    #[serde(default, rename = "use", skip_serializing_if = "Option::is_none")]
    pub use_: Option<String>,
    /// RSA modulus (base64url, big-endian).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub n: Option<String>,
    /// RSA public exponent (base64url, big-endian).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub e: Option<String>,
    /// EC curve: only `P-256` is accepted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub crv: Option<String>,
    /// EC point x coordinate (base64url, 32 bytes for P-256).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x: Option<String>,
    /// EC point y coordinate (base64url, 32 bytes for P-256).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub y: Option<String>,
}

/// A JSON Web Key Set as served at the provider's `jwks_uri`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Jwks {
    /// The keys; unknown key types are kept but never match.
    pub keys: Vec<Jwk>,
}

/// What the token must say about who issued it and for which sign-in.
#[derive(Clone, Copy, Debug)]
pub struct Expected<'a> {
    /// The configured issuer (exact string match, §3.1.3.7 step 2).
    pub issuer: &'a str,
    /// Our client id, which `aud` must contain (step 3).
    pub client_id: &'a str,
    /// The nonce stored with the flow (step 11).
    pub nonce: &'a str,
    /// Current time, seconds since the Unix epoch.
    pub now: i64,
}

/// Why an ID token was refused. Logged, never shown: the page only says the sign-in failed.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum IdTokenError {
    /// Not three base64url parts of JSON.
    #[error("malformed token: {0}")]
    Malformed(&'static str),
    /// `none`, HMAC or any algorithm other than RS256/ES256.
    #[error("algorithm {0:?} is not accepted")]
    UnsupportedAlgorithm(String),
    /// No key of the JWKS has this `kid` (the caller may refetch the JWKS once).
    #[error("no key with kid {0:?}")]
    UnknownKey(Option<String>),
    /// The key found cannot verify this algorithm, or is itself malformed.
    #[error("key unusable: {0}")]
    UnusableKey(&'static str),
    /// The signature does not match the header and payload.
    #[error("bad signature")]
    BadSignature,
    /// `iss` is not the configured issuer.
    #[error("wrong issuer {0:?}")]
    WrongIssuer(String),
    /// `aud` does not contain our client id, or `azp` names another client.
    #[error("token not issued for this client")]
    WrongAudience,
    /// `exp` has passed (beyond the leeway).
    #[error("expired")]
    Expired,
    /// `iat` is in the future (beyond the leeway).
    #[error("issued in the future")]
    IssuedInFuture,
    /// `nonce` differs from the one of this sign-in (a replayed or injected token).
    #[error("wrong nonce")]
    WrongNonce,
    /// A required claim is missing or has the wrong type.
    #[error("missing or invalid claim {0}")]
    MissingClaim(&'static str),
}

#[derive(Deserialize)]
struct Header {
    alg: String,
    #[serde(default)]
    kid: Option<String>,
    #[serde(default)]
    crit: Option<Value>,
}

/// Checks `token`'s signature against `keys` and its claims against `expected`; returns the
/// claims.
pub fn verify(
    token: &str,
    keys: &Jwks,
    expected: &Expected<'_>,
) -> Result<Map<String, Value>, IdTokenError> {
    let mut parts = token.split('.');
    let (Some(header_b64), Some(payload_b64), Some(signature_b64), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(IdTokenError::Malformed("not three parts"));
    };
    let header: Header = decode_json(header_b64, "header")?;
    if header.alg != "RS256" && header.alg != "ES256" {
        return Err(IdTokenError::UnsupportedAlgorithm(header.alg));
    }
    if header.crit.is_some() {
        // RFC 7515 §4.1.11: extensions we do not understand make the token invalid.
        return Err(IdTokenError::Malformed("crit header"));
    }
    let signature = URL_SAFE_NO_PAD
        .decode(signature_b64)
        .map_err(|_| IdTokenError::Malformed("signature not base64url"))?;
    let key = find_key(keys, &header)?;
    let signed = &token[..header_b64.len() + 1 + payload_b64.len()];
    verify_signature(&header.alg, key, signed.as_bytes(), &signature)?;

    let claims: Map<String, Value> = decode_json(payload_b64, "payload")?;
    check_claims(&claims, expected)?;
    Ok(claims)
}

fn decode_json<T: serde::de::DeserializeOwned>(
    part: &str,
    what: &'static str,
) -> Result<T, IdTokenError> {
    let bytes = URL_SAFE_NO_PAD
        .decode(part)
        .map_err(|_| IdTokenError::Malformed(what))?;
    serde_json::from_slice(&bytes).map_err(|_| IdTokenError::Malformed(what))
}

/// The key named by the header's `kid`; without a `kid`, the only key usable for the algorithm.
fn find_key<'k>(keys: &'k Jwks, header: &Header) -> Result<&'k Jwk, IdTokenError> {
    let kty = if header.alg == "RS256" { "RSA" } else { "EC" };
    let usable = |k: &&Jwk| {
        k.kty == kty
            && k.use_.as_deref().is_none_or(|u| u == "sig")
            && k.alg.as_deref().is_none_or(|a| a == header.alg)
    };
    match &header.kid {
        Some(kid) => {
            let key = keys
                .keys
                .iter()
                .find(|k| k.kid.as_deref() == Some(kid.as_str()))
                .ok_or_else(|| IdTokenError::UnknownKey(Some(kid.clone())))?;
            if usable(&key) {
                Ok(key)
            } else {
                Err(IdTokenError::UnusableKey("key type, use or alg mismatch"))
            }
        }
        None => {
            let mut candidates = keys.keys.iter().filter(usable);
            match (candidates.next(), candidates.next()) {
                (Some(key), None) => Ok(key),
                _ => Err(IdTokenError::UnknownKey(None)),
            }
        }
    }
}

fn b64_member(value: Option<&String>, what: &'static str) -> Result<Vec<u8>, IdTokenError> {
    let value = value.ok_or(IdTokenError::UnusableKey(what))?;
    URL_SAFE_NO_PAD
        .decode(value)
        .map_err(|_| IdTokenError::UnusableKey(what))
}

fn verify_signature(
    alg: &str,
    key: &Jwk,
    signed: &[u8],
    signature: &[u8],
) -> Result<(), IdTokenError> {
    match alg {
        "RS256" => {
            let n = b64_member(key.n.as_ref(), "RSA n")?;
            let e = b64_member(key.e.as_ref(), "RSA e")?;
            signature::RsaPublicKeyComponents { n: &n, e: &e }
                .verify(&signature::RSA_PKCS1_2048_8192_SHA256, signed, signature)
                .map_err(|_| IdTokenError::BadSignature)
        }
        "ES256" => {
            if key.crv.as_deref() != Some("P-256") {
                return Err(IdTokenError::UnusableKey("EC curve is not P-256"));
            }
            let x = b64_member(key.x.as_ref(), "EC x")?;
            let y = b64_member(key.y.as_ref(), "EC y")?;
            if x.len() != 32 || y.len() != 32 {
                return Err(IdTokenError::UnusableKey("EC coordinates are not 32 bytes"));
            }
            let mut point = Vec::with_capacity(65);
            point.push(0x04);
            point.extend_from_slice(&x);
            point.extend_from_slice(&y);
            signature::UnparsedPublicKey::new(&signature::ECDSA_P256_SHA256_FIXED, &point)
                .verify(signed, signature)
                .map_err(|_| IdTokenError::BadSignature)
        }
        other => Err(IdTokenError::UnsupportedAlgorithm(other.to_owned())),
    }
}

fn check_claims(claims: &Map<String, Value>, expected: &Expected<'_>) -> Result<(), IdTokenError> {
    let iss = claims
        .get("iss")
        .and_then(Value::as_str)
        .ok_or(IdTokenError::MissingClaim("iss"))?;
    if iss != expected.issuer {
        return Err(IdTokenError::WrongIssuer(iss.to_owned()));
    }
    match claims.get("sub").and_then(Value::as_str) {
        Some(sub) if !sub.is_empty() => {}
        _ => return Err(IdTokenError::MissingClaim("sub")),
    }
    let audiences: Vec<&str> = match claims.get("aud") {
        Some(Value::String(aud)) => vec![aud.as_str()],
        Some(Value::Array(list)) => list.iter().filter_map(Value::as_str).collect(),
        _ => return Err(IdTokenError::MissingClaim("aud")),
    };
    if !audiences.contains(&expected.client_id) {
        return Err(IdTokenError::WrongAudience);
    }
    // §3.1.3.7 steps 4–5: with several audiences `azp` must be present, and whenever it is
    // present it must be us.
    match claims.get("azp").map(Value::as_str) {
        Some(Some(azp)) if azp == expected.client_id => {}
        Some(_) => return Err(IdTokenError::WrongAudience),
        None if audiences.len() > 1 => return Err(IdTokenError::WrongAudience),
        None => {}
    }
    let exp = claims
        .get("exp")
        .and_then(Value::as_i64)
        .ok_or(IdTokenError::MissingClaim("exp"))?;
    if exp + LEEWAY_SECS <= expected.now {
        return Err(IdTokenError::Expired);
    }
    let iat = claims
        .get("iat")
        .and_then(Value::as_i64)
        .ok_or(IdTokenError::MissingClaim("iat"))?;
    if iat > expected.now + LEEWAY_SECS {
        return Err(IdTokenError::IssuedInFuture);
    }
    match claims.get("nonce").and_then(Value::as_str) {
        Some(nonce) if nonce == expected.nonce => Ok(()),
        Some(_) => Err(IdTokenError::WrongNonce),
        None => Err(IdTokenError::MissingClaim("nonce")),
    }
}

/// The public half of an ES256 key pair as a JWK (what the simulator serves at `/jwks`).
pub fn es256_public_jwk(key: &EcdsaKeyPair, kid: &str) -> Jwk {
    // ring gives the uncompressed SEC1 point: 0x04 || x (32 bytes) || y (32 bytes).
    let coordinates = key.public_key().as_ref().get(1..).unwrap_or_default();
    let (x, y) = coordinates.split_at(coordinates.len() / 2);
    Jwk {
        kty: "EC".into(),
        kid: Some(kid.into()),
        alg: Some("ES256".into()),
        use_: Some("sig".into()),
        crv: Some("P-256".into()),
        x: Some(URL_SAFE_NO_PAD.encode(x)),
        y: Some(URL_SAFE_NO_PAD.encode(y)),
        ..Jwk::default()
    }
}

/// Signs `claims` as a compact JWS with ES256 (a fixed-length `r || s` signature, RFC 7518
/// §3.4, which is what ring's `*_FIXED_SIGNING` produces).
pub fn sign_es256(
    key: &EcdsaKeyPair,
    kid: &str,
    claims: &Value,
    rng: &dyn SecureRandom,
) -> Result<String, ring::error::Unspecified> {
    let header = serde_json::json!({ "alg": "ES256", "typ": "JWT", "kid": kid });
    let signing_input = format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(header.to_string()),
        URL_SAFE_NO_PAD.encode(claims.to_string())
    );
    let signature = key.sign(rng, signing_input.as_bytes())?;
    Ok(format!(
        "{signing_input}.{}",
        URL_SAFE_NO_PAD.encode(signature.as_ref())
    ))
}

#[cfg(test)]
#[allow(clippy::expect_used, reason = "tests fail loudly on setup errors")]
mod tests;
