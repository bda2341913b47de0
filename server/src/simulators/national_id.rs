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
//! [`super::MAX_KEPT`] codes and as many access tokens are outstanding: past that,
//! the oldest is forgotten.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::{Form, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::{Json, Router};
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine;
use chrono::{Datelike, NaiveDate, Utc};
use reqwest::Url;
use ring::rand::{SecureRandom, SystemRandom};
use ring::signature::{EcdsaKeyPair, ECDSA_P256_SHA256_FIXED_SIGNING};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::config::Config;
use crate::national_id::client::pkce_challenge;
use crate::national_id::id_token::{es256_public_jwk, sign_es256, Jwks};

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

/// Keeps at most [`super::MAX_KEPT`] entries before one more is inserted: the
/// expired ones go first, then the one expiring soonest (the oldest, as lifetimes are equal).
fn make_room<V>(map: &mut HashMap<String, V>, expires: impl Fn(&V) -> Instant) {
    let now = Instant::now();
    map.retain(|_, v| expires(v) > now);
    while map.len() >= super::MAX_KEPT {
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
        .route(AUTHORIZE, get(authorize_page).post(authorize_decision))
        .route(TOKEN, axum::routing::post(token))
        .route(JWKS, get(jwks))
        .route(USERINFO, get(userinfo).post(userinfo))
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

/// Parameters of the authorization request (OpenID Connect Core §3.1.2.1), plus the consent
/// form's choice when posted back.
#[derive(Debug, Default, Deserialize)]
struct AuthorizeParams {
    client_id: Option<String>,
    redirect_uri: Option<String>,
    response_type: Option<String>,
    scope: Option<String>,
    state: Option<String>,
    nonce: Option<String>,
    code_challenge: Option<String>,
    code_challenge_method: Option<String>,
    /// The chosen identity's `sub` (form only).
    identity: Option<String>,
    /// `approve` or `cancel` (form only).
    action: Option<String>,
}

/// A request that cannot be answered by a redirect (unknown client or redirect URI: sending
/// the browser there would make us an open redirector, RFC 6749 §4.1.2.1), or one that can.
enum Refusal {
    Page(&'static str),
    Redirect(&'static str, &'static str),
}

struct Valid {
    redirect_uri: String,
    code_challenge: String,
}

fn validate(sim: &Simulator, p: &AuthorizeParams) -> Result<Valid, Refusal> {
    if p.client_id.as_deref() != Some(sim.client_id.as_str()) {
        return Err(Refusal::Page(
            "Ứng dụng yêu cầu đăng nhập không được đăng ký (client_id).",
        ));
    }
    let Some(redirect_uri) = p.redirect_uri.clone().filter(|r| *r == sim.redirect_uri) else {
        return Err(Refusal::Page(
            "Địa chỉ chuyển hướng không khớp với địa chỉ đã đăng ký (redirect_uri).",
        ));
    };
    if p.response_type.as_deref() != Some("code") {
        return Err(Refusal::Redirect(
            "unsupported_response_type",
            "only response_type=code is supported",
        ));
    }
    if !p
        .scope
        .as_deref()
        .is_some_and(|s| s.split(' ').any(|s| s == "openid"))
    {
        return Err(Refusal::Redirect(
            "invalid_scope",
            "scope must contain openid",
        ));
    }
    let challenge = p.code_challenge.clone().unwrap_or_default();
    let well_formed = challenge.len() == 43
        && challenge
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if p.code_challenge_method.as_deref() != Some("S256") || !well_formed {
        return Err(Refusal::Redirect(
            "invalid_request",
            "PKCE with code_challenge_method=S256 is required",
        ));
    }
    Ok(Valid {
        redirect_uri,
        code_challenge: challenge,
    })
}

/// `redirect_uri` with `pairs` and the request's `state` appended.
fn back_to_client(redirect_uri: &str, pairs: &[(&str, &str)], state: Option<&str>) -> Response {
    let Ok(mut url) = Url::parse(redirect_uri) else {
        return error_page("Địa chỉ chuyển hướng không hợp lệ.");
    };
    {
        let mut query = url.query_pairs_mut();
        for (k, v) in pairs {
            query.append_pair(k, v);
        }
        if let Some(state) = state {
            query.append_pair("state", state);
        }
    }
    Redirect::to(url.as_str()).into_response()
}

fn refuse(refusal: Refusal, p: &AuthorizeParams) -> Response {
    match refusal {
        Refusal::Page(message) => error_page(message),
        Refusal::Redirect(error, description) => back_to_client(
            p.redirect_uri.as_deref().unwrap_or_default(),
            &[("error", error), ("error_description", description)],
            p.state.as_deref(),
        ),
    }
}

async fn authorize_page(
    State(sim): State<Arc<Simulator>>,
    Query(p): Query<AuthorizeParams>,
) -> Response {
    if let Err(refusal) = validate(&sim, &p) {
        return refuse(refusal, &p);
    }
    Html(consent_page(&sim, &p)).into_response()
}

async fn authorize_decision(
    State(sim): State<Arc<Simulator>>,
    Form(p): Form<AuthorizeParams>,
) -> Response {
    let valid = match validate(&sim, &p) {
        Ok(valid) => valid,
        Err(refusal) => return refuse(refusal, &p),
    };
    if p.action.as_deref() != Some("approve") {
        return back_to_client(
            &valid.redirect_uri,
            &[
                ("error", "access_denied"),
                ("error_description", "the user declined"),
            ],
            p.state.as_deref(),
        );
    }
    let Some(identity) = sim
        .identities
        .iter()
        .position(|i| Some(i.sub.as_str()) == p.identity.as_deref())
    else {
        return error_page("Vui lòng chọn một danh tính.");
    };
    let Some(code) = sim.random() else {
        return error_page("Lỗi hệ thống mô phỏng.");
    };
    if let Ok(mut codes) = sim.codes.lock() {
        let now = Instant::now();
        make_room(&mut *codes, |g| g.expires);
        codes.insert(
            code.clone(),
            Grant {
                client_id: sim.client_id.clone(),
                redirect_uri: valid.redirect_uri.clone(),
                code_challenge: valid.code_challenge,
                nonce: p.nonce.clone(),
                identity,
                expires: now + CODE_LIFETIME,
            },
        );
    }
    back_to_client(&valid.redirect_uri, &[("code", &code)], p.state.as_deref())
}

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

const PAGE_STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;\
padding:0 1rem;line-height:1.5;color:#1a1a1a}h1{font-size:1.4rem;color:#a50e0e}\
fieldset{border:1px solid #888;border-radius:.4rem;padding:.5rem 1rem}\
label{display:block;padding:.4rem 0}button{font-size:1rem;padding:.5rem 1rem;margin:.75rem .5rem 0 0}\
.note{background:#fff4d6;padding:.5rem;border-radius:.3rem}";

fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>{title}</title><style>{PAGE_STYLE}</style></head><body><main>{body}</main></body></html>",
        title = escape_html(title),
    )
}

fn error_page(message: &str) -> Response {
    let body = format!(
        "<h1>Cổng định danh điện tử (mô phỏng)</h1><p role=\"alert\">{}</p>",
        escape_html(message)
    );
    (
        StatusCode::BAD_REQUEST,
        Html(page("Lỗi — Cổng định danh điện tử (mô phỏng)", &body)),
    )
        .into_response()
}

fn consent_page(sim: &Simulator, p: &AuthorizeParams) -> String {
    let hidden = [
        ("client_id", &p.client_id),
        ("redirect_uri", &p.redirect_uri),
        ("response_type", &p.response_type),
        ("scope", &p.scope),
        ("state", &p.state),
        ("nonce", &p.nonce),
        ("code_challenge", &p.code_challenge),
        ("code_challenge_method", &p.code_challenge_method),
    ]
    .iter()
    .filter_map(|(name, value)| {
        value.as_deref().map(|v| {
            format!(
                "<input type=\"hidden\" name=\"{name}\" value=\"{}\">",
                escape_html(v)
            )
        })
    })
    .collect::<String>();
    let choices = sim
        .identities
        .iter()
        .enumerate()
        .map(|(i, identity)| {
            format!(
                "<label><input type=\"radio\" name=\"identity\" value=\"{}\"{}> {} — CCCD {}</label>",
                escape_html(&identity.sub),
                if i == 0 { " checked" } else { "" },
                escape_html(&identity.name),
                escape_html(&identity.masked_citizen_id()),
            )
        })
        .collect::<String>();
    let body = format!(
        "<h1>Cổng định danh điện tử (mô phỏng)</h1>\
<p class=\"note\">Trang mô phỏng dùng khi phát triển và kiểm thử: các danh tính dưới đây là dữ liệu \
giả, không phải tài khoản định danh điện tử thật.</p>\
<p>Ứng dụng <strong>{client}</strong> đề nghị được biết họ tên, ngày sinh, số định danh cá nhân, \
thư điện tử và số điện thoại của bạn.</p>\
<form method=\"post\" action=\"{action}\">{hidden}\
<fieldset><legend>Chọn danh tính để đăng nhập</legend>{choices}</fieldset>\
<button type=\"submit\" name=\"action\" value=\"approve\">Đồng ý và đăng nhập</button>\
<button type=\"submit\" name=\"action\" value=\"cancel\" formnovalidate>Hủy</button>\
</form>",
        client = escape_html(&sim.client_id),
        action = escape_html(&format!("{}/authorize", sim.issuer)),
    );
    page("Cổng định danh điện tử (mô phỏng)", &body)
}

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
fn form_decode(value: &str) -> Option<String> {
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

async fn token(
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

async fn userinfo(State(sim): State<Arc<Simulator>>, headers: HeaderMap) -> Response {
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

#[cfg(test)]
mod tests {
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
            escape_html(r#"<a href="x">'&'</a>"#),
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
