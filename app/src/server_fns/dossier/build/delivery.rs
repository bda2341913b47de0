//! How the result comes home: the delivery step (and its change after filing), and a filed
//! dossier's delivery in words with whether its owner may still change it.

use std::collections::HashMap;

use chrono::Utc;
use domain::access::Actor;
use domain::db::DatabaseConnection;
use domain::dossiers::{Delivery, Loaded, Status, Step};
use domain::postal;
use leptos::serde_json;

use super::fields::{address, address_text, Communes};
use crate::dto::dossier::*;
use crate::error::AppError;
use crate::i18n::{Key, Locale};

/// The delivery choice `d` as the page shows it; the postal tariff only on the delivery page.
pub(super) async fn delivery_view(
    t: Locale,
    db: &DatabaseConnection,
    d: Delivery,
    electronic_offered: bool,
    shown: Step,
    communes: &mut Communes<'_>,
    errors: &HashMap<String, String>,
) -> Result<DeliveryView, AppError> {
    Ok(DeliveryView {
        method: match d.method {
            domain::dossiers::DeliveryMethod::Unset => String::new(),
            m => serde_json::to_value(m)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default(),
        },
        recipient: d.recipient,
        phone: d.phone,
        address: address(
            communes,
            "delivery-address",
            &d.province,
            &d.commune,
            &d.street,
            errors,
        )
        .await,
        electronic: electronic_offered,
        postal_payment: d.postal_payment.code().to_owned(),
        // The tariff is read only where it is shown.
        postal_fees: if shown != Step::Delivery {
            String::new()
        } else {
            let today = Utc::now()
                .with_timezone(&domain::dossiers::codes::vietnam())
                .date_naive();
            let money = |v: i64| crate::format::fee_text(t, v);
            match domain::postal::tariff::fees(db, today).await? {
                (Some(within), Some(other)) => t.tf(
                    Key::PostalFeesHint,
                    &[("within", &money(within)), ("other", &money(other))],
                ),
                _ => String::new(),
            }
        },
    })
}

/// A filed dossier's delivery as label and answer rows (with the postal fee once known), and
/// whether its owner may still change it. A draft has neither: its review page says it all.
pub(super) async fn filed_delivery(
    t: Locale,
    db: &DatabaseConnection,
    actor: &Actor,
    loaded: &Loaded,
    id: &str,
    delivery: &DeliveryView,
    provinces: &[Choice],
) -> Result<(Vec<(String, String)>, bool), AppError> {
    Ok(if loaded.status == Status::Draft {
        (Vec::new(), false)
    } else {
        let mut rows = delivery_rows(t, delivery, provinces);
        if let Some(fee) = loaded
            .dossier
            .postal_fee_vnd
            .filter(|_| delivery.method == "post")
        {
            rows.push((
                t.t(Key::FieldPostalFee).to_owned(),
                crate::format::fee_text(t, fee),
            ));
        }
        let shipped = postal::shipments::of_dossier(db, id).await?;
        let payments = domain::payments::online::of_dossier(db, id).await?;
        let may =
            postal::choice::may_change(actor, &loaded.dossier, &shipped, &payments, Utc::now());
        (rows, may)
    })
}

/// How the result comes home, as label and answer rows (review page, filed dossier).
pub(super) fn delivery_rows(
    t: Locale,
    d: &DeliveryView,
    provinces: &[Choice],
) -> Vec<(String, String)> {
    let method = match d.method.as_str() {
        "desk" => t.t(Key::DeliveryDesk),
        "electronic" => t.t(Key::DeliveryElectronic),
        "post" => t.t(Key::DeliveryPost),
        _ => "",
    };
    let mut rows = vec![(t.t(Key::FieldDeliveryMethod).to_owned(), method.to_owned())];
    if d.method == "post" {
        rows.push((t.t(Key::FieldRecipient).to_owned(), d.recipient.clone()));
        rows.push((t.t(Key::FieldPhone).to_owned(), d.phone.clone()));
        rows.push((
            t.t(Key::FieldAddressPost).to_owned(),
            address_text(&d.address, provinces),
        ));
        rows.push((
            t.t(Key::FieldPostalPayment).to_owned(),
            match d.postal_payment.as_str() {
                "with_fee" => t.t(Key::PostalPaymentWithFee),
                _ => t.t(Key::PostalPaymentOnDelivery),
            }
            .to_owned(),
        ));
    }
    rows
}
