//! The problem+json encoding of an error body (RFC 9457): one compact
//! object, members in the order `type`, `title`, `status`, `detail`, then
//! `errors` (as in the JSON body) or `error` and `error_description`.
//!
//! Written by the JSON body's encoder (`json::encode_after`), after a
//! prefix of problem+json's own members.

use bytes::Bytes;

use crate::json::{encode_after, escape_into, escaped_len};
use crate::ApiError;

/// `{"type":"","title":"","status":000,"detail":"`.
const PREFIX_OVERHEAD: usize = 45;

/// Serializes `error`'s problem details, `type`, `title` and `status` from
/// the trait's methods (a hand-written impl, or a derived variant whose
/// prefix the macro did not compute).
pub(crate) fn encode_problem<E: ApiError + ?Sized>(error: &E) -> Bytes {
    let problem_type = error.problem_type();
    let title = error.problem_title();
    let prefix_len = PREFIX_OVERHEAD + escaped_len(problem_type) + escaped_len(title);
    encode_after(error, error.oauth_error(), prefix_len, |out| {
        out.extend_from_slice(b"{\"type\":\"");
        escape_into(out, problem_type);
        out.extend_from_slice(b"\",\"title\":\"");
        escape_into(out, title);
        out.extend_from_slice(b"\",\"status\":");
        out.extend_from_slice(&status_digits(error.status().as_u16()));
        out.extend_from_slice(b",\"detail\":\"");
    })
}

/// Serializes a derived variant's problem details after `prefix`, the
/// `{"type":…,"title":…,"status":…,"detail":"` the macro computed, with
/// the variant's OAuth code (known from its facts).
pub(crate) fn encode_problem_after<E: ApiError + ?Sized>(
    prefix: &[u8],
    error: &E,
    oauth: Option<crate::OAuthErrorCode>,
) -> Bytes {
    encode_after(error, oauth, prefix.len(), |out| {
        out.extend_from_slice(prefix)
    })
}

/// The three digits of a status code (`http::StatusCode` is always
/// `100..=999`).
fn status_digits(code: u16) -> [u8; 3] {
    let digit = |n: u16| b'0' + (n % 10) as u8;
    [digit(code / 100), digit(code / 10), digit(code)]
}

/// The title of an error without `#[problem(title)]`: its status's reason
/// phrase, or "Client Error" / "Server Error" for a code that has none.
pub(crate) fn default_title(status: http::StatusCode) -> &'static str {
    match status.canonical_reason() {
        Some(reason) => reason,
        None if status.is_server_error() => "Server Error",
        None => "Client Error",
    }
}
