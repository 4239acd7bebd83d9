//! [axum](https://docs.rs/axum/0.8) 0.8 support (feature `axum`).
//!
//! With the feature on, every `#[derive(ApiError)]` type implements
//! `axum::response::IntoResponse` with exactly the status, headers and body
//! of [`ApiError::to_response`], so a handler returns it as it is:
//!
//! ```
//! use api_status::ApiError;
//! use axum::extract::Path as AxumPath;
//!
//! #[derive(Debug, thiserror::Error, ApiError)]
//! pub enum UserError {
//!     #[error("user {id} not found")]
//!     #[status(not_found)]
//!     NotFound { id: u64 },
//! }
//!
//! async fn show_user(AxumPath(id): AxumPath<u64>) -> Result<String, UserError> {
//!     Err(UserError::NotFound { id })
//! }
//!
//! let app: axum::Router = axum::Router::new().route("/users/{id}", axum::routing::get(show_user));
//! ```
//!
//! [`Created`](crate::Created), [`Accepted`](crate::Accepted),
//! [`MovedPermanently`](crate::MovedPermanently) and
//! [`PermanentRedirect`](crate::PermanentRedirect) are `IntoResponse` too,
//! with the bytes of their `to_response()`; note that axum's own
//! `Redirect::permanent` is a 308, and `MovedPermanently` the 301.
//!
//! The extractors [`Json`], [`Path`] and [`Query`] of this module are axum's
//! own, whose failures answer as a [`Rejection`], in the same body format as
//! every other error, instead of axum's plain-text rejections:
//!
//! | axum rejection | answer |
//! | --- | --- |
//! | `JsonRejection::JsonSyntaxError` | 400 [`Rejection::MalformedJson`] |
//! | `JsonRejection::MissingJsonContentType` | 415 [`Rejection::UnsupportedMediaType`] |
//! | `JsonRejection::JsonDataError` | 422 [`Rejection::UnprocessableJson`], with `errors` naming the field by its path |
//! | `JsonRejection::BytesRejection` | 413 [`Rejection::PayloadTooLarge`] over the body limit, else 400 [`Rejection::UnreadableBody`] |
//! | `QueryRejection` | 400 [`Rejection::InvalidQuery`] |
//! | `PathRejection` | 404 [`Rejection::NotFound`]; 500 [`Rejection::Internal`] when axum says the route itself is wrong |
//!
//! ```
//! use api_status::axum::{Json, Path};
//! use serde::Deserialize;
//!
//! #[derive(Deserialize)]
//! struct NewUser {
//!     name: String,
//! }
//!
//! async fn rename(Path(id): Path<u64>, Json(user): Json<NewUser>) -> String {
//!     format!("user {id} is now {}", user.name)
//! }
//!
//! let app: axum::Router = axum::Router::new().route("/users/{id}", axum::routing::put(rename));
//! ```
//!
//! To keep axum's extractors and still answer in this format, convert their
//! rejections: `Result<axum::Json<T>, JsonRejection>` in the handler's
//! arguments, then `.map_err(Rejection::from)?`. axum reads JSON with
//! `serde_path_to_error` too, and the conversion finds the field's path in
//! its rejection's sources.
//!
//! Every rejection keeps axum's own rejection as its `source()`: with the
//! `tracing` feature its text is logged, never sent.

use ::axum::extract::rejection::{
    BytesRejection, FailedToBufferBody, JsonRejection, PathRejection, QueryRejection,
};
use ::axum::extract::{FromRequest, FromRequestParts, Request};
use ::axum::http::header::CONTENT_TYPE;
use ::axum::http::request::Parts;
use ::axum::http::StatusCode;
use ::axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;
use serde::Serialize;

pub use crate::Rejection;
use crate::{ApiError, RejectionKind};

#[path = "axum_negotiate.rs"]
mod negotiate;
pub use negotiate::{Negotiate, NegotiateService};

/// `error`'s response as an axum response: the status, headers and body of
/// [`ApiError::to_response`], nothing added. What the derived
/// `IntoResponse` calls; for a hand-written [`ApiError`], the body of its
/// own `IntoResponse`:
///
/// ```
/// use std::borrow::Cow;
/// use api_status::ApiError;
/// use api_status::http::StatusCode;
/// use axum::response::IntoResponse;
///
/// struct Teapot;
///
/// impl ApiError for Teapot {
///     fn status(&self) -> StatusCode {
///         StatusCode::IM_A_TEAPOT
///     }
///     fn message(&self) -> Cow<'_, str> {
///         Cow::Borrowed("short and stout")
///     }
/// }
///
/// impl IntoResponse for Teapot {
///     fn into_response(self) -> axum::response::Response {
///         api_status::axum::into_response(&self)
///     }
/// }
///
/// assert_eq!(Teapot.into_response().status(), 418);
/// ```
///
/// Under the [`Negotiate`] layer, the response is in the format the
/// request's `Accept` prefers ([`ApiError::to_response_in`]).
pub fn into_response<E: ApiError + ?Sized>(error: &E) -> Response {
    let response = match crate::negotiate::scope::current() {
        Some(format) => error.to_response_in(format),
        None => error.to_response(),
    };
    from_http(response)
}

/// An `http::Response<Bytes>` as an axum response, as it is.
pub(crate) fn from_http(response: ::axum::http::Response<::bytes::Bytes>) -> Response {
    let (parts, body) = response.into_parts();
    Response::from_parts(parts, ::axum::body::Body::from(body))
}

/// The response of [`Created::to_response`](crate::Created::to_response).
impl<T: Serialize> IntoResponse for crate::Created<T> {
    fn into_response(self) -> Response {
        from_http(self.to_response())
    }
}

