//! The error types under test, derived with `api-status`: one enum with a
//! variant per case, as an application would have it, so every method is a
//! `match` over realistic variants.

use api_status::{ApiError, FieldErrors};

/// The application's error enum.
#[derive(Debug, thiserror::Error, ApiError)]
pub enum AppError {
    /// A literal `#[message]`: the body is computed at compile time.
    #[error("user lookup failed")]
    #[status(not_found)]
    #[message("user not found")]
    StaticNotFound,

    /// A 5xx without `#[message]`: the body is the reason phrase, computed at
    /// compile time; the `Display` and its data never reach the client.
    #[error("upstream timed out: {0}")]
    #[status(service_unavailable)]
    Unavailable(String),

    /// An interpolated `#[message]`.
    #[error("lookup of user {id} failed")]
    #[status(not_found)]
    #[message("user {id} not found")]
    Interpolated {
        /// The user's id.
        id: u64,
    },

    /// A 4xx whose message is its `Display` (thiserror's `#[error]`).
    #[error("user {id} not found")]
    #[status(not_found)]
    DisplayNotFound {
        /// The user's id.
        id: u64,
    },

    /// A 422 with per-field messages.
    #[error("validation failed")]
    #[status(unprocessable_entity)]
    #[message("the account could not be saved")]
    Invalid {
        /// The messages, by field.
        #[field_errors]
        errors: FieldErrors,
    },

    /// A 401 OAuth error with a literal message: body and challenge are both
    /// computed at compile time.
    #[error("bad credentials")]
    #[status(unauthorized)]
    #[oauth(invalid_grant)]
    #[message("the provided authorization grant is invalid")]
    BadCredentials,

    /// A 401 OAuth error with an interpolated message: body and challenge are
    /// built at run time.
    #[error("token expired")]
    #[status(unauthorized)]
    #[oauth(invalid_token)]
    #[message("the access token of client {client} expired")]
    TokenExpired {
        /// The OAuth client.
        client: u64,
    },

    /// Delegates to an inner error with a static body.
    #[error(transparent)]
    #[status(transparent)]
    Billing(PaymentRequired),

    /// Delegates to an inner error with an interpolated message.
    #[error(transparent)]
    #[status(transparent)]
    Lookup(UserNotFound),
}

/// The inner error of [`AppError::Billing`]: a static body.
#[derive(Debug, thiserror::Error, ApiError)]
#[error("payment required")]
#[status(payment_required)]
#[message("payment required")]
pub struct PaymentRequired;

/// The inner error of [`AppError::Lookup`]: an interpolated message.
#[derive(Debug, thiserror::Error, ApiError)]
#[error("lookup of user {id} failed")]
#[status(not_found)]
#[message("user {id} not found")]
pub struct UserNotFound {
    /// The user's id.
    pub id: u64,
}
