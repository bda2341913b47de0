//! A staff dossier's money panels: the payments with the refund button, and the fee with the
//! form that adds an extra fee.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::components::form::CsrfField;
use crate::dto::back_office::StaffDossierView;
use crate::format::{error_text, fee_text, key_text};
use crate::i18n::{use_locale, Key};

/// The fee's payments (status, references, a refund's error) and the desk's refund button.
#[component]
pub(super) fn PaymentsPanel(v: StaffDossierView) -> impl IntoView {
    let t = use_locale();
    let error = use_query_map().with_untracked(|q| {
        (q.get("hoan-phi").as_deref() == Some("loi")).then(|| q.get("ma").unwrap_or_default())
    });
    let action = format!("/mot-cua/ho-so/{}/hoan-phi", v.dossier.id);
    view! {
        <section aria-labelledby="bo-payments-h" class="panel bo-payments">
            <h2 id="bo-payments-h">{t.t(Key::BoPayments)}</h2>
            {error.map(|code| view! {
                <div class="notice notice-error" role="alert"><p>{error_text(t, &code)}</p></div>
            })}
            <div class="table-wrap">
                <table class="table">
                    <thead><tr>
                        <th scope="col">{t.t(Key::BoPaymentAt)}</th>
                        <th scope="col">{t.t(Key::BoPaymentAmount)}</th>
                        <th scope="col">{t.t(Key::BoPaymentStatus)}</th>
                        <th scope="col">{t.t(Key::BoPaymentReference)}</th>
                    </tr></thead>
                    <tbody>
                        {v.payments.iter().map(|p| view! {
                            <tr>
                                <td>{p.at.clone()}</td>
                                <td>{fee_text(t, p.amount_vnd)}</td>
                                <td>
                                    {key_text(t, &format!("payment_status_{}", p.status))}
                                    {p.refund_error.clone().map(|e| view! { <br /><span class="field-error">{t.tf(Key::BoRefundError, &[("error", &e)])}</span> })}
                                </td>
                                <td>{p.reference.clone()}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            {v.can_refund.then(|| view! {
                <form method="post" action=action.clone() class="form refund-form">
                    <CsrfField />
                    <button type="submit" class="button">{t.t(Key::BoRefund)}</button>
                </form>
            })}
        </section>
    }
}

/// The fee due and what was paid, and the form that adds an extra fee the applicant pays
/// online (a plain form: the amount is the staff member's, checked by the domain).
#[component]
pub(super) fn FeePanel(v: StaffDossierView) -> impl IntoView {
    let t = use_locale();
    let errors: Vec<String> = use_query_map().with_untracked(|q| {
        if q.get("phi").as_deref() == Some("loi") {
            q.get("ma")
                .unwrap_or_default()
                .split(',')
                .map(str::to_owned)
                .collect()
        } else {
            Vec::new()
        }
    });
    let action = format!("/mot-cua/ho-so/{}/phi-bo-sung", v.dossier.id);
    view! {
        <section aria-labelledby="bo-fee-h" class="panel bo-fee">
            <h2 id="bo-fee-h">{t.t(Key::BoFee)}</h2>
            {(!errors.is_empty()).then(|| view! {
                <div class="notice notice-error" role="alert">
                    {errors.iter().map(|code| view! { <p>{error_text(t, code)}</p> }).collect_view()}
                </div>
            })}
            {(!v.fee_summary.is_empty()).then(|| view! { <p>{v.fee_summary.clone()}</p> })}
            {v.can_add_fee.then(|| view! {
                <form method="post" action=action.clone() class="form fee-form">
                    <CsrfField />
                    <div class="form-item">
                        <label for="fee-amount">{t.t(Key::BoFeeAmount)}</label>
                        <p class="field-hint" id="fee-amount-hint">{t.t(Key::BoFeeAmountHint)}</p>
                        <input type="text" inputmode="numeric" id="fee-amount" name="amount" required aria-describedby="fee-amount-hint" />
                    </div>
                    <div class="form-item">
                        <label for="fee-reason">{t.t(Key::BoFeeReason)}</label>
                        <textarea id="fee-reason" name="reason" rows="2" maxlength="500" required></textarea>
                    </div>
                    <button type="submit" class="button">{t.t(Key::BoFeeAdd)}</button>
                </form>
            })}
            {(!v.refund_orders.is_empty()).then(|| view! {
                <h3>{t.t(Key::BoRefundOrders)}</h3>
                <ul class="bo-refund-orders">
                    {v.refund_orders.iter().map(|o| view! {
                        <li class:stuck=o.stuck>
                            <strong>{o.amount.clone()}</strong>" — "{o.state.clone()}" ("{t.tf(Key::BoRefundAttempts, &[("n", &o.attempts)])}")"
                            {o.stuck.then(|| view! { " " <strong class="badge badge-danger">{t.t(Key::BoRefundStuck)}</strong> })}
                            {o.error.clone().map(|e| view! { <p class="field-hint">{e}</p> })}
                            {o.can_send_again.then(|| view! {
                                <form method="post" action=format!("/mot-cua/hoan-tien/{}/gui-lai", o.id) class="inline">
                                    <CsrfField />
                                    <button type="submit" class="button button-secondary">{t.t(Key::BoRefundSendAgain)}</button>
                                </form>
                            })}
                        </li>
                    }).collect_view()}
                </ul>
            })}
            {v.fee_quantity.clone().map(|(n, per)| view! {
                <form method="post" action=format!("/mot-cua/ho-so/{}/so-luong-phi", v.dossier.id) class="form fee-quantity-form" novalidate>
                    <CsrfField />
                    <div class="form-item">
                        <label for="fee-quantity">{t.t(Key::BoFeeQuantity)}</label>
                        <p class="field-hint" id="fee-quantity-hint">{t.tf(Key::BoFeeQuantityHint, &[("n", &n), ("per", &per)])}</p>
                        <input type="number" min="1" max="1000" id="fee-quantity" name="quantity" value=n.to_string() required aria-describedby="fee-quantity-hint" />
                    </div>
                    <div class="form-item">
                        <label for="fee-quantity-reason">{t.t(Key::BoFeeQuantityReason)}</label>
                        <textarea id="fee-quantity-reason" name="reason" rows="2" maxlength="500" required></textarea>
                    </div>
                    <button type="submit" class="button button-secondary">{t.t(Key::BoFeeQuantitySave)}</button>
                </form>
            })}
        </section>
    }
}
