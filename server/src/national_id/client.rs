//! The OpenID Connect relying party: discovery (OpenID Connect Discovery 1.0), the
//! authorization-code flow with PKCE S256 (RFC 7636), the token request with
//! `client_secret_basic` (RFC 6749 §2.3.1, §4.1.3) and ID-token validation.
//!
//! The flow in progress (state, nonce, verifier, where to return) is a row of
//! `national_id_flow`, not memory, so the provider may send the browser back to any instance.
//! Discovery and the JWKS are cached per instance.

use std::sync::RwLock;
use std::time::{Duration, Instant};

use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine;
use chrono::Utc;
use reqwest::Url;
use ring::rand::{SecureRandom, SystemRandom};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use serde::Deserialize;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use domain::entities::national_id_flow;

use super::id_token::{self, Expected, IdTokenError, Jwks};
use super::{NationalIdError, VerifiedIdentity};
use crate::config::Config;

/// A flow older than this is refused and purged (the person had ten minutes at the provider).
pub const FLOW_LIFETIME_SECS: i64 = 600;

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
        })
    }

    /// Starts a sign-in: stores a new flow and returns the provider's authorization URL to
    /// redirect the browser to. `next_path` is where to go afterwards; anything but a local
    /// path (`/…`, not `//…`) becomes `/`.
    pub async fn start(
        &self,
        db: &DatabaseConnection,
        next_path: &str,
    ) -> Result<String, NationalIdError> {
        self.purge_expired(db).await;
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
        national_id_flow::ActiveModel {
            state: Set(state),
            nonce: Set(nonce),
            code_verifier: Set(code_verifier),
            next_path: Set(local_path(next_path).to_owned()),
            created_at: Set(Utc::now()),
        }
        .insert(db)
        .await?;
        Ok(url.into())
    }

    /// Finishes a sign-in when the provider sends the browser back with `code` and `state`:
    /// consumes the flow (once), exchanges the code and verifies the ID token. Returns the
    /// identity and the local path to continue to.
    pub async fn finish(
        &self,
        db: &DatabaseConnection,
        code: &str,
        state: &str,
    ) -> Result<(VerifiedIdentity, String), NationalIdError> {
        let flow = self.take_flow(db, state).await?;
        let provider = self.provider(false).await?;
        let id_token = self.exchange(&provider.metadata, code, &flow).await?;
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
        Ok((self.identity(&claims), flow.next_path))
    }

    /// Forgets the flow of `state` (the provider sent back an error instead of a code).
    pub async fn discard(
        &self,
        db: &DatabaseConnection,
        state: &str,
    ) -> Result<(), sea_orm::DbErr> {
        national_id_flow::Entity::delete_by_id(state.to_owned())
            .exec(db)
            .await?;
        Ok(())
    }

    /// Fetches the flow and deletes it; only the request whose DELETE removed the row may use
    /// it, so a replayed or concurrent callback with the same state fails.
    async fn take_flow(
        &self,
        db: &DatabaseConnection,
        state: &str,
    ) -> Result<national_id_flow::Model, NationalIdError> {
        if state.is_empty() {
            return Err(NationalIdError::UnknownState);
        }
        let flow = national_id_flow::Entity::find_by_id(state.to_owned())
            .one(db)
            .await?
            .ok_or(NationalIdError::UnknownState)?;
        let deleted = national_id_flow::Entity::delete_many()
            .filter(national_id_flow::Column::State.eq(state))
            .exec(db)
            .await?;
        if deleted.rows_affected != 1 {
            return Err(NationalIdError::UnknownState);
        }
        if (Utc::now() - flow.created_at).num_seconds() > FLOW_LIFETIME_SECS {
            return Err(NationalIdError::ExpiredState);
        }
        Ok(flow)
    }

    /// Deletes abandoned flows. Opportunistic: a failure is logged, the sign-in goes on.
    async fn purge_expired(&self, db: &DatabaseConnection) {
        let cutoff = Utc::now() - chrono::Duration::seconds(FLOW_LIFETIME_SECS);
        if let Err(error) = national_id_flow::Entity::delete_many()
            .filter(national_id_flow::Column::CreatedAt.lt(cutoff))
            .exec(db)
            .await
        {
            tracing::warn!(%error, "could not purge expired national-id flows");
        }
    }

    /// The token request (RFC 6749 §4.1.3 with RFC 7636 §4.5), returning the ID token.
    async fn exchange(
        &self,
        metadata: &ProviderMetadata,
        code: &str,
        flow: &national_id_flow::Model,
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
/// (`//evil.example` and `/\evil.example` are read as other hosts by browsers).
pub fn local_path(path: &str) -> &str {
    if path.starts_with('/') && !path.starts_with("//") && !path.starts_with("/\\") {
        path
    } else {
        "/"
    }
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
