//! The one-stop back office (Một cửa điện tử): queues, a dossier with its actions, the holiday
//! calendar. Thin adapters over `domain::dossiers::{queues, processing}` and
//! `domain::holidays`, which decide who may do what.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::dto::back_office::{DeskIntakeView, QueueView, StaffDossierView, WorkflowView};
use crate::error::AppError;

/// A holiday calendar row.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct HolidayRow {
    /// `yyyy-mm-dd`.
    pub day: String,
    /// `dd/mm/yyyy (weekday)`.
    pub shown: String,
    /// `holiday` or `working_day`.
    pub kind: String,
    /// Name.
    pub name: String,
}

#[cfg(feature = "ssr")]
pub(crate) mod view {
    pub use crate::format::time_text;
    use chrono::{DateTime, Utc};
    use domain::access::{Actor, Role};
    use domain::dossiers::deadlines::local_text;
    use domain::dossiers::lifecycle::{self, Transition};
    use domain::dossiers::queues::{self, QueueQuery};
    use domain::dossiers::Status;
    use domain::entities::dossier_event;

    use crate::dto::back_office::{
        QueueRowView, QueueView, ResultView, ShipmentView, StaffDossierView, StaffEventView,
        StaffPaymentView, StaffPostalView, StepView,
    };
    use crate::dto::dossier::Choice;
    use crate::error::AppError;
    use crate::i18n::{Key, Locale};

    /// Postal return of `row`'s result: where it goes, the fee, the shipments with the
    /// carrier's updates, and whether the viewer may hand it over now.
    async fn postal_view(
        t: Locale,
        db: &domain::db::DatabaseConnection,
        actor: &Actor,
        row: &domain::entities::dossier::Model,
    ) -> Result<Option<StaffPostalView>, AppError> {
        use domain::dossiers::{DeliveryMethod, PostalPayment};
        use domain::postal::shipments;
        let delivery = shipments::delivery_of(row);
        if delivery.method != DeliveryMethod::Post {
            return Ok(None);
        }
        let address =
            shipments::address_text(db, &delivery.street, &delivery.commune, &delivery.province)
                .await?;
        let listed = shipments::with_events(db, &row.id).await?;
        let rows: Vec<_> = listed.iter().map(|(s, _)| s.clone()).collect();
        let can_ship = shipments::may_hand_over(actor, row) && shipments::ready_to_ship(row, &rows);
        let money = |v: i64| crate::format::fee_text(t, v);
        let fee = match (row.postal_fee_vnd, delivery.postal_payment) {
            (Some(f), PostalPayment::WithFee) => {
                t.tf(Key::PostalFeeWithFee, &[("amount", &money(f))])
            }
            (Some(f), PostalPayment::OnDelivery) => {
                t.tf(Key::PostalFeeOnDelivery, &[("amount", &money(f))])
            }
            (None, _) => t.t(Key::PostalFeeUnknown).to_owned(),
        };
        let collect = if can_ship {
            let payments = domain::payments::online::of_dossier(db, &row.id).await?;
            let amount = shipments::collect_on_delivery(row, &payments).total();
            if amount > 0 {
                money(amount)
            } else {
                String::new()
            }
        } else {
            String::new()
        };
        Ok(Some(StaffPostalView {
            recipient: format!("{}, {}", delivery.recipient, delivery.phone),
            address,
            fee,
            collect,
            shipments: listed
                .into_iter()
                .map(|(s, events)| ShipmentView {
                    tracking_number: s.tracking_number,
                    status: s.status,
                    cod: if s.cod_vnd > 0 {
                        money(s.cod_vnd)
                    } else {
                        String::new()
                    },
                    created_at: local_text(s.created_at.with_timezone(&Utc)),
                    events: events
                        .into_iter()
                        .map(|e| {
                            let place = [e.location, e.note]
                                .into_iter()
                                .flatten()
                                .collect::<Vec<_>>()
                                .join(" — ");
                            (local_text(e.at.with_timezone(&Utc)), e.status, place)
                        })
                        .collect(),
                })
                .collect(),
            can_ship,
        }))
    }

