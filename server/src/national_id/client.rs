//! The OpenID Connect relying party: discovery (OpenID Connect Discovery 1.0), the
//! authorization-code flow with PKCE S256 (RFC 7636), the token request with
//! `client_secret_basic` (RFC 6749 §2.3.1, §4.1.3) and ID-token validation.
//!
//! The flow in progress (the SHA-256 of `state`, the nonce, the verifier, where to return) is
//! sealed into a short-lived, HttpOnly, SameSite=Lax cookie of the browser that started it
//! ([`FlowCookie`], ChaCha20-Poly1305 under a key derived from the client secret), not a row:
//! starting a sign-in writes nothing, the provider may send the browser back to any instance,
//! and a callback whose `state` this browser did not start is refused (login CSRF, OpenID
//! Connect Core §3.1.2.1 / RFC 6749 §10.12). A completed flow is recorded as spent in
//! `national_id_flow`, so a replayed callback is refused even with a stolen cookie.
//! Discovery and the JWKS are cached per instance.

use std::sync::RwLock;
use std::time::{Duration, Instant};

use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine;
use chrono::Utc;
use reqwest::Url;
use ring::aead::{Aad, LessSafeKey, Nonce, UnboundKey, CHACHA20_POLY1305, NONCE_LEN};
use ring::rand::{SecureRandom, SystemRandom};
use sea_orm::{ActiveModelTrait, DatabaseConnection, EntityTrait, Set};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use domain::entities::national_id_flow;

use super::id_token::{self, Expected, IdTokenError, Jwks};
use super::{NationalIdError, VerifiedIdentity};
use crate::config::Config;

/// A flow older than this is refused and purged (the person had ten minutes at the provider).
pub const FLOW_LIFETIME_SECS: i64 = 600;

/// The cookie holding the flow in progress; sent only to the two sign-in routes.
pub const FLOW_COOKIE: &str = "nid_flow";

/// The path the flow cookie is scoped to.
pub const FLOW_COOKIE_PATH: &str = "/dang-nhap/dinh-danh";

/// One sign-in in progress, as sealed in [`FLOW_COOKIE`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flow {
    /// base64url SHA-256 of `state` (the state itself is only in the provider's round trip).
    #[serde(rename = "h")]
    pub state_hash: String,
    /// The `nonce` the ID token must carry.
    #[serde(rename = "n")]
    pub nonce: String,
    /// PKCE code verifier.
    #[serde(rename = "v")]
    pub code_verifier: String,
    /// Local path to return to after sign-in.
    #[serde(rename = "p")]
    pub next_path: String,
    /// When the flow started (Unix seconds).
    #[serde(rename = "t")]
    pub started_at: i64,
}

/// Seals and opens [`Flow`]s: ChaCha20-Poly1305 (RFC 8439) with a random nonce per cookie, so
/// the browser can neither read nor change what it carries, and a cookie made for another
/// purpose (the associated data names this one) does not open.
pub struct FlowCookie {
    key: LessSafeKey,
    rng: SystemRandom,
}

/// Associated data binding a sealed value to its purpose.
const FLOW_AAD: &[u8] = b"dichvucong/national-id-flow/v1";

impl FlowCookie {
    /// A sealer whose key is derived (HKDF-SHA256, RFC 5869) from `secret`, the same on every
    /// instance. The client secret serves: it is the one secret every instance shares and only
    /// the portal and the provider know (production refuses the public development one).
    pub fn new(secret: &str) -> anyhow::Result<FlowCookie> {
        let salt = ring::hkdf::Salt::new(ring::hkdf::HKDF_SHA256, b"dichvucong national-id flow");
        let mut bytes = [0u8; 32];
        salt.extract(secret.as_bytes())
            .expand(&[FLOW_AAD], ring::hkdf::HKDF_SHA256)
            .and_then(|okm| okm.fill(&mut bytes))
            .map_err(|_| anyhow::anyhow!("national-id flow key derivation failed"))?;
        let key = UnboundKey::new(&CHACHA20_POLY1305, &bytes)
            .map_err(|_| anyhow::anyhow!("national-id flow key refused"))?;
        Ok(FlowCookie {
            key: LessSafeKey::new(key),
            rng: SystemRandom::new(),
        })
    }

