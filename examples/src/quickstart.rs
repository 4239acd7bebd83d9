//! The errors of a small accounts API, one per status of the API
//! documentation this project grew from, and the response a client receives
//! for each: the `quickstart` example prints them, and `tests/readme.rs`
//! checks that README.md shows exactly these bytes.

use api_status::bytes::Bytes;
use api_status::http::Response;
use api_status::{ApiError, FieldErrors};

/// The accounts API's errors.
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

/// One value of each variant, in the order of the statuses.
pub fn examples() -> Vec<AccountError> {
    let mut errors = FieldErrors::new();
    errors
        .add("name", "can't be blank")
        .add("name", "can't be a number")
        .add("customer_id", "is invalid");
    vec![
        AccountError::MalformedJson,
        AccountError::BadCredentials,
        AccountError::NotYours,
        AccountError::NotFound { id: 42 },
        AccountError::Invalid { errors },
        AccountError::Upstream("HTTP 500: connection pool exhausted".into()),
        AccountError::Maintenance,
    ]
}

/// A response the way it travels: status line, headers, a blank line, body.
pub fn render(response: &Response<Bytes>) -> String {
    let status = response.status();
    let mut text = format!(
        "HTTP/1.1 {} {}\n",
        status.as_str(),
        status.canonical_reason().unwrap_or("")
    );
    for (name, value) in response.headers() {
        text.push_str(&format!(
            "{name}: {}\n",
            value.to_str().unwrap_or("<binary>")
        ));
    }
    text.push('\n');
    text.push_str(&String::from_utf8_lossy(response.body()));
    text.push('\n');
    text
}
