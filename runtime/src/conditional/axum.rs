//! axum 0.8 (feature `axum`): [`Preconditions`] as an extractor,
//! [`Conditional`] as a response.

use std::convert::Infallible;

use ::axum::extract::FromRequestParts;
use ::axum::http::request::Parts;
use ::axum::response::{IntoResponse, Response};
use serde::Serialize;

use super::{Conditional, Preconditions};

/// The request's conditional headers; never rejects (a request without
/// them simply has none).
///
/// ```
/// use api_status::{Conditional, EntityTag, Preconditions, Validators};
///
/// async fn show(preconditions: Preconditions) -> Conditional<Vec<&'static str>> {
///     let tag = EntityTag::strong("v1").unwrap();
///     preconditions.respond(Validators::new().etag(tag), || vec!["ada"])
/// }
///
/// let app: axum::Router = axum::Router::new().route("/users", axum::routing::get(show));
/// ```
impl<S: Send + Sync> FromRequestParts<S> for Preconditions {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Infallible> {
        Ok(Preconditions::from_request(&parts.method, &parts.headers))
    }
}

/// The status, headers and body of `http::Response::from(conditional)`.
impl<T: Serialize> IntoResponse for Conditional<T> {
    fn into_response(self) -> Response {
        crate::axum::from_http(crate::http::Response::from(self))
    }
}
