//! Where a public message is written: as it is ([`FmtSink`], behind
//! `write_message`), or escaped for a JSON string straight into the body's
//! buffer (`JsonMessage`, in `json.rs`).
//!
//! The derive splits an interpolated `#[message]` into its literal segments,
//! which it escapes for JSON when it expands, and its fields. So the JSON
//! body copies the literal segments as they are, formats only the fields,
//! and formats integers without `core::fmt`. The bytes are the same as
//! formatting the whole message and escaping it afterwards: the tests of
//! `runtime/tests/messages.rs` compare both against `serde_json`.

use std::fmt;

/// The receiver of a public message, in pieces. Not public API.
///
/// The methods return nothing: a sink remembers the first failure (a
/// field's `Display` that failed) and ignores what comes after it, so the
/// message is what was written until then, as with `write_fmt`, without a
/// `?` after every piece in the generated code.
pub trait MessageSink {
    /// A literal segment of a `#[message]`: `text` as written, and `json`
    /// the same text escaped as a JSON string's contents.
    fn literal(&mut self, text: &str, json: &str);

    /// Text that may need escapes.
    fn text(&mut self, text: &str);

    /// A field formatted through `core::fmt`.
    fn args(&mut self, args: fmt::Arguments<'_>);

    /// The decimal digits of an integer, with its sign: nothing to escape.
    fn digits(&mut self, digits: &str);

    /// Records a failure: what follows is ignored.
    fn fail(&mut self);
}

/// A [`MessageSink`] that writes the message as it is, into a
/// [`fmt::Write`]: the derived `write_message`.
pub struct FmtSink<'a> {
    out: &'a mut dyn fmt::Write,
    result: fmt::Result,
}

impl<'a> FmtSink<'a> {
    /// A sink into `out`.
    #[inline]
    pub fn new(out: &'a mut dyn fmt::Write) -> Self {
        FmtSink {
            out,
            result: Ok(()),
        }
    }

    /// `Err` if a write failed.
    #[inline]
    pub fn result(&self) -> fmt::Result {
        self.result
    }

    #[inline]
    fn write(&mut self, write: impl FnOnce(&mut dyn fmt::Write) -> fmt::Result) {
        if self.result.is_ok() {
            self.result = write(self.out);
        }
    }
}

impl MessageSink for FmtSink<'_> {
    #[inline]
    fn literal(&mut self, text: &str, _: &str) {
        self.write(|out| out.write_str(text));
    }

    #[inline]
    fn text(&mut self, text: &str) {
        self.write(|out| out.write_str(text));
    }

    #[inline]
    fn args(&mut self, args: fmt::Arguments<'_>) {
        self.write(|out| out.write_fmt(args));
    }

    #[inline]
    fn digits(&mut self, digits: &str) {
        self.write(|out| out.write_str(digits));
    }

    #[inline]
    fn fail(&mut self) {
        self.result = Err(fmt::Error);
    }
}

/// The derived `write_message`: the pieces of `error`'s message, as they
/// are, into `out`.
#[inline]
pub fn write_message<E: crate::ApiError + ?Sized>(
    error: &E,
    out: &mut dyn fmt::Write,
) -> fmt::Result {
    let mut sink = FmtSink::new(out);
    error.__api_status_message(&mut sink);
    sink.result()
}

/// A [`fmt::Write`] that hands what it is given to a [`MessageSink`] as
/// text: the default `__api_status_message` of a hand-written impl, over
/// its `write_message`.
pub struct SinkWriter<'a>(pub &'a mut dyn MessageSink);

impl fmt::Write for SinkWriter<'_> {
    #[inline]
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0.text(s);
        Ok(())
    }
}

/// One field of an interpolated `#[message]`, written as its `Display`.
///
/// The derive calls `(&Arg(field)).write_arg(out, text, json)` (`text` and
/// `json`: the literal segment before the field, often empty) with both [`IntegerArg`]
/// and [`DisplayArg`] in scope: method lookup picks [`IntegerArg`] (no
/// autoref) when the field is a primitive integer, and [`DisplayArg`] (one
/// autoref) for any other `Display`, including a generic parameter.
pub struct Arg<'a, T: ?Sized>(pub &'a T);

/// The integer fast path of [`Arg`]: `itoa`'s digits, the same as `Display`'s,
/// without `core::fmt`.
pub trait IntegerArg {
    /// Writes the literal segment before the field (`text` as written,
    /// `json` escaped; nothing when empty), then the integer's digits.
    fn write_arg(&self, out: &mut dyn MessageSink, text: &str, json: &str);
}

macro_rules! integer_arg {
    ($($int:ty),*) => {$(
        impl IntegerArg for Arg<'_, $int> {
            #[inline]
            fn write_arg(&self, out: &mut dyn MessageSink, text: &str, json: &str) {
                literal_before(out, text, json);
                out.digits(itoa::Buffer::new().format(*self.0));
            }
        }

        impl IntegerArg for Arg<'_, &$int> {
            #[inline]
            fn write_arg(&self, out: &mut dyn MessageSink, text: &str, json: &str) {
                literal_before(out, text, json);
                out.digits(itoa::Buffer::new().format(**self.0));
            }
        }
    )*};
}

integer_arg!(u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize);

/// Any other field of [`Arg`]: its `Display`, through `core::fmt`.
pub trait DisplayArg {
    /// Writes the literal segment before the field (`text` as written,
    /// `json` escaped; nothing when empty), then the field's `Display`.
    fn write_arg(&self, out: &mut dyn MessageSink, text: &str, json: &str);
}

impl<T: fmt::Display + ?Sized> DisplayArg for &Arg<'_, T> {
    #[inline]
    fn write_arg(&self, out: &mut dyn MessageSink, text: &str, json: &str) {
        literal_before(out, text, json);
        out.args(format_args!("{}", self.0));
    }
}

/// The literal segment before a field, unless there is none (the derive
/// passes constants: the test folds away).
#[inline]
fn literal_before(out: &mut dyn MessageSink, text: &str, json: &str) {
    if !text.is_empty() {
        out.literal(text, json);
    }
}

#[cfg(test)]
// `(&Arg(field)).write_arg(out, text, json)`, as the derive writes it: the borrow is
// what lets method lookup choose between the two traits.
#[allow(clippy::needless_borrow)]
mod tests {
    use std::fmt;

    use super::{Arg, DisplayArg as _, FmtSink, IntegerArg as _, MessageSink as _};

    #[test]
    fn integers_and_other_fields_write_their_display() {
        let mut out = String::new();
        let mut sink = FmtSink::new(&mut out);
        (&Arg(&u64::MAX)).write_arg(&mut sink, "", "");
        (&Arg(&i64::MIN)).write_arg(&mut sink, "", "");
        (&Arg(&&-7i8)).write_arg(&mut sink, "", "");
        (&Arg(&0usize)).write_arg(&mut sink, "", "");
        (&Arg("text")).write_arg(&mut sink, " and ", " and ");
        (&Arg(&1.5f64)).write_arg(&mut sink, "", "");
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
        let mut sink = FmtSink::new(&mut out);
        sink.literal("a ", "a ");
        (&Arg(&Fails)).write_arg(&mut sink, "", "");
        sink.literal(" b", " b");
        (&Arg(&1u8)).write_arg(&mut sink, "", "");
        assert_eq!(sink.result(), Err(fmt::Error));
        assert_eq!(out, "a half");
    }
}
