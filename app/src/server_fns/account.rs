//! Accounts: sign-in and sign-out, registration, e-mail verification, password recovery, the
//! profile, and the staff and audit views for administrators. Thin adapters over
//! `domain::accounts`, `domain::staff` and `domain::audit`; every rule is checked there.

use leptos::prelude::*;

use crate::dto::{AuditView, ProfileView, StaffRow};
use crate::error::AppError;
use crate::session::Viewer;

#[cfg(feature = "ssr")]
mod support {
    use crate::error::AppError;
    use crate::session::{
        cookie, request_context, RequestContext, SiteSettings, CSRF_COOKIE, SESSION_COOKIE,
    };
    use leptos::prelude::*;

    pub fn ctx() -> Result<RequestContext, AppError> {
        request_context().ok_or_else(|| {
            tracing::error!("no request context: is the authentication middleware installed?");
            AppError::Internal
        })
    }

    pub fn settings() -> Result<SiteSettings, AppError> {
        use_context::<SiteSettings>().ok_or(AppError::Internal)
    }

    pub(crate) use crate::server_fns::set_cookie;

    /// Hands the browser a new session: the HttpOnly session cookie and the session's CSRF token.
    pub fn start_session(started: &domain::sessions::Started, secure: bool) {
        set_cookie(cookie(SESSION_COOKIE, &started.token, true, secure, None));
        set_cookie(cookie(
            CSRF_COOKIE,
            &started.csrf_token,
            false,
            secure,
            None,
        ));
    }

    /// A local path to go to after sign-in (never another site): `domain::safe_redirect`.
    pub fn local_path(next: Option<String>, default: &str) -> String {
        domain::safe_redirect::local_path_or(next.as_deref(), default).to_owned()
    }

    pub fn mailing(settings: &SiteSettings) -> domain::accounts::Mailing<'_> {
        domain::accounts::Mailing {
            base_url: &settings.base_url,
            notices: &crate::notices::PortalNotices,
        }
    }
}

/// Who is signed in (for the header), or `None`.
#[server(prefix = "/api/ui", endpoint = "viewer")]
pub async fn current_viewer() -> Result<Option<Viewer>, AppError> {
    let ctx = support::ctx()?;
    Ok(ctx.account.map(|a| Viewer {
        full_name: a.full_name,
        staff: a.kind == "staff",
        roles: domain::access::Role::parse_list(&a.roles)
            .into_iter()
            .map(|r| r.code().to_owned())
            .collect(),
        agency_code: a.agency_code,
    }))
}

/// Signs in with e-mail or phone and password, then goes to `next` (or the account page).
#[server(prefix = "/api/ui", endpoint = "sign_in")]
pub async fn sign_in(
    csrf_token: String,
    identifier: String,
    password: String,
    next: Option<String>,
) -> Result<(), AppError> {
    // Checked by the server's CSRF middleware before the call reaches here; declared so
    // that script-submitted forms send it too.
    let _ = csrf_token;
    // An empty field is a slip, not a wrong password: name what is missing (and spend no
    // sign-in attempt on it).
    let mut missing = Vec::new();
    if identifier.trim().is_empty() {
        missing.push(("identifier".to_owned(), "contact_required".to_owned()));
    }
    if password.is_empty() {
        missing.push(("password".to_owned(), "password_required".to_owned()));
    }
    if !missing.is_empty() {
        return Err(AppError::Validation(missing));
    }
    let ctx = support::ctx()?;
    let settings = support::settings()?;
    let db = super::db()?;
    let signed = domain::accounts::sign_in(
        &db,
        &identifier,
        &password,
        &ctx.origin,
        settings.session_policy,
        ctx.session_token.as_deref(),
        support::mailing(&settings),
    )
    .await?;
    support::start_session(&signed.session, settings.secure_cookies);
    // Staff who handle dossiers start in the back office; administrators in staff management.
    let handles_dossiers = domain::access::Role::parse_list(&signed.account.roles)
        .iter()
        .any(|r| {
            matches!(
                r,
                domain::access::Role::IntakeClerk
                    | domain::access::Role::Specialist
                    | domain::access::Role::Leader
            )
        });
    let default = match (signed.account.kind.as_str(), handles_dossiers) {
        ("staff", true) => "/mot-cua",
        ("staff", false) => "/quan-tri/can-bo",
        _ => "/tai-khoan",
    };
    leptos_axum::redirect(&support::local_path(next, default));
    Ok(())
}

