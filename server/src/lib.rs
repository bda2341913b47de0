//! The portal's server: configuration, the axum router (pages, JSON API, operations endpoints),
//! and the command line. `main.rs` only calls [`cli::run`]; tests build the whole router
//! in-process with [`router::app`].

// Leptos view types nest deeply; the default limit (128) is too low for whole pages.
#![recursion_limit = "256"]

pub mod api;
pub mod auth;
pub mod backup;
#[cfg(feature = "bench")]
pub mod bench;
pub mod business_registry;
pub mod callbacks;
pub mod carrier_client;
pub mod cli;
pub mod config;
pub mod database;
pub mod form_errors;
pub mod form_memory;
pub mod forwarded;
pub mod html;
pub mod language;
pub mod mail;
pub mod national_id;
pub mod ops;
pub mod outbox_worker;
pub mod page_cache;
pub mod payouts_client;
pub mod request_context;
pub mod router;
pub mod routes;
pub mod security_headers;
#[cfg(feature = "simulators")]
pub mod simulators;
pub mod sms;
pub mod state;
pub mod storage;
pub mod telemetry;
pub mod tls;
pub mod uploads;
pub mod vnpay_client;
