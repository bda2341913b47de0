//! A local OpenID provider standing in for the national electronic identity system, mounted
//! under `/gia-lap/dinh-danh` when `national_id_simulator` is on (never in production).
//!
//! It speaks the real protocol — discovery, the authorization endpoint with its consent page,
//! single-use codes bound to the client, redirect URI and PKCE challenge, the token endpoint
//! with client authentication and RFC 6749 §5.2 errors, ES256-signed ID tokens, the JWKS and
//! userinfo — so the client is exercised exactly as against the real provider.
//!
//! Codes and access tokens live in this process's memory and the signing key is generated at
//! start-up: the simulator serves one development instance, and a restart signs everyone out
//! of it (the portal then refetches the JWKS on the unknown `kid`). At most
//! [`super::memory::MAX_KEPT`] codes and as many access tokens are outstanding: past that,
//! the oldest is forgotten.
//!
//! Here: the simulator's state, its demo identities, discovery and the JWKS. Beside them,
//! `authorize` is the authorization endpoint with its consent page, and `token` the token and
//! userinfo endpoints.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::{Datelike, NaiveDate, Utc};
use ring::rand::{SecureRandom, SystemRandom};
use ring::signature::{EcdsaKeyPair, ECDSA_P256_SHA256_FIXED_SIGNING};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::config::Config;
use crate::national_id::id_token::{es256_public_jwk, Jwks};

mod authorize;
mod token;

/// Where the simulator is mounted (outside production only).
pub const MOUNT: &str = "/gia-lap/dinh-danh";
const DISCOVERY: &str = "/.well-known/openid-configuration";
const AUTHORIZE: &str = "/authorize";
const TOKEN: &str = "/token";
const JWKS: &str = "/jwks";
const USERINFO: &str = "/userinfo";
/// Every route of the simulator (method, path below [`MOUNT`]).
pub const PATHS: &[(&str, &str)] = &[
    ("GET", DISCOVERY),
    ("GET", AUTHORIZE),
    ("POST", AUTHORIZE),
    ("POST", TOKEN),
    ("GET", JWKS),
    ("GET", USERINFO),
    ("POST", USERINFO),
];

/// Keeps at most [`super::memory::MAX_KEPT`] entries before one more is inserted: the
/// expired ones go first, then the one expiring soonest (the oldest, as lifetimes are equal).
fn make_room<V>(map: &mut HashMap<String, V>, expires: impl Fn(&V) -> Instant) {
    let now = Instant::now();
    map.retain(|_, v| expires(v) > now);
    while map.len() >= super::memory::MAX_KEPT {
        let Some(oldest) = map
            .iter()
            .min_by_key(|(_, v)| expires(*v))
            .map(|(k, _)| k.clone())
        else {
            break;
        };
        map.remove(&oldest);
    }
}

/// Where the demo identities are read from, under `seed_dir`.
pub const IDENTITIES_FILE: &str = "demo/national_identities.json";

/// An authorization code is valid this long (RFC 6749 §4.1.2 recommends at most ten minutes).
const CODE_LIFETIME: Duration = Duration::from_secs(60);

/// Lifetime of ID and access tokens.
const TOKEN_LIFETIME_SECS: i64 = 300;

/// A demo citizen one can sign in as.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoIdentity {
    /// Stable subject identifier.
    pub sub: String,
    /// Full name.
    pub name: String,
    /// 12-digit personal identification number, consistent with `birthdate` and `gender`.
    pub citizen_id: String,
    /// Date of birth.
    pub birthdate: NaiveDate,
    /// `male` or `female` (the century/sex digit of the ID depends on it).
    pub gender: String,
    /// E-mail address.
    pub email: String,
    /// Phone number in E.164 form.
    pub phone_number: String,
}

impl DemoIdentity {
    /// The ID with its middle hidden, as shown on the consent page.
    fn masked_citizen_id(&self) -> String {
        let id = &self.citizen_id;
        format!(
            "{}******{}",
            id.get(..3).unwrap_or_default(),
            id.get(9..).unwrap_or_default()
        )
    }
}

