//! The fee: the quote shown on the delivery and review steps, and the payment panel of a filed
//! dossier (paid, waiting for the bank, or the ways to pay).

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::components::form::CsrfField;
use crate::dto::dossier::*;
use crate::format::{error_text, fee_text};
use crate::i18n::{use_locale, Key};

/// The one fee quote (see `domain::payments::quote`): each line, the total due online, and the
/// postage paid on delivery — the same on the delivery step, check-answers, the payment panel
/// and the receipt.
#[component]
pub(super) fn FeeQuote(q: FeeQuoteView) -> impl IntoView {
    let t = use_locale();
    view! {
        <section class="fee-quote" aria-labelledby="fee-quote-h">
            <h3 id="fee-quote-h">{t.t(Key::QuoteTitle)}</h3>
            {if q.lines.is_empty() {
                view! { <p>{t.t(Key::QuoteFree)}</p> }.into_any()
            } else {
                view! {
                    <dl class="fee-lines">
                        {q.lines.into_iter().map(|(what, amount)| view! { <dt>{what}</dt><dd>{amount}</dd> }).collect_view()}
                        <dt class="fee-total">{t.t(Key::QuoteTotal)}</dt>
                        <dd class="fee-total"><strong>{q.total}</strong></dd>
                    </dl>
                }
                .into_any()
            }}
            {q.on_delivery.map(|o| view! { <p class="hint">{o}</p> })}
        </section>
    }
}

/// The fee: paid (with the bank's reference), waiting for the bank, or the button that opens
/// the gateway (a plain form post: it works without JavaScript).
#[component]
pub(super) fn PaymentPanel(d: DossierView, p: PaymentView) -> impl IntoView {
    let t = use_locale();
    let error = use_query_map().with_untracked(|q| {
        (q.get("thanh-toan").as_deref() == Some("loi")).then(|| q.get("ma").unwrap_or_default())
    });
    let found_paid =
        use_query_map().with_untracked(|q| q.get("thanh-toan").as_deref() == Some("da-nop"));
    let amount = fee_text(t, d.fee_vnd);
    view! {
        <section class="panel payment" aria-labelledby="payment-h">
            <h2 id="payment-h">{t.t(Key::PaymentTitle)}</h2>
            {error.map(|code| view! {
                <div class="notice notice-error" role="alert"><p>{error_text(t, &code)}</p></div>
            })}
            {found_paid.then(|| view! {
                <div class="notice notice-success" role="status"><p>{t.t(Key::PaymentFoundPaid)}</p></div>
            })}
            {(p.state != "paid").then(|| view! { <FeeQuote q=d.quote.clone() /> })}
            {match p.state.as_str() {
                "paid" => view! {
                    <p class="payment-state paid"><strong>{t.tf(Key::PaymentPaid, &[("amount", &amount), ("at", &p.paid_at.clone().unwrap_or_default())])}</strong></p>
                    {p.reference.clone().map(|r| view! { <p class="hint">{t.tf(Key::PaymentReference, &[("ref", &r)])}</p> })}
                    {p.receipt_url.clone().map(|u| view! { <p><a class="button" href=u download="">{t.t(Key::PaymentReceiptDownload)}</a></p> })}
                }
                .into_any(),
                "pending" => match p.transfer.clone() {
                    Some(tr) => view! { <TransferOrder tr=tr /> }.into_any(),
                    None => view! {
                        <p class="payment-state pending">{t.t(Key::PaymentPending)}</p>
                        {p.can_pay_again.then(|| view! {
                            <form method="post" action=format!("/ho-so/{}/thanh-toan-lai", d.id) class="pay-again-form">
                                <CsrfField />
                                <p class="hint">{t.t(Key::PaymentAgainHint)}</p>
                                <button type="submit" class="button button-secondary">{t.t(Key::PaymentAgain)}</button>
                            </form>
                        })}
                    }
                    .into_any(),
                },
                "failed" => view! { <p class="payment-state failed">{t.t(Key::PaymentFailed)}</p> }.into_any(),
                _ => view! { <p class="payment-state unpaid">{t.tf(Key::PaymentDue, &[("amount", &fee_text(t, p.balance_vnd))])}</p> }.into_any(),
            }}
            {p.can_pay.then(|| view! {
                <form method="post" action=format!("/ho-so/{}/thanh-toan", d.id) class="payment-form">
                    <CsrfField />
                    <button type="submit" class="button button-large">{t.t(Key::PaymentPay)}</button>
                    <p class="hint">{t.t(Key::PaymentHint)}</p>
                </form>
                <form method="post" action=format!("/ho-so/{}/thanh-toan/vietqr", d.id) class="transfer-form">
                    <CsrfField />
                    <button type="submit" class="button button-secondary">{t.t(Key::TransferPay)}</button>
                    <p class="hint">{t.t(Key::TransferHint)}</p>
                </form>
            })}
        </section>
    }
}