/// Ends the session.
#[server(prefix = "/api/ui", endpoint = "sign_out")]
pub async fn sign_out(csrf_token: String) -> Result<(), AppError> {
    // Checked by the server's CSRF middleware before the call reaches here; declared so
    // that script-submitted forms send it too.
    let _ = csrf_token;
    let ctx = support::ctx()?;
    let settings = support::settings()?;
    let db = super::db()?;
    if let Some(token) = &ctx.session_token {
        domain::sessions::end(&db, token).await?;
        if let Some(account) = &ctx.account {
            domain::audit::record(
                &db,
                &ctx.origin,
                domain::audit::Entry {
                    actor_id: Some(account.id.clone()),
                    actor_label: account.full_name.clone(),
                    action: "sign_out",
                    target_type: Some("account"),
                    target_id: Some(account.id.clone()),
                    agency_code: account.agency_code.clone(),
                    outcome: domain::audit::Outcome::Success,
                    detail: None,
                },
            )
            .await?;
        }
    }
    let secure = settings.secure_cookies;
    support::set_cookie(crate::session::cookie(
        crate::session::SESSION_COOKIE,
        "",
        true,
        secure,
        Some(0),
    ));
    support::set_cookie(crate::session::cookie(
        crate::session::CSRF_COOKIE,
        &domain::secrets::new_token(),
        false,
        secure,
        None,
    ));
    leptos_axum::redirect("/");
    Ok(())
}

/// Registers a citizen account; goes to the confirmation page.
#[server(prefix = "/api/ui", endpoint = "register")]
pub async fn register(
    csrf_token: String,
    full_name: String,
    email: String,
    phone: String,
    password: String,
    password_confirmation: String,
    accept_terms: Option<String>,
) -> Result<(), AppError> {
    // Checked by the server's CSRF middleware before the call reaches here; declared so
    // that script-submitted forms send it too.
    let _ = csrf_token;
    let ctx = support::ctx()?;
    let settings = support::settings()?;
    let db = super::db()?;
    let form = domain::accounts::Registration {
        full_name,
        email: email.clone(),
        phone,
        password,
        password_confirmation,
        accept_terms: accept_terms.is_some(),
    };
    let phone = form.phone.clone();
    domain::accounts::register(
        &db,
        &form,
        &ctx.csrf_token,
        &ctx.origin,
        support::mailing(&settings),
    )
    .await?;
    if email.trim().is_empty() {
        // A mobile-only account is confirmed by the SMS code, in this browser (issue #22).
        leptos_axum::redirect(&format!(
            "/xac-minh-so-dien-thoai?so={}",
            crate::dto::encode_query_value(phone.trim())
        ));
    } else {
        leptos_axum::redirect("/dang-ky/xong?qua=email");
    }
    Ok(())
}

/// Sends (again) the SMS code that confirms a mobile number; answers the same whether or not
/// an account holds the number unverified.
#[server(prefix = "/api/ui", endpoint = "request_phone_code")]
pub async fn request_phone_code(csrf_token: String, phone: String) -> Result<(), AppError> {
    // Checked by the server's CSRF middleware; it is also this browser's binding of the code.
    let _ = csrf_token;
    let ctx = support::ctx()?;
    let settings = support::settings()?;
    let db = super::db()?;
    domain::accounts::request_phone_code(
        &db,
        &phone,
        &ctx.csrf_token,
        &ctx.origin,
        support::mailing(&settings),
    )
    .await?;
    leptos_axum::redirect(&format!(
        "/xac-minh-so-dien-thoai?so={}&da=gui",
        crate::dto::encode_query_value(phone.trim())
    ));
    Ok(())
}

/// Confirms a mobile number with the SMS code typed in the browser that asked for it.
#[server(prefix = "/api/ui", endpoint = "confirm_phone")]
pub async fn confirm_phone(
    csrf_token: String,
    phone: String,
    sms_code: String,
) -> Result<(), AppError> {
    let _ = csrf_token;
    let ctx = support::ctx()?;
    let db = super::db()?;
    domain::accounts::confirm_phone(&db, &phone, &sms_code, &ctx.csrf_token, &ctx.origin).await?;
    leptos_axum::redirect(if ctx.account.is_some() {
        "/tai-khoan?da=xac-minh-sdt"
    } else {
        "/dang-nhap?da=xac-minh-sdt"
    });
    Ok(())
}

/// Sets a new password with the code sent by SMS to a phone-only account's verified number.
#[server(prefix = "/api/ui", endpoint = "reset_password_by_code")]
pub async fn reset_password_by_code(
    csrf_token: String,
    phone: String,
    sms_code: String,
    password: String,
    password_confirmation: String,
) -> Result<(), AppError> {
    let _ = csrf_token;
    let ctx = support::ctx()?;
    let db = super::db()?;
    domain::accounts::reset_password_with_code(
        &db,
        &phone,
        &sms_code,
        &ctx.csrf_token,
        &password,
        &password_confirmation,
        &ctx.origin,
    )
    .await?;
    leptos_axum::redirect("/dang-nhap?da=dat-lai");
    Ok(())
}

