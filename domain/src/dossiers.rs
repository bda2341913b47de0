//! Dossiers filed online: a draft the applicant fills step by step (saved on the server at every
//! step, so it resumes on any device), then an idempotent submission that gives the dossier its
//! code, freezes the procedure version and the fee due, and opens the timeline.
//!
//! Drafts keep answers exactly as typed, valid or not, so nothing is ever lost; what still needs
//! fixing is computed by [`checks`] and shown to the applicant. A step counts as done only once
//! its answers pass, and the journey always sends the applicant to the first step not done.

pub mod access_log;
pub mod attachments;
pub(crate) mod change;
pub mod checks;
pub mod codes;
pub mod counter;
pub mod deadlines;
pub mod drafts;
pub mod escalation;
pub mod expiry;
pub mod files;
pub mod lifecycle;
pub mod lookup;
pub mod notice;
pub mod processing;
pub mod queues;
pub mod staff_view;
pub mod submission;
pub mod tally;
pub mod timeline;
pub mod visibility;
pub mod workflow;

use serde::{Deserialize, Serialize};

use crate::access::Actor;
use crate::catalogue::ProcedureDetails;
use crate::entities::{dossier, procedure_version};
use crate::error::{DomainError, DomainResult};
use crate::forms::FormSchema;

/// Lifecycle statuses, with the national synchronisation codes (1–10) after the draft.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Being filled in; not yet filed.
    Draft,
    /// 1 — filed, waiting for intake.
    Submitted,
    /// 2 — accepted by the desk.
    Accepted,
    /// 3 — refused at intake.
    Refused,
    /// 4 — being processed.
    Processing,
    /// 5 — the applicant must supply more.
    SupplementRequested,
    /// 6 — waiting for payment.
    AwaitingPayment,
    /// 7 — withdrawn by the applicant.
    Withdrawn,
    /// 8 — processing stopped.
    Stopped,
    /// 9 — the result is ready.
    Processed,
    /// 10 — the result was returned.
    Returned,
}

impl Status {
    /// Every status, in lifecycle order.
    pub const ALL: [Status; 11] = [
        Status::Draft,
        Status::Submitted,
        Status::Accepted,
        Status::Refused,
        Status::Processing,
        Status::SupplementRequested,
        Status::AwaitingPayment,
        Status::Withdrawn,
        Status::Stopped,
        Status::Processed,
        Status::Returned,
    ];

    /// Stored code.
    pub fn code(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Submitted => "submitted",
            Status::Accepted => "accepted",
            Status::Refused => "refused",
            Status::Processing => "processing",
            Status::SupplementRequested => "supplement_requested",
            Status::AwaitingPayment => "awaiting_payment",
            Status::Withdrawn => "withdrawn",
            Status::Stopped => "stopped",
            Status::Processed => "processed",
            Status::Returned => "returned",
        }
    }

    /// The national status number (none for a draft).
    pub fn national_code(self) -> Option<u8> {
        Status::ALL
            .iter()
            .position(|s| *s == self)
            .and_then(|i| u8::try_from(i).ok())
            .filter(|n| *n > 0)
    }

    /// Parses a stored code.
    pub fn from_code(code: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// The steps of the online journey, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// Who applies (prefilled from the profile), for whom, and where the dossier is filed.
    Applicant,
    /// The procedure's form.
    Form,
    /// The documents.
    Documents,
    /// How the result is returned.
    Delivery,
    /// Check your answers, declaration and submission.
    Review,
}

impl Step {
    /// Steps in order.
    pub const ALL: [Step; 5] = [
        Step::Applicant,
        Step::Form,
        Step::Documents,
        Step::Delivery,
        Step::Review,
    ];

