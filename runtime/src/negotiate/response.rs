//! The one function that builds a negotiated error response, [`respond_with`].

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
        let mut response = error.to_response();
        response.headers_mut().insert(http::header::VARY, ACCEPT);
        return response;
    }
    respond_with(
        error,
        format,
        |error| error.body(),
        |error| error.problem_body(),
        error.status(),
        error.www_authenticate(),
        error.retry_after(),
    )
}

/// Every negotiated response is put together here, whichever way its parts
/// were found (the trait's defaults, [`respond`], or a derived variant's
/// fixed facts, `Lookup::to_response_in`): the body of `format` (JSON and
/// problem+json from `json_body` and `problem_body`, which may be computed
/// at compile time; XML encoded here), its `content-type`, `vary: accept`,
/// and the same status, `WWW-Authenticate` and `Retry-After` in every
/// format, through `headers::assemble_as` (which `headers::assemble`, the
/// plain JSON response, is too); and the response's `tracing` event.
#[inline]
pub(crate) fn respond_with<E: ApiError + ?Sized>(
    error: &E,
    format: Format,
    json_body: impl FnOnce(&E) -> Bytes,
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
        Format::Json => json_body(error),
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
