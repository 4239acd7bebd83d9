//! The success responses of the seed's page: [`Created`] (201),
//! [`Accepted`] (202), [`MovedPermanently`] (301) and its method-keeping
//! sibling [`PermanentRedirect`] (308).
//!
//! Each converts into `http::Response<Bytes>` (`From`), and, with the
//! features of the same names, is an axum `IntoResponse` and an actix-web
//! `Responder`, with the same status, headers and body bytes on every
//! stack. A `location` or link is percent-encoded where RFC 3986 requires
//! (see [`Created::new`]), so that no input breaks a header; a body that
//! cannot be serialized answers `500 {"message":"Internal Server Error"}`
//! ([`Rejection::Internal`](crate::Rejection::Internal)), never a panic.

mod accepted;
mod created;
mod json;
mod redirect;
mod uri;

pub use accepted::Accepted;
pub use created::Created;
pub use redirect::{MovedPermanently, PermanentRedirect};

use bytes::Bytes;
use http::header::{HeaderName, CONTENT_TYPE};
use http::{HeaderValue, Response, StatusCode};

use crate::ApiError;

/// A response with a JSON body: `status`, `content-type: application/json`,
/// `headers`, and `body`; the 500 of [`Rejection::Internal`](crate::Rejection::Internal)
/// when the body could not be serialized or a header value is not valid
/// (neither happens with a percent-encoded value).
fn json_response(
    status: StatusCode,
    body: Result<Vec<u8>, json::Unserializable>,
    headers: &[(HeaderName, &str)],
) -> Response<Bytes> {
    let Ok(body) = body else {
        return crate::Rejection::Internal.to_response();
    };
    let Some(mut response) = with_headers(status, Bytes::from(body), headers) else {
        return crate::Rejection::Internal.to_response();
    };
    response
        .headers_mut()
        .insert(CONTENT_TYPE, crate::headers::APPLICATION_JSON);
    response
}

/// `status`, `body` and `headers`, or `None` if a value is not a valid
/// header value.
fn with_headers(
    status: StatusCode,
    body: Bytes,
    headers: &[(HeaderName, &str)],
) -> Option<Response<Bytes>> {
    let mut response = Response::new(body);
    *response.status_mut() = status;
    for (name, value) in headers {
        let value = HeaderValue::from_str(value).ok()?;
        response.headers_mut().insert(name.clone(), value);
    }
    Some(response)
}
