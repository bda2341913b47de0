//! `/mot-cua/tiep-nhan`: what the counter intake page needs.

use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::ctx;
use crate::dto::back_office::DeskIntakeView;
use crate::error::AppError;

/// What the counter intake page needs: whether the viewer is an intake clerk, the desk's name,
/// and the clerk's unfinished desk drafts as `(id, procedure code, procedure name)`.
#[server(prefix = "/api/ui", endpoint = "desk_intake")]
pub async fn desk_intake() -> Result<DeskIntakeView, AppError> {
    use domain::access::{Actor, Role};
    let ctx = ctx()?;
    let db = crate::server_fns::db()?;
    let Actor::Staff {
        agency_code, roles, ..
    } = &ctx.actor
    else {
        return Err(match ctx.actor {
            Actor::Anonymous => AppError::Unauthorized,
            _ => AppError::Forbidden,
        });
    };
    let clerk = roles.contains(&Role::IntakeClerk);
    let drafts = if clerk {
        domain::dossiers::counter::desk_drafts(&db, &ctx.actor).await?
    } else {
        Vec::new()
    };
    let desk = domain::catalogue::agencies(&db)
        .await?
        .into_iter()
        .find(|a| &a.code == agency_code)
        .map(|a| a.name)
        .unwrap_or_default();
    Ok(DeskIntakeView {
        clerk,
        desk,
        drafts,
    })
}
