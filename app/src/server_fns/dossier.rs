//! Online filing: the start page, a draft's page for each step (labels in the page's language,
//! values as typed, each field's problem), the filed dossier's page and "my dossiers". Saving
//! and uploading are plain form posts handled by the server (`server/src/routes/filing.rs`) so
//! that every step works without JavaScript; these functions only read.

use leptos::prelude::*;

use crate::dto::dossier::{DossierRow, DossierView, StartView};
use crate::error::AppError;

#[cfg(feature = "ssr")]
pub(crate) mod build;
#[cfg(feature = "ssr")]
pub mod receipt;

#[cfg(feature = "ssr")]
fn ctx() -> Result<crate::session::RequestContext, AppError> {
    crate::session::request_context().ok_or(AppError::Internal)
}

/// What a procedure's online filing needs, and the caller's drafts of it.
#[server(prefix = "/api/ui", endpoint = "dossier_start")]
pub async fn dossier_start(code: String) -> Result<StartView, AppError> {
    let db = super::db()?;
    let ctx = ctx()?;
    let (procedure, details) = domain::catalogue::procedure_by_code(&db, &code).await?;
    if procedure.level == "information" {
        return Err(AppError::NotFound);
    }
    let signed_in = ctx.actor.account_id().is_some();
    let drafts = if signed_in {
        domain::dossiers::drafts::list_mine(&db, &ctx.actor)
            .await?
            .into_iter()
            .filter(|d| d.procedure_code == code && d.code.is_none())
            .map(|d| {
                (
                    d.id,
                    crate::format::vietnam_time(d.updated_at),
                    d.resume_step
                        .unwrap_or(domain::dossiers::Step::Applicant)
                        .slug()
                        .to_owned(),
                )
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok(StartView {
        code: procedure.code,
        name: procedure.name,
        slug: procedure.slug,
        documents: details.documents.into_iter().map(|d| d.name).collect(),
        signed_in,
        drafts,
    })
}

/// One dossier of the caller, for the page of `step` (a draft never shows a step past the first
/// one not done). `check` shows the problems of the step (after a save that did not pass).
#[server(prefix = "/api/ui", endpoint = "dossier")]
pub async fn get_dossier(id: String, step: String, check: bool) -> Result<DossierView, AppError> {
    let db = super::db()?;
    let ctx = ctx()?;
    build::dossier_view(&db, &ctx.actor, &id, &step, check).await
}

/// The caller's dossiers, newest first.
#[server(prefix = "/api/ui", endpoint = "my_dossiers")]
pub async fn my_dossiers() -> Result<Vec<DossierRow>, AppError> {
    let db = super::db()?;
    let ctx = ctx()?;
    Ok(domain::dossiers::drafts::list_mine(&db, &ctx.actor)
        .await?
        .into_iter()
        .map(|d| DossierRow {
            id: d.id,
            code: d.code,
            procedure_name: d.procedure_name,
            status: d.status,
            updated_at: crate::format::vietnam_time(d.updated_at),
            resume_slug: d.resume_step.map(|s| s.slug().to_owned()),
        })
        .collect())
}
