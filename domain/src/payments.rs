//! Fees and online payment (in progress, issue 9): the gateways' protocols first.

pub mod vnpay;
