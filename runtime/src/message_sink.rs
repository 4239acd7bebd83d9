//! Where a public message is written: as it is (behind `write_message`), or
//! escaped for a JSON string straight into the body's buffer.
//!
//! The derive splits an interpolated `#[message]` into its literal segments,
//! which it escapes for JSON when it expands, and its fields. So the JSON
//! body copies the literal segments as they are, formats only the fields,
//! and formats integers without `core::fmt`. The bytes are the same as
//! formatting the whole message and escaping it afterwards: the tests of
//! `runtime/tests/messages.rs` compare both against `serde_json`.
//!
//! [`MessageSink`] is one concrete type for both destinations, not a trait
//! object: the generated code's calls are direct, and a literal segment
//! bound for JSON is inlined into a copy of a known length.
//!
//! **Inlining.** The methods the generated code calls are inlined in an
//! optimized build (`debug_assertions` off) and out of line in a debug
//! build: there, nothing is inlined anyway, and an `#[inline]` function is
//! compiled again in every crate that calls it (in the 500-variant build of
//! `benches/rustc-instructions.sh`, these methods cost about 40 M
//! instructions that way), whereas out of line it is compiled once, here.
//! The small helpers of `lookup`, `stack_buf` and `headers` that the
//! generated code or a generic function reaches follow the same rule: with
//! them out of line in debug builds, a one-variant derive compiles 49
//! functions instead of 81 (`benches/HISTORY.md`, generation `c710fab`,
//! "Compile time").

use std::fmt::{self, Write as _};

use crate::json::{escape, escape_into, escaped_len, may_need_escapes};
use crate::stack_buf::StackBuf;

/// The receiver of a public message, in pieces. Not public API.
///
/// The methods return nothing: a sink remembers the first failure (a
/// field's `Display` that failed) and ignores what comes after it, so the
/// message is what was written until then, as with `write_fmt`, without a
/// `?` after every piece in the generated code.
pub struct MessageSink<'a> {
    to: To<'a>,
    failed: bool,
}

/// Where a [`MessageSink`] writes.
enum To<'a> {
    /// The message as a JSON string's contents, escaped, into `buf`, which
    /// the caller then copies into the body; or, when the first piece is
    /// the whole message and its size is known ([`MessageSink::pieces`],
    /// [`MessageSink::whole`]), straight into the body ([`To::Body`]), and
    /// the stack buffer is never zeroed.
    Json {
        buf: &'a mut StackBuf,
        /// What precedes the message in the body.
        prefix: Prefix<'a>,
        /// The bytes the body takes after the message.
        tail: usize,
    },
    /// The whole body, from its prefix, in a buffer allocated at its exact
    /// size (room left for the tail).
    Body(Vec<u8>),
    /// The message as it is.
    Text(&'a mut dyn fmt::Write),
}

impl<'a> MessageSink<'a> {
    /// A sink for the message of a JSON body that starts with `prefix` and
    /// takes `tail` more bytes after the message: escaped into `buf`, or
    /// written into the body itself ([`into_body`](MessageSink::into_body)).
    #[cfg_attr(debug_assertions, inline(never))]
    #[cfg_attr(not(debug_assertions), inline)]
    pub(crate) fn json(buf: &'a mut StackBuf, prefix: Prefix<'a>, tail: usize) -> Self {
        MessageSink {
            to: To::Json { buf, prefix, tail },
            failed: false,
        }
    }

    /// A sink that writes the message as it is, into `out`.
    #[cfg_attr(debug_assertions, inline(never))]
    #[cfg_attr(not(debug_assertions), inline)]
    pub fn text(out: &'a mut dyn fmt::Write) -> Self {
        MessageSink {
            to: To::Text(out),
            failed: false,
        }
    }

    /// `Err` if a piece failed.
    #[cfg_attr(debug_assertions, inline(never))]
    #[cfg_attr(not(debug_assertions), inline)]
    pub fn result(&self) -> fmt::Result {
        match self.failed {
            true => Err(fmt::Error),
            false => Ok(()),
        }
    }

    /// The body, from its prefix up to the end of the message, when the
    /// message was written straight into it, with room left for the tail;
    /// `None` when it was escaped into the sink's buffer.
    #[cfg_attr(debug_assertions, inline(never))]
    #[cfg_attr(not(debug_assertions), inline)]
    pub(crate) fn into_body(self) -> Option<Vec<u8>> {
        match self.to {
            To::Body(body) => Some(body),
            _ => None,
        }
    }

