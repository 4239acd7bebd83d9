//! The JSON encoding of an error body: one compact object, members in the
//! order `message`, `errors`, `error`, `error_description`.
//!
//! Written by hand rather than through `serde_json`, so that the body takes
//! exactly one allocation: the message is formatted once through
//! [`std::fmt::Write`] (into a buffer on the stack when it fits), every part
//! is measured with its escapes, and the body is written into a `Vec` of that
//! exact size, which `Bytes` then takes over as is. The escaping here matches `serde_json`'s byte
//! for byte; the tests check it against `serde_json` on arbitrary strings.

use std::fmt;

use bytes::Bytes;

use crate::{ApiError, FieldErrors};

/// The punctuation around a message: `{"message":""}`.
const MESSAGE_OVERHEAD: usize = 14;
/// `,"error":""`.
const ERROR_OVERHEAD: usize = 11;
/// `,"error_description":""`.
const DESCRIPTION_OVERHEAD: usize = 23;

/// Serializes `error`'s body into one buffer, allocated once at its exact
/// size (so that `Bytes::from` takes it over without a second allocation).
pub(crate) fn encode_body<E: ApiError + ?Sized>(error: &E) -> Bytes {
    // The message is formatted once, into a buffer on the stack when it fits,
    // and then measured, so that the body is sized before it is written.
    let mut message = MessageBuf::new();
    // An error here comes from a `Display` impl that failed on its own: the
    // message is what it wrote until then.
    let _ = error.write_message(&mut message);
    let message = message.as_str();
    let out = if let Some(code) = error.oauth_error() {
        // An OAuth error carries `error` and `error_description` instead of
        // `errors`, and needs its message twice: as itself and as the
        // description.
        let description = crate::oauth_error_description(message);
        let code = code.as_str();
        let len = MESSAGE_OVERHEAD
            + escaped_len(message)
            + ERROR_OVERHEAD
            + code.len()
            + description
                .as_ref()
                .map_or(0, |d| DESCRIPTION_OVERHEAD + d.len());
        let mut out = Vec::with_capacity(len);
        out.extend_from_slice(b"{\"message\":\"");
        escape_into(&mut out, message);
        out.extend_from_slice(b"\",\"error\":\"");
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
    } else {
        let field_errors = error.field_errors();
        let field_errors = field_errors.as_deref();
        let len = MESSAGE_OVERHEAD + escaped_len(message) + field_errors.map_or(0, encoded_len);
        let mut out = Vec::with_capacity(len);
        out.extend_from_slice(b"{\"message\":\"");
        escape_into(&mut out, message);
        out.push(b'"');
        push_errors(&mut out, field_errors);
        out.push(b'}');
        debug_assert_eq!(out.len(), len, "the body's size is exact");
        out
    };
    Bytes::from(out)
}

/// Room on the stack for a message formatted while it is written; a longer
/// one moves to the heap.
const STACK_MESSAGE: usize = 256;

/// A [`fmt::Write`] that collects a message on the stack, moving it to a
/// `String` only when it outgrows [`STACK_MESSAGE`] bytes.
pub(crate) struct MessageBuf {
    stack: [u8; STACK_MESSAGE],
    len: usize,
    heap: Option<String>,
}

impl MessageBuf {
    /// An empty message.
    pub(crate) fn new() -> Self {
        MessageBuf {
            stack: [0; STACK_MESSAGE],
            len: 0,
            heap: None,
        }
    }

    /// The message written so far.
    pub(crate) fn as_str(&self) -> &str {
        match &self.heap {
            Some(heap) => heap,
            // Only whole `&str`s are copied in, so this is always UTF-8.
            None => std::str::from_utf8(&self.stack[..self.len]).unwrap_or_default(),
        }
    }
}

impl fmt::Write for MessageBuf {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        if let Some(heap) = &mut self.heap {
            heap.push_str(s);
            return Ok(());
        }
        let end = self.len + s.len();
        match self.stack.get_mut(self.len..end) {
            Some(room) => {
                room.copy_from_slice(s.as_bytes());
                self.len = end;
            }
            None => {
                let mut heap = String::with_capacity(2 * end);
                heap.push_str(self.as_str());
                heap.push_str(s);
                self.heap = Some(heap);
            }
        }
        Ok(())
    }
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

/// The bytes `,"errors":{...}` takes, escapes included.
fn encoded_len(field_errors: &FieldErrors) -> usize {
    // `,"errors":{` and `}`; per field `"":[` and `]` and a comma; per
    // message its quotes and a comma; one comma fewer per list than items.
    12 + field_errors
        .iter()
        .map(|(field, messages)| {
            escaped_len(field) + 6 + messages.iter().map(|m| escaped_len(m) + 3).sum::<usize>()
                - usize::from(!messages.is_empty())
        })
        .sum::<usize>()
        - usize::from(!field_errors.is_empty())
}

/// The length of `s` once [`escape_into`] has escaped it.
pub(crate) fn escaped_len(s: &str) -> usize {
    s.len()
        + s.bytes()
            .map(|byte| usize::from(ESCAPE_EXTRA[usize::from(byte)]))
            .sum::<usize>()
}

/// The bytes [`escape_into`] adds to each byte: 1 for `"`, `\\` and the
/// control characters with a short escape, 5 for the other control
/// characters (`\u00XX`), 0 for everything else.
const ESCAPE_EXTRA: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut byte = 0;
    while byte < 0x20 {
        table[byte] = match byte as u8 {
            b'\n' | b'\r' | b'\t' | 0x08 | 0x0C => 1,
            _ => 5,
        };
        byte += 1;
    }
    table[b'"' as usize] = 1;
    table[b'\\' as usize] = 1;
    table
};

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
                out.extend_from_slice(&[
                    b'\\',
                    b'u',
                    b'0',
                    b'0',
                    HEX[usize::from(byte >> 4)],
                    HEX[usize::from(byte & 0xF)],
                ]);
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

#[cfg(test)]
mod tests {
    use std::fmt::Write;

    use super::{escape_into, escaped_len, MessageBuf, STACK_MESSAGE};

    #[test]
    fn a_message_longer_than_the_stack_moves_to_the_heap_whole() {
        let piece = "é\"x\n".repeat(30);
        let mut message = MessageBuf::new();
        for _ in 0..4 {
            message.write_str(&piece).unwrap();
        }
        assert!(piece.len() * 4 > STACK_MESSAGE);
        assert_eq!(message.as_str(), piece.repeat(4));
    }

    #[test]
    fn escaped_len_is_what_escape_into_writes() {
        let all_ascii: String = (0u8..=0x7F).map(char::from).collect();
        for s in [
            "",
            "plain",
            "\"\\\n\r\t\u{8}\u{c}\u{0}\u{1f}\u{7f}",
            "café ☕",
            &all_ascii,
        ] {
            let mut out = Vec::new();
            escape_into(&mut out, s);
            assert_eq!(out.len(), escaped_len(s), "{s:?}");
        }
    }
}
