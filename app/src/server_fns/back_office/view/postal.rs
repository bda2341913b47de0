//! A staff dossier's postal return.

use chrono::Utc;
use domain::access::Actor;
use domain::dossiers::deadlines::local_text;

use crate::dto::back_office::{ShipmentView, StaffPostalView};
use crate::error::AppError;
use crate::format::fee_text;
use crate::i18n::{Key, Locale};

/// Postal return of `row`'s result: where it goes, the fee, the shipments with the
/// carrier's updates, and whether the viewer may hand it over now.
pub(super) async fn postal_view(
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
    let money = |v: i64| fee_text(t, v);
    let fee = match (row.postal_fee_vnd, delivery.postal_payment) {
        (Some(f), PostalPayment::WithFee) => t.tf(Key::PostalFeeWithFee, &[("amount", &money(f))]),
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
