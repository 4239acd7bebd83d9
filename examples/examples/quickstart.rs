//! The errors of a small accounts API, and the responses a client receives
//! for each: status line, headers, body.
//!
//! ```text
//! cargo run -p api-status-examples --example quickstart
//! ```

use api_status::http::Response;
use api_status::{bytes::Bytes, ApiError, FieldErrors};

#[derive(Debug, thiserror::Error, ApiError)]
pub enum AccountError {
    /// 400: the request could not be understood.
    #[error("the request body is not valid JSON")]
    #[status(bad_request)]
    MalformedJson,

    /// 401: signing in failed; OAuth 2.0 clients read `error`.
    #[error("the provided authorization grant is invalid")]
    #[status(unauthorized)]
    #[oauth(invalid_grant)]
    BadCredentials,

    /// 403: signed in, but not allowed.
    #[error("you cannot see the accounts of another customer")]
    #[status(forbidden)]
    NotYours,

    /// 404: the message interpolates the id.
    #[error("account {id} not found")]
    #[status(not_found)]
    NotFound { id: u64 },

    /// 422: validation failures, field by field.
    #[error("the account could not be saved")]
    #[status(unprocessable_entity)]
    Invalid {
        #[field_errors]
        errors: FieldErrors,
    },

    /// 502: the upstream error stays in the logs, never in the body.
    #[error("billing service answered {0}")]
    #[status(bad_gateway)]
    Upstream(String),

    /// 503: with a public message and a Retry-After.
    #[error("maintenance window")]
    #[status(service_unavailable)]
    #[message("We are down for maintenance, please retry shortly")]
    #[retry_after(120)]
    Maintenance,
}

fn main() {
    let mut errors = FieldErrors::new();
    errors
        .add("name", "can't be blank")
        .add("name", "can't be a number")
        .add("customer_id", "is invalid");

    let examples = [
        AccountError::MalformedJson,
        AccountError::BadCredentials,
        AccountError::NotYours,
        AccountError::NotFound { id: 42 },
        AccountError::Invalid { errors },
        AccountError::Upstream("HTTP 500: connection pool exhausted".into()),
        AccountError::Maintenance,
    ];
    for error in examples {
        println!("# {error:?}");
        print_response(&error.into());
        println!();
    }
}

/// Prints a response the way it travels: status line, headers, body.
fn print_response(response: &Response<Bytes>) {
    let status = response.status();
    println!(
        "HTTP/1.1 {} {}",
        status.as_str(),
        status.canonical_reason().unwrap_or("")
    );
    for (name, value) in response.headers() {
        println!("{name}: {}", value.to_str().unwrap_or("<binary>"));
    }
    println!();
    println!("{}", String::from_utf8_lossy(response.body()));
}
