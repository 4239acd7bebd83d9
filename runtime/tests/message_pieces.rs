//! An interpolated `#[message]` is written into the JSON body in pieces
//! (literal segments escaped by the macro, integers without `core::fmt`,
//! other fields escaped as they are formatted): the body must be exactly
//! `serde_json`'s for the whole message, and `message()` exactly `format!`'s.

use api_status::ApiError;
use proptest::prelude::*;

#[derive(Debug, thiserror::Error, ApiError)]
enum Pieces {
    #[error("internal")]
    #[status(bad_request)]
    #[message("tab\t\"quoted\" \\ {{brace}} {a} {b} {c} {d} {e} {f}\u{1}")]
    Integers {
        a: u8,
        b: i16,
        c: i32,
        d: i64,
        e: u128,
        f: isize,
    },

    #[error("internal")]
    #[status(conflict)]
    #[message("{0}{1}")]
    OnlyFields(i128, String),

    #[error("internal")]
    #[status(not_found)]
    #[message("\"{name}\" and {name:?} and {count:>4} and {count:#x} é\n")]
    Specs { name: String, count: u64 },

    #[error("internal")]
    #[status(unprocessable_entity)]
    #[message("{r} of {n}")]
    References { r: &'static u16, n: usize },

    #[error("internal")]
    #[status(gone)]
    #[message("{id} is \"{alias}\" ({twice})")]
    Alias {
        id: Id,
        alias: Quoted,
        twice: &'static &'static u32,
    },
}

/// An integer behind an alias (or two references): written through
/// `Display`, the same digits.
type Id = u64;

/// A field whose `Display` needs escapes.
#[derive(Debug)]
struct Quoted;

impl std::fmt::Display for Quoted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a \"b\"\n")
    }
}

/// A generic field: its `Display`, as for any other type.
#[derive(Debug, thiserror::Error, ApiError)]
#[error("internal")]
#[status(not_found)]
#[message("no {what} with {count} items")]
struct Generic<T: std::fmt::Display + std::fmt::Debug> {
    what: T,
    count: u32,
}

/// The body `serde_json` writes for `message`.
fn expected(message: &str) -> Vec<u8> {
    serde_json::to_vec(&serde_json::json!({ "message": message })).unwrap()
}

fn check(error: &Pieces, message: String) {
    assert_eq!(error.message(), message);
    assert_eq!(
        error.body(),
        expected(&message),
        "{}",
        String::from_utf8_lossy(&error.body())
    );
    assert_eq!(error.to_response().into_body(), expected(&message));
}

#[test]
fn extremes_of_every_integer_type() {
    for (a, b, c, d, e, f) in [
        (0, 0, 0, 0, 0, 0),
        (u8::MAX, i16::MIN, i32::MIN, i64::MIN, u128::MAX, isize::MIN),
        (1, -1, i32::MAX, i64::MAX, 10, isize::MAX),
    ] {
        let error = Pieces::Integers { a, b, c, d, e, f };
        let message = format!("tab\t\"quoted\" \\ {{brace}} {a} {b} {c} {d} {e} {f}\u{1}");
        check(&error, message);
    }
}

#[test]
fn references_to_integers() {
    static SEVEN: u16 = 7;
    check(
        &Pieces::References { r: &SEVEN, n: 12 },
        String::from("7 of 12"),
    );
}

#[test]
fn aliases_and_generic_fields_write_their_display() {
    static NINE: &u32 = &9;
    check(
        &Pieces::Alias {
            id: u64::MAX,
            alias: Quoted,
            twice: &NINE,
        },
        format!("{} is \"a \"b\"\n\" (9)", u64::MAX),
    );
    assert_eq!(
        Generic {
            what: 7u8,
            count: 3
        }
        .body(),
        expected("no 7 with 3 items")
    );
    assert_eq!(
        Generic {
            what: "cart\u{1}",
            count: 0
        }
        .body(),
        expected("no cart\u{1} with 0 items")
    );
}

proptest! {
    #[test]
    fn fields_of_any_content(n in any::<i128>(), s in any::<String>(), count in any::<u64>()) {
        check(&Pieces::OnlyFields(n, s.clone()), format!("{n}{s}"));
        let message = format!("\"{s}\" and {s:?} and {count:>4} and {count:#x} é\n");
        check(&Pieces::Specs { name: s, count }, message);
    }
}

#[derive(Debug, thiserror::Error, ApiError)]
#[error("internal")]
#[status(bad_request)]
#[message("{count} left")]
struct MutableCount {
    count: &'static mut u64,
}

#[test]
fn a_mutable_reference_to_an_integer_is_written_through_display() {
    let error = MutableCount {
        count: Box::leak(Box::new(7)),
    };
    assert_eq!(error.message(), "7 left");
    assert_eq!(error.body(), br#"{"message":"7 left"}"#.as_slice());
}