    /// How urgent a dossier is from its working minutes left.
    pub fn urgency(paused: bool, left: Option<i64>) -> String {
        match (paused, left) {
            (true, _) => "paused",
            (_, Some(m)) if m < 0 => "overdue",
            (_, Some(m)) if m < 480 => "soon",
            (_, Some(_)) => "ok",
            (_, None) => "",
        }
        .to_owned()
    }

    /// Specialists and leaders of `agency` (who can be assigned a dossier).
    pub async fn assignable(
        db: &domain::db::DatabaseConnection,
        actor: &Actor,
        agency: &str,
    ) -> Result<Vec<Choice>, AppError> {
        Ok(domain::dossiers::staff_view::assignable(db, actor, agency)
            .await?
            .into_iter()
            .map(|(value, label)| Choice { value, label })
            .collect())
    }

    async fn agency_name(db: &domain::db::DatabaseConnection, code: &str) -> String {
        domain::catalogue::agency_with_province(db, code)
            .await
            .ok()
            .flatten()
            .map_or_else(|| code.to_owned(), |(a, _)| a.name)
    }

    pub async fn queue(
        t: Locale,
        db: &domain::db::DatabaseConnection,
        actor: &Actor,
        query: QueueQuery,
    ) -> Result<QueueView, AppError> {
        let now = Utc::now();
        let page = queues::list(db, actor, &query, now).await?;
        let agency = domain::dossiers::visibility::reading_agency(actor)
            .unwrap_or_default()
            .to_owned();
        let codes: Vec<String> = page.rows.iter().map(|r| r.procedure_code.clone()).collect();
        let names = domain::catalogue::procedure_names(db, &codes).await?;
        let rows = page
            .rows
            .into_iter()
            .map(|r| QueueRowView {
                procedure_name: names.get(&r.procedure_code).cloned().unwrap_or_default(),
                urgency: urgency(r.paused, r.minutes_left),
                time_left: r.minutes_left.map(|m| time_text(t, m)).unwrap_or_default(),
                id: r.id,
                code: r.code,
                procedure_code: r.procedure_code,
                applicant: r.applicant,
                status: r.status.code().to_owned(),
                submitted_at: r
                    .submitted_at
                    .map(crate::format::vietnam_time)
                    .unwrap_or_default(),
                due_at: crate::format::local_time(r.due_at),
                escalated: r.escalated,
            })
            .collect();
        Ok(QueueView {
            queue: page.queue.code().to_owned(),
            tabs: page
                .counts
                .into_iter()
                .map(|(q, n)| (q.code().to_owned(), n))
                .collect(),
            rows,
            total: page.total,
            page: page.page,
            pages: page.total.div_ceil(page.per_page).max(1),
            q: query.q,
            agency: agency_name(db, &agency).await,
            assignable: if actor.has_role(Role::Leader) {
                assignable(db, actor, &agency).await?
            } else {
                Vec::new()
            },
        })
    }

    fn event_details(t: Locale, e: &dossier_event::Model) -> Vec<String> {
        let data = e.data.clone().unwrap_or_default();
        let mut out = Vec::new();
        if let Some(items) = data.get("missing").and_then(|m| m.as_array()) {
            for item in items.iter().filter_map(|i| i.as_str()) {
                out.push(t.tf(Key::BoMissingItem, &[("item", &item)]));
            }
        }
        if let Some(due) = data
            .get("due_at")
            .and_then(|d| d.as_str())
            .and_then(|d| d.parse::<DateTime<Utc>>().ok())
        {
            out.push(t.tf(Key::BoDueLine, &[("due", &local_text(due))]));
        }
        if let Some(name) = data.get("assignee").and_then(|a| a.as_str()) {
            out.push(t.tf(Key::BoAssignedTo, &[("name", &name)]));
        }
        if let Some(to) = data
            .get("to_agency_name")
            .or_else(|| data.get("to_agency"))
            .and_then(|a| a.as_str())
        {
            out.push(t.tf(Key::BoTransferredTo, &[("agency", &to)]));
        }
        out
    }