/// Confirms an e-mail address from its link.
#[server(prefix = "/api/ui", endpoint = "verify_email")]
pub async fn verify_email(csrf_token: String, token: String) -> Result<(), AppError> {
    // Checked by the server's CSRF middleware before the call reaches here; declared so
    // that script-submitted forms send it too.
    let _ = csrf_token;
    let ctx = support::ctx()?;
    let db = super::db()?;
    domain::accounts::verify_email(&db, &token, &ctx.origin).await?;
    leptos_axum::redirect("/dang-nhap?da=xac-thuc");
    Ok(())
}

/// Lifts a password sign-in lock from the link e-mailed to the account's owner.
#[server(prefix = "/api/ui", endpoint = "unlock_sign_in")]
pub async fn unlock_sign_in(csrf_token: String, token: String) -> Result<(), AppError> {
    // Checked by the server's CSRF middleware before the call reaches here; declared so
    // that script-submitted forms send it too.
    let _ = csrf_token;
    let ctx = support::ctx()?;
    let db = super::db()?;
    domain::accounts::unlock_sign_in(&db, &token, &ctx.origin).await?;
    leptos_axum::redirect("/dang-nhap?da=mo-khoa");
    Ok(())
}

/// E-mails a password reset link (answers the same whether or not the account exists).
#[server(prefix = "/api/ui", endpoint = "forgot_password")]
pub async fn forgot_password(csrf_token: String, identifier: String) -> Result<(), AppError> {
    // Checked by the server's CSRF middleware before the call reaches here; declared so
    // that script-submitted forms send it too.
    let _ = csrf_token;
    let ctx = support::ctx()?;
    let settings = support::settings()?;
    let db = super::db()?;
    domain::accounts::request_password_reset(
        &db,
        &identifier,
        &ctx.csrf_token,
        &ctx.origin,
        support::mailing(&settings),
    )
    .await?;
    // A mobile number typed: the page also offers the SMS code form (phone-only accounts).
    if identifier.contains('@') {
        leptos_axum::redirect("/quen-mat-khau?da=gui");
    } else {
        leptos_axum::redirect(&format!(
            "/quen-mat-khau?da=gui&so={}",
            crate::dto::encode_query_value(identifier.trim())
        ));
    }
    Ok(())
}

/// Sets a new password from a reset or invitation link.
#[server(prefix = "/api/ui", endpoint = "reset_password")]
pub async fn reset_password(
    csrf_token: String,
    token: String,
    password: String,
    password_confirmation: String,
) -> Result<(), AppError> {
    // Checked by the server's CSRF middleware before the call reaches here; declared so
    // that script-submitted forms send it too.
    let _ = csrf_token;
    let ctx = support::ctx()?;
    let settings = support::settings()?;
    let db = super::db()?;
    domain::accounts::reset_password(
        &db,
        &token,
        &password,
        &password_confirmation,
        &ctx.origin,
        support::mailing(&settings),
    )
    .await?;
    leptos_axum::redirect("/dang-nhap?da=dat-lai");
    Ok(())
}

#[cfg(feature = "ssr")]
async fn address_lists(
    db: &domain::db::DatabaseConnection,
    province: &str,
) -> Result<(Vec<(String, String)>, Vec<(String, String)>), AppError> {
    let provinces = domain::admin_map::current_provinces(db)
        .await?
        .into_iter()
        .map(|p| (p.code, p.name))
        .collect();
    let communes = if province.is_empty() {
        Vec::new()
    } else {
        domain::admin_map::current_communes(db, province)
            .await?
            .into_iter()
            .map(|c| (c.code, c.name))
            .collect()
    };
    Ok((provinces, communes))
}

/// The signed-in person's profile, with the address lists. `province` (when given) replaces
/// the saved province for the commune list, so the form can refresh it without JavaScript.
#[server(prefix = "/api/ui", endpoint = "profile")]
pub async fn get_profile(province: Option<String>) -> Result<ProfileView, AppError> {
    let ctx = support::ctx()?;
    let db = super::db()?;
    let id = ctx
        .actor
        .account_id()
        .ok_or(AppError::Unauthorized)?
        .to_owned();
    let a = domain::accounts::profile(&db, &ctx.actor, &id).await?;
    let province_code = province
        .filter(|p| !p.is_empty())
        .or(a.province_code.clone())
        .unwrap_or_default();
    let (provinces, communes) = address_lists(&db, &province_code).await?;
    Ok(ProfileView {
        email: a.email,
        national_id_linked: a.national_id_subject.is_some(),
        citizen_id_verified: a.citizen_id_verified_at.is_some(),
        phone_verified: a.phone_verified_at.is_some(),
        full_name: a.full_name,
        citizen_id: a.citizen_id.unwrap_or_default(),
        date_of_birth: a
            .date_of_birth
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default(),
        phone: a.phone.unwrap_or_default(),
        province_code,
        commune_code: a.commune_code.unwrap_or_default(),
        street: a.street.unwrap_or_default(),
        notify_email: a.notify_email,
        notify_sms: a.notify_sms,
        provinces,
        communes,
    })
}

