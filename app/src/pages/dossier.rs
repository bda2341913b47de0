//! Online filing, server-rendered and hydrated: the start page, one page per step (applicant,
//! form, documents, delivery, review), the filed dossier's page and "my dossiers".
//!
//! Every step is a plain HTML form posted to the server (`/ho-so/{id}/luu/{step}`), which saves
//! the draft whatever was typed and sends the applicant on, or back with the problems listed:
//! the same with and without JavaScript. JavaScript adds upload progress and showing or hiding
//! conditional fields as the applicant answers.
//!
//! One module per page (`start`, `steps`, `filed`, `my_dossiers`); the others hold what those
//! pages are made of, each step's body and the inputs they share.

mod delivery;
mod documents;
pub mod filed;
mod form_fields;
mod inputs;
pub mod my_dossiers;
mod payment;
pub(crate) mod rating;
mod review;
pub mod start;
mod step_parts;
pub mod steps;
