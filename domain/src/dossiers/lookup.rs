//! The public lookup of a dossier by its code (printed on the receipt) and a second factor:
//! the last four digits of the applicant's phone number or citizen ID. Anyone holding the
//! receipt can follow the dossier without signing in, and the answer carries no personal data:
//! status, the agency holding it, dates and time left.
//!
//! A wrong second factor is answered like an unknown code, so the lookup does not tell which
//! codes exist. Failures are limited per address and per (address, code) (`rate_limit`), never
//! per code alone: guesses from strangers' addresses cannot block the applicant's own lookup.
//! Each lookup is counted before it is answered, in the statement that checks the allowance, so
//! parallel guesses count like sequential ones; a right answer gives its count back, so kiosks
//! and the receipt's QR code are never slowed.

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use super::codes::looks_like_code;
use super::deadlines::Clock;
use super::lifecycle::OPEN;
use super::processing::utc;
use super::{Applicant, Status};
use crate::entities::{agency, dossier, procedure};
use crate::error::{invalid, DomainError, DomainResult};
use crate::rate_limit::{self, Limit};

/// What the public may see of a dossier.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicStatus {
    /// Dossier code.
    pub code: String,
    /// Procedure code and name.
    pub procedure_code: String,
    /// Procedure name.
    pub procedure_name: String,
    /// Current status.
    pub status: Status,
    /// Code of the agency holding the dossier now (none once finished).
    pub holding_agency_code: Option<String>,
    /// Its name.
    pub holding_agency_name: Option<String>,
    /// Filed at.
    pub submitted_at: Option<DateTime<Utc>>,
    /// Result due at.
    pub due_at: Option<DateTime<Utc>>,
    /// Working minutes left while open (negative: late).
    pub minutes_left: Option<i64>,
    /// The clock is stopped, waiting for the applicant.
    pub paused: bool,
    /// Finished at (returned, refused, withdrawn, stopped).
    pub finished_at: Option<DateTime<Utc>>,
}

/// Normalises a typed code: trimmed, upper case. A kiosk's barcode scanner reading the
/// receipt's QR code types its whole address (`…/tra-cuu?code=…`): the code is taken from it.
/// `None` when it cannot be a dossier code.
pub fn normalise_code(text: &str) -> Option<String> {
    let text = text.trim();
    let text = text
        .split_once("code=")
        .map_or(text, |(_, rest)| rest.split('&').next().unwrap_or(rest));
    let code = text.trim().to_uppercase();
    (code.len() <= 40 && looks_like_code(&code)).then_some(code)
}

/// True when `factor` (four digits) ends the applicant's phone number or citizen ID.
pub fn factor_matches(applicant: &Applicant, factor: &str) -> bool {
    let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
    [&applicant.phone, &applicant.citizen_id]
        .into_iter()
        .map(|s| digits(s))
        .any(|d| d.len() >= 4 && d.ends_with(factor))
}

/// The applicant as the second factor may use it: the phone number only when it is the
/// owner's *verified* mobile number (issue #22: a typed number proves nothing, and whoever
/// typed it would hold the factor); the citizen ID as filed.
async fn verified_factors<C: ConnectionTrait>(
    db: &C,
    row: &dossier::Model,
) -> DomainResult<Applicant> {
    let mut applicant: Applicant =
        serde_json::from_value(row.applicant.clone()).unwrap_or_default();
    let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
    let owner = crate::entities::account::Entity::find_by_id(row.owner_id.clone())
        .one(db)
        .await?;
    let verified = owner
        .as_ref()
        .and_then(|a| a.verified_phone())
        .is_some_and(|p| !p.is_empty() && digits(p) == digits(&applicant.phone));
    if !verified {
        applicant.phone.clear();
    }
    Ok(applicant)
}