    pub async fn dossier(
        t: Locale,
        db: &domain::db::DatabaseConnection,
        actor: &Actor,
        origin: &domain::audit::Origin,
        id: &str,
    ) -> Result<StaffDossierView, AppError> {
        let now = Utc::now();
        let s = domain::dossiers::staff_view::load(db, actor, id, now).await?;
        domain::dossiers::access_log::record(
            db,
            actor,
            origin,
            &s.row,
            domain::dossiers::access_log::VIEW,
            now,
        )
        .await?;
        let result = domain::results::of_dossier(db, id)
            .await?
            .map(|r| ResultView {
                file_name: r.file_name,
                signed: r.signed_at.is_some(),
                signed_text: match (&r.signer_label, r.signed_at) {
                    (Some(signer), Some(at)) => t.tf(
                        Key::ResultSignedBy,
                        &[
                            ("signer", signer),
                            ("at", &local_text(at.with_timezone(&Utc))),
                        ],
                    ),
                    _ => String::new(),
                },
                url: format!("/mot-cua/ho-so/{id}/ket-qua.pdf"),
                verify_url: format!("/xac-thuc/{}", r.id),
            });
        let payment_rows = domain::payments::online::of_dossier(db, id).await?;
        let can_refund = domain::payments::refunds::may_refund(actor, &s.row)
            && domain::payments::refunds::refundable(&s.row, &payment_rows).is_some();
        let payments = payment_rows
            .iter()
            .cloned()
            .map(|p| StaffPaymentView {
                at: local_text(p.created_at.with_timezone(&Utc)),
                amount_vnd: p.amount_vnd,
                status: p.status,
                reference: match p.gateway_txn_no {
                    Some(no) if !no.is_empty() => format!("{} / {no}", p.txn_ref),
                    _ => p.txn_ref,
                },
                refund_error: p.refund_error,
            })
            .collect();
        let postal = postal_view(t, db, actor, &s.row).await?;
        let fee_summary = match s.row.fee_due_vnd {
            Some(due) if due > 0 => {
                let money = |v: i64| crate::format::fee_text(t, v);
                t.tf(
                    Key::BoFeeSummary,
                    &[
                        ("due", &money(due)),
                        (
                            "paid",
                            &money(domain::payments::fees::paid_total(&payment_rows)),
                        ),
                    ],
                )
            }
            _ => String::new(),
        };
        let can_add_fee = domain::payments::fees::offered(actor, &s.row);
        let can_attach_result = s.status == Status::Processing
            && !result.as_ref().is_some_and(|r| r.signed)
            && domain::dossiers::processing::standing(actor, &s.row)
                .roles
                .iter()
                .any(|r| matches!(r, Role::Specialist | Role::Leader));
        let view =
            super::super::dossier::build::dossier_view_in(t, db, actor, id, "", false).await?;
        let row = &s.row;
        let open = lifecycle::OPEN.contains(&s.status);
        let paused = row.paused_at.is_some();
        let mut steps = Vec::new();
        for (i, (step, agency)) in s.steps.iter().zip(&s.step_agencies).enumerate() {
            steps.push(StepView {
                name: if step.name.is_empty() {
                    Key::from_name(&format!("bo_step_{}", step.role.code()))
                        .map(|k| t.t(k).to_owned())
                        .unwrap_or_default()
                } else {
                    step.name.clone()
                },
                role: step.role.code().to_owned(),
                agency: agency_name(db, agency).await,
                hours: step.allowance_hours,
                current: open
                    && s.status != Status::Submitted
                    && row.step_index == i32::try_from(i).ok(),
            });
        }
        let events = s
            .events
            .iter()
            .map(|e| StaffEventView {
                slip_url: matches!(e.kind.as_str(), "accept" | "refuse" | "apologise")
                    .then(|| format!("/ho-so/{id}/giay/{}.pdf", e.id)),
                details: event_details(t, e),
                id: e.id,
                at: local_text(e.at.with_timezone(&Utc)),
                actor: e.actor_label.clone(),
                kind: e.kind.clone(),
                to_status: e
                    .to_status
                    .clone()
                    .filter(|to| Some(to) != e.from_status.as_ref()),
                public_note: e.public_note.clone(),
                internal_note: e.internal_note.clone(),
            })
            .collect();
        let agencies = domain::catalogue::agencies(db)
            .await?
            .into_iter()
            .filter(|a| a.code != s.holding)
            .map(|a| Choice {
                value: a.code,
                label: a.name,
            })
            .collect();
        let transfer_origin = match &row.transfer_origin {
            Some(code) => Some(agency_name(db, code).await),
            None => None,
        };
        let slots = view
            .slots
            .iter()
            .map(|slot| Choice {
                value: slot.key.clone(),
                label: slot.label.clone(),
            })
            .collect();
        Ok(StaffDossierView {
            status: s.status.code().to_owned(),
            revision: row.revision,
            holding_agency: agency_name(db, &s.holding).await,
            transfer_origin,
            assignee: s.assignee_name.clone(),
            accepted_at: row.accepted_at.map(|a| local_text(a.with_timezone(&Utc))),
            due_at: row.due_at.map(|d| local_text(d.with_timezone(&Utc))),
            time_left: s.minutes_left.map(|m| time_text(t, m)),
            urgency: if open {
                urgency(paused, s.minutes_left)
            } else {
                String::new()
            },
            steps,
            events,
            actions: s.available.iter().map(|a| a.code().to_owned()).collect(),
            assignable: assignable(db, actor, &s.holding).await?,
            agencies,
            slots,
            apologies: row.apologies,
            result,
            can_attach_result,
            payments,
            can_refund,
            postal,
            fee_summary,
            can_add_fee,
            viewer_id: actor.account_id().unwrap_or_default().to_owned(),
            dossier: view,
        })
    }

