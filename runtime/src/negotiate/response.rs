//! The one function that builds a negotiated error response.

use bytes::Bytes;
use http::header::{CONTENT_TYPE, VARY};
use http::{HeaderValue, Response};

use super::Format;
use crate::ApiError;

/// `vary: accept`: the response depends on the request's `Accept`.
const ACCEPT: HeaderValue = HeaderValue::from_static("accept");

/// `error`'s response in `format` (or the format this build offers in its
/// place), with `vary: accept`. Every negotiated response is built here: the
/// JSON one is [`ApiError::to_response`]'s; the others go through the same
/// `headers::assemble`, with the same status, `WWW-Authenticate` and
/// `Retry-After`, and their own body and `content-type`.
pub(crate) fn respond<E: ApiError + ?Sized>(error: &E, format: Format) -> Response<Bytes> {
    let format = format.offered();
    let mut response = match format {
        Format::Json => error.to_response(),
        _ => {
            let body = match format {
                #[cfg(feature = "xml")]
                Format::Xml => super::xml::encode_hash(error),
                #[cfg(feature = "xml")]
                Format::ProblemXml => super::xml::encode_problem(error),
                _ => error.problem_body(),
            };
            let mut response = crate::headers::assemble(
                error.status(),
                body,
                error.www_authenticate(),
                error.retry_after(),
            );
            response
                .headers_mut()
                .insert(CONTENT_TYPE, format.content_type_value());
            response
        }
    };
    response.headers_mut().insert(VARY, ACCEPT);
    response
}