/// Looks a dossier up for the public. `client` is the caller's address (for the failure
/// limit). Errors: `Validation` naming `code` or `factor` when they cannot be right,
/// `NotFound` for an unknown code or a wrong factor, `RateLimited` after too many failures.
pub async fn lookup<C: ConnectionTrait>(
    db: &C,
    code: &str,
    factor: &str,
    client: &str,
    now: DateTime<Utc>,
) -> DomainResult<PublicStatus> {
    let code = normalise_code(code).ok_or_else(|| {
        invalid(
            "code",
            "lookup_code",
            "a dossier code looks like 000.00.02.H53-250103-0001",
        )
    })?;
    let factor = factor.trim();
    if factor.len() != 4 || !factor.bytes().all(|b| b.is_ascii_digit()) {
        return Err(invalid(
            "factor",
            "lookup_factor",
            "give the last 4 digits of the applicant's phone number or citizen ID",
        ));
    }
    let client_code = format!("{client}|{code}");
    rate_limit::hit(db, Limit::LOOKUP_MISS_IP, client).await?;
    rate_limit::hit(db, Limit::LOOKUP_MISS_IP_CODE, &client_code).await?;
    let found = dossier::Entity::find()
        .filter(dossier::Column::Code.eq(code.as_str()))
        .one(db)
        .await?;
    let found = match found {
        Some(d) if factor_matches(&verified_factors(db, &d).await?, factor) => Some(d),
        _ => None,
    };
    let Some(d) = found else {
        // The miss keeps its count.
        return Err(DomainError::NotFound("dossier".into()));
    };
    rate_limit::refund(db, Limit::LOOKUP_MISS_IP, client).await?;
    rate_limit::refund(db, Limit::LOOKUP_MISS_IP_CODE, &client_code).await?;
    let status = Status::from_code(&d.status)
        .ok_or_else(|| DomainError::Internal(format!("unknown status {}", d.status)))?;
    let procedure_name = procedure::Entity::find_by_id(d.procedure_code.clone())
        .one(db)
        .await?
        .map(|p| p.name)
        .unwrap_or_default();
    let open = OPEN.contains(&status);
    let holding = d.holding_agency_code.clone().filter(|_| open);
    let holding_agency_name = match &holding {
        Some(c) => agency::Entity::find_by_id(c.clone())
            .one(db)
            .await?
            .map(|a| a.name),
        None => None,
    };
    let due_at = utc(d.due_at);
    let paused_at = utc(d.paused_at);
    let minutes_left = match (due_at, open) {
        (Some(due), true) => {
            let clock = Clock::for_agency(db, holding.as_deref().unwrap_or_default()).await?;
            Some(clock.left(paused_at.unwrap_or(now), due))
        }
        _ => None,
    };
    Ok(PublicStatus {
        code,
        procedure_code: d.procedure_code,
        procedure_name,
        status,
        holding_agency_code: holding,
        holding_agency_name,
        submitted_at: utc(d.submitted_at),
        due_at,
        minutes_left,
        paused: paused_at.is_some() && open,
        finished_at: utc(d.finished_at),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scanned_receipt_address_gives_its_code() {
        assert_eq!(
            normalise_code("https://dvc.example/tra-cuu?code=000.00.02.H53-261123-0001").as_deref(),
            Some("000.00.02.H53-261123-0001")
        );
        assert_eq!(
            normalise_code("http://x/tra-cuu?kiosk=1&code=000.00.02.h53-261123-0001&a=b")
                .as_deref(),
            Some("000.00.02.H53-261123-0001")
        );
    }

    fn applicant(phone: &str, citizen_id: &str) -> Applicant {
        Applicant {
            phone: phone.into(),
            citizen_id: citizen_id.into(),
            ..Applicant::default()
        }
    }

    #[test]
    fn the_factor_ends_the_phone_or_the_citizen_id() {
        let a = applicant("0912 000 001", "072190001234");
        assert!(factor_matches(&a, "0001"));
        assert!(factor_matches(&a, "1234"));
        assert!(!factor_matches(&a, "0912"));
        assert!(!factor_matches(&applicant("", ""), "0000"));
        assert!(!factor_matches(&applicant("123", ""), "0123"));
    }

    #[test]
    fn codes_are_normalised_and_junk_refused() {
        assert_eq!(
            normalise_code(" 000.00.02.h53-250103-0001 ").as_deref(),
            Some("000.00.02.H53-250103-0001")
        );
        for junk in [
            "",
            "abc",
            "000.00.02.H53",
            "'; drop table dossier; --",
            "1-2-3",
        ] {
            assert_eq!(normalise_code(junk), None, "{junk}");
        }
    }
}
