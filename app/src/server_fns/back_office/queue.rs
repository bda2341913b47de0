//! `/mot-cua`: a page of a queue, and the leaders' bulk assignment from it.

use std::collections::HashMap;

use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::{act_error, ctx};
use crate::dto::back_office::QueueView;
use crate::error::AppError;

/// A page of a queue, or of a search.
#[server(prefix = "/api/ui", endpoint = "staff_queue")]
pub async fn staff_queue(
    queue: String,
    q: String,
    procedure: String,
    page: u64,
) -> Result<QueueView, AppError> {
    let ctx = ctx()?;
    let db = crate::server_fns::db()?;
    super::view::queue_view(
        crate::i18n::use_locale(),
        &db,
        &ctx.actor,
        domain::dossiers::queues::QueueQuery {
            queue,
            procedure,
            q,
            page,
        },
    )
    .await
}

/// Assigns the ticked dossiers to one staff member (leaders); back to the queue.
#[server(prefix = "/api/ui", endpoint = "bulk_assign")]
pub async fn bulk_assign(
    csrf_token: String,
    assignee_id: String,
    ids: Option<HashMap<String, String>>,
) -> Result<(), AppError> {
    let _ = csrf_token;
    let ctx = ctx()?;
    let shared = crate::server_fns::shared()?;
    let ids: Vec<String> = ids.unwrap_or_default().into_values().collect();
    if ids.is_empty() {
        return Err(AppError::refused(vec![(
            "ids".into(),
            "choose_dossiers".into(),
        )]));
    }
    let command = domain::dossiers::processing::Command {
        assignee_id,
        ..Default::default()
    };
    for id in &ids {
        domain::dossiers::processing::act(
            shared.services(&ctx.origin, chrono::Utc::now()),
            &ctx.actor,
            id,
            domain::dossiers::lifecycle::Transition::Assign,
            &command,
        )
        .await
        .map_err(act_error)?;
    }
    leptos_axum::redirect(&format!(
        "/mot-cua?hang-doi=unassigned&da=assign&n={}",
        ids.len()
    ));
    Ok(())
}