    /// The cookie value for `flow`: base64url(nonce ‖ ciphertext ‖ tag).
    pub fn seal(&self, flow: &Flow) -> Result<String, NationalIdError> {
        let mut nonce = [0u8; NONCE_LEN];
        self.rng.fill(&mut nonce).map_err(|_| {
            NationalIdError::ProviderUnreachable("system random generator failed".into())
        })?;
        let mut data = serde_json::to_vec(flow)
            .map_err(|e| NationalIdError::ProviderUnreachable(format!("flow cookie: {e}")))?;
        self.key
            .seal_in_place_append_tag(
                Nonce::assume_unique_for_key(nonce),
                Aad::from(FLOW_AAD),
                &mut data,
            )
            .map_err(|_| NationalIdError::ProviderUnreachable("flow cookie sealing".into()))?;
        let mut sealed = nonce.to_vec();
        sealed.extend_from_slice(&data);
        Ok(URL_SAFE_NO_PAD.encode(sealed))
    }

    /// The flow in `value`, or `None` if it was not sealed here (forged, altered, truncated).
    pub fn open(&self, value: &str) -> Option<Flow> {
        let sealed = URL_SAFE_NO_PAD.decode(value.trim()).ok()?;
        if sealed.len() <= NONCE_LEN {
            return None;
        }
        let (nonce, data) = sealed.split_at(NONCE_LEN);
        let nonce = Nonce::try_assume_unique_for_key(nonce).ok()?;
        let mut data = data.to_vec();
        let plain = self
            .key
            .open_in_place(nonce, Aad::from(FLOW_AAD), &mut data)
            .ok()?;
        serde_json::from_slice(plain).ok()
    }
}

/// base64url SHA-256 of a `state` value.
pub fn state_hash(state: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(state.as_bytes()))
}

/// Discovery is fetched again after this long, so a provider's key or endpoint change is seen
/// without a restart.
const DISCOVERY_TTL: Duration = Duration::from_secs(3600);

/// Time allowed to each request to the provider.
const PROVIDER_TIMEOUT: Duration = Duration::from_secs(10);

/// The members of the discovery document we use.
#[derive(Clone, Debug, Deserialize)]
pub struct ProviderMetadata {
    /// Must equal the configured issuer (Discovery §4.3).
    pub issuer: String,
    /// Where the browser is sent to sign in.
    pub authorization_endpoint: String,
    /// Where the code is exchanged.
    pub token_endpoint: String,
    /// The provider's signing keys.
    pub jwks_uri: String,
}

struct Cached {
    metadata: ProviderMetadata,
    jwks: Jwks,
    fetched: Instant,
}

/// The relying party for one provider. One per instance, shared by every request.
pub struct NationalIdClient {
    issuer: String,
    client_id: String,
    client_secret: String,
    redirect_uri: String,
    citizen_id_claim: String,
    http: reqwest::Client,
    rng: SystemRandom,
    cache: RwLock<Option<std::sync::Arc<Cached>>>,
    /// Seals the flow in progress into the browser's cookie.
    pub cookie: FlowCookie,
}

#[derive(Deserialize)]
struct TokenResponse {
    id_token: Option<String>,
    token_type: Option<String>,
}

#[derive(Deserialize)]
struct TokenError {
    error: String,
    error_description: Option<String>,
}

impl NationalIdClient {
    /// A client for the provider `config` names (or the built-in simulator).
    pub fn from_config(config: &Config) -> anyhow::Result<NationalIdClient> {
        let http = reqwest::Client::builder()
            .timeout(PROVIDER_TIMEOUT)
            // The provider's endpoints answer directly; a redirect would be a misconfiguration.
            .redirect(reqwest::redirect::Policy::none())
            .build()?;
        Ok(NationalIdClient {
            issuer: config.national_id_issuer_url(),
            client_id: config.national_id_client_id.clone(),
            client_secret: config.national_id_client_secret.clone(),
            redirect_uri: config.national_id_redirect_uri(),
            citizen_id_claim: config.national_id_citizen_id_claim.clone(),
            http,
            rng: SystemRandom::new(),
            cache: RwLock::new(None),
            cookie: FlowCookie::new(&config.national_id_client_secret)?,
        })
    }

