//! How the result comes home: the delivery step of a draft, and the change after filing.

use leptos::prelude::*;
use leptos_meta::Title;

use super::inputs::{AddressFields, TextInput};
use super::step_parts::Problems;
use crate::components::conditional::Conditional;
use crate::components::form::CsrfField;
use crate::components::live_form::LiveForm;
use crate::dto::dossier::*;
use crate::i18n::{use_locale, Key};

/// The choice of how the result comes home, with the postal address and how its fee is paid:
/// the draft's delivery step and the change after filing.
#[component]
pub(super) fn DeliveryFields(d: DossierView) -> impl IntoView {
    let t = use_locale();
    let dv = d.delivery.clone();
    let err = |id: &str| {
        d.problems
            .iter()
            .find(|p| p.id == id)
            .map(|p| p.message.clone())
    };
    let method_error = err("delivery-method").unwrap_or_default();
    let delivery_recipient_error = err("delivery-recipient");
    let delivery_phone_error = err("delivery-phone");
    let payment_error = err("delivery-postal_payment").unwrap_or_default();
    let radio = |value: &'static str, key: Key, hint: Key| {
        let id = format!("delivery-method-{value}");
        let checked = dv.method == value;
        view! {
            <div class="radio">
                <input type="radio" id=id.clone() name="delivery-method" value=value checked=checked aria-describedby=format!("{id}-hint") />
                <label for=id.clone()>{t.t(key)}</label>
                <p class="field-hint" id=format!("{id}-hint")>{t.t(hint)}</p>
            </div>
        }
    };
    view! {
        <fieldset class="fieldset" id="delivery-method" tabindex="-1" class:field-invalid=!method_error.is_empty()>
            <legend>{t.t(Key::FieldDeliveryMethod)}" *"</legend>
            {(!method_error.is_empty()).then(|| view! { <p class="field-error">{method_error.clone()}</p> })}
            {radio("desk", Key::DeliveryDesk, Key::DeliveryDeskHint)}
            {dv.electronic.then(|| radio("electronic", Key::DeliveryElectronic, Key::DeliveryElectronicHint))}
            {radio("post", Key::DeliveryPost, Key::DeliveryPostHint)}
        </fieldset>
        <Conditional rule="delivery-method=post".into() visible=dv.method == "post" when=t.t(Key::DeliveryPostWhen)>
            <TextInput id="delivery-recipient".into() label=t.t(Key::FieldRecipient).into() value=dv.recipient.clone() error=delivery_recipient_error.clone() required=true autocomplete="name" />
            <TextInput id="delivery-phone".into() label=t.t(Key::FieldPhone).into() value=dv.phone.clone() kind="tel" error=delivery_phone_error.clone() required=true autocomplete="tel" />
            <AddressFields address=dv.address.clone() provinces=d.provinces.clone() legend=t.t(Key::FieldAddressPost).into() />
            <fieldset class="fieldset" id="delivery-postal_payment" tabindex="-1" class:field-invalid=!payment_error.is_empty()>
                <legend>{t.t(Key::FieldPostalPayment)}</legend>
                {(!payment_error.is_empty()).then(|| view! { <p class="field-error">{payment_error.clone()}</p> })}
                {(!dv.postal_fees.is_empty()).then(|| view! { <p class="field-hint">{dv.postal_fees.clone()}</p> })}
                {[("on_delivery", Key::PostalPaymentOnDelivery), ("with_fee", Key::PostalPaymentWithFee)].into_iter().map(|(value, key)| {
                    let id = format!("delivery-postal_payment-{value}");
                    let checked = dv.postal_payment == value;
                    view! {
                        <div class="radio">
                            <input type="radio" id=id.clone() name="delivery-postal_payment" value=value checked=checked />
                            <label for=id>{t.t(key)}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
        </Conditional>
    }
}

/// `/ho-so/{id}/nhan-ket-qua` of a filed dossier: its owner changes how the result comes
/// home (a plain form post: it works without JavaScript; what was typed comes back with its
/// problems).
#[component]
pub(super) fn DeliveryChange(d: DossierView) -> impl IntoView {
    let t = use_locale();
    let code = d.code.clone().unwrap_or_default();
    let back = format!("/ho-so/{}", d.id);
    view! {
        <Title text=format!("{} — {}", t.t(Key::DeliveryChangeTitle), code) />
        <p class="breadcrumb"><a href=back.clone()>{format!("{} {}", t.t(Key::DossierCode), code)}</a></p>
        <h1>{t.t(Key::DeliveryChangeTitle)}</h1>
        {if d.delivery_changeable {
            view! {
                <p class="hint">{t.t(Key::DeliveryChangeLead)}</p>
                <Problems problems=d.problems.clone() id=d.id.clone() link_steps=false />
                <LiveForm>
                    <form method="post" action=format!("/ho-so/{}/doi-cach-nhan", d.id) class="form delivery-change" novalidate>
                        <CsrfField />
                        <DeliveryFields d=d.clone() />
                        <div class="form-actions">
                            <button type="submit" class="button">{t.t(Key::DeliveryChangeSave)}</button>
                            <a class="button button-secondary" href=back.clone()>{t.t(Key::DeliveryChangeBack)}</a>
                        </div>
                    </form>
                </LiveForm>
            }
            .into_any()
        } else {
            view! {
                <p class="notice">{t.t(Key::DeliveryChangeLocked)}</p>
                <p><a href=back.clone()>{t.t(Key::DeliveryChangeBack)}</a></p>
            }
            .into_any()
        }}
    }
}
