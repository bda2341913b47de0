//! The one-stop back office (Một cửa điện tử), desktop first: the queues of the staff member's
//! agency with search and bulk assignment, a dossier's page with its documents, workflow,
//! timeline and the actions the viewer may take, and the counter intake. Every action is a
//! plain form post, so the pages work without JavaScript too; `domain` decides what is allowed.

mod actions;
pub mod counter_intake;
pub mod dossier;
mod payments;
mod postal;
pub mod queue;
mod result;
pub mod wallboard;
