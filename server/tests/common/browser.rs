//! A test browser: keeps cookies and sends the CSRF token with forms, as a page would.
#![allow(
    dead_code,
    reason = "each test file compiles this module; not all use every item"
)]

use std::collections::HashMap;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};

use super::TestApp;

/// The CSRF cookie every test browser starts with.
pub const CSRF: &str = "test-csrf-token-0123456789";

/// A browser: keeps cookies, sends the CSRF token with forms.
pub struct Browser<'a> {
    pub app: &'a TestApp,
    pub cookies: HashMap<String, String>,
}

pub struct Answer {
    pub status: StatusCode,
    pub headers: http::HeaderMap,
    pub body: String,
}

impl<'a> Browser<'a> {
    pub fn new(app: &'a TestApp) -> Self {
        let mut cookies = HashMap::new();
        cookies.insert("csrf".to_owned(), CSRF.to_owned());
        Browser { app, cookies }
    }

    pub fn cookie_header(&self) -> String {
        self.cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    pub async fn send(
        &mut self,
        request: Request<Body>,
    ) -> Result<Answer, Box<dyn std::error::Error>> {
        let (status, headers, body) = self.app.request(request).await?;
        for value in headers.get_all(header::SET_COOKIE) {
            let text = value.to_str()?;
            let pair = text.split(';').next().unwrap_or_default();
            if let Some((name, value)) = pair.split_once('=') {
                if value.is_empty() || text.contains("Max-Age=0") {
                    self.cookies.remove(name);
                } else {
                    self.cookies.insert(name.to_owned(), value.to_owned());
                }
            }
        }
        Ok(Answer {
            status,
            headers,
            body,
        })
    }

    pub async fn get(&mut self, uri: &str) -> Result<Answer, Box<dyn std::error::Error>> {
        let request = Request::get(uri)
            .header(header::COOKIE, self.cookie_header())
            .body(Body::empty())?;
        self.send(request).await
    }

    /// Posts a raw body as the mobile API's upload does (`X-CSRF-Token`); the answer is JSON.
    pub async fn upload_raw(
        &mut self,
        uri: &str,
        bytes: &[u8],
    ) -> Result<(StatusCode, serde_json::Value), Box<dyn std::error::Error>> {
        let csrf = self.cookies.get("csrf").cloned().unwrap_or_default();
        let request = Request::post(uri)
            .header(header::COOKIE, self.cookie_header())
            .header("x-csrf-token", csrf)
            .header(header::CONTENT_TYPE, "application/octet-stream")
            .body(Body::from(bytes.to_vec()))?;
        let answer = self.send(request).await?;
        Ok((answer.status, serde_json::from_str(&answer.body)?))
    }

    /// A GET whose answer is kept as bytes (a download).
    pub async fn download(
        &mut self,
        uri: &str,
    ) -> Result<(StatusCode, http::HeaderMap, Vec<u8>), Box<dyn std::error::Error>> {
        use http_body_util::BodyExt;
        use tower::ServiceExt;
        let request = Request::get(uri)
            .header(header::COOKIE, self.cookie_header())
            .body(Body::empty())?;
        let response = self.app.router.clone().oneshot(request).await?;
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await?.to_bytes();
        Ok((status, headers, bytes.to_vec()))
    }

    /// Posts a form as the page's script would (server function, JSON answer).
    pub async fn post(
        &mut self,
        uri: &str,
        fields: &[(&str, &str)],
    ) -> Result<Answer, Box<dyn std::error::Error>> {
        let csrf = self.cookies.get("csrf").cloned().unwrap_or_default();
        let mut all: Vec<(&str, &str)> = fields.to_vec();
        all.push(("csrf_token", &csrf));
        let body = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(all)
            .finish();
        let request = Request::post(uri)
            .header(header::COOKIE, self.cookie_header())
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "application/json")
            .body(Body::from(body))?;
        self.send(request).await
    }

    pub async fn sign_in(
        &mut self,
        who: &str,
        password: &str,
    ) -> Result<Answer, Box<dyn std::error::Error>> {
        self.post(
            "/api/ui/sign_in",
            &[("identifier", who), ("password", password)],
        )
        .await
    }

    pub async fn me(&mut self) -> Result<serde_json::Value, Box<dyn std::error::Error>> {
        let answer = self.get("/api/v1/me").await?;
        Ok(serde_json::from_str(&answer.body)?)
    }
}
