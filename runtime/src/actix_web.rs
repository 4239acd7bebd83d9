//! [actix-web](https://docs.rs/actix-web/4) 4 support (feature `actix-web`).
//!
//! With the feature on, every `#[derive(ApiError)]` type implements
//! `actix_web::ResponseError`: `status_code` and `error_response` give
//! exactly the status, headers and body of [`ApiError::to_response`], so a
//! handler returns `Result<_, YourError>` and `?` works as usual.
//!
//! `ResponseError` requires `Debug + Display`, so **with this feature every
//! derived type of the build must implement both**; `#[derive(Debug,
//! thiserror::Error)]` gives them. A type without them fails to compile
//! with a message that says so. (A generic type gets the impl for those of
//! its instances that are `Debug + Display`.)
//!
//! ```
//! use actix_web::ResponseError;
//! use api_status::ApiError;
//!
//! #[derive(Debug, thiserror::Error, ApiError)]
//! pub enum UserError {
//!     #[error("user {id} not found")]
//!     #[status(not_found)]
//!     NotFound { id: u64 },
//! }
//!
//! async fn show_user(id: actix_web::web::Path<u64>) -> Result<String, UserError> {
//!     Err(UserError::NotFound { id: id.into_inner() })
//! }
//!
//! let response = UserError::NotFound { id: 7 }.error_response();
//! assert_eq!(response.status(), 404);
//! assert_eq!(response.headers().get("content-type").unwrap(), "application/json");
//! ```
//!
//! [`Created`](crate::Created), [`Accepted`](crate::Accepted),
//! [`MovedPermanently`](crate::MovedPermanently) and
//! [`PermanentRedirect`](crate::PermanentRedirect) are `Responder`s, with
//! the bytes of their `to_response()`: a handler returns
//! `Result<Created<User>, UserError>`.
//!
//! actix-web's own extractor errors answer in plain text. [`configure`]
//! installs error handlers that answer with a [`Rejection`] instead, in the
//! same body format as every other error:
//!
//! ```
//! use actix_web::{web, App};
//!
//! let app = App::new()
//!     .configure(api_status::actix_web::configure)
//!     .route("/users/{id}", web::get().to(|| async { "ok" }));
//! ```
//!
//! | actix-web error | answer |
//! | --- | --- |
//! | `JsonPayloadError::Deserialize`, a syntax error or an early end | 400 [`Rejection::MalformedJson`] |
//! | `JsonPayloadError::ContentType` | 415 [`Rejection::UnsupportedMediaType`] |
//! | `JsonPayloadError::Deserialize`, JSON of the wrong shape | 422 [`Rejection::UnprocessableJson`] (without the field: actix-web's handler only sees serde's error; the [`Json`] extractor of this module names it) |
//! | `JsonPayloadError::Overflow`, `OverflowKnownLength` | 413 [`Rejection::PayloadTooLarge`] |
//! | `JsonPayloadError::Payload` | 413 over the limit, else 400 [`Rejection::UnreadableBody`] |
//! | `QueryPayloadError` | 400 [`Rejection::InvalidQuery`] |
//! | `PathError` | 404 [`Rejection::NotFound`] |
//!
//! Every rejection keeps actix-web's or serde's error as its `source()`:
//! with the `tracing` feature its text is logged, never sent.
//!
//! For JSON bodies, prefer this module's [`Json`] extractor to `web::Json`:
//! the same answers, and JSON of the wrong shape names the offending field
//! (`{"errors":{"address.city":["is required"]}}`).
//!
//! [`ConditionalGet`] is middleware (`App::wrap`) that gives a `GET`'s 200
//! an ETag from its body and answers a matching `If-None-Match` with a 304
//! (RFC 9110 section 13); `api_status::Preconditions` is an extractor and
//! `api_status::Conditional` a responder, for handlers that compute their
//! own validators.
//!
//! actix-web 4 is built on `http` 0.2 while `api-status` speaks `http` 1:
//! the status and headers are carried over by their numbers and bytes,
//! which both versions share.

use ::actix_web::body::BoxBody;
use ::actix_web::dev::Payload;
use ::actix_web::error::{JsonPayloadError, PathError, PayloadError, QueryPayloadError};
use ::actix_web::http::header::CONTENT_TYPE;
use ::actix_web::http::header::{HeaderName, HeaderValue};
use ::actix_web::http::StatusCode;
use ::actix_web::{web, FromRequest, HttpRequest, HttpResponse, Responder};
use serde::de::DeserializeOwned;
use std::future::Future;
use std::pin::Pin;

pub use crate::Rejection;
use crate::{ApiError, RejectionKind};

#[path = "actix_web_negotiate.rs"]
mod negotiate;
pub use negotiate::{Negotiate, NegotiateMiddleware};
mod conditional_get;
pub use conditional_get::{ConditionalGet, ConditionalGetMiddleware};

