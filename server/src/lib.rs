//! The portal's server: configuration, the axum router (pages, JSON API, operations endpoints),
//! and the command line. `main.rs` only calls [`cli::run`]; tests build the whole router
//! in-process with [`router::app`].

// Leptos view types nest deeply; the default limit (128) is too low for whole pages.
#![recursion_limit = "256"]

pub mod api;
pub mod auth;
pub mod bank_simulator;
pub mod bench;
pub mod business_registry;
pub mod callbacks;
pub mod carrier_client;
pub mod carrier_simulator;
pub mod cli;
pub mod config;
pub mod dossier_routes;
pub mod form_errors;
pub mod forwarded;
pub mod language;
pub mod mail;
pub mod national_id;
pub mod ops;
pub mod outbox_worker;
pub mod page_cache;
pub mod payment_routes;
pub mod postal_routes;
pub mod result_routes;
pub mod router;
pub mod security_headers;
pub mod simulators;
pub mod sms;
pub mod state;
pub mod storage;
pub mod telemetry;
pub mod template_forms;
pub mod tls;
pub mod uploads;
pub mod vnpay_client;
pub mod vnpay_simulator;