    /// Stored code.
    pub fn code(self) -> &'static str {
        match self {
            Step::Applicant => "applicant",
            Step::Form => "form",
            Step::Documents => "documents",
            Step::Delivery => "delivery",
            Step::Review => "review",
        }
    }

    /// URL segment (Vietnamese).
    pub fn slug(self) -> &'static str {
        match self {
            Step::Applicant => "nguoi-nop",
            Step::Form => "to-khai",
            Step::Documents => "giay-to",
            Step::Delivery => "nhan-ket-qua",
            Step::Review => "kiem-tra",
        }
    }

    /// Parses a code or URL segment.
    pub fn parse(text: &str) -> Option<Step> {
        Step::ALL
            .into_iter()
            .find(|s| s.code() == text || s.slug() == text)
    }

    /// The step after this one.
    pub fn next(self) -> Option<Step> {
        let i = Step::ALL.iter().position(|s| *s == self)?;
        Step::ALL.get(i + 1).copied()
    }
}

/// For whom the applicant files.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OnBehalf {
    /// For themselves.
    #[default]
    Myself,
    /// For another person (a child, a parent, under a power of attorney).
    Other,
    /// For a business the applicant belongs to.
    Organisation,
}

/// Who applies: the account holder's details (prefilled from the profile, editable), and the
/// person or business the dossier is for. Kept as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Applicant {
    /// For whom.
    pub on_behalf: OnBehalf,
    /// Applicant's full name.
    pub full_name: String,
    /// Applicant's citizen ID.
    pub citizen_id: String,
    /// Applicant's date of birth, `yyyy-mm-dd`.
    pub date_of_birth: String,
    /// Mobile phone.
    pub phone: String,
    /// E-mail (the confirmation goes there).
    pub email: String,
    /// Province code of the residence.
    pub province: String,
    /// Commune code of the residence.
    pub commune: String,
    /// House number and street.
    pub street: String,
    /// The other person's full name (`Other`).
    pub subject_name: String,
    /// The other person's citizen ID (`Other`), when they have one.
    pub subject_citizen_id: String,
    /// Relationship to the other person (`Other`).
    pub relation: String,
    /// The business (`Organisation`).
    pub organisation_id: String,
    /// The commune People's Committee chosen to receive the dossier (commune-level procedures).
    pub receiving_agency: String,
}

/// How the result is returned.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DeliveryMethod {
    /// Not chosen yet.
    #[default]
    Unset,
    /// Collected at the desk.
    Desk,
    /// Downloaded from the portal (electronic result).
    Electronic,
    /// Sent by post to an address.
    Post,
}

/// How the postal fee of a result sent by post is paid.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PostalPayment {
    /// To the postman, on delivery (cash on delivery).
    #[default]
    OnDelivery,
    /// With the dossier's fee, online.
    WithFee,
}

impl PostalPayment {
    /// Stable code (form values).
    pub fn code(self) -> &'static str {
        match self {
            PostalPayment::OnDelivery => "on_delivery",
            PostalPayment::WithFee => "with_fee",
        }
    }

    /// Parses a code; anything else is paid on delivery.
    pub fn parse(code: &str) -> PostalPayment {
        if code == "with_fee" {
            PostalPayment::WithFee
        } else {
            PostalPayment::OnDelivery
        }
    }
}

/// The result's way home. The postal fee is frozen on the dossier from the tariff
/// (`postal::tariff`) when the dossier is filed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Delivery {
    /// Method.
    pub method: DeliveryMethod,
    /// Recipient (post).
    pub recipient: String,
    /// Recipient's phone (post).
    pub phone: String,
    /// Province code (post).
    pub province: String,
    /// Commune code (post).
    pub commune: String,
    /// House number and street (post).
    pub street: String,
    /// How the postal fee is paid (post).
    pub postal_payment: PostalPayment,
}

impl Delivery {
    /// The part of `postal_fee` that is paid online with the dossier's fee (the rest, if any,
    /// goes to the postman): the one place that says how a postal fee splits.
    pub fn postal_with_fee(&self, postal_fee: Option<i64>) -> i64 {
        match (self.method, self.postal_payment) {
            (DeliveryMethod::Post, PostalPayment::WithFee) => postal_fee.unwrap_or(0),
            _ => 0,
        }
    }

