//! `/quan-tri/quy-trinh`: a procedure's processing workflow, read for the editor and replaced
//! from it.

use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::ctx;
use crate::dto::back_office::WorkflowView;
use crate::error::AppError;

/// A procedure's workflow for the editor (system administrators).
#[server(prefix = "/api/ui", endpoint = "workflow")]
pub async fn workflow(procedure_code: String) -> Result<WorkflowView, AppError> {
    let ctx = ctx()?;
    let db = crate::server_fns::db()?;
    let w = domain::dossiers::workflow::editable(&db, &ctx.actor, procedure_code.trim()).await?;
    let agencies = domain::catalogue::agencies(&db).await?;
    let name_of = |code: &str| {
        agencies
            .iter()
            .find(|a| a.code == code)
            .map_or_else(|| code.to_owned(), |a| a.name.clone())
    };
    let t = crate::i18n::use_locale();
    let warnings = domain::dossiers::workflow::procedure_gaps(&db, &w.procedure, &w.steps)
        .await?
        .into_iter()
        .map(|g| {
            let role = crate::i18n::Key::from_name(&format!("workflow_role_{}", g.role.code()))
                .map_or_else(|| g.role.code().to_owned(), |k| t.t(k).to_owned());
            t.tf(
                crate::i18n::Key::WorkflowGap,
                &[
                    ("step", &(g.step + 1).to_string()),
                    ("agency", &name_of(&g.agency_code)),
                    ("role", &role),
                ],
            )
        })
        .collect();
    Ok(WorkflowView {
        warnings,
        procedure_code: w.procedure.code.clone(),
        procedure_name: w.procedure.name.clone(),
        processing_days: w.procedure.processing_days,
        default: w.default,
        processing_agency: w
            .processing_agency
            .as_deref()
            .map(name_of)
            .unwrap_or_default(),
        steps: w
            .steps
            .iter()
            .map(|s| crate::dto::back_office::WorkflowStepInput {
                name: s.name.clone(),
                role: s.role.code().to_owned(),
                agency: s.agency_code.clone().unwrap_or_default(),
                hours: s.allowance_hours.to_string(),
                remove: String::new(),
            })
            .collect(),
        agencies: agencies
            .into_iter()
            .map(|a| crate::dto::dossier::Choice {
                value: a.code,
                label: a.name,
            })
            .collect(),
    })
}

/// Replaces a procedure's workflow (system administrators). Blank rows and rows ticked for
/// removal are dropped; the others must all be valid, else nothing changes and each error
/// names its step and field (`step-{n}-{field}`, 1-based as on the page).
#[server(prefix = "/api/ui", endpoint = "save_workflow")]
pub async fn save_workflow(
    csrf_token: String,
    procedure_code: String,
    #[server(default)] steps: std::collections::BTreeMap<String, String>,
) -> Result<(), AppError> {
    use domain::access::Role;
    use domain::dossiers::workflow::StepDef;
    let _ = csrf_token;
    let ctx = ctx()?;
    let db = crate::server_fns::db()?;
    let mut errors = Vec::new();
    let mut defs = Vec::new();
    // Row numbers as the page shows them, to name the field of each error.
    let mut rows = Vec::new();
    // `r{n}-{part}` keys, rows numbered from 1 as on the page.
    let rows_on_page = steps
        .keys()
        .filter_map(|k| {
            k.strip_prefix('r')
                .and_then(|k| k.split_once('-'))
                .and_then(|(n, _)| n.parse::<usize>().ok())
        })
        .max()
        .unwrap_or(0);
    let steps: Vec<crate::dto::back_office::WorkflowStepInput> = (1..=rows_on_page.min(100))
        .map(|n| {
            let get = |part: &str| {
                steps
                    .get(&format!("r{n}-{part}"))
                    .cloned()
                    .unwrap_or_default()
            };
            crate::dto::back_office::WorkflowStepInput {
                name: get("name"),
                role: get("role"),
                agency: get("agency"),
                hours: get("hours"),
                remove: get("remove"),
            }
        })
        .collect();
    for (i, s) in steps.iter().enumerate() {
        let blank = s.name.trim().is_empty() && s.hours.trim().is_empty();
        if !s.remove.is_empty() || blank {
            continue;
        }
        let n = i + 1;
        let role = Role::from_code(s.role.trim()).unwrap_or_else(|| {
            errors.push((format!("step-{n}-role"), "workflow_role".to_owned()));
            Role::Specialist
        });
        let hours = match s.hours.trim().parse::<i32>() {
            Ok(h) => h,
            Err(_) => {
                errors.push((format!("step-{n}-hours"), "workflow_allowance".to_owned()));
                0
            }
        };
        rows.push(n);
        defs.push(StepDef {
            name: s.name.trim().chars().take(200).collect(),
            role,
            agency_code: Some(s.agency.trim().to_owned()).filter(|a| !a.is_empty()),
            allowance_hours: hours,
        });
    }
    if !errors.is_empty() {
        return Err(AppError::refused(errors));
    }
    let code = procedure_code.trim();
    match domain::dossiers::workflow::replace(&db, &ctx.actor, &ctx.origin, code, &defs).await {
        Ok(()) => {}
        Err(domain::DomainError::Validation(fields)) => {
            return Err(AppError::refused(
                fields
                    .into_iter()
                    .map(|f| (step_field(&f.field, &rows), f.code))
                    .collect(),
            ))
        }
        Err(e) => return Err(e.into()),
    }
    leptos_axum::redirect(&format!(
        "/quan-tri/quy-trinh?thu-tuc={}&da=luu",
        crate::dto::encode_query_value(code)
    ));
    Ok(())
}

/// The page's element id for a domain field such as `steps[2].allowance_hours`.
#[cfg(feature = "ssr")]
fn step_field(field: &str, rows: &[usize]) -> String {
    // A rule about the whole list (the last step must be the leader's) names the last row.
    let Some(rest) = field.strip_prefix("steps[") else {
        return format!("step-{}-role", rows.last().copied().unwrap_or(1));
    };
    let (index, part) = rest.split_once("].").unwrap_or((rest, ""));
    let n = index
        .parse::<usize>()
        .ok()
        .and_then(|i| rows.get(i).copied())
        .unwrap_or(1);
    let part = match part {
        "allowance_hours" => "hours",
        "agency_code" => "agency",
        other => other,
    };
    format!("step-{n}-{part}")
}
