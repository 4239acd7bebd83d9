//! The problem+json encoding of an error body (RFC 9457): one compact
//! object, members in the order `type`, `title`, `status`, `detail`, then
//! `errors` (as in the JSON body) or `error` and `error_description`.
//!
//! Written by the JSON body's encoder (`json::encode_after`), after a
//! prefix of problem+json's own members.

use bytes::Bytes;

use crate::json::{encode_after, escape};
use crate::message_sink::Prefix;
use crate::stack_buf::StackBuf;
use crate::ApiError;

/// Serializes `error`'s problem details, `type`, `title` and `status` from
/// the trait's methods (a hand-written impl, or a derived variant whose
/// prefix the macro did not compute). The prefix is put together on the
/// stack first (it allocates only past 128 bytes).
pub(crate) fn encode_problem<E: ApiError + ?Sized>(error: &E) -> Bytes {
    let mut prefix = StackBuf::new();
    prefix.push(b"{\"type\":\"");
    escape(error.problem_type().as_bytes(), |bytes| prefix.push(bytes));
    prefix.push(b"\",\"title\":\"");
    escape(error.problem_title().as_bytes(), |bytes| prefix.push(bytes));
    prefix.push(b"\",\"status\":");
    prefix.push(&status_digits(error.status().as_u16()));
    prefix.push(b",\"detail\":\"");
    encode_after(error, error.oauth_error(), Prefix::Bytes(prefix.as_bytes()))
}

/// Serializes a derived variant's problem details after `prefix`, the
/// `{"type":…,"title":…,"status":…,"detail":"` the macro computed, with
/// the variant's OAuth code (known from its facts).
pub(crate) fn encode_problem_after<E: ApiError + ?Sized>(
    prefix: &[u8],
    error: &E,
    oauth: Option<crate::OAuthErrorCode>,
) -> Bytes {
    encode_after(error, oauth, Prefix::Bytes(prefix))
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
