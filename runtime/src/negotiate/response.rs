//! The one function that builds a negotiated error response.

use bytes::Bytes;
use http::{HeaderValue, Response};

use super::Format;
use crate::ApiError;

/// `vary: accept`: the response depends on the request's `Accept`.
const ACCEPT: HeaderValue = HeaderValue::from_static("accept");

/// `error`'s response in `format` (or the format this build offers in its
/// place), with `vary: accept`. Every negotiated response is built here: the
/// JSON one is [`ApiError::to_response`]'s plus `vary`; the others are put
/// together by `headers::assemble_as` (which `headers::assemble` is too),
/// with the same status, `WWW-Authenticate` and `Retry-After`, and their own
/// body and `content-type`.
pub(crate) fn respond<E: ApiError + ?Sized>(error: &E, format: Format) -> Response<Bytes> {
    let format = format.offered();
    let body = match format {
        Format::Json => error.body(),
        #[cfg(feature = "xml")]
        Format::Xml => super::xml::encode_hash(error),
        #[cfg(feature = "xml")]
        Format::ProblemXml => super::xml::encode_problem(error),
        _ => error.problem_body(),
    };
    crate::headers::assemble_as(
        format.content_type_value(),
        Some(ACCEPT),
        error.status(),
        body,
        error.www_authenticate(),
        error.retry_after(),
    )
}
