//! How a negotiated error response is built: the plain one with [`with_vary`]
//! in JSON, [`respond_with`] in the other formats.

use bytes::Bytes;
use http::{HeaderValue, Response, StatusCode};

use super::Format;
use crate::ApiError;

/// `vary: accept`: the response depends on the request's `Accept`.
const ACCEPT: HeaderValue = HeaderValue::from_static("accept");

/// `error`'s response in `format` (or the format this build offers in its
/// place), with `vary: accept`: the trait's default, which asks `error` for
/// each part. In JSON, it is [`ApiError::to_response`] (which a hand-written
/// impl may have overridden) plus `vary`.
pub(crate) fn respond<E: ApiError + ?Sized>(error: &E, format: Format) -> Response<Bytes> {
    if format.offered() == Format::Json {
        return with_vary(error.to_response());
    }
    respond_with(
        error,
        format,
        |error| error.problem_body(),
        error.status(),
        error.www_authenticate(),
        error.retry_after(),
    )
}

/// A plain JSON response, negotiated: with `vary: accept`, appended, so
/// that a `vary` a hand-written `to_response` set stays (RFC 9110 §12.5.5:
/// a list, which may span field lines).
#[inline]
pub(crate) fn with_vary(mut response: Response<Bytes>) -> Response<Bytes> {
    response.headers_mut().append(http::header::VARY, ACCEPT);
    response
}

/// Every negotiated response in a format other than JSON is put together
/// here, whichever way its parts were found (the trait's defaults,
/// [`respond`], or a derived variant's fixed facts,
/// `Lookup::to_response_in`); in JSON, both callers answer with the plain
/// response and [`with_vary`] before they compute anything. Here: the body
/// of `format` (problem+json from `problem_body`, which may be computed at
/// compile time; XML encoded here), its `content-type`, `vary: accept`,
/// and the same status, `WWW-Authenticate` and `Retry-After` in every
/// format, through `headers::assemble_as` (which `headers::assemble`, the
/// plain JSON response, is too); and the response's `tracing` event.
#[inline]
pub(crate) fn respond_with<E: ApiError + ?Sized>(
    error: &E,
    format: Format,
    problem_body: impl FnOnce(&E) -> Bytes,
    status: StatusCode,
    challenge: Option<HeaderValue>,
    retry_after: Option<u64>,
) -> Response<Bytes> {
    // The one `tracing` event of this response (section 14); the JSON
    // branch of `respond` gets its own from `to_response`.
    crate::report::emit(error, status);
    let format = format.offered();
    let body = match format {
        Format::Json => error.body(),
        #[cfg(feature = "xml")]
        Format::Xml => super::xml::encode_hash(error),
        #[cfg(feature = "xml")]
        Format::ProblemXml => super::xml::encode_problem(error),
        _ => problem_body(error),
    };
    crate::headers::assemble_as(
        format.content_type_value(),
        Some(ACCEPT),
        status,
        body,
        challenge,
        retry_after,
    )
}