    /// Starts a sign-in: returns the provider's authorization URL to redirect the browser to,
    /// and the flow to seal into its cookie (nothing is stored). `next_path` is where to go
    /// afterwards; anything but a local path (`domain::safe_redirect`) becomes `/`.
    pub async fn start(&self, next_path: &str) -> Result<(String, Flow), NationalIdError> {
        let provider = self.provider(false).await?;
        let state = self.random_token(32)?;
        let nonce = self.random_token(32)?;
        // 48 random bytes give a 64-character verifier (RFC 7636 §4.1 allows 43 to 128).
        let code_verifier = self.random_token(48)?;
        let challenge = pkce_challenge(&code_verifier);
        let mut url = Url::parse(&provider.metadata.authorization_endpoint).map_err(|e| {
            NationalIdError::ProviderMisconfigured(format!("authorization_endpoint: {e}"))
        })?;
        url.query_pairs_mut()
            .append_pair("response_type", "code")
            .append_pair("client_id", &self.client_id)
            .append_pair("redirect_uri", &self.redirect_uri)
            .append_pair("scope", "openid profile email")
            .append_pair("state", &state)
            .append_pair("nonce", &nonce)
            .append_pair("code_challenge", &challenge)
            .append_pair("code_challenge_method", "S256");
        let flow = Flow {
            state_hash: state_hash(&state),
            nonce,
            code_verifier,
            next_path: local_path(next_path).to_owned(),
            started_at: Utc::now().timestamp(),
        };
        Ok((url.into(), flow))
    }

    /// Finishes a sign-in when the provider sends the browser back with `code` and `state`:
    /// checks that this browser started the flow (`flow`, from its cookie) and that it is
    /// fresh and unused, exchanges the code, verifies the ID token, and records the flow as
    /// spent. Returns the identity and the local path to continue to.
    pub async fn finish(
        &self,
        db: &DatabaseConnection,
        code: &str,
        state: &str,
        flow: Option<&Flow>,
    ) -> Result<(VerifiedIdentity, String), NationalIdError> {
        let flow = check_flow(state, flow, Utc::now().timestamp())?;
        let spent_key = format!("spent:{}", flow.state_hash);
        if national_id_flow::Entity::find_by_id(spent_key.clone())
            .one(db)
            .await?
            .is_some()
        {
            return Err(NationalIdError::UnknownState);
        }
        let provider = self.provider(false).await?;
        let id_token = self.exchange(&provider.metadata, code, flow).await?;
        let expected = Expected {
            issuer: &self.issuer,
            client_id: &self.client_id,
            nonce: &flow.nonce,
            now: Utc::now().timestamp(),
        };
        let claims = match id_token::verify(&id_token, &provider.jwks, &expected) {
            // The provider may have rotated its keys since we cached them: fetch once more.
            Err(IdTokenError::UnknownKey(_)) => {
                let fresh = self.provider(true).await?;
                id_token::verify(&id_token, &fresh.jwks, &expected)?
            }
            other => other?,
        };
        // Only the request whose insert succeeds may use the flow: a replayed or concurrent
        // callback with the same state fails on the primary key.
        let recorded = national_id_flow::ActiveModel {
            state: Set(spent_key),
            nonce: Set(String::new()),
            code_verifier: Set(String::new()),
            next_path: Set(String::new()),
            created_at: Set(Utc::now()),
        }
        .insert(db)
        .await;
        if recorded.is_err() {
            return Err(NationalIdError::UnknownState);
        }
        Ok((self.identity(&claims), flow.next_path.clone()))
    }

