//! The JSON encoding of an error body: one compact object, members in the
//! order `message`, `errors`, `error`, `error_description`.
//!
//! Written by hand rather than through `serde_json`, for one reason: the
//! derive formats interpolated messages straight into the body through
//! [`std::fmt::Write`], a fragment at a time, and `serde_json` does not expose
//! its string escaper for that. The escaping here matches `serde_json`'s byte
//! for byte; the tests check it against `serde_json` on arbitrary strings.

use std::fmt;

use bytes::Bytes;

use crate::{ApiError, FieldErrors};

/// Room for the punctuation around a message: `{"message":""}`.
const MESSAGE_OVERHEAD: usize = 14;
/// A first guess for a message that is formatted while it is written.
const STREAMED_MESSAGE_GUESS: usize = 96;

/// Serializes `error`'s body into one buffer.
pub(crate) fn encode_body<E: ApiError + ?Sized>(error: &E) -> Bytes {
    let mut out = if let Some(code) = error.oauth_error() {
        // An OAuth error carries `error` and `error_description` instead of
        // `errors`, and needs its message twice: as itself and as the
        // description.
        let message = error.message();
        let description = crate::oauth_error_description(&message);
        let mut out =
            Vec::with_capacity(2 * message.len() + MESSAGE_OVERHEAD + code.as_str().len() + 40);
        out.extend_from_slice(b"{\"message\":\"");
        escape_into(&mut out, &message);
        out.push(b'"');
        out.extend_from_slice(b",\"error\":\"");
        out.extend_from_slice(code.as_str().as_bytes());
        out.push(b'"');
        if let Some(description) = description {
            out.extend_from_slice(b",\"error_description\":\"");
            // Printable ASCII without `"` and `\`: nothing to escape.
            out.extend_from_slice(description.as_bytes());
            out.push(b'"');
        }
        out
    } else {
        let field_errors = error.field_errors();
        let errors_len = field_errors.as_deref().map_or(0, encoded_len);
        let mut out = Vec::with_capacity(STREAMED_MESSAGE_GUESS + MESSAGE_OVERHEAD + errors_len);
        out.extend_from_slice(b"{\"message\":\"");
        // Writing into a `Vec` cannot fail; an error here comes from a
        // `Display` impl that failed on its own, and leaves what it wrote.
        let _ = error.write_message(&mut JsonString(&mut out));
        out.push(b'"');
        push_errors(&mut out, field_errors.as_deref());
        out
    };
    out.push(b'}');
    Bytes::from(out)
}

/// Appends `,"errors":{...}` when there are field errors.
fn push_errors(out: &mut Vec<u8>, field_errors: Option<&FieldErrors>) {
    let Some(field_errors) = field_errors else {
        return;
    };
    out.extend_from_slice(b",\"errors\":{");
    for (index, (field, messages)) in field_errors.iter().enumerate() {
        if index > 0 {
            out.push(b',');
        }
        out.push(b'"');
        escape_into(out, field);
        out.extend_from_slice(b"\":[");
        for (index, message) in messages.iter().enumerate() {
            if index > 0 {
                out.push(b',');
            }
            out.push(b'"');
            escape_into(out, message);
            out.push(b'"');
        }
        out.push(b']');
    }
    out.push(b'}');
}

/// The bytes `,"errors":{...}` takes when nothing needs escaping.
fn encoded_len(field_errors: &FieldErrors) -> usize {
    12 + field_errors
        .iter()
        .map(|(field, messages)| {
            field.len() + 5 + messages.iter().map(|m| m.len() + 3).sum::<usize>()
        })
        .sum::<usize>()
}

/// A [`fmt::Write`] that appends what it is given as the contents of a JSON
/// string, escaped.
pub(crate) struct JsonString<'a>(pub(crate) &'a mut Vec<u8>);

impl fmt::Write for JsonString<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        escape_into(self.0, s);
        Ok(())
    }
}

/// Appends `s` as the contents of a JSON string: `"` and `\` escaped, control
/// characters as `\n`-style or `\u00XX` escapes, everything else as is (the
/// same bytes `serde_json` writes).
pub(crate) fn escape_into(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    let mut start = 0;
    for (index, &byte) in bytes.iter().enumerate() {
        let escape: &[u8] = match byte {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x08 => b"\\b",
            0x0C => b"\\f",
            0x00..=0x1F => {
                out.extend_from_slice(&bytes[start..index]);
                out.extend_from_slice(&[b'\\', b'u', b'0', b'0', HEX[usize::from(byte >> 4)], HEX[usize::from(byte & 0xF)]]);
                start = index + 1;
                continue;
            }
            _ => continue,
        };
        out.extend_from_slice(&bytes[start..index]);
        out.extend_from_slice(escape);
        start = index + 1;
    }
    out.extend_from_slice(&bytes[start..]);
}

const HEX: [u8; 16] = *b"0123456789abcdef";
