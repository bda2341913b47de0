use super::*;

fn shipment(status: &str) -> shipment::Model {
    let t = chrono::Utc::now().fixed_offset();
    shipment::Model {
        id: "s".into(),
        dossier_id: "d".into(),
        carrier: "vnpost".into(),
        tracking_number: "EB000000015VN".into(),
        status: status.into(),
        recipient: String::new(),
        phone: String::new(),
        address: String::new(),
        cod_vnd: 0,
        created_by: None,
        created_at: t,
        updated_at: t,
        last_event_at: None,
        delivered_at: None,
        checked_at: None,
    }
}

#[test]
fn a_returned_shipment_frees_the_dossier_for_another() {
    assert!(live(&[]).is_none());
    assert!(live(&[shipment("returned")]).is_none());
    assert!(live(&[shipment("in_transit"), shipment("returned")]).is_some());
    assert!(live(&[shipment("delivered")]).is_some());
}

#[test]
fn answer_codes() {
    assert_eq!(UpdateAnswer::Accepted.code(), "00");
    assert_eq!(UpdateAnswer::Duplicate.code(), "02");
    assert_eq!(UpdateAnswer::BadSignature.code(), "97");
}
