//! The API layer's error: one JSON body for every failure, with a stable code, a message in
//! Vietnamese, and the fields at fault. The real cause of an internal error is logged here, once,
//! and never sent to the client.

use axum::extract::rejection::JsonRejection;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use domain::DomainError;
use serde::Serialize;
use utoipa::ToSchema;

/// One field or parameter at fault.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiFieldError {
    /// Field or query parameter name.
    pub field: String,
    /// What is wrong and how to fix it.
    pub message: String,
}

/// The error body of every API failure.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiErrorBody {
    /// Stable code: `not_found`, `validation`, `conflict`, `internal`, …
    pub code: &'static str,
    /// Human-readable explanation (Vietnamese).
    pub message: String,
    /// Fields at fault, for validation errors.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<ApiFieldError>,
}

/// An API failure: status plus body.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    body: ApiErrorBody,
}

impl ApiError {
    /// 404 with a message.
    pub fn not_found(message: impl Into<String>) -> Self {
        Self {
            status: StatusCode::NOT_FOUND,
            body: ApiErrorBody {
                code: "not_found",
                message: message.into(),
                fields: Vec::new(),
            },
        }
    }

    /// A status with a code and message, no fields.
    pub fn plain(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            body: ApiErrorBody {
                code,
                message: message.into(),
                fields: Vec::new(),
            },
        }
    }

    /// 400 naming the parameter at fault.
    pub fn bad_parameter(field: &str, message: impl Into<String>) -> Self {
        let message = message.into();
        Self {
            status: StatusCode::BAD_REQUEST,
            body: ApiErrorBody {
                code: "validation",
                message: format!("Tham số {field} không hợp lệ: {message}"),
                fields: vec![ApiFieldError {
                    field: field.to_owned(),
                    message,
                }],
            },
        }
    }
}

impl From<DomainError> for ApiError {
    /// The status and code come from the domain error itself (`DomainError::status`, `code`);
    /// only the wording is chosen here. Errors are logged at error level only when they are
    /// the system's fault (5xx).
    fn from(err: DomainError) -> Self {
        let status =
            StatusCode::from_u16(err.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let code = err.code();
        if status.is_server_error() {
            tracing::error!(error = %err, "API request failed");
        }
        let (message, fields) = match err {
            DomainError::NotFound(what) => (format!("Không tìm thấy {what}"), Vec::new()),
            DomainError::Validation(fields) => (
                "Dữ liệu gửi lên chưa hợp lệ".to_owned(),
                fields
                    .into_iter()
                    .map(|f| ApiFieldError {
                        message: app::i18n::Key::from_name(&format!("err_{}", f.code))
                            .map(|k| app::i18n::Locale::Vi.t(k).to_owned())
                            .unwrap_or(f.message),
                        field: f.field,
                    })
                    .collect(),
            ),
            DomainError::Conflict(what) => (what, Vec::new()),
            DomainError::Unauthorized => (
                "Cần đăng nhập hoặc gửi mã truy cập (Authorization: Bearer) hợp lệ".to_owned(),
                Vec::new(),
            ),
            DomainError::Forbidden(what) => {
                tracing::warn!(%what, "API access denied");
                (
                    "Tài khoản hoặc mã truy cập không có quyền với tài nguyên này".to_owned(),
                    Vec::new(),
                )
            }
            DomainError::RateLimited { retry_after_secs } => (
                format!("Quá nhiều yêu cầu; thử lại sau {retry_after_secs} giây"),
                Vec::new(),
            ),
            DomainError::Locked { until } => (
                format!(
                    "Tài khoản tạm khóa đăng nhập bằng mật khẩu đến {}",
                    until
                        .with_timezone(&domain::dossiers::codes::vietnam())
                        .format("%H:%M %d/%m/%Y")
                ),
                Vec::new(),
            ),
            e if e.is_not_found() => ("Không tìm thấy dữ liệu yêu cầu".to_owned(), Vec::new()),
            _ => (
                "Hệ thống gặp sự cố, vui lòng thử lại sau".to_owned(),
                Vec::new(),
            ),
        };
        ApiError {
            status,
            body: ApiErrorBody {
                code,
                message,
                fields,
            },
        }
    }
}

/// `axum::Json` whose refusal is the API's error body: malformed or mistyped JSON answers 400
/// `validation` naming `body` (with serde's explanation), a request without
/// `Content-Type: application/json` 415, an oversized one 413 — never axum's plain text.
#[derive(Debug, axum::extract::FromRequest)]
#[from_request(via(axum::Json), rejection(ApiError))]
pub struct ApiJson<T>(pub T);

impl From<JsonRejection> for ApiError {
    fn from(rejection: JsonRejection) -> Self {
        let text = rejection.body_text();
        match rejection {
            JsonRejection::JsonSyntaxError(_) | JsonRejection::JsonDataError(_) => {
                DomainError::Validation(vec![domain::error::FieldError::rule(
                    "body",
                    "json_invalid",
                    text,
                )])
                .into()
            }
            JsonRejection::MissingJsonContentType(_) => ApiError::plain(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                "Cần gửi nội dung JSON với Content-Type: application/json",
            ),
            other => ApiError::plain(other.status(), "bad_body", text),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(self.body)).into_response()
    }
}
