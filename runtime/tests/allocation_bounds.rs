//! Section 15: no value from error data or from a request makes the runtime
//! allocate beyond a constant factor of its input.
//!
//! A counting global allocator (`stats_alloc`) measures the bytes each path
//! asks for. Each check runs at two sizes, ten times apart, and asserts
//! both a bound per byte of input (a generous constant, so that the test
//! says "linear" rather than pinning today's layout) and that the bytes per
//! byte of input do not grow with the input (the larger size within 1.5×
//! of the smaller's), which a quadratic path, or one that copies its input
//! once per item, fails. Reading `Accept` allocates nothing at all.
//!
//! The counts include the test harness's own thread, which may print a
//! result meanwhile (about a kilobyte): the inputs are large enough for
//! that to vanish in the ratios.

use std::alloc::System;
use std::sync::{Mutex, MutexGuard};

use api_status::http::header::{ACCEPT, IF_NONE_MATCH, WWW_AUTHENTICATE};
use api_status::http::{HeaderMap, HeaderValue, Method};
use api_status::{
    ApiError, Created, EntityTag, ErrorBody, FieldErrors, Format, Preconditions, Validators,
};
use stats_alloc::{StatsAlloc, INSTRUMENTED_SYSTEM};

#[global_allocator]
static ALLOCATOR: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

/// The counters are global, and the tests of this file run on several
/// threads: each test holds this lock throughout, so that no other test
/// allocates while it counts.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

fn one_at_a_time() -> MutexGuard<'static, ()> {
    ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(|poison| poison.into_inner())
}

/// The bytes `f` asks the allocator for (a growing `realloc` counts what
/// it grows by), and its result, dropped outside the count.
fn allocated_by<R>(f: impl FnOnce() -> R) -> (usize, R) {
    let before = INSTRUMENTED_SYSTEM.stats().bytes_allocated;
    let result = std::hint::black_box(f());
    let after = INSTRUMENTED_SYSTEM.stats().bytes_allocated;
    (after - before, result)
}

/// Checks `bytes(n) <= per_byte * input(n)` at `n` and `10 * n`, and that
/// the ratio does not grow with the size. `measure(n)` returns the bytes
/// allocated and the input's size in bytes.
fn assert_linear(label: &str, per_byte: f64, n: usize, measure: impl Fn(usize) -> (usize, usize)) {
    let ratio = |size: usize| {
        let (bytes, input) = measure(size);
        assert!(input > 0, "{label}: an empty input");
        let ratio = bytes as f64 / input as f64;
        assert!(
            ratio <= per_byte,
            "{label}: {bytes} bytes allocated for {input} bytes of input at size {size} ({ratio:.1} per byte, bound {per_byte})"
        );
        ratio
    };
    let small = ratio(n);
    let large = ratio(10 * n);
    assert!(
        large <= 1.5 * small.max(1.0),
        "{label}: {small:.2} bytes per input byte at size {n}, {large:.2} at {}",
        10 * n
    );
}

#[derive(Debug, thiserror::Error, ApiError)]
enum HostileError {
    #[error("the items could not be saved")]
    #[status(unprocessable_entity)]
    Invalid {
        #[field_errors]
        errors: FieldErrors,
    },

    #[error("{0}")]
    #[status(unauthorized)]
    #[oauth(invalid_token)]
    Token(String),

    #[error("{0}")]
    #[status(bad_request)]
    Message(String),
}

/// Field names of hostile content: quotes, backslashes and control
/// characters, which JSON escapes six bytes for one.
fn hostile_field(index: usize) -> String {
    format!("items[{index}].\"na\\me\"\u{1}\n")
}

fn field_errors(n: usize) -> (FieldErrors, usize) {
    let mut errors = FieldErrors::new();
    let mut input = 0;
    for index in 0..n {
        let field = hostile_field(index);
        input += field.len() + "can't be blank".len();
        errors.add(field, "can't be blank");
    }
    (errors, input)
}

#[test]
fn field_errors_grow_linearly_with_what_is_added() {
    let _serial = one_at_a_time();
    // Distinct fields: the entries, and the hash index past 16 fields.
    assert_linear("add, distinct fields", 16.0, 2_000, |n| {
        let mut input = 0;
        let (bytes, _errors) = allocated_by(|| {
            let mut errors = FieldErrors::new();
            for index in 0..n {
                let field = hostile_field(index);
                input += field.len() + "can't be blank".len();
                errors.add(field, "can't be blank");
            }
            errors
        });
        (bytes, input)
    });
    // The same 10 fields again and again: messages pile up on them.
    assert_linear("add, ten fields repeated", 16.0, 2_000, |n| {
        let mut input = 0;
        let (bytes, _errors) = allocated_by(|| {
            let mut errors = FieldErrors::new();
            for index in 0..n {
                let field = hostile_field(index % 10);
                input += field.len() + "is invalid".len();
                errors.add(field, "is invalid");
            }
            errors
        });
        (bytes, input)
    });
}

#[test]
fn a_response_with_field_errors_is_linear_in_them() {
    let _serial = one_at_a_time();
    // Every byte of a hostile name may take six in JSON; the body is built
    // once (the response's own headers are a constant).
    assert_linear("to_response, field errors", 16.0, 2_000, |n| {
        let (errors, input) = field_errors(n);
        let error = HostileError::Invalid { errors };
        let (bytes, _response) = allocated_by(|| error.to_response());
        (bytes, input)
    });
    assert_linear(
        "to_response_in(ProblemJson), field errors",
        16.0,
        2_000,
        |n| {
            let (errors, input) = field_errors(n);
            let error = HostileError::Invalid { errors };
            let (bytes, _response) = allocated_by(|| error.to_response_in(Format::ProblemJson));
            (bytes, input)
        },
    );
}