    /// The transition named by a form's `action` field.
    pub fn transition(code: &str) -> Result<Transition, AppError> {
        Transition::from_code(code)
            .ok_or_else(|| AppError::refused(vec![("transition".into(), "unknown_action".into())]))
    }
}

#[cfg(feature = "ssr")]
fn ctx() -> Result<crate::session::RequestContext, AppError> {
    crate::session::request_context().ok_or(AppError::Internal)
}

#[cfg(feature = "ssr")]
fn act_error(e: domain::DomainError) -> AppError {
    match e {
        // Someone else acted first: say so next to the buttons instead of "system error".
        domain::DomainError::Conflict(_) => {
            AppError::conflict_at(vec![("transition".into(), "dossier_moved_on".into())])
        }
        other => other.into(),
    }
}

/// A page of a queue, or of a search.
#[server(prefix = "/api/ui", endpoint = "staff_queue")]
pub async fn staff_queue(
    queue: String,
    q: String,
    procedure: String,
    page: u64,
) -> Result<QueueView, AppError> {
    let ctx = ctx()?;
    let db = super::db()?;
    view::queue(
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

/// One dossier with the viewer's actions. Reading it writes the staff visit to the dossier's
/// access log, so a call over HTTP carries the CSRF token like any other write (another site
/// must not be able to fill the log with visits the staff member never made).
#[server(prefix = "/api/ui", endpoint = "staff_dossier")]
pub async fn staff_dossier(csrf_token: String, id: String) -> Result<StaffDossierView, AppError> {
    let _ = csrf_token;
    let ctx = ctx()?;
    let db = super::db()?;
    view::dossier(crate::i18n::use_locale(), &db, &ctx.actor, &ctx.origin, &id).await
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
    let db = super::db()?;
    let settings = use_context::<crate::session::SiteSettings>().ok_or(AppError::Internal)?;
    let action = transition;
    let transition = view::transition(&action)?;
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
    let mailing = domain::accounts::Mailing {
        base_url: &settings.base_url,
        notices: &crate::notices::PortalNotices,
    };
    let files = super::files()?;
    domain::results::take(
        &db,
        files.0.as_ref(),
        &ctx.actor,
        &ctx.origin,
        &id,
        transition,
        &command,
        mailing,
        chrono::Utc::now(),
    )
    .await
    .map_err(act_error)?;
    leptos_axum::redirect(&format!("/mot-cua/ho-so/{id}?da={action}"));
    Ok(())
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
    let db = super::db()?;
    let settings = use_context::<crate::session::SiteSettings>().ok_or(AppError::Internal)?;
    let mailing = domain::accounts::Mailing {
        base_url: &settings.base_url,
        notices: &crate::notices::PortalNotices,
    };
    let command = domain::dossiers::processing::Command {
        public_note: public_note.unwrap_or_default(),
        ..Default::default()
    };
    domain::dossiers::processing::act(
        &db,
        &ctx.actor,
        &ctx.origin,
        &id,
        domain::dossiers::lifecycle::Transition::Supply,
        &command,
        mailing,
        chrono::Utc::now(),
    )
    .await
    .map_err(act_error)?;
    leptos_axum::redirect(&format!("/ho-so/{id}?da=bo-sung"));
    Ok(())
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
    let db = super::db()?;
    let settings = use_context::<crate::session::SiteSettings>().ok_or(AppError::Internal)?;
    let ids: Vec<String> = ids.unwrap_or_default().into_values().collect();
    if ids.is_empty() {
        return Err(AppError::refused(vec![(
            "ids".into(),
            "choose_dossiers".into(),
        )]));
    }
    let mailing = domain::accounts::Mailing {
        base_url: &settings.base_url,
        notices: &crate::notices::PortalNotices,
    };
    let command = domain::dossiers::processing::Command {
        assignee_id,
        ..Default::default()
    };
    for id in &ids {
        domain::dossiers::processing::act(
            &db,
            &ctx.actor,
            &ctx.origin,
            id,
            domain::dossiers::lifecycle::Transition::Assign,
            &command,
            mailing,
            chrono::Utc::now(),
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

/// The holiday calendar.
#[server(prefix = "/api/ui", endpoint = "holidays")]
pub async fn holidays() -> Result<Vec<HolidayRow>, AppError> {
    let _ = ctx()?;
    let db = super::db()?;
    Ok(domain::holidays::list(&db)
        .await?
        .into_iter()
        .map(|h| HolidayRow {
            day: h.day.to_string(),
            shown: h.day.format("%d/%m/%Y").to_string(),
            kind: h.kind,
            name: h.name,
        })
        .collect())
}

/// Adds or changes a calendar day (system administrators).
#[server(prefix = "/api/ui", endpoint = "save_holiday")]
pub async fn save_holiday(
    csrf_token: String,
    day: String,
    kind: String,
    name: String,
) -> Result<(), AppError> {
    let _ = csrf_token;
    let ctx = ctx()?;
    let db = super::db()?;
    let day = chrono::NaiveDate::parse_from_str(day.trim(), "%Y-%m-%d")
        .map_err(|_| AppError::refused(vec![("day".into(), "date_format".into())]))?;
    domain::holidays::save(&db, &ctx.actor, &ctx.origin, day, &kind, &name).await?;
    leptos_axum::redirect("/quan-tri/ngay-nghi?da=luu");
    Ok(())
}

/// Removes a calendar day (system administrators).
#[server(prefix = "/api/ui", endpoint = "remove_holiday")]
pub async fn remove_holiday(csrf_token: String, day: String) -> Result<(), AppError> {
    let _ = csrf_token;
    let ctx = ctx()?;
    let db = super::db()?;
    let day = chrono::NaiveDate::parse_from_str(day.trim(), "%Y-%m-%d")
        .map_err(|_| AppError::refused(vec![("day".into(), "date_format".into())]))?;
    domain::holidays::remove(&db, &ctx.actor, &ctx.origin, day).await?;
    leptos_axum::redirect("/quan-tri/ngay-nghi?da=xoa");
    Ok(())
}

/// A procedure's workflow for the editor (system administrators).
#[server(prefix = "/api/ui", endpoint = "workflow")]
pub async fn workflow(procedure_code: String) -> Result<WorkflowView, AppError> {
    let ctx = ctx()?;
    let db = super::db()?;
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
    let db = super::db()?;
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

/// What the counter intake page needs: whether the viewer is an intake clerk, the desk's name,
/// and the clerk's unfinished desk drafts as `(id, procedure code, procedure name)`.
#[server(prefix = "/api/ui", endpoint = "desk_intake")]
pub async fn desk_intake() -> Result<DeskIntakeView, AppError> {
    use domain::access::{Actor, Role};
    let ctx = ctx()?;
    let db = super::db()?;
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