/// The response of [`Accepted::to_response`](crate::Accepted::to_response).
impl<T: Serialize> IntoResponse for crate::Accepted<T> {
    fn into_response(self) -> Response {
        from_http(self.to_response())
    }
}

/// A 301, unlike axum's `Redirect::permanent` (a 308): the response of
/// [`MovedPermanently::to_response`](crate::MovedPermanently::to_response).
impl IntoResponse for crate::MovedPermanently {
    fn into_response(self) -> Response {
        from_http(self.to_response())
    }
}

/// The response of [`PermanentRedirect::to_response`](crate::PermanentRedirect::to_response).
impl IntoResponse for crate::PermanentRedirect {
    fn into_response(self) -> Response {
        from_http(self.to_response())
    }
}

impl From<JsonRejection> for Rejection {
    fn from(rejection: JsonRejection) -> Self {
        let kind = match &rejection {
            JsonRejection::JsonSyntaxError(_) => RejectionKind::MalformedJson,
            JsonRejection::JsonDataError(_) => RejectionKind::UnprocessableJson,
            JsonRejection::MissingJsonContentType(_) => RejectionKind::UnsupportedMediaType,
            JsonRejection::BytesRejection(rejection) => by_status(rejection.status()),
            other => by_status(other.status()),
        };
        let mut answer = Rejection::new(kind);
        if kind == RejectionKind::UnprocessableJson {
            // axum reads JSON with `serde_path_to_error` too, and keeps its
            // error in the rejection's sources: the path is there.
            if let Some(errors) = path_error(&rejection).and_then(crate::json_input::field_errors) {
                answer = answer.with_field_errors(errors);
            }
        }
        answer.with_cause(rejection)
    }
}

/// The `serde_path_to_error` error among the sources of axum's rejection.
fn path_error(rejection: &JsonRejection) -> Option<&serde_path_to_error::Error<serde_json::Error>> {
    let mut next = std::error::Error::source(rejection);
    // Bounded: a chain of sources is a few errors long.
    for _ in 0..8 {
        let error = next?;
        if let Some(found) = error.downcast_ref() {
            return Some(found);
        }
        next = error.source();
    }
    None
}

impl From<FailedToBufferBody> for Rejection {
    fn from(rejection: FailedToBufferBody) -> Self {
        Rejection::new(by_status(rejection.status())).with_cause(rejection)
    }
}

impl From<BytesRejection> for Rejection {
    fn from(rejection: BytesRejection) -> Self {
        Rejection::new(by_status(rejection.status())).with_cause(rejection)
    }
}

impl From<QueryRejection> for Rejection {
    fn from(rejection: QueryRejection) -> Self {
        Rejection::InvalidQuery.with_cause(rejection)
    }
}

impl From<PathRejection> for Rejection {
    fn from(rejection: PathRejection) -> Self {
        // axum answers 500 where the route and the extractor do not fit
        // (a wrong number of parameters, an unsupported type, no parameters
        // at all): a bug of the server, not of the client's path.
        let kind = if rejection.status().is_server_error() {
            RejectionKind::Internal
        } else {
            RejectionKind::NotFound
        };
        Rejection::new(kind).with_cause(rejection)
    }
}

/// A body rejection by the status axum gives it.
fn by_status(status: StatusCode) -> RejectionKind {
    match status {
        StatusCode::PAYLOAD_TOO_LARGE => RejectionKind::PayloadTooLarge,
        StatusCode::UNSUPPORTED_MEDIA_TYPE => RejectionKind::UnsupportedMediaType,
        StatusCode::UNPROCESSABLE_ENTITY => RejectionKind::UnprocessableJson,
        status if status.is_server_error() => RejectionKind::Internal,
        _ => RejectionKind::UnreadableBody,
    }
}

/// `axum::Json`, whose failures answer as a [`Rejection`] (400, 413, 415 or
/// 422), and whose JSON of the wrong shape names the offending field
/// (`{"errors":{"address.city":["is required"]}}`, see
/// [`from_json_slice`](crate::from_json_slice)). It reads the body as
/// axum's does: a JSON `Content-Type` (`application/json`,
/// `application/*+json`), then the whole body within axum's
/// `DefaultBodyLimit`. As a response it is `axum::Json`'s: the value as
/// JSON.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Json<T>(pub T);

impl<T, S> FromRequest<S> for Json<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = Rejection;

    async fn from_request(request: Request, state: &S) -> Result<Self, Rejection> {
        let content_type = request.headers().get(CONTENT_TYPE);
        if !crate::json_input::is_json_content_type(content_type.map(|value| value.as_bytes())) {
            let cause = match content_type {
                Some(value) => format!("content-type {value:?} is not JSON"),
                None => "no content-type".to_owned(),
            };
            return Err(Rejection::UnsupportedMediaType.with_cause(cause));
        }
        let body = ::axum::body::Bytes::from_request(request, state).await?;
        crate::from_json_slice(&body).map(Json)
    }
}

impl<T: Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        ::axum::Json(self.0).into_response()
    }
}

/// `axum::extract::Path`, whose failures answer as a [`Rejection`]: 404 for
/// a parameter that does not parse.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Path<T>(pub T);

impl<T, S> FromRequestParts<S> for Path<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = Rejection;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Rejection> {
        match ::axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(::axum::extract::Path(value)) => Ok(Path(value)),
            Err(rejection) => Err(rejection.into()),
        }
    }
}

/// `axum::extract::Query`, whose failures answer as a [`Rejection`]: 400
/// for a query string that does not fit `T`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Query<T>(pub T);

impl<T, S> FromRequestParts<S> for Query<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = Rejection;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Rejection> {
        match ::axum::extract::Query::<T>::from_request_parts(parts, state).await {
            Ok(::axum::extract::Query(value)) => Ok(Query(value)),
            Err(rejection) => Err(rejection.into()),
        }
    }
}
