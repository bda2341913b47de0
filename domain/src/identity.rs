//! Identifiers of people and businesses, checked the way the issuing authorities define them:
//! citizen ID (CCCD), tax code (MST), mobile numbers and e-mail addresses.
//!
//! Each check returns a [`crate::error::FieldError`] with a rule code that the interfaces turn
//! into a Vietnamese sentence naming the field and the fix.

pub mod citizen_id;
pub mod contact;
pub mod tax_code;
