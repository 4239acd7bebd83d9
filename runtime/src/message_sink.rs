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
pub trait MessageSink {
    /// A literal segment of a `#[message]`: `text` as written, and `json`
    /// the same text escaped as a JSON string's contents.
    fn literal(&mut self, text: &str, json: &str) -> fmt::Result;

    /// Text that may need escapes.
    fn text(&mut self, text: &str) -> fmt::Result;

    /// A field formatted through `core::fmt`.
    fn args(&mut self, args: fmt::Arguments<'_>) -> fmt::Result;

    /// The decimal digits of an integer, with its sign: nothing to escape.
    fn digits(&mut self, digits: &str) -> fmt::Result;
}

/// A [`MessageSink`] that writes the message as it is, into a
/// [`fmt::Write`]: the derived `write_message`.
pub struct FmtSink<'a>(pub &'a mut dyn fmt::Write);

impl MessageSink for FmtSink<'_> {
    #[inline]
    fn literal(&mut self, text: &str, _: &str) -> fmt::Result {
        self.0.write_str(text)
    }

    #[inline]
    fn text(&mut self, text: &str) -> fmt::Result {
        self.0.write_str(text)
    }

    #[inline]
    fn args(&mut self, args: fmt::Arguments<'_>) -> fmt::Result {
        self.0.write_fmt(args)
    }

    #[inline]
    fn digits(&mut self, digits: &str) -> fmt::Result {
        self.0.write_str(digits)
    }
}

/// A [`fmt::Write`] that hands what it is given to a [`MessageSink`] as
/// text: the default `__api_status_message` of a hand-written impl, over
/// its `write_message`.
pub struct SinkWriter<'a>(pub &'a mut dyn MessageSink);

impl fmt::Write for SinkWriter<'_> {
    #[inline]
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0.text(s)
    }
}

/// One field of an interpolated `#[message]`, written as its `Display`.
///
/// The derive calls `(&Arg(field)).write_arg(out)` with both [`IntegerArg`]
/// and [`DisplayArg`] in scope: method lookup picks [`IntegerArg`] (no
/// autoref) when the field is a primitive integer, and [`DisplayArg`] (one
/// autoref) for any other `Display`, including a generic parameter.
pub struct Arg<'a, T: ?Sized>(pub &'a T);

/// The integer fast path of [`Arg`]: `itoa`'s digits, the same as `Display`'s,
/// without `core::fmt`.
pub trait IntegerArg {
    /// Writes the integer's digits.
    fn write_arg(&self, out: &mut dyn MessageSink) -> fmt::Result;
}

macro_rules! integer_arg {
    ($($int:ty),*) => {$(
        impl IntegerArg for Arg<'_, $int> {
            #[inline]
            fn write_arg(&self, out: &mut dyn MessageSink) -> fmt::Result {
                out.digits(itoa::Buffer::new().format(*self.0))
            }
        }

        impl IntegerArg for Arg<'_, &$int> {
            #[inline]
            fn write_arg(&self, out: &mut dyn MessageSink) -> fmt::Result {
                out.digits(itoa::Buffer::new().format(**self.0))
            }
        }
    )*};
}

integer_arg!(u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize);

/// Any other field of [`Arg`]: its `Display`, through `core::fmt`.
pub trait DisplayArg {
    /// Writes the field's `Display`.
    fn write_arg(&self, out: &mut dyn MessageSink) -> fmt::Result;
}

impl<T: fmt::Display + ?Sized> DisplayArg for &Arg<'_, T> {
    #[inline]
    fn write_arg(&self, out: &mut dyn MessageSink) -> fmt::Result {
        out.args(format_args!("{}", self.0))
    }
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use super::{Arg, DisplayArg as _, FmtSink, IntegerArg as _};

    #[test]
    fn integers_and_other_fields_write_their_display() {
        let mut out = String::new();
        let mut sink = FmtSink(&mut out);
        let values: [&dyn Fn(&mut FmtSink<'_>) -> std::fmt::Result; 6] = [
            &|sink| (&Arg(&u64::MAX)).write_arg(sink),
            &|sink| (&Arg(&i64::MIN)).write_arg(sink),
            &|sink| (&Arg(&&-7i8)).write_arg(sink),
            &|sink| (&Arg(&0usize)).write_arg(sink),
            &|sink| (&Arg("text")).write_arg(sink),
            &|sink| (&Arg(&1.5f64)).write_arg(sink),
        ];
        for value in values {
            value(&mut sink).unwrap();
            out_push_space(&mut sink);
        }
        assert_eq!(
            out,
            format!("{} {} -7 0 text 1.5 ", u64::MAX, i64::MIN)
        );
    }

    fn out_push_space(sink: &mut FmtSink<'_>) {
        sink.0.write_str(" ").unwrap();
    }
}
