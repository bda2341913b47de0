//! A dossier as the back office shows it: status, holder, deadline, result, payments, fee,
//! postal return, workflow steps, timeline, and the actions the viewer may take, around the
//! applicant's own view of the dossier. Reading it records the visit in the access log.

use chrono::{DateTime, Utc};
use domain::access::{Actor, Role};
use domain::dossiers::deadlines::local_text;
use domain::dossiers::{lifecycle, Status};
use domain::entities::dossier_event;

use super::postal::postal_view;
use super::{agency_name, assignable, urgency};
use crate::dto::back_office::{
    ResultView, StaffDossierView, StaffEventView, StaffPaymentView, StaffRefundView, StepView,
};
use crate::dto::dossier::Choice;
use crate::error::AppError;
use crate::format::time_text;
use crate::i18n::{Key, Locale};

/// The lines under a timeline event: what was missing, the new deadline, who was assigned, the
/// agency it went to.
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

/// Dossier `id` for staff member `actor`; the visit is written to the access log.
pub(crate) async fn staff_dossier_view(
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
    let rated = domain::ratings::of_dossier(db, id).await?;
    let rating_answerable = rated
        .as_ref()
        .is_some_and(|r| domain::ratings::may_answer(actor, r));
    let rating = rated
        .as_ref()
        .map(|r| crate::server_fns::dossier::build::rating::view_of(Some(r)));
    let payment_rows = domain::payments::online::of_dossier(db, id).await?;
    let orders = domain::payments::refund_orders::of_dossier(db, id).await?;
    let may_refund = domain::payments::refunds::may_refund(actor, &s.row);
    let can_refund = may_refund
        && orders.is_empty()
        && domain::payments::refunds::refundable(&s.row, &payment_rows).is_some();
    let refund_orders = orders
        .into_iter()
        .map(|o| {
            use domain::payments::refund_orders as ro;
            StaffRefundView {
                stuck: ro::is_stuck(&o, Utc::now()),
                can_send_again: may_refund && o.status == ro::QUEUED,
                amount: crate::format::fee_text(t, o.amount_vnd),
                state: crate::format::refund_state(t, &o.status).to_owned(),
                error: o.last_error,
                attempts: o.attempts,
                id: o.id,
            }
        })
        .collect();
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
                        &money(domain::payments::money::paid_total(&payment_rows)),
                    ),
                ],
            )
        }
        _ => String::new(),
    };
    let can_add_fee = domain::payments::fees::offered(actor, &s.row);
    let fee_quantity = domain::payments::fees::correctable_quantity(db, actor, id)
        .await?
        .map(|(n, per)| (n, crate::format::unit_word(t, &per).to_owned()));
    let can_attach_result = s.status == Status::Processing
        && !result.as_ref().is_some_and(|r| r.signed)
        && domain::dossiers::processing::standing(actor, &s.row)
            .roles
            .iter()
            .any(|r| matches!(r, Role::Specialist | Role::Leader));
    let view =
        crate::server_fns::dossier::build::dossier_view_in(t, db, actor, id, "", false).await?;
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
        fee_quantity,
        refund_orders,
        rating,
        rating_answerable,
        viewer_id: actor.account_id().unwrap_or_default().to_owned(),
        dossier: view,
    })
}
