//! Administration: staff accounts of an agency, API tokens. Thin adapters over `domain::staff`
//! and `domain::api_tokens`, which check who may do what.

use leptos::prelude::*;

use crate::error::AppError;
use serde::{Deserialize, Serialize};

/// Roles ticked on a staff form (one field per role keeps plain HTML forms simple).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleChoice {
    /// Cán bộ tiếp nhận.
    pub intake_clerk: Option<String>,
    /// Chuyên viên.
    pub specialist: Option<String>,
    /// Lãnh đạo.
    pub leader: Option<String>,
    /// Quản trị đơn vị.
    pub agency_admin: Option<String>,
    /// Quản trị hệ thống.
    pub system_admin: Option<String>,
}

impl RoleChoice {
    /// The ticked role codes.
    pub fn codes(&self) -> Vec<String> {
        [
            ("intake_clerk", &self.intake_clerk),
            ("specialist", &self.specialist),
            ("leader", &self.leader),
            ("agency_admin", &self.agency_admin),
            ("system_admin", &self.system_admin),
        ]
        .into_iter()
        .filter(|(_, v)| v.is_some())
        .map(|(c, _)| c.to_owned())
        .collect()
    }
}

/// An API token as the admin page lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenRow {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Scopes.
    pub scopes: String,
    /// Agency.
    pub agency_code: String,
    /// Revoked.
    pub revoked: bool,
    /// Last use, `dd/mm/yyyy HH:MM`.
    pub last_used: String,
    /// When it stops working, `dd/mm/yyyy` (Vietnam time).
    pub expires: String,
    /// Past its expiry (answers 401 until renewed).
    pub expired: bool,
}

#[cfg(feature = "ssr")]
fn ctx() -> Result<crate::session::RequestContext, AppError> {
    crate::session::request_context().ok_or(AppError::Internal)
}

/// Creates a staff member in the administrator's agency (or `agency_code` for system
/// administrators) and e-mails the invitation.
#[server(prefix = "/api/ui", endpoint = "create_staff")]
pub async fn create_staff(
    csrf_token: String,
    full_name: String,
    email: String,
    agency_code: String,
    roles: RoleChoice,
) -> Result<(), AppError> {
    let _ = csrf_token;
    let ctx = ctx()?;
    let db = super::db()?;
    let agency_code = if agency_code.is_empty() {
        ctx.account
            .as_ref()
            .and_then(|a| a.agency_code.clone())
            .unwrap_or_default()
    } else {
        agency_code
    };
    let form = domain::staff::NewStaff {
        full_name,
        email,
        agency_code,
        roles: roles.codes(),
    };
    let shared = super::shared()?;
    domain::staff::create(&db, &ctx.actor, &form, &ctx.origin, shared.mailing()).await?;
    leptos_axum::redirect("/quan-tri/can-bo?da=tao");
    Ok(())
}

/// Replaces a staff member's roles, or disables the account.
#[server(prefix = "/api/ui", endpoint = "update_staff")]
pub async fn update_staff(
    csrf_token: String,
    id: String,
    roles: RoleChoice,
    disabled: Option<String>,
) -> Result<(), AppError> {
    let _ = csrf_token;
    let ctx = ctx()?;
    let db = super::db()?;
    domain::staff::update(
        &db,
        &ctx.actor,
        &id,
        &roles.codes(),
        disabled.is_some(),
        &ctx.origin,
    )
    .await?;
    leptos_axum::redirect("/quan-tri/can-bo?da=luu");
    Ok(())
}

/// API tokens, newest first (system administrators).
#[server(prefix = "/api/ui", endpoint = "api_tokens")]
pub async fn list_tokens() -> Result<Vec<TokenRow>, AppError> {
    let ctx = ctx()?;
    let db = super::db()?;
    Ok(domain::api_tokens::list(&db, &ctx.actor)
        .await?
        .into_iter()
        .map(|t| TokenRow {
            expires: domain::api_tokens::expires_at(&t)
                .with_timezone(&domain::dossiers::codes::vietnam())
                .format("%d/%m/%Y")
                .to_string(),
            expired: domain::api_tokens::expires_at(&t) <= chrono::Utc::now(),
            id: t.id,
            name: t.name,
            scopes: t.scopes,
            agency_code: t.agency_code.unwrap_or_default(),
            revoked: t.revoked_at.is_some(),
            last_used: t
                .last_used_at
                .map(|d| {
                    d.with_timezone(&domain::dossiers::codes::vietnam())
                        .format("%d/%m/%Y %H:%M")
                        .to_string()
                })
                .unwrap_or_default(),
        })
        .collect())
}

