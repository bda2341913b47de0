//! Businesses: register one by tax code (the registrant becomes its legal representative's
//! account) and add member accounts. Thin adapters over `domain::organisations`.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// An organisation as its members see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationView {
    /// Id.
    pub id: String,
    /// Tax code.
    pub tax_code: String,
    /// Name.
    pub name: String,
    /// Legal representative.
    pub representative_name: String,
    /// The viewer is its representative (may add members).
    pub i_represent: bool,
    /// The registration is verified (members then see each other's dossiers for it).
    pub verified: bool,
    /// Members: `(name, sign-in name, role)`.
    pub members: Vec<(String, String, String)>,
}

/// The viewer's organisations.
#[server(prefix = "/api/ui", endpoint = "organisations")]
pub async fn my_organisations() -> Result<Vec<OrganisationView>, AppError> {
    let ctx = crate::session::request_context().ok_or(AppError::Internal)?;
    let me = ctx
        .actor
        .account_id()
        .ok_or(AppError::Unauthorized)?
        .to_owned();
    let db = super::db()?;
    Ok(domain::organisations::mine(&db, &ctx.actor)
        .await?
        .into_iter()
        .map(|w| OrganisationView {
            i_represent: w
                .members
                .iter()
                .any(|(a, r)| a.id == me && r == "representative"),
            verified: w.organisation.verified_at.is_some(),
            id: w.organisation.id,
            tax_code: w.organisation.tax_code,
            name: w.organisation.name,
            representative_name: w.organisation.representative_name,
            members: w
                .members
                .into_iter()
                .map(|(a, r)| (a.full_name, a.email.or(a.phone).unwrap_or_default(), r))
                .collect(),
        })
        .collect())
}

/// Registers a business with the viewer as its representative.
#[server(prefix = "/api/ui", endpoint = "register_organisation")]
pub async fn register_organisation(
    csrf_token: String,
    tax_code: String,
    name: String,
    representative_name: String,
    representative_citizen_id: String,
    address: String,
) -> Result<(), AppError> {
    let _ = csrf_token;
    let ctx = crate::session::request_context().ok_or(AppError::Internal)?;
    let db = super::db()?;
    let form = domain::organisations::NewOrganisation {
        tax_code,
        name,
        representative_name,
        representative_citizen_id,
        address,
    };
    domain::organisations::register(&db, &ctx.actor, &form, &ctx.origin).await?;
    leptos_axum::redirect("/doanh-nghiep?da=dang-ky");
    Ok(())
}

/// Adds a member by e-mail or mobile number (the representative only).
#[server(prefix = "/api/ui", endpoint = "add_member")]
pub async fn add_member(
    csrf_token: String,
    organisation_id: String,
    member: String,
) -> Result<(), AppError> {
    let _ = csrf_token;
    let ctx = crate::session::request_context().ok_or(AppError::Internal)?;
    let db = super::db()?;
    domain::organisations::add_member(&db, &ctx.actor, &organisation_id, &member, &ctx.origin)
        .await?;
    leptos_axum::redirect("/doanh-nghiep?da=them");
    Ok(())
}

/// A desk clerk verifies a business's registration after checking its registration
/// certificate and its representative's identity papers at the counter.
#[server(prefix = "/api/ui", endpoint = "verify_organisation")]
pub async fn verify_organisation(csrf_token: String, tax_code: String) -> Result<(), AppError> {
    let _ = csrf_token;
    let ctx = crate::session::request_context().ok_or(AppError::Internal)?;
    let db = super::db()?;
    domain::organisations::verify_by_clerk(
        &db,
        &ctx.actor,
        &tax_code,
        &ctx.origin,
        chrono::Utc::now(),
    )
    .await?;
    leptos_axum::redirect("/mot-cua/tiep-nhan?da=xac-minh");
    Ok(())
}