    /// A literal segment of a `#[message]`: `text` as written, and `json`
    /// the same text escaped as a JSON string's contents.
    #[cfg_attr(debug_assertions, inline(never))]
    #[cfg_attr(not(debug_assertions), inline)]
    pub fn literal(&mut self, text: &str, json: &str) {
        if self.failed {
            return;
        }
        match &mut self.to {
            To::Text(out) => self.failed = out.write_str(text).is_err(),
            to => to.push(json.as_bytes()),
        }
    }

    /// The whole message of an interpolated `#[message]` whose fields are
    /// all integers, as `(text, json)` pairs (each piece as written, and
    /// escaped as a JSON string's contents). For a JSON body, its size is
    /// known before anything is written, so the body is written straight
    /// into a buffer of its exact size: no stack buffer, no copy.
    ///
    /// Optimized, always inlined into the generated arm, where the pieces'
    /// number and the literal segments' lengths are constants: the loops
    /// unroll, the literal lengths add up at compile time and each literal
    /// is copied without a call (out of line, 1,236 instructions per
    /// interpolated response instead of 1,162). See the module's
    /// "Inlining".
    #[cfg_attr(debug_assertions, inline(never))]
    #[cfg_attr(not(debug_assertions), inline(always))]
    pub fn pieces(&mut self, pieces: &[(&str, &str)]) {
        if self.failed {
            return;
        }
        match &mut self.to {
            To::Text(out) => {
                for (text, _) in pieces {
                    if out.write_str(text).is_err() {
                        self.failed = true;
                        return;
                    }
                }
            }
            To::Json { buf, prefix, tail } if buf.is_empty() => {
                let len = pieces.iter().map(|(_, json)| json.len()).sum::<usize>();
                let mut body = body_with_room(*prefix, len + *tail);
                for (_, json) in pieces {
                    body.extend_from_slice(json.as_bytes());
                }
                self.start_body(body);
            }
            to => {
                for (_, json) in pieces {
                    to.push(json.as_bytes());
                }
            }
        }
    }

    /// The whole message, a text that may need escapes (a fixed message).
    /// For a JSON body, escaped straight into a body of its exact size:
    /// copied when it needs no escape (one quick scan), else measured
    /// escaped first. Out of line: one call whatever the message, and
    /// fewer instructions than inlined (2,082 against 2,101 per response
    /// with two field errors).
    #[inline(never)]
    pub(crate) fn whole(&mut self, text: &str) {
        if self.failed {
            return;
        }
        match &mut self.to {
            To::Json { buf, prefix, tail } if buf.is_empty() => {
                let body = match may_need_escapes(text.as_bytes()) {
                    false => {
                        let mut body = body_with_room(*prefix, text.len() + *tail);
                        body.extend_from_slice(text.as_bytes());
                        body
                    }
                    true => {
                        let mut body = body_with_room(*prefix, escaped_len(text) + *tail);
                        escape_into(&mut body, text);
                        body
                    }
                };
                self.start_body(body);
            }
            _ => self.escaped(text),
        }
    }

    /// Text that may need escapes.
    #[cfg_attr(debug_assertions, inline(never))]
    #[cfg_attr(not(debug_assertions), inline)]
    pub fn escaped(&mut self, text: &str) {
        if self.failed {
            return;
        }
        match &mut self.to {
            To::Text(out) => self.failed = out.write_str(text).is_err(),
            to => escape(text.as_bytes(), |bytes| to.push(bytes)),
        }
    }

    /// A field formatted through `core::fmt`. For JSON, formatted as is,
    /// then escaped in place only if a byte needs it: one scan of the whole
    /// field rather than one per fragment `core::fmt` hands over.
    #[cfg_attr(debug_assertions, inline(never))]
    #[cfg_attr(not(debug_assertions), inline)]
    pub fn args(&mut self, args: fmt::Arguments<'_>) {
        if self.failed {
            return;
        }
        match &mut self.to {
            To::Text(out) => self.failed = out.write_fmt(args).is_err(),
            To::Json { buf, .. } => {
                let start = buf.as_bytes().len();
                self.failed = fmt::write(&mut RawWriter(buf), args).is_err();
                let written = buf.as_bytes().get(start..).unwrap_or_default();
                if may_need_escapes(written) {
                    let raw = written.to_vec();
                    buf.truncate(start);
                    escape(&raw, |bytes| buf.push(bytes));
                }
            }
            To::Body(body) => {
                // After a message written whole: not something the derive
                // generates, but kept correct.
                let mut out = String::new();
                self.failed = out.write_fmt(args).is_err();
                escape_into(body, &out);
            }
        }
    }

