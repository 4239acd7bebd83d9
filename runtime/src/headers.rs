//! The headers of an error response, and the response itself.

use bytes::Bytes;
use http::header::{CONTENT_TYPE, RETRY_AFTER, WWW_AUTHENTICATE};
use http::{HeaderValue, Response, StatusCode};

use crate::json::MessageBuf;
use crate::{ApiError, OAuthErrorCode};

/// The one `content-type` of every error body.
pub(crate) const APPLICATION_JSON: HeaderValue = HeaderValue::from_static("application/json");

/// Builds `error`'s response: its status, `content-type`, the challenge and
/// `Retry-After` where they apply, and its body.
pub(crate) fn build_response<E: ApiError + ?Sized>(error: &E) -> Response<Bytes> {
    let status = error.status();
    crate::report::emit(error, status);
    assemble(
        status,
        error.body(),
        error.www_authenticate(),
        error.retry_after(),
    )
}

/// An error response put together, whichever way its parts were found: the
/// trait's defaults or a derived variant's facts. Every error response goes
/// through this one or one of the two plain variants' shapes below
/// ([`assemble_plain`], [`assemble_plain_built`]), which differ only in the
/// order they build in (a few instructions each way).
#[cfg_attr(debug_assertions, inline(never))]
#[cfg_attr(not(debug_assertions), inline)]
pub(crate) fn assemble(
    status: StatusCode,
    body: Bytes,
    challenge: Option<HeaderValue>,
    retry_after: Option<u64>,
) -> Response<Bytes> {
    assemble_as(APPLICATION_JSON, None, status, body, challenge, retry_after)
}

/// A response with no header but `content-type`: a plain variant's (no
/// challenge, no `Retry-After`), in the hand-written floor's shape.
///
/// The constant is appended as it is, not through [`assemble_as`]'s
/// `content_type` parameter: passed through that, the value is built on
/// the stack field by field on every response (6 instructions where the
/// floor passes a pointer to the constant).
#[inline(always)]
pub(crate) fn assemble_plain(status: StatusCode, body: Bytes) -> Response<Bytes> {
    let mut response = Response::new(body);
    *response.status_mut() = status;
    response
        .headers_mut()
        .append(CONTENT_TYPE, APPLICATION_JSON);
    response
}

/// [`assemble_plain`] for a body written at run time, with its headers put
/// together before the response: the response is then written where it is
/// returned, not on the stack first and copied there (a call to `memcpy`
/// of its 144 bytes). For a static body this order costs more (4
/// instructions per response), so [`assemble_plain`] keeps the other.
///
/// Out of line in a debug build, compiled once, in the runtime (inlined
/// into each error type's response, it cost the debug build of 500
/// variants 6 M more rustc instructions), as the message sink's methods
/// are; inlined when optimized (out of line, 23 more instructions per
/// response).
#[cfg_attr(debug_assertions, inline(never))]
#[cfg_attr(not(debug_assertions), inline(always))]
pub(crate) fn assemble_plain_built(status: StatusCode, body: Bytes) -> Response<Bytes> {
    let mut headers = http::HeaderMap::new();
    headers.append(CONTENT_TYPE, APPLICATION_JSON);
    let mut response = Response::new(body);
    *response.status_mut() = status;
    // The map replaced is `Response::new`'s empty one, which holds no
    // allocation (`HeaderMap::new` documents that it does not allocate):
    // forgotten, so that no drop of a map is called. Were `http` ever to
    // allocate there, this would leak: debug builds check.
    let empty = std::mem::replace(response.headers_mut(), headers);
    debug_assert_eq!(empty.capacity(), 0, "Response::new's map allocated");
    std::mem::forget(empty);
    response
}

