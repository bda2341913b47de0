//! Postal return of results (*trả kết quả qua bưu chính*): the tariff the postal fee comes
//! from ([`tariff`]), the carrier's protocol ([`carrier`]: creating a shipment, its signed
//! status updates) and the shipments of dossiers ([`shipments`]: the desk hands a result
//! over, the carrier's updates move it along, and its delivery returns the dossier) and the
//! applicant's change of the way home after filing ([`choice`]).

pub mod carrier;
pub mod choice;
pub mod remittance;
pub mod shipments;
pub mod tariff;