#[test]
fn a_long_message_is_linear_in_json_and_problem_json() {
    let _serial = one_at_a_time();
    // Quotes, a control character and a non-ASCII letter: each escaped
    // or copied, none re-encoded twice.
    assert_linear("to_response, message", 16.0, 10_000, |n| {
        let message = "\"\u{1}é<".repeat(n);
        let error = HostileError::Message(message.clone());
        let (bytes, _response) = allocated_by(|| error.to_response());
        (bytes, message.len())
    });
    assert_linear("to_response_in(ProblemJson), message", 16.0, 10_000, |n| {
        let message = "\"\u{1}é<".repeat(n);
        let error = HostileError::Message(message.clone());
        let (bytes, _response) = allocated_by(|| error.to_response_in(Format::ProblemJson));
        (bytes, message.len())
    });
}

#[cfg(feature = "xml")]
#[test]
fn xml_bodies_are_linear_in_their_content() {
    let _serial = one_at_a_time();
    assert_linear("to_response_in(Xml), field errors", 32.0, 2_000, |n| {
        let (errors, input) = field_errors(n);
        let error = HostileError::Invalid { errors };
        let (bytes, _response) = allocated_by(|| error.to_response_in(Format::Xml));
        (bytes, input)
    });
    assert_linear("to_response_in(ProblemXml), message", 32.0, 10_000, |n| {
        let message = "<&\u{1}\"'".repeat(n);
        let error = HostileError::Message(message.clone());
        let (bytes, _response) = allocated_by(|| error.to_response_in(Format::ProblemXml));
        (bytes, message.len())
    });
}

#[test]
fn a_long_oauth_message_costs_the_message_not_the_header() {
    let _serial = one_at_a_time();
    // The body carries the message whole, escaped; the header at most
    // `MAX_ERROR_DESCRIPTION` bytes of it.
    assert_linear("to_response, OAuth message", 16.0, 10_000, |n| {
        let message = "\"\u{1}é".repeat(n);
        let error = HostileError::Token(message.clone());
        let (bytes, response) = allocated_by(|| error.to_response());
        let challenge = response
            .headers()
            .get(WWW_AUTHENTICATE)
            .map(HeaderValue::len);
        assert!(challenge.is_some_and(|len| len < 1_100), "{challenge:?}");
        (bytes, message.len())
    });
}

#[test]
fn parsing_a_body_is_linear_in_the_document() {
    let _serial = one_at_a_time();
    assert_linear("parse ErrorBody", 16.0, 2_000, |n| {
        let (errors, _) = field_errors(n);
        let document = HostileError::Invalid { errors }.body();
        let (bytes, body) = allocated_by(|| serde_json::from_slice::<ErrorBody>(&document));
        assert!(body.is_ok());
        (bytes, document.len())
    });
    // A request body that does not fit the type: the rejection names the
    // path, not the document.
    assert_linear("from_json_slice, rejected", 16.0, 10_000, |n| {
        let document = format!("{{\"items\":[{}\"x\"]}}", "1,".repeat(n));
        let (bytes, result) =
            allocated_by(|| api_status::from_json_slice::<Items>(document.as_bytes()));
        assert!(result.is_err());
        (bytes, document.len())
    });
}

#[derive(Debug, serde::Deserialize)]
#[allow(dead_code)]
struct Items {
    items: Vec<u64>,
}

#[test]
fn a_location_costs_a_constant_factor_of_its_length() {
    let _serial = one_at_a_time();
    // Percent-encoding takes at most three bytes for one.
    assert_linear("Created, location", 16.0, 10_000, |n| {
        let location = "/users/\u{1} é\"".repeat(n);
        let (bytes, response) =
            allocated_by(|| api_status::http::Response::from(Created::new(location.clone(), ())));
        assert_eq!(response.status(), 201);
        (bytes, location.len())
    });
}

#[test]
fn reading_accept_allocates_nothing() {
    let _serial = one_at_a_time();
    // RFC 9110 §12.5.1: any number of members and field lines.
    let mut headers = HeaderMap::new();
    let member = "text/html;level=1;q=0.5, application/*;q=0.2, ";
    let value = HeaderValue::from_str(&member.repeat(2_000)).unwrap();
    for _ in 0..10 {
        headers.append(ACCEPT, value.clone());
    }
    // The fewest of five tries: the test harness's own thread may print
    // another test's result (and allocate for it) during one of them.
    let bytes = (0..5)
        .map(|_| {
            let (bytes, format) = allocated_by(|| Format::from_request(&headers));
            assert_eq!(format, Format::Json);
            bytes
        })
        .min();
    assert_eq!(bytes, Some(0));
}

#[test]
fn preconditions_are_linear_in_the_header() {
    let _serial = one_at_a_time();
    // RFC 9110 §13.1.2: a long `If-None-Match` list, over ten field lines.
    // `Preconditions` owns the tags it read (it outlives the request as an
    // extractor), so it allocates for them: a constant factor of the list.
    assert_linear("Preconditions, If-None-Match", 16.0, 200, |n| {
        let mut headers = HeaderMap::new();
        let tags: String = (0..n).map(|index| format!("W/\"v{index}\", ")).collect();
        let value = HeaderValue::from_str(&tags).unwrap();
        for _ in 0..10 {
            headers.append(IF_NONE_MATCH, value.clone());
        }
        let current = Validators::new().etag(EntityTag::strong("current").unwrap());
        let (bytes, outcome) =
            allocated_by(|| Preconditions::from_request(&Method::GET, &headers).evaluate(&current));
        assert_eq!(outcome, api_status::Precondition::Proceed);
        (bytes, 10 * tags.len())
    });
}
