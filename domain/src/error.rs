//! The domain layer's one error type, with stable codes the outer layers map to HTTP statuses.

use sea_orm::DbErr;

/// Result alias used by every domain service.
pub type DomainResult<T> = Result<T, DomainError>;

/// What can go wrong in a domain service. The variants are deliberately coarse: each outer layer
/// maps them to its own status codes, and the real cause of `Internal` is logged there, never
/// shown to users.
#[derive(Debug, thiserror::Error)]
pub enum DomainError {
    /// The thing asked for does not exist (or the caller may not know that it does).
    #[error("not found: {0}")]
    NotFound(String),
    /// Input broke a rule; each entry names a field (or a file and line) and what is wrong.
    #[error("invalid input: {}", format_fields(.0))]
    Validation(Vec<FieldError>),
    /// The request conflicts with the current state (duplicate code, concurrent change, …).
    #[error("conflict: {0}")]
    Conflict(String),
    /// The caller is not signed in, or the credentials are wrong (deliberately vague).
    #[error("unauthorized")]
    Unauthorized,
    /// The caller is signed in but may not do this.
    #[error("forbidden: {0}")]
    Forbidden(String),
    /// Too many attempts; try again after the given number of seconds.
    #[error("rate limited for {retry_after_secs} s")]
    RateLimited {
        /// Seconds until the next attempt is allowed.
        retry_after_secs: u64,
    },
    /// Password sign-in is locked after repeated failures until the given time.
    #[error("account locked until {until}")]
    Locked {
        /// When password sign-in opens again.
        until: chrono::DateTime<chrono::Utc>,
    },
    /// A database or other infrastructure failure.
    #[error("database error: {0}")]
    Database(#[from] DbErr),
    /// Anything else that is the system's fault, not the caller's.
    #[error("internal error: {0}")]
    Internal(String),
}

/// One broken rule: which field (or `file:line`) and a human-readable explanation.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FieldError {
    /// Field name, parameter name or `file:line` location.
    pub field: String,
    /// What is wrong and how to fix it.
    pub message: String,
    /// Stable rule code (`citizen_id_century`, …) that user interfaces translate; empty for
    /// messages that are shown as they are (import reports for operators).
    #[serde(default)]
    pub code: String,
}

impl FieldError {
    /// Builds a field error.
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
            code: String::new(),
        }
    }

    /// Builds a field error with a rule code for translation and an English fallback message.
    pub fn rule(field: impl Into<String>, code: &str, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
            code: code.to_owned(),
        }
    }
}

/// The problems as one line; a long list (a bad import file) shows its first 20 and a count.
fn format_fields(fields: &[FieldError]) -> String {
    const SHOWN: usize = 20;
    let mut text = fields
        .iter()
        .take(SHOWN)
        .map(|f| format!("{}: {}", f.field, f.message))
        .collect::<Vec<_>>()
        .join("; ");
    if fields.len() > SHOWN {
        text.push_str(&format!("; … and {} more", fields.len() - SHOWN));
    }
    text
}

impl DomainError {
    /// A stable, serialisable code for clients (`not_found`, `validation`, …).
    pub fn code(&self) -> &'static str {
        match self {
            DomainError::NotFound(_) => "not_found",
            DomainError::Validation(_) => "validation",
            DomainError::Conflict(_) => "conflict",
            DomainError::Unauthorized => "unauthorized",
            DomainError::Forbidden(_) => "forbidden",
            DomainError::RateLimited { .. } => "rate_limited",
            DomainError::Locked { .. } => "locked",
            DomainError::Database(DbErr::RecordNotFound(_)) => "not_found",
            DomainError::Database(_) | DomainError::Internal(_) => "internal",
        }
    }

    /// The HTTP status of this error: the one source every surface (the JSON API, server
    /// functions, form posts) derives its answer from, so a conflict is 409 and a missing row
    /// 404 wherever it surfaces. A plain number: the domain does not depend on HTTP.
    pub fn status(&self) -> u16 {
        match self {
            DomainError::NotFound(_) | DomainError::Database(DbErr::RecordNotFound(_)) => 404,
            DomainError::Validation(_) => 400,
            DomainError::Conflict(_) => 409,
            DomainError::Unauthorized => 401,
            DomainError::Forbidden(_) | DomainError::Locked { .. } => 403,
            DomainError::RateLimited { .. } => 429,
            DomainError::Database(_) | DomainError::Internal(_) => 500,
        }
    }

    /// The caller's doing (a 4xx status): answered without an error-level log.
    pub fn is_client_error(&self) -> bool {
        self.status() < 500
    }

    /// Not found, whether a service said so or the database found no row.
    pub fn is_not_found(&self) -> bool {
        self.status() == 404
    }
}

/// Shorthand for a validation error with one field.
pub fn invalid(field: &str, code: &str, message: &str) -> DomainError {
    DomainError::Validation(vec![FieldError::rule(field, code, message)])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The code clients read and the status they get say the same thing.
    #[test]
    fn code_and_status_agree() {
        let cases = [
            (DomainError::NotFound("x".into()), "not_found", 404),
            (
                DomainError::Database(DbErr::RecordNotFound("row".into())),
                "not_found",
                404,
            ),
            (invalid("f", "c", "m"), "validation", 400),
            (DomainError::Conflict("x".into()), "conflict", 409),
            (DomainError::Unauthorized, "unauthorized", 401),
            (DomainError::Forbidden("x".into()), "forbidden", 403),
            (
                DomainError::RateLimited {
                    retry_after_secs: 5,
                },
                "rate_limited",
                429,
            ),
            (
                DomainError::Locked {
                    until: chrono::Utc::now(),
                },
                "locked",
                403,
            ),
            (DomainError::Internal("x".into()), "internal", 500),
            (
                DomainError::Database(DbErr::Custom("x".into())),
                "internal",
                500,
            ),
        ];
        for (error, code, status) in cases {
            assert_eq!((error.code(), error.status()), (code, status), "{error}");
            assert_eq!(error.is_client_error(), status < 500);
        }
    }
}