    /// The token request (RFC 6749 §4.1.3 with RFC 7636 §4.5), returning the ID token.
    async fn exchange(
        &self,
        metadata: &ProviderMetadata,
        code: &str,
        flow: &Flow,
    ) -> Result<String, NationalIdError> {
        // RFC 6749 §2.3.1: id and secret are form-encoded before Basic encoding.
        let credentials = format!(
            "{}:{}",
            form_encode(&self.client_id),
            form_encode(&self.client_secret)
        );
        let response = self
            .http
            .post(&metadata.token_endpoint)
            .header(
                reqwest::header::AUTHORIZATION,
                format!("Basic {}", STANDARD.encode(credentials)),
            )
            .form(&[
                ("grant_type", "authorization_code"),
                ("code", code),
                ("redirect_uri", &self.redirect_uri),
                ("code_verifier", &flow.code_verifier),
            ])
            .send()
            .await
            .map_err(|e| NationalIdError::ProviderUnreachable(format!("token endpoint: {e}")))?;
        let status = response.status();
        let body = response
            .bytes()
            .await
            .map_err(|e| NationalIdError::ProviderUnreachable(format!("token endpoint: {e}")))?;
        if !status.is_success() {
            return Err(match serde_json::from_slice::<TokenError>(&body) {
                Ok(e) => NationalIdError::TokenExchangeRefused(format!(
                    "{} ({status}): {}",
                    e.error,
                    e.error_description.unwrap_or_default()
                )),
                Err(_) => NationalIdError::ProviderUnreachable(format!(
                    "token endpoint answered {status} without an OAuth error"
                )),
            });
        }
        let tokens: TokenResponse = serde_json::from_slice(&body).map_err(|e| {
            NationalIdError::ProviderUnreachable(format!("token response not JSON: {e}"))
        })?;
        if !tokens
            .token_type
            .as_deref()
            .is_some_and(|t| t.eq_ignore_ascii_case("bearer"))
        {
            return Err(NationalIdError::TokenExchangeRefused(
                "token_type is not Bearer".into(),
            ));
        }
        tokens.id_token.ok_or_else(|| {
            NationalIdError::TokenExchangeRefused("no id_token in the token response".into())
        })
    }

    /// Discovery and JWKS, from the cache unless it is stale or `refresh` is asked.
    async fn provider(&self, refresh: bool) -> Result<std::sync::Arc<Cached>, NationalIdError> {
        if !refresh {
            if let Some(cached) = self.cache.read().ok().and_then(|c| c.clone()) {
                if cached.fetched.elapsed() < DISCOVERY_TTL {
                    return Ok(cached);
                }
            }
        }
        let discovery_url = format!("{}/.well-known/openid-configuration", self.issuer);
        let metadata: ProviderMetadata = self.get_json(&discovery_url).await?;
        if metadata.issuer != self.issuer {
            return Err(NationalIdError::ProviderMisconfigured(format!(
                "discovery names issuer {:?}, configured {:?}",
                metadata.issuer, self.issuer
            )));
        }
        let jwks: Jwks = self.get_json(&metadata.jwks_uri).await?;
        let cached = std::sync::Arc::new(Cached {
            metadata,
            jwks,
            fetched: Instant::now(),
        });
        if let Ok(mut slot) = self.cache.write() {
            *slot = Some(cached.clone());
        }
        Ok(cached)
    }

    async fn get_json<T: serde::de::DeserializeOwned>(
        &self,
        url: &str,
    ) -> Result<T, NationalIdError> {
        let unreachable =
            |e: reqwest::Error| NationalIdError::ProviderUnreachable(format!("{url}: {e}"));
        self.http
            .get(url)
            .send()
            .await
            .and_then(reqwest::Response::error_for_status)
            .map_err(unreachable)?
            .json()
            .await
            .map_err(unreachable)
    }

    /// `bytes` random bytes, base64url without padding.
    fn random_token(&self, bytes: usize) -> Result<String, NationalIdError> {
        let mut buffer = vec![0u8; bytes];
        self.rng.fill(&mut buffer).map_err(|_| {
            NationalIdError::ProviderUnreachable("system random generator failed".into())
        })?;
        Ok(URL_SAFE_NO_PAD.encode(buffer))
    }

    fn identity(&self, claims: &Map<String, Value>) -> VerifiedIdentity {
        let text = |name: &str| {
            claims
                .get(name)
                .and_then(Value::as_str)
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
        };
        VerifiedIdentity {
            subject: text("sub").unwrap_or_default(),
            citizen_id: text(&self.citizen_id_claim)
                .filter(|id| id.len() == 12 && id.bytes().all(|b| b.is_ascii_digit())),
            full_name: text("name"),
            birthdate: text("birthdate")
                .and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
            email: text("email"),
            phone: text("phone_number"),
        }
    }
}

