//! The JSON encoding of an error body: one compact object, members in the
//! order `message`, `errors`, `error`, `error_description`.
//!
//! Written by hand rather than through `serde_json`, so that a body costs one
//! allocation: the message is formatted once through [`std::fmt::Write`] into
//! a buffer on the stack, its escapes are counted (a quick scan, eight bytes
//! at a time, finds none in most text), and the body is then written into a
//! `Vec` sized up front, which `Bytes` takes over as is when the size was
//! exact. The escaping here matches `serde_json`'s byte for byte; the tests
//! check it against `serde_json` on arbitrary strings.

use std::fmt;

use bytes::Bytes;

use crate::message_sink::{MessageSink, Prefix, MESSAGE_PREFIX};
use crate::stack_buf::StackBuf;
use crate::{ApiError, FieldErrors};

/// What follows the message when nothing else does: its closing quote and
/// the object's closing brace.
const CLOSING: usize = 2;
/// `,"error":""`.
const ERROR_OVERHEAD: usize = 11;
/// `,"error_description":""`.
const DESCRIPTION_OVERHEAD: usize = 23;

/// Serializes `error`'s body into one buffer.
///
/// The buffer is allocated once, at the body's exact size, so that
/// `Bytes::from` takes it over without a second allocation. The one
/// exception: field names or field messages that need escapes make it grow.
pub(crate) fn encode_body<E: ApiError + ?Sized>(error: &E) -> Bytes {
    encode_body_with(error, error.oauth_error())
}

/// [`encode_body`] for an error whose OAuth code is known already (a
/// derived variant's, from its facts), so that it is not asked again.
#[inline]
pub(crate) fn encode_body_with<E: ApiError + ?Sized>(
    error: &E,
    oauth: Option<crate::OAuthErrorCode>,
) -> Bytes {
    encode_after(error, oauth, Prefix::Message)
}

/// Every error body, JSON and problem+json alike: `prefix`, up to the
/// message's opening quote (`{"message":"`, or problem+json's
/// `{"type":…,"detail":"`), the message escaped, then `errors` when there
/// are field errors or, with an OAuth code, `error` and
/// `error_description`, and the closing brace. Generic over the error only
/// (the writers below are not), so that each error type instantiates it
/// once per format, not once per way of writing a prefix.
#[inline(always)]
pub(crate) fn encode_after<E: ApiError + ?Sized>(
    error: &E,
    oauth: Option<crate::OAuthErrorCode>,
    prefix: Prefix<'_>,
) -> Bytes {
    let out = match oauth {
        Some(code) => {
            let mut message = MessageBuf::new();
            // A `Display` that failed on its own leaves what it wrote.
            let _ = error.write_message(&mut message);
            let message = message.as_str();
            let description = crate::oauth_error_description(message);
            oauth_body(
                prefix.as_bytes(),
                message,
                code.as_str(),
                description.as_deref(),
            )
        }
        // Matched here, so that the common case (no field errors) has no
        // `Cow` to drop. Asked before the message is written, so that a
        // message whose size is known first is written straight into a
        // body of its exact size.
        None => match error.field_errors() {
            None => message_body(error, prefix, None),
            Some(field_errors) => message_body(error, prefix, Some(&field_errors)),
        },
    };
    Bytes::from(out)
}

/// The prefix, `error`'s message escaped, and `errors` when there are field
/// errors.
///
/// The message is written straight into the body when its size is known
/// before it is written (an interpolated `#[message]` of integers, a fixed
/// message); otherwise on the stack, then copied into the body.
#[inline(always)]
fn message_body<E: ApiError + ?Sized>(
    error: &E,
    prefix: Prefix<'_>,
    field_errors: Option<&FieldErrors>,
) -> Vec<u8> {
    let tail = CLOSING + field_errors.map_or(0, unescaped_len);
    // Zeroed only if a piece of the message is pushed to it.
    let mut message = StackBuf::new();
    let mut sink = MessageSink::json(&mut message, prefix, tail);
    error.__api_status_message(&mut sink);
    let mut out = match sink.into_body() {
        Some(body) => body,
        None => body_of(prefix, message.as_bytes(), tail),
    };
    let len = out.len() + tail;
    match field_errors {
        None => out.extend_from_slice(b"\"}"),
        Some(field_errors) => {
            out.push(b'"');
            push_errors(&mut out, field_errors);
            out.push(b'}');
        }
    }
    // Exact unless field names or messages needed escapes: then `Bytes`
    // cannot take the buffer over as is, and one reallocation follows.
    debug_assert!(out.len() >= len, "escapes only add bytes");
    debug_assert!(
        field_errors.is_some() || (out.len() == len && out.capacity() == len),
        "without field errors, the size is exact"
    );
    out
}

