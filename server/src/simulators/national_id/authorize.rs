//! The simulator's authorization endpoint: the request checked as the real provider checks it
//! (client, redirect URI, response type, scope, PKCE), the consent page where a demo identity
//! is chosen, and the redirect back with a single-use code or an error. Separate from the token
//! endpoint: this half speaks to the browser in HTML, the other to the portal in JSON.

use std::sync::Arc;
use std::time::Instant;

use axum::extract::{Form, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use reqwest::Url;
use serde::Deserialize;

use super::{make_room, Grant, Simulator, CODE_LIFETIME};

/// Parameters of the authorization request (OpenID Connect Core §3.1.2.1), plus the consent
/// form's choice when posted back.
#[derive(Debug, Default, Deserialize)]
pub(super) struct AuthorizeParams {
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

pub(super) async fn authorize_page(
    State(sim): State<Arc<Simulator>>,
    Query(p): Query<AuthorizeParams>,
) -> Response {
    if let Err(refusal) = validate(&sim, &p) {
        return refuse(refusal, &p);
    }
    Html(consent_page(&sim, &p)).into_response()
}

pub(super) async fn authorize_decision(
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
        title = crate::html::escape(title),
    )
}

fn error_page(message: &str) -> Response {
    let body = format!(
        "<h1>Cổng định danh điện tử (mô phỏng)</h1><p role=\"alert\">{}</p>",
        crate::html::escape(message)
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
                crate::html::escape(v)
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
                crate::html::escape(&identity.sub),
                if i == 0 { " checked" } else { "" },
                crate::html::escape(&identity.name),
                crate::html::escape(&identity.masked_citizen_id()),
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
        client = crate::html::escape(&sim.client_id),
        action = crate::html::escape(&format!("{}/authorize", sim.issuer)),
    );
    page("Cổng định danh điện tử (mô phỏng)", &body)
}