/// `error`'s status as actix-web's `StatusCode` (of `http` 0.2).
pub fn status_code<E: ApiError + ?Sized>(error: &E) -> StatusCode {
    StatusCode::from_u16(error.status().as_u16()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// `error`'s response as an actix-web response: the status, headers and body
/// of [`ApiError::to_response`], nothing added. What the derived
/// `ResponseError::error_response` calls; for a hand-written [`ApiError`],
/// the body of its own `ResponseError` impl:
///
/// ```
/// use std::borrow::Cow;
/// use std::fmt;
/// use api_status::ApiError;
/// use api_status::http::StatusCode;
///
/// #[derive(Debug)]
/// struct Teapot;
///
/// impl fmt::Display for Teapot {
///     fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
///         f.write_str("short and stout")
///     }
/// }
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
/// impl actix_web::ResponseError for Teapot {
///     fn status_code(&self) -> actix_web::http::StatusCode {
///         api_status::actix_web::status_code(self)
///     }
///     fn error_response(&self) -> actix_web::HttpResponse {
///         api_status::actix_web::error_response(self)
///     }
/// }
///
/// assert_eq!(actix_web::ResponseError::error_response(&Teapot).status(), 418);
/// ```
///
/// Under the [`Negotiate`] middleware, the response is in the format the
/// request's `Accept` prefers ([`ApiError::to_response_in`]).
pub fn error_response<E: ApiError + ?Sized>(error: &E) -> HttpResponse {
    let response = match crate::negotiate::scope::current() {
        Some(format) => error.to_response_in(format),
        None => error.to_response(),
    };
    from_http(response)
}

/// An actix-web (`http` 0.2) method as an `http` 1 one. Both accept the
/// same tokens; were one not to convert, it would count as `POST`, a method
/// no precondition turns into a 304 and no ETag is computed for.
pub(crate) fn http_method(method: &::actix_web::http::Method) -> http::Method {
    http::Method::from_bytes(method.as_str().as_bytes()).unwrap_or(http::Method::POST)
}

/// An `http` 1 `Response<Bytes>` as an actix-web response: the status and
/// headers by their numbers and bytes, the body as it is.
pub(crate) fn from_http(response: http::Response<bytes::Bytes>) -> HttpResponse {
    let (parts, body) = response.into_parts();
    let status =
        StatusCode::from_u16(parts.status.as_u16()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut response = HttpResponse::with_body(status, body);
    let headers = response.headers_mut();
    for (name, value) in &parts.headers {
        // Both `http` versions accept exactly the same names and values, so
        // neither conversion fails; a header that did would be left out
        // rather than panic.
        if let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(name.as_str().as_bytes()),
            HeaderValue::from_bytes(value.as_bytes()),
        ) {
            headers.append(name, value);
        }
    }
    response.map_into_boxed_body()
}

/// The response of [`Created::to_response`](crate::Created::to_response).
impl<T: serde::Serialize> Responder for crate::Created<T> {
    type Body = BoxBody;

    fn respond_to(self, _: &HttpRequest) -> HttpResponse {
        from_http(self.to_response())
    }
}

/// The response of [`Accepted::to_response`](crate::Accepted::to_response).
impl<T: serde::Serialize> Responder for crate::Accepted<T> {
    type Body = BoxBody;

    fn respond_to(self, _: &HttpRequest) -> HttpResponse {
        from_http(self.to_response())
    }
}

/// The response of [`MovedPermanently::to_response`](crate::MovedPermanently::to_response).
impl Responder for crate::MovedPermanently {
    type Body = BoxBody;

    fn respond_to(self, _: &HttpRequest) -> HttpResponse {
        from_http(self.to_response())
    }
}

/// The response of [`PermanentRedirect::to_response`](crate::PermanentRedirect::to_response).
impl Responder for crate::PermanentRedirect {
    type Body = BoxBody;

    fn respond_to(self, _: &HttpRequest) -> HttpResponse {
        from_http(self.to_response())
    }
}

impl From<JsonPayloadError> for Rejection {
    fn from(error: JsonPayloadError) -> Self {
        let kind = kind_of(&error);
        match error {
            // The serde error itself as the source, not actix-web's wrapper.
            JsonPayloadError::Deserialize(error) => Rejection::new(kind).with_cause(error),
            error => Rejection::new(kind).with_cause(error),
        }
    }
}

/// As `From<JsonPayloadError>`, without taking the error: its text is kept
/// as the source.
impl From<&JsonPayloadError> for Rejection {
    fn from(error: &JsonPayloadError) -> Self {
        Rejection::new(kind_of(error)).with_cause(error.to_string())
    }
}

/// The kind of rejection for actix-web's JSON extractor error.
fn kind_of(error: &JsonPayloadError) -> RejectionKind {
    match error {
        JsonPayloadError::OverflowKnownLength { .. } | JsonPayloadError::Overflow { .. } => {
            RejectionKind::PayloadTooLarge
        }
        JsonPayloadError::ContentType => RejectionKind::UnsupportedMediaType,
        JsonPayloadError::Deserialize(error) => crate::rejection::kind_of(error),
        JsonPayloadError::Serialize(_) => RejectionKind::Internal,
        JsonPayloadError::Payload(PayloadError::Overflow) => RejectionKind::PayloadTooLarge,
        _ => RejectionKind::UnreadableBody,
    }
}

impl From<QueryPayloadError> for Rejection {
    fn from(error: QueryPayloadError) -> Self {
        Rejection::InvalidQuery.with_cause(error)
    }
}

impl From<PathError> for Rejection {
    fn from(error: PathError) -> Self {
        Rejection::NotFound.with_cause(error)
    }
}

/// The error handler of `web::JsonConfig`: answers with a [`Rejection`].
pub fn json_error_handler(error: JsonPayloadError, _: &HttpRequest) -> ::actix_web::Error {
    Rejection::from(error).into()
}

/// The error handler of `web::QueryConfig`: answers with a [`Rejection`].
pub fn query_error_handler(error: QueryPayloadError, _: &HttpRequest) -> ::actix_web::Error {
    Rejection::from(error).into()
}

/// The error handler of `web::PathConfig`: answers with a [`Rejection`].
pub fn path_error_handler(error: PathError, _: &HttpRequest) -> ::actix_web::Error {
    Rejection::from(error).into()
}

/// `web::JsonConfig::default()` with [`json_error_handler`]; set a size
/// limit or a content-type filter on it before installing it with
/// `App::app_data`.
pub fn json_config() -> web::JsonConfig {
    web::JsonConfig::default().error_handler(json_error_handler)
}

/// `web::QueryConfig::default()` with [`query_error_handler`].
pub fn query_config() -> web::QueryConfig {
    web::QueryConfig::default().error_handler(query_error_handler)
}

/// `web::PathConfig::default()` with [`path_error_handler`].
pub fn path_config() -> web::PathConfig {
    web::PathConfig::default().error_handler(path_error_handler)
}

/// Installs [`json_config`], [`query_config`] and [`path_config`] on an app
/// or scope: `App::new().configure(api_status::actix_web::configure)`.
pub fn configure(config: &mut web::ServiceConfig) {
    config
        .app_data(json_config())
        .app_data(query_config())
        .app_data(path_config());
}

/// The largest JSON body [`Json`] reads unless told otherwise: 2 MiB, as
/// actix-web's `JsonConfig`.
pub const DEFAULT_JSON_LIMIT: usize = 2 * 1024 * 1024;

/// The body limit of [`Json`], in bytes: install it with
/// `App::app_data(JsonLimit(bytes))` (the default is
/// [`DEFAULT_JSON_LIMIT`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JsonLimit(pub usize);

/// A JSON body extractor like `web::Json`, whose failures answer as a
/// [`Rejection`] (400, 413, 415 or 422) and whose JSON of the wrong shape
/// names the offending field (`{"errors":{"address.city":["is required"]}}`,
/// see [`from_json_slice`](crate::from_json_slice)); actix-web's own error
/// handler only ever sees serde's error, which does not know the path.
///
/// It takes a JSON `Content-Type` (`application/json`, `application/*+json`,
/// parameters allowed) and a body of at most [`JsonLimit`] bytes.
///
/// ```
/// use actix_web::{web, App};
/// use api_status::actix_web::Json;
///
/// #[derive(serde::Deserialize)]
/// struct NewUser {
///     name: String,
/// }
///
/// async fn create(Json(user): Json<NewUser>) -> String {
///     format!("hello {}", user.name)
/// }
///
/// let app = App::new().route("/users", web::post().to(create));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Json<T>(pub T);

impl<T> Json<T> {
    /// The value.
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T: DeserializeOwned + 'static> FromRequest for Json<T> {
    type Error = Rejection;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Rejection>>>>;

    fn from_request(request: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let content_type = request.headers().get(CONTENT_TYPE);
        let is_json =
            crate::json_input::is_json_content_type(content_type.map(|value| value.as_bytes()));
        let unsupported = match (is_json, content_type) {
            (true, _) => None,
            (false, Some(value)) => Some(format!("content-type {value:?} is not JSON")),
            (false, None) => Some("no content-type".to_owned()),
        };
        let limit = request
            .app_data::<JsonLimit>()
            .map_or(DEFAULT_JSON_LIMIT, |limit| limit.0);
        let payload = web::Payload::from_request(request, payload);
        Box::pin(async move {
            if let Some(cause) = unsupported {
                return Err(Rejection::UnsupportedMediaType.with_cause(cause));
            }
            let payload = payload
                .await
                .map_err(|error| Rejection::UnreadableBody.with_cause(error.to_string()))?;
            let body = match payload.to_bytes_limited(limit).await {
                Ok(Ok(body)) => body,
                // actix-web's `Error` is not `Send`: its text is kept.
                Ok(Err(error)) => {
                    let kind = match error.as_error::<PayloadError>() {
                        Some(PayloadError::Overflow) => RejectionKind::PayloadTooLarge,
                        _ => RejectionKind::UnreadableBody,
                    };
                    return Err(Rejection::new(kind).with_cause(error.to_string()));
                }
                Err(over) => return Err(Rejection::PayloadTooLarge.with_cause(over.to_string())),
            };
            crate::from_json_slice(&body).map(Json)
        })
    }
}
