//! A staff dossier's postal return panel.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::components::form::CsrfField;
use crate::dto::back_office::StaffPostalView;
use crate::format::{error_text, key_text};
use crate::i18n::{use_locale, Key};

/// Postal return: the recipient, the fee, each shipment with the carrier's updates, and the
/// desk's hand-over button.
#[component]
pub(super) fn PostalPanel(p: StaffPostalView, id: String) -> impl IntoView {
    let t = use_locale();
    let error = use_query_map().with_untracked(|q| {
        (q.get("chuyen-phat").as_deref() == Some("loi")).then(|| q.get("ma").unwrap_or_default())
    });
    let action = format!("/mot-cua/ho-so/{id}/chuyen-phat");
    view! {
        <section aria-labelledby="bo-postal-h" class="panel bo-postal">
            <h2 id="bo-postal-h">{t.t(Key::BoPostal)}</h2>
            {error.map(|code| view! {
                <div class="notice notice-error" role="alert"><p>{error_text(t, &code)}</p></div>
            })}
            <dl class="facts">
                <dt>{t.t(Key::FieldRecipient)}</dt><dd>{p.recipient.clone()}</dd>
                <dt>{t.t(Key::FieldAddressPost)}</dt><dd>{p.address.clone()}</dd>
                <dt>{t.t(Key::BoPostalFee)}</dt><dd>{p.fee.clone()}</dd>
                {(!p.collect.is_empty()).then(|| view! {
                    <dt>{t.t(Key::BoPostalCollect)}</dt><dd class="postal-collect">{p.collect.clone()}</dd>
                })}
            </dl>
            {p.shipments.iter().map(|s| view! {
                <div class="shipment">
                    <h3>
                        {t.tf(Key::BoShipmentTitle, &[("tn", &s.tracking_number), ("at", &s.created_at)])}
                        " — "<span class="shipment-status">{key_text(t, &format!("shipment_status_{}", s.status))}</span>
                    </h3>
                    {(!s.cod.is_empty()).then(|| view! { <p>{t.tf(Key::BoShipmentCod, &[("amount", &s.cod)])}</p> })}
                    {(!s.events.is_empty()).then(|| view! {
                        <ol class="shipment-events">
                            {s.events.iter().map(|(at, status, place)| view! {
                                <li><time>{at.clone()}</time>" · "{key_text(t, &format!("shipment_status_{status}"))}
                                    {(!place.is_empty()).then(|| format!(" — {place}"))}</li>
                            }).collect_view()}
                        </ol>
                    })}
                </div>
            }).collect_view()}
            {p.can_ship.then(|| view! {
                <form method="post" action=action.clone() class="form ship-form">
                    <CsrfField />
                    <p class="field-hint">{t.t(Key::BoShipHint)}</p>
                    <button type="submit" class="button">{t.t(Key::BoShip)}</button>
                </form>
            })}
        </section>
    }
}