/// Money owed back: each refund order's amount and state (the bank's refusal when the account
/// must be checked), and while one waits for an account, the form that gives it (a plain form
/// post; what was typed comes back with the problem named).
#[component]
pub(super) fn RefundPanel(d: DossierView) -> impl IntoView {
    let t = use_locale();
    let (errors, given) = use_query_map().with_untracked(|q| {
        let errors: Vec<String> = if q.get("hoan-tien").as_deref() == Some("loi") {
            q.get("ma")
                .unwrap_or_default()
                .split(',')
                .map(str::to_owned)
                .collect()
        } else {
            Vec::new()
        };
        (errors, q.get("hoan-tien").as_deref() == Some("da-gui"))
    });
    let waiting = d.refunds.iter().any(|r| r.status == "awaiting_account");
    let kept = |name: &str| crate::session::kept_value(name).unwrap_or_default();
    let (bank, account, name) = (kept("bank"), kept("account"), kept("name"));
    let invalid = |code: &str| errors.iter().any(|e| e == code).then_some("true");
    view! {
        <section class="panel refunds" id="hoan-tien" aria-labelledby="refund-h" tabindex="-1">
            <h2 id="refund-h">{t.t(Key::RefundTitle)}</h2>
            <p>{t.t(Key::RefundLead)}</p>
            {given.then(|| view! { <div class="notice notice-success" role="status"><p>{t.t(Key::RefundGiven)}</p></div> })}
            {(!errors.is_empty()).then(|| view! {
                <div class="notice notice-error" role="alert">
                    {errors.iter().map(|code| view! { <p>{error_text(t, code)}</p> }).collect_view()}
                </div>
            })}
            <ul class="refund-list">
                {d.refunds.iter().map(|r| view! {
                    <li class=format!("refund refund-{}", r.status)>
                        <dl class="facts">
                            <dt>{t.t(Key::RefundAmount)}</dt><dd><strong>{r.amount.clone()}</strong></dd>
                            <dt>{t.t(Key::RefundState)}</dt><dd class="refund-state">{r.state.clone()}</dd>
                            {r.account.clone().map(|a| view! { <dt>{t.t(Key::RefundTo)}</dt><dd>{a}</dd> })}
                            {r.completed_at.clone().map(|at| view! { <dt>{t.t(Key::RefundDoneAt)}</dt><dd>{at}</dd> })}
                            {r.confirmed_at.clone().map(|at| view! { <dt>{t.t(Key::RefundConfirmedAt)}</dt><dd>{at}</dd> })}
                        </dl>
                        {r.problem.clone().map(|p| view! { <p class="field-error">{t.tf(Key::RefundProblem, &[("problem", &p)])}</p> })}
                    </li>
                }).collect_view()}
            </ul>
            {waiting.then(|| view! {
                <form method="post" action=format!("/ho-so/{}/hoan-tien", d.id) class="form refund-form" novalidate>
                    <CsrfField />
                    <h3>{t.t(Key::RefundFormTitle)}</h3>
                    <div class="field">
                        <label for="refund-bank">{t.t(Key::RefundBank)}</label>
                        <select id="refund-bank" name="bank" required aria-invalid=invalid("refund_bank_unknown")>
                            <option value="">{t.t(Key::RefundBankChoose)}</option>
                            {d.refund_banks.iter().map(|(bin, name)| view! {
                                <option value=bin.clone() selected=*bin == bank>{name.clone()}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="refund-account">{t.t(Key::RefundAccount)}</label>
                        <p class="field-hint" id="refund-account-hint">{t.t(Key::RefundAccountHint)}</p>
                        <input type="text" inputmode="numeric" id="refund-account" name="account" value=account autocomplete="off" required aria-describedby="refund-account-hint" aria-invalid=invalid("refund_account_number") />
                    </div>
                    <div class="field">
                        <label for="refund-name">{t.t(Key::RefundName)}</label>
                        <p class="field-hint" id="refund-name-hint">{t.t(Key::RefundNameHint)}</p>
                        <input type="text" id="refund-name" name="name" value=name autocomplete="name" required aria-describedby="refund-name-hint" aria-invalid=invalid("refund_account_name") />
                    </div>
                    <button type="submit" class="button">{t.t(Key::RefundSubmit)}</button>
                </form>
            })}
        </section>
    }
}

/// A VietQR transfer order: the code to scan and the same details to type, with what happens
/// next (the bank's notice confirms it; nothing to press here).
#[component]
fn TransferOrder(tr: TransferView) -> impl IntoView {
    let t = use_locale();
    view! {
        <div class="transfer-order" data-vietqr=tr.payload.clone()>
            <p class="payment-state pending">{t.tf(Key::TransferWaiting, &[("until", &tr.until)])}</p>
            <div class="transfer-qr" inner_html=tr.svg.clone()></div>
            <dl class="facts">
                <dt>{t.t(Key::TransferBank)}</dt><dd>{tr.bank.clone()}</dd>
                <dt>{t.t(Key::TransferAccount)}</dt><dd>{tr.account.clone()}</dd>
                <dt>{t.t(Key::TransferAccountName)}</dt><dd>{tr.account_name.clone()}</dd>
                <dt>{t.t(Key::TransferAmount)}</dt><dd>{fee_text(t, tr.amount_vnd)}</dd>
                <dt>{t.t(Key::TransferContent)}</dt><dd><strong class="transfer-reference">{tr.reference.clone()}</strong></dd>
            </dl>
            <p class="hint">{t.t(Key::TransferContentHint)}</p>
        </div>
    }
}
