//! HTTP API error conventions, checked by the compiler.
//!
//! (The full guide is written below, once the code it describes compiles.)
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod body;
mod error;
mod field_errors;
mod headers;
mod json;
mod frameworks;
mod oauth;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

pub use api_status_derive::ApiError;
pub use body::ErrorBody;
pub use error::ApiError;
pub use field_errors::{FieldErrors, IntoFieldErrors, Iter as FieldErrorsIter};
pub use oauth::{oauth_error_description, OAuthErrorCode};

/// The `http` crate (1.x), re-exported so that `http::Response`,
/// `http::StatusCode` and friends need no dependency of their own.
pub use http;

/// The `bytes` crate (1.x), re-exported for `bytes::Bytes`, the body type.
pub use bytes;
