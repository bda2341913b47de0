//! Administration (`/quan-tri/…`): the staff of the administrator's agency (create, change
//! roles, disable), API tokens, the audit log with filters, failed messages, payment
//! reconciliations, the holiday calendar and procedures' workflows. What each administrator may
//! see and do is decided by `domain::access`; these pages only show the answer.

pub mod api_tokens;
pub mod audit;
pub mod counters;
pub mod failed_messages;
pub mod holidays;
pub mod reconciliation;
pub mod staff;
pub mod workflow;
