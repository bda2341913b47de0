//! The applicant step: who files, for whom (themselves, someone else, a business they act for),
//! where they live, and which agency receives the dossier.

use std::collections::HashMap;

use domain::access::Actor;
use domain::db::DatabaseConnection;
use domain::dossiers::Loaded;
use domain::entities::agency;
use leptos::serde_json;

use super::fields::{address, Communes};
use crate::dto::dossier::*;
use crate::error::AppError;

/// The applicant step's view; `agencies` are all agencies (a procedure received by one names
/// it, the others offer the communes' to choose from).
pub(super) async fn applicant_view(
    db: &DatabaseConnection,
    actor: &Actor,
    loaded: &Loaded,
    agencies: &[agency::Model],
    communes: &mut Communes<'_>,
    errors: &HashMap<String, String>,
) -> Result<ApplicantView, AppError> {
    let a = loaded.applicant();
    let fixed = loaded
        .details
        .receiving
        .as_ref()
        .and_then(|r| r.agency.clone());
    let receiving_fixed = fixed
        .as_ref()
        .and_then(|code| agencies.iter().find(|x| &x.code == code))
        .map(|x| x.name.clone());
    let receiving_choices = if fixed.is_none() {
        agencies
            .iter()
            .filter(|x| x.level == "commune")
            .map(|x| Choice {
                value: x.code.clone(),
                label: x.name.clone(),
            })
            .collect()
    } else {
        Vec::new()
    };
    let organisations = domain::organisations::mine(db, actor)
        .await?
        .into_iter()
        .map(|o| Choice {
            value: o.organisation.id,
            label: o.organisation.name,
        })
        .collect();
    Ok(ApplicantView {
        on_behalf: serde_json::to_value(a.on_behalf)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default(),
        address: address(
            communes,
            "applicant-address",
            &a.province,
            &a.commune,
            &a.street,
            errors,
        )
        .await,
        full_name: a.full_name,
        citizen_id: a.citizen_id,
        date_of_birth: a.date_of_birth,
        phone: a.phone,
        email: a.email,
        subject_name: a.subject_name,
        subject_citizen_id: a.subject_citizen_id,
        relation: a.relation,
        organisation_id: a.organisation_id,
        organisations,
        receiving_fixed,
        receiving_agency: a.receiving_agency,
        receiving_choices,
    })
}
