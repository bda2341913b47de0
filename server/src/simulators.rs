//! The built-in simulators of the systems the portal talks to — VNPay, the postal carrier, the
//! collecting bank, the SMS provider and the national identity provider — mounted under
//! `/gia-lap/…` so that development and tests run end to end offline.
//!
//! They never serve production: a production build leaves them out altogether (the cargo
//! feature `simulators`, on by default for development and tests), and even when compiled in
//! [`mount`] adds nothing when the environment is production, whatever the other settings say
//! (`Config::validate` refuses the settings that would have needed them). Each simulator lists its routes ([`SIMULATORS`]) so a test can ask the
//! production router for every one of them and get 404. Outside production each keeps at most
//! [`MAX_KEPT`] records in memory (the oldest dropped) and reads at most [`MAX_BODY`] bytes of a
//! request, so a simulator left reachable on a shared development machine cannot be used to
//! fill its memory.

pub mod bank;
pub mod business_registry;
pub mod carrier;
pub mod memory;
pub mod national_id;
pub mod sms;
pub mod vnpay;

pub use memory::{Bounded, MAX_KEPT};

use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderName, HeaderValue};
use axum::Router;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::state::AppState;

/// Largest request body a simulator reads (its real counterpart's requests are a few KB).
pub const MAX_BODY: usize = 64 * 1024;
/// Header naming the simulator that answered (`x-gia-lap: vnpay`), so a test tells a
/// simulator's answer from the site's own "not found" page.
pub const ANSWERED_BY: HeaderName = HeaderName::from_static("x-gia-lap");

/// A simulator's routes: (method, path below its mount).
pub type Routes = &'static [(&'static str, &'static str)];

/// Every simulator: its name, where it is mounted, and its routes (method, path below the
/// mount; `{…}` is a path parameter).
pub const SIMULATORS: [(&str, &str, Routes); 6] = [
    ("vnpay", vnpay::MOUNT, vnpay::PATHS),
    ("buu-chinh", carrier::MOUNT, carrier::PATHS),
    ("ngan-hang", bank::MOUNT, bank::PATHS),
    ("sms", crate::sms::MOUNT, sms::PATHS),
    ("dinh-danh", national_id::MOUNT, national_id::PATHS),
    (
        "dang-ky-kinh-doanh",
        crate::business_registry::MOUNT,
        business_registry::PATHS,
    ),
];

/// Every simulator route as (simulator, method, absolute path).
pub fn routes() -> Vec<(&'static str, &'static str, String)> {
    SIMULATORS
        .iter()
        .flat_map(|(name, mount, paths)| {
            paths
                .iter()
                .map(move |(method, path)| (*name, *method, format!("{mount}{path}")))
        })
        .collect()
}

/// Labels a simulator's answers and bounds the bodies it reads.
fn guarded<S: Clone + Send + Sync + 'static>(router: Router<S>, name: &'static str) -> Router<S> {
    router
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(SetResponseHeaderLayer::overriding(
            ANSWERED_BY,
            HeaderValue::from_static(name),
        ))
}

/// Mounts the simulators the configuration relies on — none in production.
pub fn mount(mut router: Router<AppState>, state: &AppState) -> Router<AppState> {
    let config = &state.config;
    if !config.simulators_served() {
        return router;
    }
    let base = config.public_url.trim_end_matches('/');
    if config.vnpay_pay_url.is_none() {
        if let Ok(vnpay) = config.vnpay() {
            let ipn = format!("{base}/thanh-toan/vnpay/ipn");
            let simulator = vnpay::Simulator::new(vnpay.secret, ipn);
            router = router.nest(vnpay::MOUNT, guarded(vnpay::routes(simulator), "vnpay"));
        }
    }
    if config.carrier_url.is_none() {
        if let Ok(carrier) = config.carrier() {
            let webhook = format!("{base}/buu-chinh/webhook");
            let simulator = carrier::Simulator::new(carrier.token, carrier.webhook_secret, webhook);
            router = router.nest(
                carrier::MOUNT,
                guarded(carrier::routes(simulator), "buu-chinh"),
            );
        }
    }
    if let (Ok((to, secret)), Ok(payout_secret)) = (config.vietqr(), config.payouts_secret()) {
        let notice = format!("{base}/thanh-toan/vietqr/thong-bao");
        let simulator = bank::Simulator::new(secret, notice).with_payouts(
            format!("{base}/thanh-toan/chi-ho/ket-qua"),
            payout_secret,
            to.account,
        );
        router = router.nest(bank::MOUNT, guarded(bank::routes(simulator), "ngan-hang"));
    }
    if config.sms_url.is_none() && !config.sms_disabled {
        router = router.nest(
            crate::sms::MOUNT,
            guarded(sms::routes(sms::Simulator::default()), "sms"),
        );
    }
    if let Some(simulator) = state.national_id.simulator.clone() {
        router = router.nest(
            national_id::MOUNT,
            guarded(national_id::routes(simulator), "dinh-danh"),
        );
    }
    if config.business_registry_url.is_none() {
        router = router.nest(
            crate::business_registry::MOUNT,
            guarded(
                business_registry::routes(&config.seed_dir),
                "dang-ky-kinh-doanh",
            ),
        );
    }
    router
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_simulator_lists_its_routes_under_gia_lap() {
        let routes = routes();
        assert!(routes.len() >= SIMULATORS.len());
        assert!(routes
            .iter()
            .all(|(_, method, path)| path.starts_with("/gia-lap/")
                && matches!(*method, "GET" | "POST")));
    }
}