    /// The decimal digits of an integer, with its sign: nothing to escape.
    #[cfg_attr(debug_assertions, inline(never))]
    #[cfg_attr(not(debug_assertions), inline)]
    pub fn digits(&mut self, digits: &str) {
        // Nothing to escape: the text and its JSON are the same.
        self.literal(digits, digits);
    }

    /// Switches to writing into `body`, from a [`To::Json`] whose buffer
    /// is empty.
    #[inline(always)]
    fn start_body(&mut self, body: Vec<u8>) {
        // The `Json` replaced holds only references: forgotten rather than
        // dropped, so that no drop glue for `To` is called.
        std::mem::forget(std::mem::replace(&mut self.to, To::Body(body)));
    }

    /// Records a failure: what follows is ignored.
    #[inline]
    pub fn fail(&mut self) {
        self.failed = true;
    }
}

/// What a JSON body starts with, up to its message's opening quote.
#[derive(Clone, Copy)]
pub(crate) enum Prefix<'a> {
    /// `{"message":"`, the plain JSON body's: a constant, so that
    /// [`body_with_room`] writes it without a call to `memcpy`.
    Message,
    /// Any other (problem+json's).
    Bytes(&'a [u8]),
}

/// The plain JSON body's start, up to its message's opening quote.
pub(crate) const MESSAGE_PREFIX: &[u8] = b"{\"message\":\"";

impl<'a> Prefix<'a> {
    /// The prefix's bytes.
    #[cfg_attr(debug_assertions, inline(never))]
    #[cfg_attr(not(debug_assertions), inline)]
    pub(crate) fn as_bytes(self) -> &'a [u8] {
        match self {
            Prefix::Message => MESSAGE_PREFIX,
            Prefix::Bytes(bytes) => bytes,
        }
    }
}

/// A body's buffer, with `prefix` written and room for `room` more bytes.
///
/// The branch on the prefix is taken where this is inlined (in the
/// generated arm), so that each kind of prefix has its own out-of-line
/// function, without a branch of its own.
#[inline(always)]
fn body_with_room(prefix: Prefix<'_>, room: usize) -> Vec<u8> {
    match prefix {
        Prefix::Message => body_after_message_prefix(room),
        Prefix::Bytes(bytes) => body_after(bytes, room),
    }
}

/// A body's buffer, with [`MESSAGE_PREFIX`] written (a copy of a known
/// length: a few moves, no call to `memcpy`) and room for `room` more
/// bytes.
///
/// Out of line: inlined into a large generated function, `with_capacity`
/// itself is left as a call to the allocator's generic path (41
/// instructions instead of about 10 here).
#[inline(never)]
fn body_after_message_prefix(room: usize) -> Vec<u8> {
    let mut body = Vec::with_capacity(MESSAGE_PREFIX.len() + room);
    body.extend_from_slice(MESSAGE_PREFIX);
    body
}

/// [`body_after_message_prefix`] for any other prefix.
#[inline(never)]
fn body_after(prefix: &[u8], room: usize) -> Vec<u8> {
    let mut body = Vec::with_capacity(prefix.len() + room);
    body.extend_from_slice(prefix);
    body
}

impl To<'_> {
    /// Appends JSON bytes to the message (nothing for [`To::Text`], which
    /// the callers write themselves).
    #[cfg_attr(debug_assertions, inline(never))]
    #[cfg_attr(not(debug_assertions), inline)]
    fn push(&mut self, bytes: &[u8]) {
        match self {
            To::Json { buf, .. } => buf.push(bytes),
            To::Body(body) => body.extend_from_slice(bytes),
            To::Text(_) => {}
        }
    }
}

/// A [`fmt::Write`] that copies into a [`StackBuf`] as is.
struct RawWriter<'a>(&'a mut StackBuf);

