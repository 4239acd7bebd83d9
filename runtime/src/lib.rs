//! HTTP API error conventions, checked by the compiler.
//!
//! Web services write the same error plumbing again and again: a status for
//! each error, a JSON body with a `message`, an `errors` object for
//! validation failures, OAuth 2.0's `error` and `error_description` on a
//! failed sign-in, no database error leaking into a 500, and the right
//! headers. `api-status` turns all of it into one derive:
//!
//! ```
//! use api_status::{ApiError, FieldErrors};
//!
//! #[derive(Debug, thiserror::Error, ApiError)]
//! enum AccountError {
//!     #[error("account {id} not found")]
//!     #[status(not_found)]
//!     NotFound { id: u64 },
//!     #[error("invalid account")]
//!     #[status(unprocessable_entity)]
//!     Invalid { #[field_errors] errors: FieldErrors },
//! }
//!
//! let response = AccountError::NotFound { id: 42 }.to_response();
//! assert_eq!(response.status(), 404);
//! assert_eq!(response.headers()["content-type"], "application/json");
//! assert_eq!(response.body(), r#"{"message":"account 42 not found"}"#.as_bytes());
//!
//! // Any stack built on `http` 1.x takes the response as it is.
//! let response: api_status::http::Response<api_status::bytes::Bytes> =
//!     AccountError::NotFound { id: 42 }.into();
//! # let _ = response;
//! ```
//!
//! A variant without a status, a misspelled status (`not_fonud`: did you
//! mean `not_found`?), a 2xx on an error, an OAuth code on a 404: each is a
//! compile error that points at the mistake and says how to fix it, and one
//! build reports all of them.
//!
//! Add `api-status` to `Cargo.toml`; the derive, `http`, `bytes` and the
//! body types are all reachable through it. `thiserror` is the usual
//! companion for `Display` and `Error`, but is not required.
//!
#![doc = include_str!("../docs/attributes.md")]
//!
//! # The wire
//!
//! Every response has its status, `content-type: application/json` (exactly
//! that), and a body that is one compact JSON object whose members come in
//! this order: `message`, then `errors`, or `error` and `error_description`.
//!
//! | case | body |
//! | --- | --- |
//! | any 4xx/5xx | `{"message":"…"}` |
//! | `#[field_errors]` | `{"message":"…","errors":{"name":["can't be blank"]}}` |
//! | `#[oauth(code)]` | `{"message":"…","error":"invalid_grant","error_description":"…"}` |
//! | `#[status(transparent)]` | exactly the inner error's response |
//!
//! Headers: `WWW-Authenticate` on every 401 and on OAuth 400/403 with an
//! RFC 6750 code; `Retry-After` where `#[retry_after]` is given. No value
//! taken from error data can break out of its quoted string or inject a
//! header line, and any message (quotes, backslashes, control characters,
//! any Unicode) gives valid JSON that round-trips through `serde_json`.
//! [`ErrorBody`] parses these bodies on the client side.
//!
//! # Speed
//!
//! A variant whose body does not depend on its data (a literal message or a
//! 5xx reason phrase, no field errors) has its JSON computed when the macro
//! expands: at run time it is a `&'static` slice behind
//! [`Bytes::from_static`](bytes::Bytes::from_static). Other bodies are
//! written once into one buffer; an interpolated message is formatted
//! straight into it, without an intermediate `String`.
//!
//! # Frameworks
//!
//! The derive emits `impl From<T> for http::Response<Bytes>`, which hyper,
//! axum, tower and the servers built on them take as it is. Framework traits
//! come from features of this crate; the derive emits the same tokens
//! whatever is enabled, and a response through an adapter carries exactly
//! the status, headers and body of [`ApiError::to_response`]:
//!
//! | feature | gives |
//! | --- | --- |
//! | `axum` | `axum::response::IntoResponse` for every derived type (axum 0.8), and extractors whose rejections answer in the same format |
//! | `actix-web` | `actix_web::ResponseError` for every derived type (actix-web 4), which needs `Debug + Display` on each (`thiserror` gives both); error handlers for its JSON, query and path extractors |
//! | `validator` | [`IntoFieldErrors`] for `validator::ValidationErrors`, nested fields as paths (`address.city`, `items[0].name`) |
//! | `garde` | [`IntoFieldErrors`] for `garde::Report` |
//! | `xml` | errors also answer in XML (Rails' `Hash#to_xml` shape) and problem+xml (RFC 9457), chosen by `Accept` |
//! | `utoipa` | `utoipa::IntoResponses` for every derived type and [`Rejection`] (utoipa 5): one response per status with its schema, an example per variant, `WWW-Authenticate` and `Retry-After`, `application/problem+json` beside JSON; `Merge` for several error types; `IntoResponses` for the success types; `ToSchema` for [`ErrorBody`] and [`FieldErrors`] |
//! | `tower` | `api_status::tower::ConditionalGetLayer`: automatic ETags and 304s for axum and hyper |
//! | `tracing` | one `tracing` event per error response, target `api_status`: ERROR with the `Display` and `source()` chain a 5xx hides from the client, DEBUG for a 4xx (see README's "Logging") |
//!
//! Under `api_status::axum::Negotiate` (a tower layer) or
//! `api_status::actix_web::Negotiate` (middleware), and through
//! [`ApiError::to_response_for`] on any stack, an error answers in the
//! format the request's `Accept` prefers: JSON, problem+json (RFC 9457),
//! and with the feature `xml`, XML and problem+xml ([`Format`]).
//!
//! [`Rejection`] answers a framework's extractor failures (malformed JSON,
//! wrong content type, JSON of the wrong shape) in the same body format;
//! JSON of the wrong shape read with [`from_json_slice`] (which the `Json`
//! extractors use) names the offending field by its path.
//!
//! # Logging
//!
//! With the `tracing` feature, every error response (by `to_response`,
//! `From`, an adapter, a [`Rejection`]) emits exactly one `tracing` event,
//! target `api_status`, with what the client is not told: level ERROR for a
//! 5xx, DEBUG for a 4xx; fields `status` (a number), `error`
//! (`Type::Variant`, `Type` for a struct; a transparent variant logs its
//! inner error's name, once), `message` (the public message), `display` (a
//! 5xx's `Display`) and `source` (the `source()` chain joined with `": "`;
//! for a [`Rejection`], serde's or the framework's own error). The derive
//! finds `Display` and `Error` by autoref specialization, decided where its
//! impl is written: a generic type gets what its where-clause proves (its
//! `Display` when that has no bounds on the parameters, no `source` when
//! its `Error` impl needs `T: Debug`). Without the feature, nothing is
//! computed.
//!
//! # Success responses and statuses by name
//!
//! The success rows of an API's documentation have their types too:
//! [`Created`] (201, `location` and a `self` link), [`Accepted`] (202, the
//! task's `status` link), [`MovedPermanently`] (301) and
//! [`PermanentRedirect`] (308). Each converts into `http::Response<Bytes>`
//! and, with the features above, is an axum `IntoResponse` and an actix-web
//! `Responder`. [`status!`] names any status as a constant, with the table
//! `#[status]` reads: `const CREATED: StatusCode = status!(created);`.
//!
//! # Conditional requests
//!
//! [`Preconditions`], [`Validators`], [`EntityTag`] and [`Conditional`]
//! answer `If-Match`, `If-None-Match`, `If-Modified-Since` and
//! `If-Unmodified-Since` as RFC 9110 section 13 says: 304 Not Modified for
//! a current `GET`, [`PreconditionFailed`] (412, in the same body format as
//! every error) for a stale update. See [`Preconditions`] for the rules,
//! and the features `tower` and `actix-web` for middleware that tags
//! responses from their bodies.
//!
//! # Compile errors
//!
//! Each points at the offending tokens and says how to fix it; one build
//! reports all of them, and the type still gets a stub impl so that no
//! follow-on error buries them:
//!
//! - a variant with no status (and none on the enum);
//! - an unknown status name, with the nearest known name suggested;
//! - a status that is not 4xx/5xx (`ok`, `moved_permanently`, `201`);
//! - `#[status]` or `#[message]` twice;
//! - two `#[field_errors]` fields, or one whose type does not implement
//!   [`IntoFieldErrors`];
//! - `#[message]` naming a field that does not exist;
//! - `#[status(transparent)]` without exactly one field, or with
//!   `#[message]`, `#[oauth]`, `#[retry_after]` or `#[field_errors]`;
//! - an unknown `#[oauth]` code, `#[oauth]` on a status other than 400, 401
//!   or 403, or with `#[field_errors]`;
//! - `#[retry_after]` on a status other than 429 or 503, or both the
//!   attribute and a field;
//! - a 4xx without `#[message]` on a type without `Display`;
//! - the derive on a union, and malformed attribute syntax;
//! - an attribute other than `#[status(code)]` on an enum itself, and
//!   `#[field_errors]` on a 5xx.
//!
//! # Limits
//!
//! Hostile sizes cost linear time: adding n field errors to a
//! [`FieldErrors`] costs O(n) in total (a hash index takes over past 16
//! fields), and so do the `validator` and `garde` conversions and parsing a
//! [`FieldErrors`] or an [`ErrorBody`]. An OAuth `error_description` is at
//! most [`MAX_ERROR_DESCRIPTION`] bytes, the same in the header and the
//! body, so that a long message never makes a `WWW-Authenticate` header
//! that proxies refuse; `message` keeps the whole text.
//!
//! # Safety
//!
//! Every crate is `#![forbid(unsafe_code)]`. Neither the runtime nor the
//! macro panics on any input: every misuse of an attribute is a
//! `compile_error!`.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod body;
mod conditional;
mod error;
mod field_errors;
mod frameworks;
mod headers;
mod json;
mod json_input;
mod message_sink;
mod negotiate;
mod oauth;
mod openapi_hook;
mod rejection;
mod report;
mod stack_buf;
mod success;

