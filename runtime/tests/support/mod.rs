//! The error type of the contract's first example (section 1), shared by
//! the tests that check its responses.

use std::time::Duration;

use api_status::{ApiError, FieldErrors};

/// A payment error, the inner error of `AccountError::Billing`.
#[derive(Debug, thiserror::Error, ApiError)]
#[error("billing is closed")]
#[status(payment_required)]
pub struct BillingError;

/// The contract's example, plus a `Retry-After` taken from a field.
#[derive(Debug, thiserror::Error, ApiError)]
pub enum AccountError {
    #[error("account {id} not found")]
    #[status(not_found)]
    NotFound { id: u64 },

    #[error("the account could not be saved")]
    #[status(unprocessable_entity)]
    Invalid {
        #[field_errors]
        errors: FieldErrors,
    },

    #[error("the provided authorization grant is invalid")]
    #[status(unauthorized)]
    #[oauth(invalid_grant)]
    BadCredentials,

    #[error("database error: {0}")]
    #[status(internal_server_error)]
    Database(#[source] std::io::Error),

    #[error("down for maintenance")]
    #[status(service_unavailable)]
    #[message("We are down for maintenance, please retry shortly")]
    #[retry_after(120)]
    Maintenance,

    #[error("slow down")]
    #[status(too_many_requests)]
    RateLimited {
        #[retry_after]
        wait: Duration,
    },

    #[error(transparent)]
    #[status(transparent)]
    Billing(BillingError),
}
