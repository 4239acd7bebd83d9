//! The problem+json encoding of an error body (RFC 9457): one compact
//! object, members in the order `type`, `title`, `status`, `detail`, then
//! `errors` (as in the JSON body) or `error` and `error_description`.
//!
//! Written like the JSON body (`json.rs`), with its escaping, into one
//! buffer sized up front.

use bytes::Bytes;

use crate::json::{
    escape_into, escaped_len, push_errors, unescaped_len, with_escaped_message, MessageBuf,
};
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
    encode(error, error.oauth_error(), prefix_len, |out| {
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
    encode(error, oauth, prefix.len(), |out| {
        out.extend_from_slice(prefix)
    })
}

/// The body: the prefix (`prefix_len` bytes, written by `write_prefix`),
/// the escaped detail, then `errors`, or, with an OAuth code, `error` and
/// `error_description`.
#[inline]
fn encode<E: ApiError + ?Sized>(
    error: &E,
    oauth: Option<crate::OAuthErrorCode>,
    prefix_len: usize,
    write_prefix: impl FnOnce(&mut Vec<u8>),
) -> Bytes {
    let out = match oauth {
        Some(code) => encode_oauth(error, code.as_str(), prefix_len, write_prefix),
        None => {
            // Escaped from its pieces, as in the JSON body.
            with_escaped_message(error, |detail| {
                let field_errors = error.field_errors();
                let field_errors = field_errors.as_deref();
                // The detail's closing quote and the object's closing brace.
                let len = prefix_len + detail.len() + 2 + field_errors.map_or(0, unescaped_len);
                let mut out = Vec::with_capacity(len);
                write_prefix(&mut out);
                out.extend_from_slice(detail);
                out.push(b'"');
                push_errors(&mut out, field_errors);
                out.push(b'}');
                // Exact unless field names or messages needed escapes: then
                // `Bytes` cannot take the buffer over as is, and one
                // reallocation follows.
                debug_assert!(out.len() >= len, "escapes only add bytes");
                debug_assert!(
                    field_errors.is_some() || out.len() == len,
                    "without field errors, the size is exact"
                );
                out
            })
        }
    };
    Bytes::from(out)
}

/// The body of an OAuth error: after the detail, `error` and
/// `error_description` (the detail again, within RFC 6749's characters).
fn encode_oauth<E: ApiError + ?Sized>(
    error: &E,
    code: &str,
    prefix_len: usize,
    write_prefix: impl FnOnce(&mut Vec<u8>),
) -> Vec<u8> {
    let mut message = MessageBuf::new();
    // A `Display` that failed on its own leaves what it wrote.
    let _ = error.write_message(&mut message);
    let detail = message.as_str();
    let description = crate::oauth_error_description(detail);
    let len = prefix_len
        + escaped_len(detail)
        + 2
        + 11
        + code.len()
        + description.as_ref().map_or(0, |d| 23 + d.len());
    let mut out = Vec::with_capacity(len);
    write_prefix(&mut out);
    escape_into(&mut out, detail);
    out.push(b'"');
    out.extend_from_slice(b",\"error\":\"");
    out.extend_from_slice(code.as_bytes());
    out.push(b'"');
    if let Some(description) = description {
        out.extend_from_slice(b",\"error_description\":\"");
        // Printable ASCII without `"` and `\`: nothing to escape.
        out.extend_from_slice(description.as_bytes());
        out.push(b'"');
    }
    out.push(b'}');
    debug_assert_eq!(out.len(), len, "the OAuth body's size is exact");
    out
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