/// Scopes ticked on the token form.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScopeChoice {
    /// `staff:read`.
    pub staff_read: Option<String>,
    /// `audit:read`.
    pub audit_read: Option<String>,
    /// `dossiers:read`.
    pub dossiers_read: Option<String>,
    /// `dossiers:write`.
    pub dossiers_write: Option<String>,
}

/// Issues a token; answers the secret, shown once.
#[server(prefix = "/api/ui", endpoint = "issue_token")]
pub async fn issue_token(
    csrf_token: String,
    name: String,
    agency_code: String,
    scopes: ScopeChoice,
) -> Result<String, AppError> {
    let _ = csrf_token;
    let ctx = ctx()?;
    let db = super::db()?;
    let codes: Vec<String> = [
        ("staff:read", &scopes.staff_read),
        ("audit:read", &scopes.audit_read),
        ("dossiers:read", &scopes.dossiers_read),
        ("dossiers:write", &scopes.dossiers_write),
    ]
    .into_iter()
    .filter(|(_, v)| v.is_some())
    .map(|(c, _)| c.to_owned())
    .collect();
    let agency = Some(agency_code.trim()).filter(|a| !a.is_empty());
    let (_, secret) =
        domain::api_tokens::issue(&db, &ctx.actor, &name, &codes, agency, &ctx.origin).await?;
    let secure = use_context::<crate::session::SiteSettings>().is_some_and(|s| s.secure_cookies);
    super::set_cookie(new_token_cookie(&secret, secure, 300));
    leptos_axum::redirect("/quan-tri/ma-truy-cap?da=cap");
    Ok(secret)
}

/// Carries a new token's secret to the page that shows it once. The form posts without
/// script, so its answer is a redirect, and the secret must not ride in the URL (it would
/// land in the history and in logs): it goes in a cookie that only the token page receives,
/// that script cannot read, that lives five minutes and that the page deletes as it shows it.
#[cfg(feature = "ssr")]
const NEW_TOKEN_COOKIE: &str = "dvc_new_token";

#[cfg(feature = "ssr")]
fn new_token_cookie(secret: &str, secure: bool, max_age: u32) -> String {
    crate::session::page_cookie(
        NEW_TOKEN_COOKIE,
        secret,
        "/quan-tri/ma-truy-cap",
        secure,
        max_age,
    )
}

/// The secret of the token just issued, once: it is read from its cookie, which is deleted.
#[server(prefix = "/api/ui", endpoint = "new_token_secret")]
pub async fn new_token_secret() -> Result<Option<String>, AppError> {
    ctx()?;
    let secret = use_context::<http::request::Parts>()
        .and_then(|parts| crate::session::cookie_value(&parts.headers, NEW_TOKEN_COOKIE));
    if secret.is_some() {
        let secure =
            use_context::<crate::session::SiteSettings>().is_some_and(|s| s.secure_cookies);
        super::set_cookie(new_token_cookie("", secure, 0));
    }
    Ok(secret)
}

/// Revokes a token.
#[server(prefix = "/api/ui", endpoint = "revoke_token")]
pub async fn revoke_token(csrf_token: String, id: String) -> Result<(), AppError> {
    let _ = csrf_token;
    let ctx = ctx()?;
    let db = super::db()?;
    domain::api_tokens::revoke(&db, &ctx.actor, &id, &ctx.origin).await?;
    leptos_axum::redirect("/quan-tri/ma-truy-cap");
    Ok(())
}

/// Renews a token for another 90 days.
#[server(prefix = "/api/ui", endpoint = "renew_token")]
pub async fn renew_token(csrf_token: String, id: String) -> Result<(), AppError> {
    let _ = csrf_token;
    let ctx = ctx()?;
    let db = super::db()?;
    domain::api_tokens::renew(&db, &ctx.actor, &id, &ctx.origin).await?;
    leptos_axum::redirect("/quan-tri/ma-truy-cap?da=gia-han");
    Ok(())
}