/// Checks a 12-digit personal identification number against the holder's birth year and sex
/// (Thông tư 07/2016/TT-BCA, Điều 7): province code (3 digits), century/sex digit (0/1 for
/// men/women born 1900–1999, 2/3 for 2000–2099, 4/5 for 2100–2199), the last two digits of the
/// birth year, then six random digits.
pub fn check_citizen_id(id: &str, birthdate: NaiveDate, gender: &str) -> Result<(), String> {
    if id.len() != 12 || !id.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("{id:?} is not 12 digits"));
    }
    let year = birthdate.year();
    let century = match year {
        1900..=1999 => 0,
        2000..=2099 => 2,
        2100..=2199 => 4,
        _ => return Err(format!("birth year {year} has no century code")),
    };
    let sex = match gender {
        "male" => 0,
        "female" => 1,
        other => return Err(format!("gender {other:?} is neither male nor female")),
    };
    let digit = id.as_bytes()[3] - b'0';
    if digit != century + sex {
        return Err(format!(
            "{id}: 4th digit {digit} does not match {gender} born {year}"
        ));
    }
    if id[4..6] != format!("{:02}", year % 100) {
        return Err(format!("{id}: digits 5–6 do not match birth year {year}"));
    }
    Ok(())
}

struct Grant {
    client_id: String,
    redirect_uri: String,
    code_challenge: String,
    nonce: Option<String>,
    identity: usize,
    expires: Instant,
}

/// The simulated provider: its configuration, demo identities, key and outstanding codes.
pub struct Simulator {
    issuer: String,
    client_id: String,
    client_secret: String,
    redirect_uri: String,
    citizen_id_claim: String,
    identities: Vec<DemoIdentity>,
    key: EcdsaKeyPair,
    kid: String,
    rng: SystemRandom,
    codes: Mutex<HashMap<String, Grant>>,
    access_tokens: Mutex<HashMap<String, (usize, Instant)>>,
}

impl Simulator {
    /// Reads the demo identities from `seed_dir` and generates a signing key. The simulator
    /// always plays the provider at `{public_url}/gia-lap/dinh-danh`, whatever
    /// `national_id_issuer` says.
    pub fn from_config(config: &Config) -> anyhow::Result<Simulator> {
        let path: PathBuf = config.seed_dir.join(IDENTITIES_FILE);
        let text = std::fs::read_to_string(&path).map_err(|e| {
            anyhow::anyhow!(
                "national_id_simulator needs {} (seed_dir): {e}",
                path.display()
            )
        })?;
        let identities: Vec<DemoIdentity> =
            serde_json::from_str(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
        if identities.is_empty() {
            anyhow::bail!("{}: no demo identities", path.display());
        }
        for identity in &identities {
            check_citizen_id(&identity.citizen_id, identity.birthdate, &identity.gender)
                .map_err(|e| anyhow::anyhow!("{}: {}: {e}", path.display(), identity.name))?;
        }
        let rng = SystemRandom::new();
        let pkcs8 = EcdsaKeyPair::generate_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, &rng)
            .map_err(|_| anyhow::anyhow!("cannot generate the simulator's signing key"))?;
        let key = EcdsaKeyPair::from_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, pkcs8.as_ref(), &rng)
            .map_err(|e| anyhow::anyhow!("simulator signing key: {e}"))?;
        let base = config.public_url.trim_end_matches('/');
        Ok(Simulator {
            issuer: format!("{base}/gia-lap/dinh-danh"),
            client_id: config.national_id_client_id.clone(),
            client_secret: config.national_id_client_secret.clone(),
            redirect_uri: config.national_id_redirect_uri(),
            citizen_id_claim: config.national_id_citizen_id_claim.clone(),
            identities,
            kid: format!("sim-{}", Utc::now().timestamp()),
            key,
            rng,
            codes: Mutex::new(HashMap::new()),
            access_tokens: Mutex::new(HashMap::new()),
        })
    }

    /// The demo identities offered on the consent page.
    pub fn identities(&self) -> &[DemoIdentity] {
        &self.identities
    }

    fn random(&self) -> Option<String> {
        let mut bytes = [0u8; 32];
        self.rng.fill(&mut bytes).ok()?;
        Some(URL_SAFE_NO_PAD.encode(bytes))
    }
}