/// PKCE S256: base64url(SHA-256(verifier)) (RFC 7636 §4.2).
pub fn pkce_challenge(verifier: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
}

/// `path` if it is a local path, else `/`: never an open redirect to another site
/// (`domain::safe_redirect`).
pub fn local_path(path: &str) -> &str {
    domain::safe_redirect::local_path_or(Some(path), "/")
}

/// The flow of this callback: the browser's own (`flow`, from its cookie) whose state hash is
/// that of `state`, started less than [`FLOW_LIFETIME_SECS`] before `now`.
pub fn check_flow<'a>(
    state: &str,
    flow: Option<&'a Flow>,
    now: i64,
) -> Result<&'a Flow, NationalIdError> {
    let Some(flow) = flow else {
        return Err(NationalIdError::ForeignState);
    };
    if state.is_empty() || !domain::secrets::constant_time_eq(&state_hash(state), &flow.state_hash)
    {
        return Err(NationalIdError::ForeignState);
    }
    if now - flow.started_at > FLOW_LIFETIME_SECS || flow.started_at > now + 60 {
        return Err(NationalIdError::ExpiredState);
    }
    Ok(flow)
}

/// `application/x-www-form-urlencoded` encoding of one value (RFC 6749 Appendix B).
fn form_encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'*' => {
                out.push(byte as char);
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_kept() {
        assert_eq!(local_path("/ho-so"), "/ho-so");
        assert_eq!(local_path("/thu-tuc?q=khai"), "/thu-tuc?q=khai");
        assert_eq!(local_path("//evil.example"), "/");
        assert_eq!(local_path("/\\evil.example"), "/");
        assert_eq!(local_path("https://evil.example"), "/");
        assert_eq!(local_path(""), "/");
    }

    fn flow(state: &str, started_at: i64) -> Flow {
        Flow {
            state_hash: state_hash(state),
            nonce: "n".into(),
            code_verifier: "v".repeat(43),
            next_path: "/ho-so".into(),
            started_at,
        }
    }

    #[test]
    fn the_flow_cookie_opens_only_as_sealed() -> anyhow::Result<()> {
        let sealer = FlowCookie::new("secret")?;
        let original = flow("s1", 1_000);
        let sealed = sealer.seal(&original)?;
        assert_eq!(sealer.open(&sealed), Some(original.clone()));
        assert!(!sealed.contains("ho-so"), "the content is not readable");
        // Another key, a flipped bit, a truncation: refused.
        assert_eq!(FlowCookie::new("other")?.open(&sealed), None);
        let mut bytes = URL_SAFE_NO_PAD.decode(&sealed)?;
        if let Some(last) = bytes.last_mut() {
            *last ^= 1;
        }
        assert_eq!(sealer.open(&URL_SAFE_NO_PAD.encode(&bytes)), None);
        assert_eq!(sealer.open(&sealed[..sealed.len() - 4]), None);
        assert_eq!(sealer.open(""), None);
        Ok(())
    }

    #[test]
    fn a_callback_must_match_this_browsers_flow() {
        let mine = flow("s1", 1_000);
        assert!(check_flow("s1", Some(&mine), 1_100).is_ok());
        assert!(matches!(
            check_flow("s1", None, 1_100),
            Err(NationalIdError::ForeignState)
        ));
        assert!(matches!(
            check_flow("s2", Some(&mine), 1_100),
            Err(NationalIdError::ForeignState)
        ));
        assert!(matches!(
            check_flow("", Some(&mine), 1_100),
            Err(NationalIdError::ForeignState)
        ));
        assert!(matches!(
            check_flow("s1", Some(&mine), 1_000 + FLOW_LIFETIME_SECS + 1),
            Err(NationalIdError::ExpiredState)
        ));
    }

    #[test]
    fn pkce_matches_rfc_7636_appendix_b() {
        assert_eq!(
            pkce_challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
    }

    #[test]
    fn credentials_are_form_encoded() {
        assert_eq!(form_encode("dichvucong-portal"), "dichvucong-portal");
        assert_eq!(form_encode("a b:c%"), "a+b%3Ac%25");
    }
}
