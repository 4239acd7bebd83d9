//! The headers of an error response, and the response itself.

use bytes::Bytes;
use http::header::{CONTENT_TYPE, RETRY_AFTER, WWW_AUTHENTICATE};
use http::{HeaderValue, Response, StatusCode};

use crate::ApiError;

/// The one `content-type` of every error body.
pub(crate) const APPLICATION_JSON: HeaderValue = HeaderValue::from_static("application/json");

/// Builds `error`'s response: its status, `content-type`, the challenge and
/// `Retry-After` where they apply, and its body.
pub(crate) fn build_response<E: ApiError + ?Sized>(error: &E) -> Response<Bytes> {
    let mut response = Response::new(error.body());
    *response.status_mut() = error.status();
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, APPLICATION_JSON);
    if let Some(challenge) = error.www_authenticate() {
        headers.insert(WWW_AUTHENTICATE, challenge);
    }
    if let Some(seconds) = error.retry_after() {
        headers.insert(RETRY_AFTER, HeaderValue::from(seconds));
    }
    response
}

/// The `WWW-Authenticate` challenge of RFC 6750 §3 for `error`: plain `Bearer`
/// on a 401 without an OAuth code; with one, its `error` and
/// `error_description` parameters, on a 401 and, for RFC 6750's own codes,
/// on a 400 or 403.
pub(crate) fn challenge_for<E: ApiError + ?Sized>(error: &E) -> Option<HeaderValue> {
    let status = error.status();
    match error.oauth_error() {
        None if status == StatusCode::UNAUTHORIZED => Some(HeaderValue::from_static("Bearer")),
        None => None,
        Some(code) => {
            let challenged = status == StatusCode::UNAUTHORIZED
                || (code.is_bearer_token_error()
                    && (status == StatusCode::BAD_REQUEST || status == StatusCode::FORBIDDEN));
            if !challenged {
                return None;
            }
            let message = error.message();
            let value = match crate::oauth_error_description(&message) {
                Some(description) => format!(
                    "Bearer error=\"{code}\", error_description=\"{description}\""
                ),
                None => format!("Bearer error=\"{code}\""),
            };
            // The description holds only printable ASCII without `"` and `\`,
            // so the value is always valid; the fallback is never reached.
            Some(
                HeaderValue::from_str(&value)
                    .unwrap_or_else(|_| HeaderValue::from_static("Bearer")),
            )
        }
    }
}
