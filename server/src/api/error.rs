//! The API layer's error: one JSON body for every failure, with a stable code, a message in
//! Vietnamese, and the fields at fault. The real cause of an internal error is logged here, once,
//! and never sent to the client.

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
    fn from(err: DomainError) -> Self {
        match err {
            DomainError::NotFound(what) => ApiError::not_found(format!("Không tìm thấy {what}")),
            DomainError::Validation(fields) => ApiError {
                status: StatusCode::BAD_REQUEST,
                body: ApiErrorBody {
                    code: "validation",
                    message: "Dữ liệu gửi lên chưa hợp lệ".into(),
                    fields: fields
                        .into_iter()
                        .map(|f| ApiFieldError {
                            message: app::i18n::Key::from_name(&format!("err_{}", f.code))
                                .map(|k| app::i18n::Locale::Vi.t(k).to_owned())
                                .unwrap_or(f.message),
                            field: f.field,
                        })
                        .collect(),
                },
            },
            DomainError::Conflict(what) => ApiError {
                status: StatusCode::CONFLICT,
                body: ApiErrorBody {
                    code: "conflict",
                    message: what,
                    fields: Vec::new(),
                },
            },
            DomainError::Unauthorized => ApiError::plain(
                StatusCode::UNAUTHORIZED,
                "unauthorized",
                "Cần đăng nhập hoặc gửi mã truy cập (Authorization: Bearer) hợp lệ",
            ),
            DomainError::Forbidden(what) => {
                tracing::warn!(%what, "API access denied");
                ApiError::plain(
                    StatusCode::FORBIDDEN,
                    "forbidden",
                    "Tài khoản hoặc mã truy cập không có quyền với tài nguyên này",
                )
            }
            DomainError::RateLimited { retry_after_secs } => ApiError::plain(
                StatusCode::TOO_MANY_REQUESTS,
                "rate_limited",
                format!("Quá nhiều yêu cầu; thử lại sau {retry_after_secs} giây"),
            ),
            DomainError::Locked { until } => ApiError::plain(
                StatusCode::FORBIDDEN,
                "locked",
                format!(
                    "Tài khoản tạm khóa đăng nhập bằng mật khẩu đến {}",
                    (until + chrono::Duration::hours(7)).format("%H:%M %d/%m/%Y")
                ),
            ),
            other => {
                tracing::error!(error = %other, "API request failed");
                ApiError {
                    status: StatusCode::INTERNAL_SERVER_ERROR,
                    body: ApiErrorBody {
                        code: "internal",
                        message: "Hệ thống gặp sự cố, vui lòng thử lại sau".into(),
                        fields: Vec::new(),
                    },
                }
            }
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(self.body)).into_response()
    }
}
