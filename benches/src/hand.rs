//! The same responses written by hand, as a careful developer would without
//! `api-status`.
//!
//! - The floor: a `Bytes::from_static` body, nothing computed.
//! - The baseline: a `#[derive(Serialize)]` struct through
//!   `serde_json::to_vec`, messages formatted with `format!`/`to_string()`.

use api_status::bytes::Bytes;
use api_status::http::header::{CONTENT_TYPE, VARY, WWW_AUTHENTICATE};
use api_status::http::{HeaderValue, Response, StatusCode};
use api_status::FieldErrors;
use serde::Serialize;

/// `content-type: application/json`.
pub const APPLICATION_JSON: HeaderValue = HeaderValue::from_static("application/json");

/// The floor: `status`, `content-type` and a static body.
///
/// The floors add their headers with `append`, not `insert`: on the fresh
/// map of a new response the two give the same headers, and `append` costs
/// less (it does not look for a value to replace), so the floor is the
/// least a response costs.
#[inline]
pub fn floor(status: StatusCode, body: &'static [u8]) -> Response<Bytes> {
    floor_of(status, Bytes::from_static(body))
}

/// The floor of a body written at run time: the floor's response around a
/// buffer of its own, which `Bytes` takes over.
#[inline]
pub fn floor_owned(status: StatusCode, body: Vec<u8>) -> Response<Bytes> {
    floor_of(status, Bytes::from(body))
}

#[inline]
fn floor_of(status: StatusCode, body: Bytes) -> Response<Bytes> {
    let mut response = Response::new(body);
    *response.status_mut() = status;
    response
        .headers_mut()
        .append(CONTENT_TYPE, APPLICATION_JSON);
    response
}

/// The floor of a negotiated JSON response: the floor and `vary: accept`,
/// the one header negotiation adds (contract section 12).
#[inline]
pub fn floor_vary(status: StatusCode, body: &'static [u8]) -> Response<Bytes> {
    let mut response = floor(status, body);
    response.headers_mut().append(VARY, ACCEPT);
    response
}

/// `vary: accept`.
pub const ACCEPT: HeaderValue = HeaderValue::from_static("accept");

/// The floor of a response with a `WWW-Authenticate` challenge: static body,
/// and a header value built at compile time (a `const`).
#[inline]
pub fn floor_with_challenge(
    status: StatusCode,
    body: &'static [u8],
    challenge: HeaderValue,
) -> Response<Bytes> {
    let mut response = floor(status, body);
    response.headers_mut().append(WWW_AUTHENTICATE, challenge);
    response
}

/// A response around an already serialized body.
#[inline]
pub fn response(status: StatusCode, body: Vec<u8>) -> Response<Bytes> {
    let mut response = Response::new(Bytes::from(body));
    *response.status_mut() = status;
    response
        .headers_mut()
        .insert(CONTENT_TYPE, APPLICATION_JSON);
    response
}

/// `{"message":"…"}`.
#[derive(Debug, Serialize)]
pub struct MessageBody<'a> {
    /// The public message.
    pub message: &'a str,
}

/// `{"message":"…","errors":{…}}`.
#[derive(Debug, Serialize)]
pub struct FieldErrorsBody<'a> {
    /// The public message.
    pub message: &'a str,
    /// The messages by field, through `FieldErrors`' own `Serialize`.
    pub errors: &'a FieldErrors,
}

/// `{"message":"…","error":"…","error_description":"…"}`.
#[derive(Debug, Serialize)]
pub struct OAuthBody<'a> {
    /// The public message.
    pub message: &'a str,
    /// The OAuth error code.
    pub error: &'a str,
    /// The description (the message, which is plain ASCII here).
    pub error_description: &'a str,
}

/// The baseline for a plain message: `serde_json::to_vec` of [`MessageBody`].
#[inline]
pub fn message(status: StatusCode, message: &str) -> Response<Bytes> {
    let body = serde_json::to_vec(&MessageBody { message }).expect("a string serializes");
    response(status, body)
}

/// The baseline for a 422: `serde_json::to_vec` of [`FieldErrorsBody`].
#[inline]
pub fn field_errors(status: StatusCode, message: &str, errors: &FieldErrors) -> Response<Bytes> {
    let body = serde_json::to_vec(&FieldErrorsBody { message, errors }).expect("strings serialize");
    response(status, body)
}

/// The baseline for an OAuth error: `serde_json::to_vec` of [`OAuthBody`] and
/// the given challenge.
#[inline]
pub fn oauth(
    status: StatusCode,
    message: &str,
    error: &str,
    challenge: HeaderValue,
) -> Response<Bytes> {
    let body = serde_json::to_vec(&OAuthBody {
        message,
        error,
        error_description: message,
    })
    .expect("strings serialize");
    let mut response = response(status, body);
    response.headers_mut().insert(WWW_AUTHENTICATE, challenge);
    response
}
