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
}

impl FieldError {
    /// Builds a field error.
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }
}

fn format_fields(fields: &[FieldError]) -> String {
    fields
        .iter()
        .map(|f| format!("{}: {}", f.field, f.message))
        .collect::<Vec<_>>()
        .join("; ")
}

impl DomainError {
    /// A stable, serialisable code for clients (`not_found`, `validation`, …).
    pub fn code(&self) -> &'static str {
        match self {
            DomainError::NotFound(_) => "not_found",
            DomainError::Validation(_) => "validation",
            DomainError::Conflict(_) => "conflict",
            DomainError::Database(DbErr::RecordNotFound(_)) => "not_found",
            DomainError::Database(_) | DomainError::Internal(_) => "internal",
        }
    }
}
