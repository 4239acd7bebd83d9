//! The problem+json encoding of an error body (RFC 9457): one compact
//! object, members in the order `type`, `title`, `status`, `detail`, then
//! `errors` (as in the JSON body) or `error` and `error_description`.
//!
//! Written like the JSON body (`json.rs`), with its escaping, into one
//! buffer sized up front.

use bytes::Bytes;

use crate::json::{escape_into, escaped_len, push_errors, unescaped_len, MessageBuf};
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
    encode(error, prefix_len, |out| {
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
/// `{"type":…,"title":…,"status":…,"detail":"` the macro computed.
pub(crate) fn encode_problem_after<E: ApiError + ?Sized>(prefix: &[u8], error: &E) -> Bytes {
    encode(error, prefix.len(), |out| out.extend_from_slice(prefix))
}

/// The body: the prefix (`prefix_len` bytes, written by `write_prefix`),
/// the escaped detail, then `error` and `error_description`, or `errors`.
#[inline]
fn encode<E: ApiError + ?Sized>(
    error: &E,
    prefix_len: usize,
    write_prefix: impl FnOnce(&mut Vec<u8>),
) -> Bytes {
    let mut message = MessageBuf::new();
    // A `Display` that failed on its own leaves what it wrote.
    let _ = error.write_message(&mut message);
    let detail = message.as_str();
    let oauth = error.oauth_error();
    let description = oauth.and_then(|_| crate::oauth_error_description(detail));
    let field_errors = match oauth {
        Some(_) => None,
        None => error.field_errors(),
    };
    let field_errors = field_errors.as_deref();
    let detail_len = escaped_len(detail);
    // The detail's closing quote and the object's closing brace.
    let len = prefix_len
        + detail_len
        + 2
        + oauth.map_or(0, |code| 11 + code.as_str().len())
        + description.as_ref().map_or(0, |d| 23 + d.len())
        + field_errors.map_or(0, unescaped_len);
    let mut out = Vec::with_capacity(len);
    write_prefix(&mut out);
    if detail_len == detail.len() {
        // Nothing to escape: the scan above said so.
        out.extend_from_slice(detail.as_bytes());
    } else {
        escape_into(&mut out, detail);
    }
    out.push(b'"');
    if let Some(code) = oauth {
        out.extend_from_slice(b",\"error\":\"");
        out.extend_from_slice(code.as_str().as_bytes());
        out.push(b'"');
        if let Some(description) = description {
            out.extend_from_slice(b",\"error_description\":\"");
            // Printable ASCII without `"` and `\`: nothing to escape.
            out.extend_from_slice(description.as_bytes());
            out.push(b'"');
        }
    }
    push_errors(&mut out, field_errors);
    out.push(b'}');
    // Exact unless field names or messages needed escapes: then `Bytes`
    // cannot take the buffer over as is, and one reallocation follows.
    debug_assert!(out.len() >= len, "escapes only add bytes");
    Bytes::from(out)
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
