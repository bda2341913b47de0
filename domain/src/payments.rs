//! Fees and online payment: the gateways' protocols ([`vnpay`]) and paying a dossier's fee
//! ([`online`]).

pub mod fees;
pub mod online;
pub mod reconciliation;
pub mod refunds;
pub mod vnpay;
pub mod vnpay_api;