impl fmt::Write for RawWriter<'_> {
    #[inline]
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0.push(s.as_bytes());
        Ok(())
    }
}

/// The derived `write_message`: the pieces of `error`'s message, as they
/// are, into `out`.
#[inline]
pub fn write_message<E: crate::ApiError + ?Sized>(
    error: &E,
    out: &mut dyn fmt::Write,
) -> fmt::Result {
    let mut sink = MessageSink::text(out);
    error.__api_status_message(&mut sink);
    sink.result()
}

/// A [`fmt::Write`] that hands what it is given to a [`MessageSink`] as
/// text that may need escapes: the default `__api_status_message` of a
/// hand-written impl, over its `write_message`.
pub struct SinkWriter<'s, 'a>(pub &'s mut MessageSink<'a>);

impl fmt::Write for SinkWriter<'_, '_> {
    #[inline]
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0.escaped(s);
        Ok(())
    }
}

/// An integer field of an interpolated `#[message]`.
///
/// The derive calls `IntegerArg::write_arg(&Arg(field), out, text, json)`
/// (`text` and `json`: the literal segment before the field, often empty)
/// for a field whose type it reads as a primitive integer or a reference to
/// one; every other field goes through [`display_arg`].
pub struct Arg<'a, T: ?Sized>(pub &'a T);

/// The integer fast path of [`Arg`]: `itoa`'s digits, the same as `Display`'s,
/// without `core::fmt`.
pub trait IntegerArg {
    /// Writes the literal segment before the field (`text` as written,
    /// `json` escaped; nothing when empty), then the integer's digits.
    fn write_arg(&self, out: &mut MessageSink<'_>, text: &str, json: &str);

    /// The integer's digits, written in `digits`, as a piece of
    /// [`MessageSink::pieces`] (the text and its JSON are the same).
    fn piece<'d>(&self, digits: &'d mut Digits) -> (&'d str, &'d str);
}

/// Room for an integer's digits, for [`IntegerArg::piece`].
#[derive(Default)]
pub struct Digits(itoa::Buffer);

impl Digits {
    /// Room for any primitive integer's digits.
    #[inline]
    pub fn new() -> Self {
        Digits(itoa::Buffer::new())
    }
}

macro_rules! integer_arg {
    ($($int:ty),*) => {$(
        impl IntegerArg for Arg<'_, $int> {
            #[inline]
            fn write_arg(&self, out: &mut MessageSink<'_>, text: &str, json: &str) {
                literal_before(out, text, json);
                out.digits(itoa::Buffer::new().format(*self.0));
            }

            #[inline]
            fn piece<'d>(&self, digits: &'d mut Digits) -> (&'d str, &'d str) {
                let digits = digits.0.format(*self.0);
                (digits, digits)
            }
        }

        impl IntegerArg for Arg<'_, &$int> {
            #[inline]
            fn write_arg(&self, out: &mut MessageSink<'_>, text: &str, json: &str) {
                literal_before(out, text, json);
                out.digits(itoa::Buffer::new().format(**self.0));
            }

            #[inline]
            fn piece<'d>(&self, digits: &'d mut Digits) -> (&'d str, &'d str) {
                let digits = digits.0.format(**self.0);
                (digits, digits)
            }
        }
    )*};
}

integer_arg!(u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize);

/// Any other field of an interpolated `#[message]` (no format spec): the
/// literal segment before it, then its `Display`.
#[inline]
pub fn display_arg<T: fmt::Display + ?Sized>(
    field: &T,
    out: &mut MessageSink<'_>,
    text: &str,
    json: &str,
) {
    literal_before(out, text, json);
    out.args(format_args!("{field}"));
}

/// The literal segment before a field, unless there is none (the derive
/// passes constants: the test folds away).
#[inline]
fn literal_before(out: &mut MessageSink<'_>, text: &str, json: &str) {
    if !text.is_empty() {
        out.literal(text, json);
    }
}

#[cfg(test)]
mod tests {
    use std::fmt;

    use super::{Arg, Digits, IntegerArg, MessageSink, Prefix};
    use crate::stack_buf::StackBuf;

    /// A field as the derive writes one without a format spec.
    fn display(out: &mut MessageSink<'_>, text: &str, field: impl fmt::Display) {
        super::display_arg(&field, out, text, text);
    }

