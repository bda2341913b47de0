//! Fees and online payment: the gateways' protocols ([`vnpay`], [`vietqr`]) and paying a
//! dossier's fee ([`online`]).

pub mod bank_transfer;
pub mod fees;
pub mod online;
pub mod reconciliation;
pub mod refunds;
pub mod vietqr;
pub mod vnpay;
pub mod vnpay_api;
