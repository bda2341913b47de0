//! The files the portal writes and checks: the dossier receipt and slip PDFs, and PAdES
//! signatures of results (sign, verify). No database, no HTTP and nothing from `domain`: kept in
//! their own crate so that their heavy PDF and certificate dependencies compile once, and a
//! change to a domain service neither recompiles nor relinks them.

pub mod pades;
pub mod receipt_pdf;