/// A body's buffer with `prefix` and `message` written, room left for
/// `tail` more bytes. Not generic: in a debug build, out of line and
/// compiled once, here, rather than in each error type's `message_body`;
/// inlined when optimized. Not the message sink's `body_with_room`, whose
/// out-of-line allocation costs this path (a message escaped on the stack,
/// then copied) 24 instructions per `Display`-based response.
#[cfg_attr(debug_assertions, inline(never))]
#[cfg_attr(not(debug_assertions), inline(always))]
fn body_of(prefix: Prefix<'_>, message: &[u8], tail: usize) -> Vec<u8> {
    let prefix = prefix.as_bytes();
    let mut out = Vec::with_capacity(prefix.len() + message.len() + tail);
    out.extend_from_slice(prefix);
    out.extend_from_slice(message);
    out
}

/// A derived OAuth variant's JSON body and `WWW-Authenticate` challenge,
/// from one writing of its message (the body and the header each need it,
/// and its description).
pub(crate) fn encode_oauth_with_challenge<E: ApiError + ?Sized>(
    error: &E,
    status: http::StatusCode,
    code: crate::OAuthErrorCode,
) -> (Bytes, Option<http::HeaderValue>) {
    let mut message = MessageBuf::new();
    // A `Display` that failed on its own leaves what it wrote.
    let _ = error.write_message(&mut message);
    let message = message.as_str();
    let description = crate::oauth_error_description(message);
    let description = description.as_deref();
    let body = oauth_body(MESSAGE_PREFIX, message, code.as_str(), description);
    let challenge = crate::headers::challenge_with(status, code, description);
    (Bytes::from(body), challenge)
}

/// The prefix, the message escaped, `"error":"…"` and
/// `"error_description":"…"` (the message again, within RFC 6749's
/// characters), at its exact size.
fn oauth_body(prefix: &[u8], message: &str, code: &str, description: Option<&str>) -> Vec<u8> {
    let len = prefix.len()
        + escaped_len(message)
        + CLOSING
        + ERROR_OVERHEAD
        + code.len()
        + description.map_or(0, |d| DESCRIPTION_OVERHEAD + d.len());
    let mut out = Vec::with_capacity(len);
    out.extend_from_slice(prefix);
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
}

/// A [`fmt::Write`] that collects a message as it is, on the stack while it
/// fits.
pub(crate) struct MessageBuf(StackBuf);

impl MessageBuf {
    /// An empty message.
    pub(crate) fn new() -> Self {
        MessageBuf(StackBuf::new())
    }

    /// The message written so far.
    pub(crate) fn as_str(&self) -> &str {
        // Only whole `&str`s are copied in, so this is always UTF-8.
        std::str::from_utf8(self.0.as_bytes()).unwrap_or_default()
    }
}

impl fmt::Write for MessageBuf {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0.push(s.as_bytes());
        Ok(())
    }
}

/// Appends `,"errors":{...}`.
fn push_errors(out: &mut Vec<u8>, field_errors: &FieldErrors) {
    out.extend_from_slice(b",\"errors\":{");
    for (index, (field, messages)) in field_errors.iter().enumerate() {
        out.extend_from_slice(if index == 0 { b"\"" } else { b",\"" });
        escape_into(out, field);
        let Some((first, rest)) = messages.split_first() else {
            out.extend_from_slice(b"\":[]");
            continue;
        };
        out.extend_from_slice(b"\":[\"");
        escape_into(out, first);
        for message in rest {
            out.extend_from_slice(b"\",\"");
            escape_into(out, message);
        }
        out.extend_from_slice(b"\"]");
    }
    out.push(b'}');
}

/// The bytes `,"errors":{...}` takes when no name or message needs an
/// escape. Measuring the escapes too would read every byte twice, to save a
/// reallocation only for text that has them.
fn unescaped_len(field_errors: &FieldErrors) -> usize {
    // `,"errors":{` and `}`; per field `"":[` and `]` and a comma; per
    // message its quotes and a comma; one comma fewer per list than items.
    12 + field_errors
        .iter()
        .map(|(field, messages)| {
            field.len() + 6 + messages.iter().map(|m| m.len() + 3).sum::<usize>()
                - usize::from(!messages.is_empty())
        })
        .sum::<usize>()
        - usize::from(!field_errors.is_empty())
}

/// The length of `s` once [`escape_into`] has escaped it.
pub(crate) fn escaped_len(s: &str) -> usize {
    s.len() + escape_extra(s.as_bytes())
}

/// The bytes escaping adds to `bytes`: after one quick scan, 0 for text
/// without quotes, backslashes or control characters.
fn escape_extra(bytes: &[u8]) -> usize {
    if !may_need_escapes(bytes) {
        return 0;
    }
    bytes
        .iter()
        .map(|&byte| usize::from(ESCAPE_EXTRA[usize::from(byte)]))
        .sum()
}

/// Whether a byte of `bytes` may need an escape, eight at a time (never
/// false when one does).
pub(crate) fn may_need_escapes(bytes: &[u8]) -> bool {
    let len = bytes.len();
    if len < 8 {
        return bytes.iter().any(|&byte| ESCAPE[usize::from(byte)] != 0);
    }
    let mut index = 0;
    while index + 8 <= len {
        if word_may_need_escape(bytes, index) {
            return true;
        }
        index += 8;
    }
    // The last word ends where the text ends, over bytes already seen.
    index < len && word_may_need_escape(bytes, len - 8)
}