#[cfg(feature = "actix-web")]
pub mod actix_web;
#[cfg(feature = "axum")]
pub mod axum;
#[cfg(feature = "garde")]
mod garde;
#[cfg(feature = "utoipa")]
mod openapi;
#[cfg(feature = "tower")]
pub mod tower;
#[cfg(feature = "validator")]
mod validator;

// The derive names everything through `::api_status`; this makes that path
// work inside this crate too, for the types it derives itself ([`Rejection`]).
extern crate self as api_status;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

#[doc = include_str!("../docs/status.md")]
pub use api_status_derive::status;
pub use api_status_derive::ApiError;
pub use body::ErrorBody;
pub use conditional::{
    Conditional, EntityTag, InvalidEntityTag, Precondition, PreconditionFailed, Preconditions,
    Validators,
};
pub use error::ApiError;
pub use field_errors::{FieldErrors, IntoFieldErrors, Iter as FieldErrorsIter};
pub use json_input::from_json_slice;
pub use negotiate::Format;
pub use oauth::{oauth_error_description, OAuthErrorCode, MAX_ERROR_DESCRIPTION};
#[cfg(feature = "utoipa")]
pub use openapi::Merge;
pub use rejection::{Rejection, RejectionKind};
pub use success::{Accepted, Created, MovedPermanently, PermanentRedirect};

/// The `http` crate (1.x), re-exported so that `http::Response`,
/// `http::StatusCode` and friends need no dependency of their own.
pub use http;

/// The `bytes` crate (1.x), re-exported for `bytes::Bytes`, the body type.
pub use bytes;

/// The README's examples, run as doctests so that they stay true.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