    #[test]
    fn integers_and_other_fields_write_their_display() {
        let mut out = String::new();
        let mut sink = MessageSink::text(&mut out);
        IntegerArg::write_arg(&Arg(&u64::MAX), &mut sink, "", "");
        IntegerArg::write_arg(&Arg(&i64::MIN), &mut sink, "", "");
        IntegerArg::write_arg(&Arg(&&-7i8), &mut sink, "", "");
        IntegerArg::write_arg(&Arg(&0usize), &mut sink, "", "");
        display(&mut sink, " and ", "text");
        display(&mut sink, "", 1.5f64);
        assert_eq!(sink.result(), Ok(()));
        assert_eq!(out, format!("{}{}-70 and text1.5", u64::MAX, i64::MIN));
    }

    struct Fails;

    impl fmt::Display for Fails {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("half")?;
            Err(fmt::Error)
        }
    }

    #[test]
    fn nothing_is_written_after_a_failure() {
        let mut out = String::new();
        let mut sink = MessageSink::text(&mut out);
        sink.literal("a ", "a ");
        display(&mut sink, "", Fails);
        sink.literal(" b", " b");
        IntegerArg::write_arg(&Arg(&1u8), &mut sink, "", "");
        assert_eq!(sink.result(), Err(fmt::Error));
        assert_eq!(out, "a half");
    }

    #[test]
    fn json_pieces_are_escaped_once() {
        let mut buf = StackBuf::new();
        let mut sink = MessageSink::json(&mut buf, Prefix::Bytes(b"{"), 2);
        sink.literal("say \"", "say \\\"");
        display(&mut sink, "", "\"hi\"\n");
        sink.escaped("\t");
        IntegerArg::write_arg(&Arg(&-3i32), &mut sink, " ", " ");
        assert_eq!(sink.result(), Ok(()));
        assert!(sink.into_body().is_none());
        assert_eq!(buf.as_bytes(), br#"say \"\"hi\"\n\t -3"#);
    }

    #[test]
    fn a_message_of_known_size_is_written_into_an_exact_body() {
        let mut buf = StackBuf::new();
        let mut sink = MessageSink::json(&mut buf, Prefix::Bytes(b"{\"message\":\""), 2);
        let mut digits = Digits::new();
        sink.pieces(&[
            ("say \"", "say \\\""),
            IntegerArg::piece(&Arg(&-3i32), &mut digits),
        ]);
        let body = sink.into_body().unwrap();
        assert_eq!(body, br#"{"message":"say \"-3"#);
        assert_eq!(body.capacity(), body.len() + 2);

        let mut buf = StackBuf::new();
        let mut sink = MessageSink::json(&mut buf, Prefix::Bytes(b"{"), 3);
        sink.whole("plain é");
        let body = sink.into_body().unwrap();
        assert_eq!(body, "{plain é".as_bytes());
        assert_eq!(body.capacity(), body.len() + 3);

        // A text with escapes is measured escaped.
        let mut buf = StackBuf::new();
        let mut sink = MessageSink::json(&mut buf, Prefix::Bytes(b"{"), 3);
        sink.whole("a\"\u{1}");
        let body = sink.into_body().unwrap();
        assert_eq!(body, br#"{a\"\u0001"#);
        assert_eq!(body.capacity(), body.len() + 3);
        assert!(buf.is_empty(), "the stack buffer is not used");

        // Pieces after a whole message are appended, escaped.
        let mut buf = StackBuf::new();
        let mut sink = MessageSink::json(&mut buf, Prefix::Bytes(b"{"), 3);
        sink.whole("a");
        sink.args(format_args!("{}", "\"b\""));
        sink.escaped("\n");
        assert_eq!(sink.into_body().unwrap(), br#"{a\"b\"\n"#);
    }

    #[test]
    fn pieces_and_whole_messages_as_text() {
        let mut out = String::new();
        let mut sink = MessageSink::text(&mut out);
        let mut digits = Digits::new();
        sink.pieces(&[
            ("a \"", "a \\\""),
            IntegerArg::piece(&Arg(&7u8), &mut digits),
        ]);
        sink.whole(" \"b\"");
        assert_eq!(sink.result(), Ok(()));
        assert_eq!(out, "a \"7 \"b\"");
    }
}
