//! The generated code passes strict lints in the user's crate: a derive that
//! made users allow lints would be a bad neighbour. (Clippy's own lints run
//! on this file too, through `cargo clippy --all-targets -- -D warnings`.)
#![deny(
    warnings,
    missing_docs,
    rust_2018_idioms,
    unused_qualifications,
    unreachable_pub,
    trivial_casts,
    unused_import_braces,
    non_ascii_idents
)]

use std::time::Duration;

use api_status::http::StatusCode;
use api_status::{ApiError, FieldErrors};

/// Every kind of variant the derive knows, in one public type.
#[derive(Debug, thiserror::Error, ApiError)]
#[status(bad_request)]
pub enum Everything {
    /// Default status, Display message.
    #[error("bad")]
    Default,
    /// Interpolated message.
    #[error("x")]
    #[status(not_found)]
    #[message("item {id} of {owner:?}")]
    Interpolated {
        /// The id.
        id: u64,
        /// The owner.
        owner: String,
    },
    /// Field errors.
    #[error("invalid")]
    #[status(unprocessable_entity)]
    Invalid(#[field_errors] FieldErrors),
    /// OAuth.
    #[error("token expired")]
    #[status(unauthorized)]
    #[oauth(invalid_token)]
    Token,
    /// Retry-After from a field.
    #[error("slow down")]
    #[status(too_many_requests)]
    Slow(#[retry_after] Duration),
    /// Reason phrase.
    #[error("db: {0}")]
    #[status(internal_server_error)]
    Internal(String),
    /// Delegation.
    #[error(transparent)]
    #[status(transparent)]
    Inner(Box<Inner>),
}

/// A struct with its own status.
#[derive(Debug, thiserror::Error, ApiError)]
#[error("inner")]
#[status(conflict)]
pub struct Inner;

#[test]
fn strict_lints_accept_the_expansion() {
    assert_eq!(Everything::Inner(Box::new(Inner)).status(), 409);
    assert_eq!(Everything::Default.status(), 400);
}

/// `status!` expands cleanly under the same lints, in a `const` and in an
/// expression.
pub const CREATED: StatusCode = api_status::status!(created);

#[test]
fn strict_lints_accept_the_status_macro() {
    assert_eq!(CREATED, 201);
    assert_eq!(api_status::status!(moved_permanently), 301);
}
