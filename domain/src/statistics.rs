//! Public statistics and the service-quality index (issue 24, DOMAIN.md "Transparency and
//! monitoring"). The figures come from [`rollup`], kept in the same transaction as each change
//! to a dossier or a rating, never from scanning dossiers when a page is asked for: a province
//! files millions of dossiers a year.
//!
//! [`period`] names the spans people ask about (a month, a quarter, a year, or from one day to
//! another) and the one before each; [`figures`] sums the rollups of a choice of agencies
//! (an agency with the agencies under it) and procedures over a period into the published
//! figures.

pub mod figures;
pub mod index766;
pub mod open_data;
pub mod period;
pub mod rebuild;
pub mod report;
pub mod rollup;
pub mod wallboard;
