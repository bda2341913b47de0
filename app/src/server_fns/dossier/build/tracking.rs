//! Where a filed dossier stands for its applicant: where it is, the working time left, the
//! signed result, the fee's payment (with a VietQR transfer order), and who opened it.

use chrono::{DateTime, Utc};
use domain::access::Actor;
use domain::db::DatabaseConnection;
use domain::dossiers::Status;

use crate::dto::dossier::*;
use crate::dto::results::AccessView;
use crate::error::AppError;
use crate::format::vietnam_time;
use crate::i18n::{Key, Locale};

/// The VietQR transfer order of `payments` still waiting for the bank, with its code.
fn transfer_view(
    t: Locale,
    payments: &[domain::entities::payment::Model],
    now: DateTime<Utc>,
) -> Option<crate::dto::dossier::TransferView> {
    use domain::payments::{bank_transfer, vietqr};
    let order = bank_transfer::waiting(payments, now)?;
    let to = leptos::prelude::use_context::<crate::session::SiteSettings>()?.transfer_account;
    let payload = bank_transfer::payload_of(&to, order);
    Some(crate::dto::dossier::TransferView {
        svg: vietqr::svg(&payload, t.t(Key::TransferQrLabel))?,
        payload,
        bank: to.bank_name,
        account: to.account,
        account_name: to.account_name,
        amount_vnd: order.amount_vnd,
        reference: order.txn_ref.clone(),
        until: vietnam_time(order.expires_at.with_timezone(&Utc)),
    })
}

/// Where a filed dossier is, how much working time is left, its result and who opened it.
pub(super) struct Tracking {
    pub(super) now_at: Option<String>,
    pub(super) time_left: Option<String>,
    pub(super) paused: bool,
    pub(super) result: Option<CitizenResultView>,
    pub(super) access: Vec<AccessView>,
    pub(super) payment: Option<PaymentView>,
}

/// The [`Tracking`] of dossier `row` for `actor` (payment and access log for its owner only).
pub(super) async fn tracking(
    t: Locale,
    db: &DatabaseConnection,
    actor: &Actor,
    row: &domain::entities::dossier::Model,
) -> Result<Tracking, AppError> {
    use domain::dossiers::lifecycle;
    let mut out = Tracking {
        now_at: None,
        time_left: None,
        paused: row.paused_at.is_some(),
        result: None,
        access: Vec::new(),
        payment: None,
    };
    let status = Status::from_code(&row.status).unwrap_or(Status::Draft);
    if status == Status::Draft {
        return Ok(out);
    }
    let now = Utc::now();
    if lifecycle::OPEN.contains(&status) && status != Status::Submitted {
        let p = domain::dossiers::staff_view::position(db, row, now).await?;
        let step = if p.step_name.is_empty() {
            p.role
                .and_then(|r| Key::from_name(&format!("bo_step_{}", r.code())))
                .map(|k| t.t(k).to_owned())
                .unwrap_or_default()
        } else {
            p.step_name
        };
        let place = if step.is_empty() {
            p.agency_name
        } else {
            format!("{step} — {}", p.agency_name)
        };
        out.now_at = Some(t.tf(Key::DossierNowAt, &[("step", &place)]));
        out.time_left = p.minutes_left.map(|m| crate::format::time_text(t, m));
    }
    if let Some(r) = domain::results::of_dossier(db, &row.id).await? {
        if r.signed_at.is_some() {
            out.result = Some(CitizenResultView {
                url: format!("/ho-so/{}/ket-qua.pdf", row.id),
                // Once delivered — opened here, posted or handed over at the desk — the page
                // says so; "opening it counts as delivery" is only for one not yet delivered.
                received: r.delivered_at.map(|at| {
                    let at = vietnam_time(at.with_timezone(&Utc));
                    match r.delivery_method.as_deref() {
                        Some("online") => t.tf(Key::ResultReceivedText, &[("at", &at)]),
                        _ => t.tf(Key::ResultDeliveredOtherwise, &[("at", &at)]),
                    }
                }),
                verify_url: format!("/xac-thuc/{}", r.id),
            });
        }
    }
    let owner = actor.account_id() == Some(row.owner_id.as_str());
    if owner && row.fee_due_vnd.unwrap_or(0) > 0 {
        use domain::payments::online;
        let payments = online::of_dossier(db, &row.id).await?;
        let paid = payments.iter().find(|p| p.status == "paid");
        let pending = online::pending(&payments, now);
        let pay_again = pending.is_some_and(|p| p.gateway == "vnpay");
        let pending = pending.is_some();
        let state = if domain::payments::money::is_paid(row.fee_due_vnd, &payments) {
            "paid"
        } else if pending {
            "pending"
        } else if payments.first().is_some_and(|p| p.status == "failed") {
            "failed"
        } else {
            "unpaid"
        };
        out.payment = Some(PaymentView {
            state: state.to_owned(),
            paid_at: paid
                .and_then(|p| p.paid_at)
                .map(|at| vietnam_time(at.with_timezone(&Utc))),
            reference: paid.and_then(|p| p.gateway_txn_no.clone()),
            receipt_url: paid.map(|p| format!("/ho-so/{}/bien-lai/{}.pdf", row.id, p.txn_ref)),
            can_pay: matches!(state, "unpaid" | "failed") && lifecycle::OPEN.contains(&status),
            can_pay_again: state == "pending" && pay_again && lifecycle::OPEN.contains(&status),
            balance_vnd: domain::payments::money::balance(row.fee_due_vnd, &payments),
            transfer: transfer_view(t, &payments, now),
        });
    }
    if owner {
        let agencies = domain::catalogue::agencies(db).await?;
        out.access = domain::dossiers::access_log::for_applicant(db, actor, &row.id)
            .await?
            .into_iter()
            .map(|a| AccessView {
                at: vietnam_time(a.at),
                agency: agencies
                    .iter()
                    .find(|x| x.code == a.agency_code)
                    .map_or(a.agency_code.clone(), |x| x.name.clone()),
                roles: a
                    .roles
                    .iter()
                    .filter_map(|r| Key::from_name(&format!("role_{}", r.code())))
                    .map(|k| t.t(k).to_owned())
                    .collect::<Vec<_>>()
                    .join(", "),
                what: t
                    .t(match a.kind {
                        "view" => Key::AccessView,
                        "result" => Key::AccessResult,
                        _ => Key::AccessChange,
                    })
                    .to_owned(),
            })
            .collect();
    }
    Ok(out)
}
