//! [`Conditional`]: the response of a conditional request, and
//! [`PreconditionFailed`], its 412.

use std::fmt;

use bytes::Bytes;
use http::header::{CONTENT_TYPE, ETAG, LAST_MODIFIED};
use http::{Response, StatusCode};
use serde::Serialize;

use super::{Precondition, Preconditions, Validators};
use crate::{ApiError, Rejection};

/// 412 Precondition Failed, in the same body format as every error:
/// `{"message":"Precondition Failed"}`.
///
/// ```
/// use api_status::{ApiError, PreconditionFailed};
///
/// let response = PreconditionFailed.to_response();
/// assert_eq!(response.status(), 412);
/// assert_eq!(response.headers()["content-type"], "application/json");
/// assert_eq!(response.body().as_ref(), br#"{"message":"Precondition Failed"}"#);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, crate::ApiError)]
#[status(precondition_failed)]
#[message("Precondition Failed")]
pub struct PreconditionFailed;

/// The public message, so that `Display` (which `actix_web::ResponseError`
/// requires) says what the client is told.
impl fmt::Display for PreconditionFailed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Precondition Failed")
    }
}

impl std::error::Error for PreconditionFailed {}

/// The answer to a conditional request: a 200 with the body as JSON, a 304,
/// or a 412. Built by [`Preconditions::respond`]; it converts into an
/// `http::Response<Bytes>` (`From`), and is an axum `IntoResponse` (feature
/// `axum`) and an actix-web `Responder` (feature `actix-web`), with the same
/// bytes on every stack.
///
/// | outcome | response |
/// | --- | --- |
/// | [`Proceed`](Precondition::Proceed) | 200, `content-type: application/json`, `etag` and `last-modified` as given, the body's JSON |
/// | [`NotModified`](Precondition::NotModified) | 304, `etag` (and `last-modified` when there is no ETag: RFC 9110 section 15.4.5), no body, no `content-type` |
/// | [`Failed`](Precondition::Failed) | [`PreconditionFailed`]'s 412 `{"message":"Precondition Failed"}` |
///
/// A body that cannot be serialized (a failing `Serialize`) gives
/// `500 {"message":"Internal Server Error"}`, never a panic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conditional<T> {
    outcome: Outcome<T>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Outcome<T> {
    Proceed(Validators, T),
    NotModified(Validators),
    Failed,
}

impl Preconditions {
    /// Evaluates the preconditions ([`evaluate`](Preconditions::evaluate))
    /// and answers: `body` runs only when the request proceeds, so a 304 or
    /// a 412 costs no serialization (nor whatever `body` would load).
    ///
    /// ```
    /// use api_status::http::{HeaderMap, Method};
    /// use api_status::{EntityTag, Preconditions, Validators};
    ///
    /// let validators = Validators::new().etag(EntityTag::strong("v7").unwrap());
    ///
    /// let mut headers = HeaderMap::new();
    /// headers.insert("if-none-match", r#""v7""#.parse().unwrap());
    /// let response: api_status::http::Response<_> = Preconditions::from_request(&Method::GET, &headers)
    ///     .respond(validators.clone(), || -> serde_json::Value { unreachable!("not run for a 304") })
    ///     .into();
    /// assert_eq!(response.status(), 304);
    /// assert_eq!(response.headers()["etag"], r#""v7""#);
    /// assert!(response.headers().get("content-type").is_none());
    /// assert!(response.body().is_empty());
    ///
    /// let response: api_status::http::Response<_> = Preconditions::from_request(&Method::GET, &HeaderMap::new())
    ///     .respond(validators, || serde_json::json!({"id": 1}))
    ///     .into();
    /// assert_eq!(response.status(), 200);
    /// assert_eq!(response.headers()["etag"], r#""v7""#);
    /// assert_eq!(response.body().as_ref(), br#"{"id":1}"#);
    /// ```
    pub fn respond<T, F: FnOnce() -> T>(&self, validators: Validators, body: F) -> Conditional<T> {
        let outcome = match self.evaluate(&validators) {
            Precondition::Proceed => Outcome::Proceed(validators, body()),
            Precondition::NotModified => Outcome::NotModified(validators),
            Precondition::Failed => Outcome::Failed,
        };
        Conditional { outcome }
    }
}

impl<T> Conditional<T> {
    /// A 200 with `body` and the validators of the representation it is:
    /// the answer to an update whose `If-Match` held, which sends the new
    /// representation's tag.
    ///
    /// ```
    /// use api_status::{Conditional, EntityTag, Validators};
    ///
    /// let updated = Validators::new().etag(EntityTag::strong("v8").unwrap());
    /// let response: api_status::http::Response<_> = Conditional::proceed(updated, [1, 2]).into();
    /// assert_eq!(response.status(), 200);
    /// assert_eq!(response.headers()["etag"], r#""v8""#);
    /// assert_eq!(response.body().as_ref(), b"[1,2]");
    /// ```
    pub fn proceed(validators: Validators, body: T) -> Conditional<T> {
        Conditional {
            outcome: Outcome::Proceed(validators, body),
        }
    }

    /// Which way the request went.
    pub fn precondition(&self) -> Precondition {
        match self.outcome {
            Outcome::Proceed(..) => Precondition::Proceed,
            Outcome::NotModified(_) => Precondition::NotModified,
            Outcome::Failed => Precondition::Failed,
        }
    }

    /// The body, when the request proceeded.
    pub fn body(&self) -> Option<&T> {
        match &self.outcome {
            Outcome::Proceed(_, body) => Some(body),
            _ => None,
        }
    }
}

impl<T: Serialize> From<Conditional<T>> for Response<Bytes> {
    fn from(conditional: Conditional<T>) -> Response<Bytes> {
        match conditional.outcome {
            Outcome::Proceed(validators, body) => match serde_json::to_vec(&body) {
                Ok(json) => {
                    let mut response = Response::new(Bytes::from(json));
                    let headers = response.headers_mut();
                    headers.insert(CONTENT_TYPE, crate::headers::APPLICATION_JSON);
                    if let Some(etag) = validators.etag_value() {
                        headers.insert(ETAG, etag);
                    }
                    if let Some(date) = validators.last_modified_value() {
                        headers.insert(LAST_MODIFIED, date);
                    }
                    response
                }
                Err(_) => Rejection::Internal.to_response(),
            },
            Outcome::NotModified(validators) => {
                let mut response = Response::new(Bytes::new());
                *response.status_mut() = StatusCode::NOT_MODIFIED;
                let headers = response.headers_mut();
                // RFC 9110 §15.4.5: the validators a 200 would carry;
                // Last-Modified only where there is no ETag.
                match validators.etag_value() {
                    Some(etag) => {
                        headers.insert(ETAG, etag);
                    }
                    None => {
                        if let Some(date) = validators.last_modified_value() {
                            headers.insert(LAST_MODIFIED, date);
                        }
                    }
                }
                response
            }
            Outcome::Failed => PreconditionFailed.to_response(),
        }
    }
}