/// The simulator's routes, to be nested under `/gia-lap/dinh-danh`.
pub fn routes<S>(simulator: Arc<Simulator>) -> Router<S> {
    Router::new()
        .route(DISCOVERY, get(discovery))
        .route(
            AUTHORIZE,
            get(authorize::authorize_page).post(authorize::authorize_decision),
        )
        .route(TOKEN, axum::routing::post(token::token))
        .route(JWKS, get(jwks))
        .route(USERINFO, get(token::userinfo).post(token::userinfo))
        .with_state(simulator)
}

async fn discovery(State(sim): State<Arc<Simulator>>) -> Json<Value> {
    let issuer = &sim.issuer;
    Json(json!({
        "issuer": issuer,
        "authorization_endpoint": format!("{issuer}/authorize"),
        "token_endpoint": format!("{issuer}/token"),
        "userinfo_endpoint": format!("{issuer}/userinfo"),
        "jwks_uri": format!("{issuer}/jwks"),
        "scopes_supported": ["openid", "profile", "email", "phone"],
        "response_types_supported": ["code"],
        "response_modes_supported": ["query"],
        "grant_types_supported": ["authorization_code"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["ES256"],
        "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
        "code_challenge_methods_supported": ["S256"],
        "claims_supported": [
            "sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "name", "birthdate",
            "gender", "email", "email_verified", "phone_number", "phone_number_verified",
            sim.citizen_id_claim,
        ],
        "ui_locales_supported": ["vi"],
    }))
}

async fn jwks(State(sim): State<Arc<Simulator>>) -> Json<Jwks> {
    Json(Jwks {
        keys: vec![es256_public_jwk(&sim.key, &sim.kid)],
    })
}

#[cfg(test)]
mod tests {
    use super::token::form_decode;
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn citizen_ids_encode_century_sex_and_year() {
        assert!(check_citizen_id("079085001234", date(1985, 3, 12), "male").is_ok());
        assert!(check_citizen_id("072192004567", date(1992, 7, 25), "female").is_ok());
        assert!(check_citizen_id("072203007890", date(2003, 1, 9), "male").is_ok());
        assert!(check_citizen_id("001301002468", date(2001, 11, 30), "female").is_ok());
        assert!(check_citizen_id("079185001234", date(1985, 3, 12), "male").is_err());
        assert!(check_citizen_id("079086001234", date(1985, 3, 12), "male").is_err());
        assert!(check_citizen_id("07908500123", date(1985, 3, 12), "male").is_err());
    }

    #[test]
    fn the_seed_identities_are_valid() -> Result<(), Box<dyn std::error::Error>> {
        let path = domain::testing::seed_dir().join(IDENTITIES_FILE);
        let identities: Vec<DemoIdentity> = serde_json::from_str(&std::fs::read_to_string(path)?)?;
        assert!((3..=5).contains(&identities.len()));
        for i in &identities {
            check_citizen_id(&i.citizen_id, i.birthdate, &i.gender)?;
        }
        Ok(())
    }

    #[test]
    fn html_is_escaped() {
        assert_eq!(
            crate::html::escape(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }

    #[test]
    fn form_values_decode() {
        assert_eq!(form_decode("a+b%3Ac%25").as_deref(), Some("a b:c%"));
        assert_eq!(form_decode("%zz"), None);
        assert_eq!(form_decode("%4"), None);
    }
}
