//! `/mot-cua/ho-so/{id}`: one dossier with the viewer's actions, the actions themselves, and
//! the applicant's answer to a supplement request (sent from `/ho-so/{id}`).

use std::collections::HashMap;

use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::{act_error, ctx};
use crate::dto::back_office::StaffDossierView;
use crate::error::AppError;

/// One dossier with the viewer's actions. Reading it writes the staff visit to the dossier's
/// access log, so a call over HTTP carries the CSRF token like any other write (another site
/// must not be able to fill the log with visits the staff member never made).
#[server(prefix = "/api/ui", endpoint = "staff_dossier")]
pub async fn staff_dossier(csrf_token: String, id: String) -> Result<StaffDossierView, AppError> {
    let _ = csrf_token;
    let ctx = ctx()?;
    let db = crate::server_fns::db()?;
    super::view::staff_dossier_view(crate::i18n::use_locale(), &db, &ctx.actor, &ctx.origin, &id)
        .await
}

/// The inputs of an action form, named `f[...]` (only those the action needs are sent).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ActFields {
    /// Note for the applicant.
    pub public_note: Option<String>,
    /// Note for staff.
    pub internal_note: Option<String>,
    /// `assign`: who.
    pub assignee_id: Option<String>,
    /// `transfer`: to which agency.
    pub target_agency: Option<String>,
    /// `apologise`: `yyyy-mm-dd`.
    pub new_due_date: Option<String>,
    /// `request_supplement`: ticked slots (key → document name).
    pub missing: Option<HashMap<String, String>>,
    /// `request_supplement`: other documents, one per line.
    pub missing_other: Option<String>,
}

/// Takes an action on a dossier; back to its page with `?da=<action>`.
#[server(prefix = "/api/ui", endpoint = "dossier_act")]
pub async fn dossier_act(
    csrf_token: String,
    id: String,
    transition: String,
    revision: i32,
    f: Option<ActFields>,
) -> Result<(), AppError> {
    let _ = csrf_token;
    let ctx = ctx()?;
    let shared = crate::server_fns::shared()?;
    let action = transition;
    let transition = transition_named(&action)?;
    let f = f.unwrap_or_default();
    let new_due_date = match f.new_due_date.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(d) => Some(
            chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").map_err(|_| {
                AppError::refused(vec![("new_due_date".into(), "date_format".into())])
            })?,
        ),
    };
    let mut missing: Vec<String> = f
        .missing
        .unwrap_or_default()
        .into_values()
        .filter(|v| !v.trim().is_empty())
        .collect();
    missing.sort();
    missing.extend(
        f.missing_other
            .unwrap_or_default()
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned),
    );
    let command = domain::dossiers::processing::Command {
        public_note: f.public_note.unwrap_or_default(),
        internal_note: f.internal_note.unwrap_or_default(),
        assignee_id: f.assignee_id.unwrap_or_default(),
        target_agency: f.target_agency.unwrap_or_default(),
        new_due_date,
        missing,
        revision: Some(revision),
        ..Default::default()
    };
    domain::results::take(
        shared.services(&ctx.origin, chrono::Utc::now()),
        &ctx.actor,
        &id,
        transition,
        &command,
    )
    .await
    .map_err(act_error)?;
    leptos_axum::redirect(&format!("/mot-cua/ho-so/{id}?da={action}"));
    Ok(())
}

/// The transition named by a form's `transition` field.
#[cfg(feature = "ssr")]
fn transition_named(code: &str) -> Result<domain::dossiers::lifecycle::Transition, AppError> {
    domain::dossiers::lifecycle::Transition::from_code(code)
        .ok_or_else(|| AppError::refused(vec![("transition".into(), "unknown_action".into())]))
}

/// The applicant sends what a supplement request asked for (after uploading the files); the
/// clock restarts. Back to the dossier's page.
#[server(prefix = "/api/ui", endpoint = "supply_dossier")]
pub async fn supply_dossier(
    csrf_token: String,
    id: String,
    public_note: Option<String>,
) -> Result<(), AppError> {
    let _ = csrf_token;
    let ctx = ctx()?;
    let shared = crate::server_fns::shared()?;
    let command = domain::dossiers::processing::Command {
        public_note: public_note.unwrap_or_default(),
        ..Default::default()
    };
    domain::dossiers::processing::act(
        shared.services(&ctx.origin, chrono::Utc::now()),
        &ctx.actor,
        &id,
        domain::dossiers::lifecycle::Transition::Supply,
        &command,
    )
    .await
    .map_err(act_error)?;
    leptos_axum::redirect(&format!("/ho-so/{id}?da=bo-sung"));
    Ok(())
}
