//! Glue between an HTTP upload (a multipart field) and `domain::dossiers::attachments`: the
//! field's chunks are handed on as they arrive, so memory stays flat whatever the file size.

use axum::extract::multipart::Field;
use futures::StreamExt;

use app::session::RequestContext;
use domain::dossiers::files::Attached;
use domain::DomainResult;

use crate::state::AppState;

/// Streams one uploaded file into the dossier's slot.
pub async fn receive(
    state: &AppState,
    ctx: &RequestContext,
    dossier_id: &str,
    slot: &str,
    file_name: &str,
    field: Field<'_>,
) -> DomainResult<Attached> {
    let body = field.map(|chunk| chunk.map_err(std::io::Error::other));
    domain::dossiers::attachments::upload(
        state.services(&ctx.origin),
        &ctx.actor,
        dossier_id,
        slot,
        file_name,
        Box::pin(body),
    )
    .await
}
