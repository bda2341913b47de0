//! The simulator's token endpoint — client authentication, the single-use code checked against
//! its client, redirect URI and PKCE verifier, RFC 6749 §5.2 errors, the signed ID token — and
//! the userinfo endpoint that the issued access tokens open. Separate from the authorization
//! endpoint: this is the back channel the portal calls, answered in JSON.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::extract::{Form, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use chrono::Utc;
use serde_json::{json, Value};

use super::{make_room, DemoIdentity, Simulator, TOKEN_LIFETIME_SECS};
use crate::national_id::client::pkce_challenge;
use crate::national_id::id_token::sign_es256;

/// An RFC 6749 §5.2 error response.
fn oauth_error(status: StatusCode, error: &str, description: &str) -> Response {
    let mut response = (
        status,
        Json(json!({ "error": error, "error_description": description })),
    )
        .into_response();
    no_store(response.headers_mut());
    if status == StatusCode::UNAUTHORIZED {
        response.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            HeaderValue::from_static("Basic realm=\"gia-lap-dinh-danh\""),
        );
    }
    response
}

fn no_store(headers: &mut HeaderMap) {
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(header::PRAGMA, HeaderValue::from_static("no-cache"));
}

/// Decodes one `application/x-www-form-urlencoded` value (`+` is a space).
pub(super) fn form_decode(value: &str) -> Option<String> {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 2;
            }
            _ => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).ok()
}

/// The client's id and secret from HTTP Basic (`client_secret_basic`) or the form
/// (`client_secret_post`); using both at once is an error (RFC 6749 §2.3), reported as the
/// `invalid_request` description.
fn client_credentials(
    headers: &HeaderMap,
    form: &HashMap<String, String>,
) -> Result<Option<(String, String)>, &'static str> {
    let basic = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Basic "));
    match basic {
        Some(encoded) => {
            if form.contains_key("client_secret") {
                return Err("use one client authentication method");
            }
            let decoded = STANDARD
                .decode(encoded.trim())
                .ok()
                .and_then(|b| String::from_utf8(b).ok());
            let pair = decoded.as_deref().and_then(|d| d.split_once(':'));
            Ok(pair.and_then(|(id, secret)| Some((form_decode(id)?, form_decode(secret)?))))
        }
        None => Ok(form
            .get("client_id")
            .zip(form.get("client_secret"))
            .map(|(id, secret)| (id.clone(), secret.clone()))),
    }
}

pub(super) async fn token(
    State(sim): State<Arc<Simulator>>,
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    let credentials = match client_credentials(&headers, &form) {
        Ok(credentials) => credentials,
        Err(why) => return oauth_error(StatusCode::BAD_REQUEST, "invalid_request", why),
    };
    match credentials {
        Some((id, secret)) if id == sim.client_id && secret == sim.client_secret => {}
        _ => {
            return oauth_error(
                StatusCode::UNAUTHORIZED,
                "invalid_client",
                "client authentication failed",
            )
        }
    }
    match form.get("grant_type").map(String::as_str) {
        Some("authorization_code") => {}
        Some(_) => {
            return oauth_error(
                StatusCode::BAD_REQUEST,
                "unsupported_grant_type",
                "only authorization_code is supported",
            )
        }
        None => {
            return oauth_error(
                StatusCode::BAD_REQUEST,
                "invalid_request",
                "grant_type is required",
            )
        }
    }
    let Some(code) = form.get("code") else {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "code is required",
        );
    };
    // Removed before any other check: a code is spent by its first use, good or bad.
    let grant = sim
        .codes
        .lock()
        .ok()
        .and_then(|mut codes| codes.remove(code));
    let invalid_grant = |why: &str| oauth_error(StatusCode::BAD_REQUEST, "invalid_grant", why);
    let Some(grant) = grant else {
        return invalid_grant("unknown, expired or already used code");
    };
    if grant.expires <= Instant::now() {
        return invalid_grant("code expired");
    }
    if grant.client_id != sim.client_id {
        return invalid_grant("code issued to another client");
    }
    if form.get("redirect_uri") != Some(&grant.redirect_uri) {
        return invalid_grant("redirect_uri differs from the authorization request");
    }
    let verifier = form
        .get("code_verifier")
        .map(String::as_str)
        .unwrap_or_default();
    let well_formed = (43..=128).contains(&verifier.len())
        && verifier
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._~".contains(&b));
    if !well_formed || pkce_challenge(verifier) != grant.code_challenge {
        return invalid_grant("PKCE verification failed");
    }
    let Some(identity) = sim.identities.get(grant.identity) else {
        return invalid_grant("unknown identity");
    };
    let now = Utc::now().timestamp();
    let mut claims = identity_claims(&sim, identity);
    claims["iss"] = json!(sim.issuer);
    claims["aud"] = json!(sim.client_id);
    claims["iat"] = json!(now);
    claims["auth_time"] = json!(now);
    claims["exp"] = json!(now + TOKEN_LIFETIME_SECS);
    if let Some(nonce) = grant.nonce {
        claims["nonce"] = json!(nonce);
    }
    let (Ok(id_token), Some(access_token)) = (
        sign_es256(&sim.key, &sim.kid, &claims, &sim.rng),
        sim.random(),
    ) else {
        return oauth_error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "server_error",
            "could not issue tokens",
        );
    };
    if let Ok(mut tokens) = sim.access_tokens.lock() {
        let now = Instant::now();
        make_room(&mut *tokens, |(_, expires)| *expires);
        tokens.insert(
            access_token.clone(),
            (
                grant.identity,
                now + Duration::from_secs(TOKEN_LIFETIME_SECS as u64),
            ),
        );
    }
    let mut response = Json(json!({
        "access_token": access_token,
        "token_type": "Bearer",
        "expires_in": TOKEN_LIFETIME_SECS,
        "scope": "openid profile email",
        "id_token": id_token,
    }))
    .into_response();
    no_store(response.headers_mut());
    response
}

fn identity_claims(sim: &Simulator, identity: &DemoIdentity) -> Value {
    let mut claims = json!({
        "sub": identity.sub,
        "name": identity.name,
        "birthdate": identity.birthdate.format("%Y-%m-%d").to_string(),
        "gender": identity.gender,
        "email": identity.email,
        "email_verified": true,
        "phone_number": identity.phone_number,
        "phone_number_verified": true,
    });
    claims[sim.citizen_id_claim.as_str()] = json!(identity.citizen_id);
    claims
}

pub(super) async fn userinfo(State(sim): State<Arc<Simulator>>, headers: HeaderMap) -> Response {
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    let now = Instant::now();
    let identity = token.and_then(|t| {
        let tokens = sim.access_tokens.lock().ok()?;
        let (index, expires) = tokens.get(t)?;
        (*expires > now).then_some(*index)
    });
    match identity.and_then(|i| sim.identities.get(i)) {
        Some(identity) => Json(identity_claims(&sim, identity)).into_response(),
        None => {
            let mut response = StatusCode::UNAUTHORIZED.into_response();
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer error=\"invalid_token\""),
            );
            response
        }
    }
}
