//! The request's context (actor, session, origin) that `crate::auth::authenticate` attaches to
//! every request, as one extractor for every handler: API, form posts, callbacks and
//! simulators read it the same way.

use app::session::RequestContext;
use domain::DomainError;

use crate::api::error::ApiError;

/// The request's context. Its absence is a wiring fault (500, logged), never a reason to treat
/// the caller as signed out.
#[derive(Debug, Clone)]
pub struct Ctx(pub RequestContext);

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for Ctx {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _state: &S,
    ) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<RequestContext>()
            .cloned()
            .map(Ctx)
            .ok_or_else(|| DomainError::Internal("no request context in a handler".into()).into())
    }
}

/// `Option<Ctx>`: for a handler that may also be mounted without the middleware (a simulator
/// served on its own in a test), where no context means nobody is signed in.
impl<S: Send + Sync> axum::extract::OptionalFromRequestParts<S> for Ctx {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _state: &S,
    ) -> Result<Option<Self>, Self::Rejection> {
        Ok(parts.extensions.get::<RequestContext>().cloned().map(Ctx))
    }
}
