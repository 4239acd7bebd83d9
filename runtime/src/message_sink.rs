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

use std::fmt;

use crate::json::{escape, may_need_escapes};
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
    /// The message as a JSON string's contents, escaped.
    Json(&'a mut StackBuf),
    /// The message as it is.
    Text(&'a mut dyn fmt::Write),
}

impl<'a> MessageSink<'a> {
    /// A sink that escapes the message for a JSON string, into `buf`.
    #[inline]
    pub(crate) fn json(buf: &'a mut StackBuf) -> Self {
        MessageSink {
            to: To::Json(buf),
            failed: false,
        }
    }

    /// A sink that writes the message as it is, into `out`.
    #[inline]
    pub fn text(out: &'a mut dyn fmt::Write) -> Self {
        MessageSink {
            to: To::Text(out),
            failed: false,
        }
    }

    /// `Err` if a piece failed.
    #[inline]
    pub fn result(&self) -> fmt::Result {
        match self.failed {
            true => Err(fmt::Error),
            false => Ok(()),
        }
    }

    /// A literal segment of a `#[message]`: `text` as written, and `json`
    /// the same text escaped as a JSON string's contents.
    #[inline]
    pub fn literal(&mut self, text: &str, json: &str) {
        if self.failed {
            return;
        }
        match &mut self.to {
            To::Json(buf) => buf.push(json.as_bytes()),
            To::Text(out) => self.failed = out.write_str(text).is_err(),
        }
    }

    /// Text that may need escapes.
    #[inline]
    pub fn escaped(&mut self, text: &str) {
        if self.failed {
            return;
        }
        match &mut self.to {
            To::Json(buf) => escape(text.as_bytes(), |bytes| buf.push(bytes)),
            To::Text(out) => self.failed = out.write_str(text).is_err(),
        }
    }

    /// A field formatted through `core::fmt`. For JSON, formatted as is,
    /// then escaped in place only if a byte needs it: one scan of the whole
    /// field rather than one per fragment `core::fmt` hands over.
    #[inline]
    pub fn args(&mut self, args: fmt::Arguments<'_>) {
        if self.failed {
            return;
        }
        match &mut self.to {
            To::Json(buf) => {
                let start = buf.as_bytes().len();
                self.failed = fmt::write(&mut RawWriter(buf), args).is_err();
                let written = buf.as_bytes().get(start..).unwrap_or_default();
                if may_need_escapes(written) {
                    let raw = written.to_vec();
                    buf.truncate(start);
                    escape(&raw, |bytes| buf.push(bytes));
                }
            }
            To::Text(out) => self.failed = out.write_fmt(args).is_err(),
        }
    }

    /// The decimal digits of an integer, with its sign: nothing to escape.
    #[inline]
    pub fn digits(&mut self, digits: &str) {
        if self.failed {
            return;
        }
        match &mut self.to {
            To::Json(buf) => buf.push(digits.as_bytes()),
            To::Text(out) => self.failed = out.write_str(digits).is_err(),
        }
    }

    /// Records a failure: what follows is ignored.
    #[inline]
    pub fn fail(&mut self) {
        self.failed = true;
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
}

macro_rules! integer_arg {
    ($($int:ty),*) => {$(
        impl IntegerArg for Arg<'_, $int> {
            #[inline]
            fn write_arg(&self, out: &mut MessageSink<'_>, text: &str, json: &str) {
                literal_before(out, text, json);
                out.digits(itoa::Buffer::new().format(*self.0));
            }
        }

        impl IntegerArg for Arg<'_, &$int> {
            #[inline]
            fn write_arg(&self, out: &mut MessageSink<'_>, text: &str, json: &str) {
                literal_before(out, text, json);
                out.digits(itoa::Buffer::new().format(**self.0));
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

    use super::{Arg, IntegerArg, MessageSink};
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
        let mut sink = MessageSink::json(&mut buf);
        sink.literal("say \"", "say \\\"");
        display(&mut sink, "", "\"hi\"\n");
        sink.escaped("\t");
        IntegerArg::write_arg(&Arg(&-3i32), &mut sink, " ", " ");
        assert_eq!(sink.result(), Ok(()));
        assert_eq!(buf.as_bytes(), br#"say \"\"hi\"\n\t -3"#);
    }
}