    /// The part of `postal_fee` the postman collects.
    pub fn postal_on_delivery(&self, postal_fee: Option<i64>) -> i64 {
        match (self.method, self.postal_payment) {
            (DeliveryMethod::Post, PostalPayment::OnDelivery) => postal_fee.unwrap_or(0),
            _ => 0,
        }
    }
}

/// A dossier with the procedure version it follows.
#[derive(Clone, Debug)]
pub struct Loaded {
    /// The row.
    pub dossier: dossier::Model,
    /// The procedure version (the current one while a draft, the frozen one after).
    pub version: procedure_version::Model,
    /// Published sections of that version.
    pub details: ProcedureDetails,
    /// Its form (the procedure's own, or the default one).
    pub form: FormSchema,
    /// Status.
    pub status: Status,
}

impl Loaded {
    /// The applicant part.
    pub fn applicant(&self) -> Applicant {
        serde_json::from_value(self.dossier.applicant.clone()).unwrap_or_default()
    }

    /// The agency whose desk receives the dossier: the procedure's fixed one, or the commune
    /// People's Committee the applicant chose.
    pub fn receiving_agency(&self) -> Option<String> {
        self.details
            .receiving
            .as_ref()
            .and_then(|r| r.agency.clone())
            .or_else(|| {
                let chosen = self.applicant().receiving_agency;
                (!chosen.is_empty()).then_some(chosen)
            })
    }

    /// The delivery part.
    pub fn delivery(&self) -> Delivery {
        serde_json::from_value(self.dossier.delivery.clone()).unwrap_or_default()
    }

    /// Steps done.
    pub fn done(&self) -> Vec<Step> {
        self.dossier
            .progress
            .split(',')
            .filter_map(Step::parse)
            .collect()
    }

    /// The first step not done yet (the review once all others are).
    pub fn resume_step(&self) -> Step {
        let done = self.done();
        Step::ALL
            .into_iter()
            .find(|s| !done.contains(s))
            .unwrap_or(Step::Review)
    }

    /// The step to show when `wanted` is asked for: never past the first one not done.
    pub fn allowed_step(&self, wanted: Step) -> Step {
        wanted.min(self.resume_step())
    }
}

/// The version's content as imported: the row, with its form.
fn version_parts(
    version: &procedure_version::Model,
) -> DomainResult<(ProcedureDetails, Option<FormSchema>)> {
    let row: crate::catalogue_import::ProcedureRow =
        serde_json::from_value(version.content.clone()).map_err(|e| {
            DomainError::Internal(format!(
                "procedure {} v{}: {e}",
                version.procedure_code, version.version
            ))
        })?;
    // Slots the online form itself replaces are not uploaded.
    let form = row.form.clone().map(|mut form| {
        form.documents.retain(|slot| !slot.filled_online);
        form
    });
    let details = crate::catalogue_import::details_of(&row);
    Ok((details, form))
}

/// The owner's account id, or `NotFound` for anyone else (a dossier's existence is private).
fn owned_by(actor: &Actor, dossier: &dossier::Model) -> DomainResult<()> {
    match actor {
        Actor::Anonymous => Err(DomainError::Unauthorized),
        _ if actor.account_id() == Some(dossier.owner_id.as_str()) => Ok(()),
        _ => Err(DomainError::NotFound(format!("dossier {}", dossier.id))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_carry_the_national_codes() {
        assert_eq!(Status::Draft.national_code(), None);
        assert_eq!(Status::Submitted.national_code(), Some(1));
        assert_eq!(Status::Returned.national_code(), Some(10));
        for s in Status::ALL {
            assert_eq!(Status::from_code(s.code()), Some(s));
        }
    }

    #[test]
    fn steps_parse_from_codes_and_slugs() {
        for s in Step::ALL {
            assert_eq!(Step::parse(s.code()), Some(s));
            assert_eq!(Step::parse(s.slug()), Some(s));
        }
        assert_eq!(Step::Delivery.next(), Some(Step::Review));
        assert_eq!(Step::Review.next(), None);
    }
}