/// Appends `s` as the contents of a JSON string: `"` and `\` escaped, control
/// characters as `\n`-style or `\u00XX` escapes, everything else as is (the
/// same bytes `serde_json` writes).
pub(crate) fn escape_into(out: &mut Vec<u8>, s: &str) {
    escape(s.as_bytes(), |bytes| out.extend_from_slice(bytes));
}

/// Hands `bytes`, escaped, to `put`: runs that need no escape whole, and
/// each escape on its own.
#[inline]
pub(crate) fn escape(bytes: &[u8], mut put: impl FnMut(&[u8])) {
    let len = bytes.len();
    // The end of the last run handed to `put`.
    let mut start = 0;
    let mut index = 0;
    loop {
        // Eight bytes at a time while none needs an escape, which is all of
        // most text.
        while index + 8 <= len && !word_may_need_escape(bytes, index) {
            index += 8;
        }
        if index + 8 > len {
            // Fewer than eight bytes left: one last word, ending where the
            // text ends, clears them when the text is long enough.
            if len >= 8 && !word_may_need_escape(bytes, len - 8) {
                index = len;
            }
            escape_bytes(bytes, index, len, &mut start, &mut put);
            break;
        }
        escape_bytes(bytes, index, index + 8, &mut start, &mut put);
        index += 8;
    }
    if start < len {
        put(&bytes[start..]);
    }
}

/// Escapes `bytes[from..to]` one byte at a time, handing `put` the run
/// since `start` before each escape.
#[inline]
fn escape_bytes(
    bytes: &[u8],
    from: usize,
    to: usize,
    start: &mut usize,
    put: &mut impl FnMut(&[u8]),
) {
    for index in from..to {
        let byte = bytes[index];
        let escape = ESCAPE[usize::from(byte)];
        if escape == 0 {
            continue;
        }
        if *start < index {
            put(&bytes[*start..index]);
        }
        if escape == b'u' {
            let hex = |nibble: u8| HEX[usize::from(nibble)];
            put(&[b'\\', b'u', b'0', b'0', hex(byte >> 4), hex(byte & 0xF)]);
        } else {
            put(&[b'\\', escape]);
        }
        *start = index + 1;
    }
}

/// Whether one of the eight bytes from `at` may need an escape.
#[inline]
fn word_may_need_escape(bytes: &[u8], at: usize) -> bool {
    match bytes
        .get(at..at + 8)
        .and_then(|word| <[u8; 8]>::try_from(word).ok())
    {
        Some(word) => may_need_escape(u64::from_le_bytes(word)),
        None => true,
    }
}

/// Whether one of the eight bytes of `word` may need an escape: is below
/// 0x20, a `"` or a `\\`. Never false when one does (a rare true for a byte
/// that does not only sends the word through the table, byte by byte).
#[inline]
fn may_need_escape(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // A byte below `n` (n <= 0x80) or a zero byte sets its high bit here.
    let below = |n: u64, x: u64| x.wrapping_sub(ONES * n) & !x & HIGHS;
    let control = below(0x20, word);
    let quote = below(1, word ^ (ONES * u64::from(b'"')));
    let backslash = below(1, word ^ (ONES * u64::from(b'\\')));
    (control | quote | backslash) != 0
}

/// For each byte, the letter of its escape (`\n` is `n`, `\u00XX` is `u`),
/// or 0 when it stands for itself: `serde_json`'s table.
const ESCAPE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut byte = 0;
    while byte < 0x20 {
        table[byte] = match byte as u8 {
            b'\n' => b'n',
            b'\r' => b'r',
            b'\t' => b't',
            0x08 => b'b',
            0x0C => b'f',
            _ => b'u',
        };
        byte += 1;
    }
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

/// The bytes escaping adds to each byte: 5 for a `\u00XX` escape, 1 for the
/// others, 0 for a byte that stands for itself.
const ESCAPE_EXTRA: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut byte = 0;
    while byte < 256 {
        table[byte] = match ESCAPE[byte] {
            0 => 0,
            b'u' => 5,
            _ => 1,
        };
        byte += 1;
    }
    table
};

const HEX: [u8; 16] = *b"0123456789abcdef";

#[cfg(test)]
mod tests {
    use std::fmt::Write;

    use super::{escape_into, escaped_len, MessageBuf};
    use crate::stack_buf::STACK_MESSAGE;

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
    fn every_byte_in_every_position_of_a_word_is_escaped() {
        for byte in 0u8..=0x7F {
            for position in 0..17 {
                let mut text = vec![b'a'; 17];
                text[position] = byte;
                let text = String::from_utf8(text).unwrap() + "é\u{7f}ü";
                let mut out = Vec::new();
                escape_into(&mut out, &text);
                let quoted = serde_json::to_vec(&text).unwrap();
                assert_eq!(out, quoted[1..quoted.len() - 1], "{text:?}");
                assert_eq!(out.len(), escaped_len(&text), "{text:?}");
            }
        }
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
