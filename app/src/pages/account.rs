//! Account pages: sign-in, registration, e-mail and phone verification, password recovery, the
//! profile and the businesses a citizen acts for. Each form is a Leptos `ActionForm`: with
//! JavaScript it submits in place and keeps what was typed; without, it posts to the same
//! server function, which redirects back.

pub mod business;
pub mod password;
pub mod phone_verify;
pub mod profile;
pub mod register;
pub mod sign_in;