/// Communes of a province, for the address picker.
#[server(prefix = "/api/ui", endpoint = "communes")]
pub async fn communes_of(province: String) -> Result<Vec<(String, String)>, AppError> {
    let db = super::db()?;
    Ok(address_lists(&db, &province).await?.1)
}

pub use profile_form::*;

// One argument per form field keeps the plain-HTML form's field names (`full_name`, not
// `form[full_name]`); the lint is allowed for this one function, on the server and in the
// browser build alike.
#[allow(
    clippy::too_many_arguments,
    reason = "one argument per profile form field"
)]
mod profile_form {
    use super::*;

    /// Saves the profile.
    #[server(prefix = "/api/ui", endpoint = "save_profile")]
    pub async fn save_profile(
        csrf_token: String,
        full_name: String,
        citizen_id: String,
        date_of_birth: String,
        phone: String,
        province_code: String,
        commune_code: String,
        street: String,
        notify_email: Option<String>,
        notify_sms: Option<String>,
    ) -> Result<(), AppError> {
        // Checked by the server's CSRF middleware before the call reaches here; declared so
        // that script-submitted forms send it too.
        let _ = csrf_token;
        let ctx = support::ctx()?;
        let db = super::super::db()?;
        let id = ctx
            .actor
            .account_id()
            .ok_or(AppError::Unauthorized)?
            .to_owned();
        let form = domain::accounts::ProfileUpdate {
            full_name,
            citizen_id,
            date_of_birth,
            phone,
            province_code,
            commune_code,
            street,
            notify_email: notify_email.is_some(),
            notify_sms: notify_sms.is_some(),
        };
        domain::accounts::update_profile(&db, &ctx.actor, &id, &form, &ctx.origin).await?;
        leptos_axum::redirect("/tai-khoan?da=luu");
        Ok(())
    }
}

/// Staff of an agency (the signed-in staff member's own when `agency` is empty).
#[server(prefix = "/api/ui", endpoint = "staff")]
pub async fn list_staff(agency: String) -> Result<Vec<StaffRow>, AppError> {
    let ctx = support::ctx()?;
    let db = super::db()?;
    let agency = if agency.is_empty() {
        ctx.account
            .as_ref()
            .and_then(|a| a.agency_code.clone())
            .unwrap_or_default()
    } else {
        agency
    };
    let rows = domain::staff::list(&db, &ctx.actor, &agency).await?;
    Ok(rows
        .into_iter()
        .map(|a| StaffRow {
            id: a.id,
            full_name: a.full_name,
            email: a.email.unwrap_or_default(),
            roles: domain::access::Role::parse_list(&a.roles)
                .into_iter()
                .map(|r| r.code().to_owned())
                .collect(),
            disabled: a.disabled,
        })
        .collect())
}

/// A page of the audit log of an agency (the whole log when `agency` is empty, for system
/// administrators).
#[server(prefix = "/api/ui", endpoint = "audit")]
pub async fn audit_log(
    agency: String,
    page: u64,
    action: String,
    outcome: String,
) -> Result<AuditView, AppError> {
    let ctx = support::ctx()?;
    let db = super::db()?;
    let filter = domain::audit::Filter {
        agency_code: Some(agency).filter(|a| !a.is_empty()),
        action: Some(action).filter(|a| !a.is_empty()),
        outcome: Some(outcome).filter(|a| !a.is_empty()),
        page: page.max(1),
        per_page: 50,
        ..Default::default()
    };
    let page = domain::audit::list(&db, &ctx.actor, &filter).await?;
    Ok(AuditView {
        total: page.total,
        items: page
            .items
            .into_iter()
            .map(|e| crate::dto::AuditRow {
                at: e
                    .at
                    .with_timezone(&domain::dossiers::codes::vietnam())
                    .format("%d/%m/%Y %H:%M:%S")
                    .to_string(),
                actor: e.actor_label,
                action: e.action,
                target: e.target_id.unwrap_or_default(),
                outcome: e.outcome,
                ip: e.ip.unwrap_or_default(),
            })
            .collect(),
    })
}