/// [`assemble`] with another `content-type` and, for a negotiated response
/// (`negotiate::respond`), a `vary` header. Inlined into [`assemble`], where
/// the constant `None` removes the `vary` branch.
#[inline(always)]
pub(crate) fn assemble_as(
    content_type: HeaderValue,
    vary: Option<HeaderValue>,
    status: StatusCode,
    body: Bytes,
    challenge: Option<HeaderValue>,
    retry_after: Option<u64>,
) -> Response<Bytes> {
    let mut response = Response::new(body);
    *response.status_mut() = status;
    // `append`, not `insert`: the map is new, so the headers are the same,
    // and `append` does not look for a value to replace.
    let headers = response.headers_mut();
    headers.append(CONTENT_TYPE, content_type);
    if let Some(vary) = vary {
        headers.append(http::header::VARY, vary);
    }
    if let Some(challenge) = challenge {
        headers.append(WWW_AUTHENTICATE, challenge);
    }
    if let Some(seconds) = retry_after {
        headers.append(RETRY_AFTER, HeaderValue::from(seconds));
    }
    response
}

/// The start of a challenge with an OAuth code, up to the code.
const CHALLENGE_PREFIX: &[u8] = b"Bearer error=\"";
/// What comes between the code and the description.
const DESCRIPTION_PREFIX: &[u8] = b", error_description=\"";

/// The `WWW-Authenticate` challenge of RFC 6750 §3 for `error`: plain `Bearer`
/// on a 401 without an OAuth code; with one, its `error` and
/// `error_description` parameters, on a 401 and, for RFC 6750's own codes,
/// on a 400 or 403.
pub(crate) fn challenge_for<E: ApiError + ?Sized>(error: &E) -> Option<HeaderValue> {
    let status = error.status();
    let code = error.oauth_error();
    if !sends_challenge(status, code) {
        return None;
    }
    match code {
        None => Some(HeaderValue::from_static("Bearer")),
        Some(code) => {
            let mut message = MessageBuf::new();
            // A `Display` that failed on its own leaves what it wrote.
            let _ = error.write_message(&mut message);
            let description = crate::oauth_error_description(message.as_str());
            challenge_with(status, code, description.as_deref())
        }
    }
}

/// Whether an error of `status` with OAuth code `code` sends a challenge:
/// every 401 and, for RFC 6750's own codes, a 400 or 403. The one copy of
/// the rule: responses and the OpenAPI document both ask it.
pub(crate) fn sends_challenge(status: StatusCode, code: Option<OAuthErrorCode>) -> bool {
    match code {
        None => status == StatusCode::UNAUTHORIZED,
        Some(code) => is_challenged(status, code),
    }
}

/// Whether an error with an OAuth code sends a challenge: on a 401 and, for
/// RFC 6750's own codes, on a 400 or 403.
fn is_challenged(status: StatusCode, code: OAuthErrorCode) -> bool {
    status == StatusCode::UNAUTHORIZED
        || (code.is_bearer_token_error()
            && (status == StatusCode::BAD_REQUEST || status == StatusCode::FORBIDDEN))
}

/// The challenge of an error with an OAuth code and the description of its
/// message (`oauth_error_description`), if its status sends one.
pub(crate) fn challenge_with(
    status: StatusCode,
    code: OAuthErrorCode,
    description: Option<&str>,
) -> Option<HeaderValue> {
    if !is_challenged(status, code) {
        return None;
    }
    let code = code.as_str();
    // Built at its exact size, so that `Bytes` takes the buffer over and the
    // header value costs one allocation.
    let len = CHALLENGE_PREFIX.len()
        + code.len()
        + 1
        + description.map_or(0, |d| DESCRIPTION_PREFIX.len() + d.len() + 1);
    let mut value = Vec::with_capacity(len);
    value.extend_from_slice(CHALLENGE_PREFIX);
    value.extend_from_slice(code.as_bytes());
    value.push(b'"');
    if let Some(description) = description {
        value.extend_from_slice(DESCRIPTION_PREFIX);
        value.extend_from_slice(description.as_bytes());
        value.push(b'"');
    }
    // The description holds only printable ASCII without `"` and `\`, so the
    // value is always valid; the fallback is never reached.
    Some(
        HeaderValue::from_maybe_shared(Bytes::from(value))
            .unwrap_or_else(|_| HeaderValue::from_static("Bearer")),
    )
}
