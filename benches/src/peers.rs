//! The peers a user would otherwise pick, producing the same responses.
//!
//! - `api-error` (0.1): a derive for `status_code()` and `message()`; its
//!   body is `{"message":"…"}`, serialized by its own `ApiErrorResponse`
//!   (the serializer of its axum responder) with `serde_json::to_vec`. It has
//!   no field errors, OAuth members or headers, so it takes part only where
//!   it can produce the same bytes.
//! - `http-api-problem` (0.60): RFC 7807 problem details. It cannot produce
//!   `{"message":"…"}`; it produces the same status and information in its
//!   own format (`application/problem+json`, `{"status":404,"detail":"…"}`,
//!   extension members for `errors`, `error`, `error_description`).

// api-error's derive names its trait unqualified: it must be in scope.
use api_error::axum::ApiErrorResponse;
use api_error::ApiError;
use api_status::bytes::Bytes;
use api_status::http::header::{CONTENT_TYPE, WWW_AUTHENTICATE};
use api_status::http::{HeaderValue, Response, StatusCode};
use api_status::FieldErrors;
use http_api_problem::HttpApiProblem;

/// The `api-error` version of the application's error enum.
#[derive(Debug, thiserror::Error, ApiError)]
pub enum PeerError {
    /// A literal message.
    #[error("user lookup failed")]
    #[api_error(status_code = 404, message = "user not found")]
    StaticNotFound,

    /// A 5xx: its message defaults to the reason phrase.
    #[error("upstream timed out: {0}")]
    #[api_error(status_code = 503)]
    Unavailable(String),

    /// An interpolated message.
    #[error("lookup of user {id} failed")]
    #[api_error(status_code = 404, message = "user {id} not found")]
    Interpolated {
        /// The user's id.
        id: u64,
    },

    /// The message is the `Display`.
    #[error("user {id} not found")]
    #[api_error(status_code = 404, message(inherit))]
    DisplayNotFound {
        /// The user's id.
        id: u64,
    },

    /// Delegates to an inner error with a literal message.
    #[error(transparent)]
    #[api_error(transparent)]
    Billing(PeerPaymentRequired),

    /// Delegates to an inner error with an interpolated message.
    #[error(transparent)]
    #[api_error(transparent)]
    Lookup(PeerUserNotFound),
}

/// The `api-error` version of [`crate::errors::PaymentRequired`].
#[derive(Debug, thiserror::Error, ApiError)]
#[error("payment required")]
#[api_error(status_code = 402, message = "payment required")]
pub struct PeerPaymentRequired;

/// The `api-error` version of [`crate::errors::UserNotFound`].
#[derive(Debug, thiserror::Error, ApiError)]
#[error("lookup of user {id} failed")]
#[api_error(status_code = 404, message = "user {id} not found")]
pub struct PeerUserNotFound {
    /// The user's id.
    pub id: u64,
}

/// An `api-error` error as a response: its status, `content-type`, and the
/// body its own serializer writes.
#[inline]
pub fn api_error_response(error: &dyn ApiError) -> Response<Bytes> {
    let body = serde_json::to_vec(&ApiErrorResponse::new(error)).expect("a string serializes");
    crate::hand::response(error.status_code(), body)
}

/// A problem document as a response, with `application/problem+json`.
#[inline]
pub fn problem_response(problem: &HttpApiProblem) -> Response<Bytes> {
    let mut response = Response::new(Bytes::from(problem.json_bytes()));
    *response.status_mut() = problem.status.unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    response.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static(http_api_problem::PROBLEM_JSON_MEDIA_TYPE),
    );
    response
}

/// A problem with a `detail`.
#[inline]
pub fn problem_detail(status: StatusCode, detail: impl Into<String>) -> Response<Bytes> {
    problem_response(&HttpApiProblem::new(status).detail(detail))
}

/// A 5xx problem with the reason phrase as its `title`.
#[inline]
pub fn problem_title(status: StatusCode) -> Response<Bytes> {
    problem_response(&HttpApiProblem::with_title(status))
}

/// A problem with a `detail` and the field errors as the `errors` member.
#[inline]
pub fn problem_field_errors(
    status: StatusCode,
    detail: &str,
    errors: &FieldErrors,
) -> Response<Bytes> {
    problem_response(
        &HttpApiProblem::new(status)
            .detail(detail)
            .value("errors", errors),
    )
}

/// An OAuth problem: `detail`, the `error` and `error_description`
/// members, and the challenge header added by hand.
#[inline]
pub fn problem_oauth(
    status: StatusCode,
    detail: &str,
    error: &str,
    challenge: HeaderValue,
) -> Response<Bytes> {
    let problem = HttpApiProblem::new(status)
        .detail(detail)
        .value("error", &error)
        .value("error_description", &detail);
    let mut response = problem_response(&problem);
    response.headers_mut().insert(WWW_AUTHENTICATE, challenge);
    response
}
