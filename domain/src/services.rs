//! What a service reaches besides the arguments its caller decides.
//!
//! A service that changes a dossier needs the database, often the file store and its virus
//! scanner, the wording of the notices it sends, where the request came from (for the audit
//! log) and the time it is served at. Passed one by one they made signatures of eight or nine
//! arguments, in an order each caller had to get right; passed as one [`Services`], a
//! signature lists only who acts, on what, and how, and a new part is added here once.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use object_store::ObjectStore;
use sea_orm::DatabaseConnection;

use crate::accounts::{Mailing, Notices};
use crate::antivirus::VirusScanner;
use crate::audit::Origin;

/// The parts one call works with, lent for its duration. `Copy`, so a service hands it on to
/// the services it calls; a test changes one part with `Services { now: later, ..services }`.
#[derive(Clone, Copy)]
pub struct Services<'a> {
    /// The database (a service opens its own transaction on it).
    pub db: &'a DatabaseConnection,
    /// Where uploaded files and issued results are kept.
    pub files: &'a dyn ObjectStore,
    /// The virus scanner uploads pass through.
    pub scanner: &'a dyn VirusScanner,
    /// How notices are worded and where their links point.
    pub mailing: Mailing<'a>,
    /// Where the request came from, for the audit log.
    pub origin: &'a Origin,
    /// The time the request is served at: every deadline and timestamp of the call uses it.
    pub now: DateTime<Utc>,
}

/// The long-lived parts behind [`Services`], as a server keeps them for every request. Cheap to
/// clone (handles and `Arc`s), so the UI's server functions get it from their context.
#[derive(Clone)]
pub struct Shared {
    /// The database pool.
    pub db: DatabaseConnection,
    /// The file store.
    pub files: Arc<dyn ObjectStore>,
    /// The virus scanner.
    pub scanner: Arc<dyn VirusScanner>,
    /// Public base URL without a trailing slash.
    pub base_url: Arc<str>,
    /// The wording of notices.
    pub notices: &'static dyn Notices,
}

impl Shared {
    /// Lends the parts to one request from `origin`, served at `now`.
    pub fn services<'a>(&'a self, origin: &'a Origin, now: DateTime<Utc>) -> Services<'a> {
        Services {
            db: &self.db,
            files: self.files.as_ref(),
            scanner: self.scanner.as_ref(),
            mailing: self.mailing(),
            origin,
            now,
        }
    }

    /// How notices are worded and where their links point.
    pub fn mailing(&self) -> Mailing<'_> {
        Mailing {
            base_url: &self.base_url,
            notices: self.notices,
        }
    }
}
