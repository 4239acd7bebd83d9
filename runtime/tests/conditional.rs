//! `Preconditions::evaluate`, case by case, from the text of RFC 9110
//! sections 8.8.3, 13.1 and 13.2.2; `EntityTag`'s grammar and comparisons;
//! `Conditional`'s responses.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use api_status::http::{HeaderMap, HeaderName, HeaderValue, Method, Response};
use api_status::{
    ApiError, Conditional, EntityTag, InvalidEntityTag, Precondition, PreconditionFailed,
    Preconditions, Validators,
};
use proptest::prelude::*;
use Precondition::{Failed, NotModified, Proceed};

/// Sun, 06 Nov 1994 08:49:37 GMT.
const T: u64 = 784_111_777;
const AT_T: &str = "Sun, 06 Nov 1994 08:49:37 GMT";
const BEFORE_T: &str = "Sun, 06 Nov 1994 08:49:36 GMT";
const AFTER_T: &str = "Sun, 06 Nov 1994 08:49:38 GMT";

fn at(seconds: u64, millis: u64) -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(seconds) + Duration::from_millis(millis)
}

fn strong(tag: &str) -> EntityTag {
    EntityTag::strong(tag).unwrap()
}

fn weak(tag: &str) -> EntityTag {
    EntityTag::weak(tag).unwrap()
}

/// The representation the cases test against, unless they say otherwise:
/// `"xyzzy"`, last modified at `T` and 300 ms (so whole seconds matter).
fn current() -> Validators {
    Validators::new()
        .etag(strong("xyzzy"))
        .last_modified(at(T, 300))
}

struct Case {
    rule: &'static str,
    method: Method,
    headers: &'static [(&'static str, &'static str)],
    validators: Validators,
    expected: Precondition,
}

fn case(
    rule: &'static str,
    method: Method,
    headers: &'static [(&'static str, &'static str)],
    validators: Validators,
    expected: Precondition,
) -> Case {
    Case {
        rule,
        method,
        headers,
        validators,
        expected,
    }
}

fn header_map(headers: &[(&str, &str)]) -> HeaderMap {
    let mut map = HeaderMap::new();
    for (name, value) in headers {
        map.append(
            HeaderName::from_bytes(name.as_bytes()).unwrap(),
            HeaderValue::from_str(value).unwrap(),
        );
    }
    map
}

fn cases() -> Vec<Case> {
    use Method as M;
    let get = M::GET;
    let etag_only = || Validators::new().etag(strong("xyzzy"));
    let weak_current = || Validators::new().etag(weak("xyzzy"));
    let date_only = || Validators::new().last_modified(at(T, 300));
    vec![
        // No precondition at all.
        case(
            "§13.2.2 step 6: no condition",
            get.clone(),
            &[],
            current(),
            Proceed,
        ),
        case(
            "§13.2.2 step 6: PUT, no condition",
            M::PUT,
            &[],
            current(),
            Proceed,
        ),
        // If-Match: strong comparison.
        case(
            "§13.1.1: If-Match, same strong tag",
            M::PUT,
            &[("if-match", r#""xyzzy""#)],
            current(),
            Proceed,
        ),
        case(
            "§13.1.1: If-Match, other tag -> 412",
            M::PUT,
            &[("if-match", r#""other""#)],
            current(),
            Failed,
        ),
        case(
            "§13.1.1 + §8.8.3.2: If-Match W/ tag never matches strongly",
            M::PUT,
            &[("if-match", r#"W/"xyzzy""#)],
            current(),
            Failed,
        ),
        case(
            "§13.1.1 + §8.8.3.2: If-Match against a weak current tag",
            M::PUT,
            &[("if-match", r#""xyzzy""#)],
            weak_current(),
            Failed,
        ),
        case(
            "§13.1.1: If-Match list, one matches",
            M::PUT,
            &[("if-match", r#""a", "xyzzy", "b""#)],
            current(),
            Proceed,
        ),
        case(
            "§13.1.1: If-Match on GET is evaluated too",
            get.clone(),
            &[("if-match", r#""other""#)],
            current(),
            Failed,
        ),
        case(
            "§13.1.1: If-Match *, representation exists",
            M::PUT,
            &[("if-match", "*")],
            current(),
            Proceed,
        ),
        case(
            "§13.1.1: If-Match *, no representation -> 412",
            M::PUT,
            &[("if-match", "*")],
            Validators::missing(),
            Failed,
        ),
        case(
            "§13.1.1: If-Match tag, no representation -> 412",
            M::PUT,
            &[("if-match", r#""xyzzy""#)],
            Validators::missing(),
            Failed,
        ),
        case(
            "§13.1.1: If-Match tag, representation without ETag -> 412",
            M::PUT,
            &[("if-match", r#""xyzzy""#)],
            date_only(),
            Failed,
        ),
        case(
            "§5.3: If-Match on several field lines is one list",
            M::PUT,
            &[("if-match", r#""a""#), ("if-match", r#""xyzzy""#)],
            current(),
            Proceed,
        ),
        case(
            "§5.6.1: a comma inside quotes does not split",
            M::PUT,
            &[("if-match", r#""x,y", "xyzzy""#)],
            current(),
            Proceed,
        ),
        case(
            "§5.6.1: a quoted comma is part of the tag",
            M::PUT,
            &[("if-match", r#""xyz,zy""#)],
            current(),
            Failed,
        ),
        case(
            "§5.6.1: empty list members are ignored",
            M::PUT,
            &[("if-match", r#", ,"xyzzy",,"#)],
            current(),
            Proceed,
        ),
        case(
            "§13.1.1: malformed members are ignored",
            M::PUT,
            &[("if-match", r#"xyzzy, "xyzzy""#)],
            current(),
            Proceed,
        ),
        case(
            "§13.1.1: only malformed members: no tag matches -> 412",
            M::PUT,
            &[("if-match", "xyzzy")],
            current(),
            Failed,
        ),
        // If-Unmodified-Since.
        case(
            "§13.1.4: If-Unmodified-Since at the date (whole seconds) -> proceed",
            M::PUT,
            &[("if-unmodified-since", AT_T)],
            current(),
            Proceed,
        ),
        case(
            "§13.1.4: If-Unmodified-Since after the date -> proceed",
            M::PUT,
            &[("if-unmodified-since", AFTER_T)],
            current(),
            Proceed,
        ),
        case(
            "§13.1.4: If-Unmodified-Since before the date -> 412",
            M::PUT,
            &[("if-unmodified-since", BEFORE_T)],
            current(),
            Failed,
        ),
        case(
            "§13.1.4: If-Unmodified-Since ignored with If-Match",
            M::PUT,
            &[
                ("if-match", r#""xyzzy""#),
                ("if-unmodified-since", BEFORE_T),
            ],
            current(),
            Proceed,
        ),
        case(
            "§13.1.4: If-Unmodified-Since, an invalid date is ignored",
            M::PUT,
            &[("if-unmodified-since", "yesterday")],
            current(),
            Proceed,
        ),
        case(
            "§13.1.4: If-Unmodified-Since, a list of dates is ignored",
            M::PUT,
            &[
                ("if-unmodified-since", BEFORE_T),
                ("if-unmodified-since", BEFORE_T),
            ],
            current(),
            Proceed,
        ),
        case(
            "§13.1.4: If-Unmodified-Since ignored without a modification date",
            M::PUT,
            &[("if-unmodified-since", BEFORE_T)],
            etag_only(),
            Proceed,
        ),
        case(
            "§5.6.7: RFC 850 date accepted",
            M::PUT,
            &[("if-unmodified-since", "Sunday, 06-Nov-94 08:49:36 GMT")],
            current(),
            Failed,
        ),
        case(
            "§5.6.7: asctime date accepted",
            M::PUT,
            &[("if-unmodified-since", "Sun Nov  6 08:49:36 1994")],
            current(),
            Failed,
        ),
        // If-None-Match: weak comparison.
        case(
            "§13.1.2: If-None-Match, same tag, GET -> 304",
            get.clone(),
            &[("if-none-match", r#""xyzzy""#)],
            current(),
            NotModified,
        ),
        case(
            "§13.1.2: If-None-Match, same tag, HEAD -> 304",
            M::HEAD,
            &[("if-none-match", r#""xyzzy""#)],
            current(),
            NotModified,
        ),
        case(
            "§13.1.2: If-None-Match, other tag -> proceed",
            get.clone(),
            &[("if-none-match", r#""other""#)],
            current(),
            Proceed,
        ),
        case(
            "§13.1.2 + §8.8.3.2: W/ in the request matches weakly",
            get.clone(),
            &[("if-none-match", r#"W/"xyzzy""#)],
            current(),
            NotModified,
        ),
        case(
            "§13.1.2 + §8.8.3.2: W/ on the current tag matches weakly",
            get.clone(),
            &[("if-none-match", r#""xyzzy""#)],
            weak_current(),
            NotModified,
        ),
        case(
            "§13.1.2 + §8.8.3.2: W/ on both sides",
            get.clone(),
            &[("if-none-match", r#"W/"xyzzy""#)],
            weak_current(),
            NotModified,
        ),
        case(
            "§13.1.2: If-None-Match list, one matches",
            get.clone(),
            &[("if-none-match", r#""a", W/"xyzzy""#)],
            current(),
            NotModified,
        ),
        case(
            "§5.3: If-None-Match on several field lines",
            get.clone(),
            &[("if-none-match", r#""a""#), ("if-none-match", r#""xyzzy""#)],
            current(),
            NotModified,
        ),
        case(
            "§5.6.1: If-None-Match with a quoted comma",
            get.clone(),
            &[("if-none-match", r#""a,b", "xyzzy""#)],
            current(),
            NotModified,
        ),
        case(
            "§13.1.2: If-None-Match *, GET -> 304",
            get.clone(),
            &[("if-none-match", "*")],
            current(),
            NotModified,
        ),
        case(
            "§13.1.2: If-None-Match *, no representation -> proceed",
            M::PUT,
            &[("if-none-match", "*")],
            Validators::missing(),
            Proceed,
        ),
        case(
            "§13.1.2: If-None-Match *, PUT over an existing one -> 412",
            M::PUT,
            &[("if-none-match", "*")],
            current(),
            Failed,
        ),
        case(
            "§13.2.2 step 3: POST with a matching If-None-Match -> 412",
            M::POST,
            &[("if-none-match", r#""xyzzy""#)],
            current(),
            Failed,
        ),
        case(
            "§13.2.2 step 3: DELETE with a matching If-None-Match -> 412",
            M::DELETE,
            &[("if-none-match", r#"W/"xyzzy""#)],
            current(),
            Failed,
        ),
        case(
            "§13.1.2: POST, If-None-Match not matching -> proceed",
            M::POST,
            &[("if-none-match", r#""other""#)],
            current(),
            Proceed,
        ),
        case(
            "§13.1.2: a malformed If-None-Match member is ignored",
            get.clone(),
            &[("if-none-match", r#"xyzzy, "xyzzy""#)],
            current(),
            NotModified,
        ),
        case(
            "§13.1.2: If-None-Match, representation without ETag -> proceed",
            get.clone(),
            &[("if-none-match", r#""xyzzy""#)],
            date_only(),
            Proceed,
        ),
        // If-Modified-Since.
        case(
            "§13.1.3: If-Modified-Since at the date (whole seconds) -> 304",
            get.clone(),
            &[("if-modified-since", AT_T)],
            current(),
            NotModified,
        ),
        case(
            "§13.1.3: If-Modified-Since after the date -> 304",
            get.clone(),
            &[("if-modified-since", AFTER_T)],
            current(),
            NotModified,
        ),
        case(
            "§13.1.3: If-Modified-Since before the date -> proceed",
            get.clone(),
            &[("if-modified-since", BEFORE_T)],
            current(),
            Proceed,
        ),
        case(
            "§13.1.3: If-Modified-Since on HEAD -> 304",
            M::HEAD,
            &[("if-modified-since", AT_T)],
            current(),
            NotModified,
        ),
        case(
            "§13.1.3: If-Modified-Since ignored for POST",
            M::POST,
            &[("if-modified-since", AFTER_T)],
            current(),
            Proceed,
        ),
        case(
            "§13.1.3: If-Modified-Since ignored for PUT",
            M::PUT,
            &[("if-modified-since", AFTER_T)],
            current(),
            Proceed,
        ),
        case(
            "§13.1.3: If-Modified-Since ignored with If-None-Match",
            get.clone(),
            &[
                ("if-none-match", r#""other""#),
                ("if-modified-since", AFTER_T),
            ],
            current(),
            Proceed,
        ),
        case(
            "§13.1.3: If-Modified-Since ignored with an all-malformed If-None-Match",
            get.clone(),
            &[("if-none-match", "garbage"), ("if-modified-since", AFTER_T)],
            current(),
            Proceed,
        ),
        case(
            "§13.1.3: an invalid date is ignored",
            get.clone(),
            &[("if-modified-since", "Sun, 31 Feb 1994 08:49:37 GMT")],
            current(),
            Proceed,
        ),
        case(
            "§13.1.3: not a date at all",
            get.clone(),
            &[("if-modified-since", "now")],
            current(),
            Proceed,
        ),
        case(
            "§13.1.3: more than one member is ignored",
            get.clone(),
            &[
                ("if-modified-since", AFTER_T),
                ("if-modified-since", AFTER_T),
            ],
            current(),
            Proceed,
        ),
        case(
            "§13.1.3: ignored without a modification date",
            get.clone(),
            &[("if-modified-since", AFTER_T)],
            etag_only(),
            Proceed,
        ),
        // The order of section 13.2.2.
        case(
            "§13.2.2 step 1 before step 3: If-Match fails first",
            get.clone(),
            &[("if-match", r#""other""#), ("if-none-match", r#""xyzzy""#)],
            current(),
            Failed,
        ),
        case(
            "§13.2.2 step 3 after step 1: If-Match passes, If-None-Match matches",
            get.clone(),
            &[("if-match", r#""xyzzy""#), ("if-none-match", r#""xyzzy""#)],
            current(),
            NotModified,
        ),
        case(
            "§13.2.2 step 2 before step 4",
            get.clone(),
            &[
                ("if-unmodified-since", BEFORE_T),
                ("if-modified-since", AFTER_T),
            ],
            current(),
            Failed,
        ),
        case(
            "§13.2.2: If-Match passes, If-None-Match does not match",
            M::PUT,
            &[("if-match", r#""xyzzy""#), ("if-none-match", r#""other""#)],
            current(),
            Proceed,
        ),
    ]
}

#[test]
fn evaluate_follows_rfc_9110_section_13_2_2() {
    let mut failures = Vec::new();
    for case in cases() {
        let preconditions = Preconditions::from_request(&case.method, &header_map(case.headers));
        let got = preconditions.evaluate(&case.validators);
        if got != case.expected {
            failures.push(format!(
                "{} ({} {:?}): expected {:?}, got {:?}",
                case.rule, case.method, case.headers, case.expected, got
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_table_covers_every_outcome_and_method() {
    let cases = cases();
    for outcome in [Proceed, NotModified, Failed] {
        assert!(cases.iter().any(|case| case.expected == outcome));
    }
    for method in [
        Method::GET,
        Method::HEAD,
        Method::PUT,
        Method::POST,
        Method::DELETE,
    ] {
        assert!(cases.iter().any(|case| case.method == method));
    }
}

// RFC 9110 §8.8.3.2, the table of comparisons.
#[test]
fn comparison_table_of_section_8_8_3_2() {
    let rows = [
        (weak("1"), weak("1"), false, true),
        (weak("1"), weak("2"), false, false),
        (weak("1"), strong("1"), false, true),
        (strong("1"), strong("1"), true, true),
    ];
    for (a, b, strong_eq, weak_eq) in rows {
        assert_eq!(a.strong_eq(&b), strong_eq, "{a} {b}");
        assert_eq!(b.strong_eq(&a), strong_eq, "{b} {a}");
        assert_eq!(a.weak_eq(&b), weak_eq, "{a} {b}");
        assert_eq!(b.weak_eq(&a), weak_eq, "{b} {a}");
    }
}

// RFC 9110 §8.8.3: entity-tag = [ weak ] opaque-tag.
#[test]
fn entity_tag_grammar() {
    assert_eq!(strong("abc").to_string(), r#""abc""#);
    assert_eq!(weak("abc").to_string(), r#"W/"abc""#);
    assert_eq!(strong("").to_string(), r#""""#);
    assert!(!strong("abc").is_weak());
    assert!(weak("abc").is_weak());
    assert_eq!(weak("abc").tag(), "abc");
    assert_eq!(r#""abc""#.parse::<EntityTag>(), Ok(strong("abc")));
    assert_eq!(r#"W/"abc""#.parse::<EntityTag>(), Ok(weak("abc")));
    assert_eq!(r#""!#[]~""#.parse::<EntityTag>(), Ok(strong("!#[]~")));
    for bad in [
        "abc",
        r#""abc"#,
        r#"abc""#,
        r#"w/"abc""#,
        r#"W/abc"#,
        r#"W/ "abc""#,
        r#""a"b""#,
        r#""abc" "#,
        r#" "abc""#,
        r#""a b""#,
        "\"a\u{e9}\"",
        "*",
        "",
    ] {
        assert_eq!(bad.parse::<EntityTag>(), Err(InvalidEntityTag), "{bad:?}");
    }
    // The opaque tag: %x21 / %x23-5B / %x5D-7E.
    for bad in ["a\"b", "a\\b", "a b", "a\tb", "caf\u{e9}", "a\nb", "\x7f"] {
        assert_eq!(EntityTag::strong(bad), Err(InvalidEntityTag), "{bad:?}");
        assert_eq!(EntityTag::weak(bad), Err(InvalidEntityTag), "{bad:?}");
    }
    for byte in 0u8..=0x7f {
        let text = (byte as char).to_string();
        let allowed =
            byte == 0x21 || (0x23..=0x5b).contains(&byte) || (0x5d..=0x7e).contains(&byte);
        assert_eq!(EntityTag::strong(&text).is_ok(), allowed, "{byte:#x}");
    }
}

#[test]
fn digest_is_a_weak_128_bit_tag_of_the_bytes() {
    let tag = EntityTag::digest(b"hello");
    assert!(tag.is_weak());
    assert_eq!(tag.tag().len(), 32);
    assert!(tag.tag().bytes().all(|b| b.is_ascii_hexdigit()));
    assert_eq!(tag, EntityTag::digest(b"hello"));
    assert_ne!(tag, EntityTag::digest(b"hellp"));
    assert_eq!(tag.to_string().parse::<EntityTag>(), Ok(tag));
}

#[test]
fn validators_keep_whole_seconds_and_ignore_unwritable_dates() {
    let validators = Validators::new().last_modified(at(T, 999));
    assert_eq!(validators.modified(), Some(at(T, 0)));
    assert_eq!(validators.last_modified_value().unwrap(), AT_T);
    // Before 1970 or after 9999: no HTTP-date says it, so it is ignored (no panic).
    let before = UNIX_EPOCH - Duration::from_secs(1);
    assert_eq!(Validators::new().last_modified(before).modified(), None);
    let far = UNIX_EPOCH + Duration::from_secs(253_402_300_800);
    assert_eq!(
        Validators::new().last_modified(far).last_modified_value(),
        None
    );
}

fn respond(
    method: Method,
    headers: &'static [(&'static str, &'static str)],
    validators: Validators,
) -> (Response<api_status::bytes::Bytes>, bool) {
    let mut ran = false;
    let conditional: Conditional<serde_json::Value> =
        Preconditions::from_request(&method, &header_map(headers)).respond(validators, || {
            ran = true;
            serde_json::json!({"id": 1, "name": "Ada"})
        });
    (conditional.into(), ran)
}

#[test]
fn proceed_is_200_with_json_and_validators() {
    let (response, ran) = respond(Method::GET, &[], current());
    assert!(ran);
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/json");
    assert_eq!(response.headers()["etag"], r#""xyzzy""#);
    assert_eq!(response.headers()["last-modified"], AT_T);
    assert_eq!(response.body().as_ref(), br#"{"id":1,"name":"Ada"}"#);
}

// RFC 9110 §15.4.5: a 304 has no content and the validators a 200 would send.
#[test]
fn not_modified_is_304_without_body_or_content_type() {
    let (response, ran) = respond(Method::GET, &[("if-none-match", r#""xyzzy""#)], current());
    assert!(!ran, "the body is not computed for a 304");
    assert_eq!(response.status(), 304);
    assert!(response.body().is_empty());
    let names: Vec<_> = response
        .headers()
        .keys()
        .map(|name| name.as_str())
        .collect();
    assert_eq!(names, ["etag"], "Last-Modified only where there is no ETag");
    assert_eq!(response.headers()["etag"], r#""xyzzy""#);

    let (response, _) = respond(
        Method::GET,
        &[("if-modified-since", AT_T)],
        Validators::new().last_modified(at(T, 300)),
    );
    assert_eq!(response.status(), 304);
    let names: Vec<_> = response
        .headers()
        .keys()
        .map(|name| name.as_str())
        .collect();
    assert_eq!(names, ["last-modified"]);
    assert_eq!(response.headers()["last-modified"], AT_T);
}

// RFC 9110 §15.5.13: 412, in the crate's error format.
#[test]
fn failed_is_412_in_the_error_format() {
    let (response, ran) = respond(Method::PUT, &[("if-match", r#""stale""#)], current());
    assert!(!ran);
    assert_eq!(response.status(), 412);
    assert_eq!(response.headers()["content-type"], "application/json");
    assert_eq!(
        response.body().as_ref(),
        br#"{"message":"Precondition Failed"}"#
    );
    assert_eq!(response.headers().len(), 1);
    let expected = PreconditionFailed.to_response();
    assert_eq!(response.body(), expected.body());
    assert_eq!(PreconditionFailed.status(), 412);
}

#[test]
fn a_body_that_cannot_be_serialized_is_a_500() {
    struct Broken;
    impl serde::Serialize for Broken {
        fn serialize<S: serde::Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
            Err(serde::ser::Error::custom("no"))
        }
    }
    let response: Response<_> = Preconditions::from_request(&Method::GET, &HeaderMap::new())
        .respond(Validators::new(), || Broken)
        .into();
    assert_eq!(response.status(), 500);
    assert_eq!(
        response.body().as_ref(),
        br#"{"message":"Internal Server Error"}"#
    );
}

proptest! {
    // Any header value: reading and evaluating never panics, and a tag
    // that was read writes back to a value that reads the same.
    #[test]
    fn any_conditional_header_reads_without_panic(
        value in proptest::collection::vec(0x20u8..0x7f, 0..64),
        name in prop_oneof![Just("if-match"), Just("if-none-match"), Just("if-modified-since"), Just("if-unmodified-since")],
        method in prop_oneof![Just(Method::GET), Just(Method::HEAD), Just(Method::PUT), Just(Method::POST)],
    ) {
        let mut headers = HeaderMap::new();
        headers.insert(HeaderName::from_static(name), HeaderValue::from_bytes(&value).unwrap());
        let preconditions = Preconditions::from_request(&method, &headers);
        for validators in [current(), Validators::missing(), Validators::new()] {
            let _ = preconditions.evaluate(&validators);
        }
        if let Ok(text) = std::str::from_utf8(&value) {
            if let Ok(tag) = text.parse::<EntityTag>() {
                prop_assert_eq!(tag.to_string(), text);
            }
        }
    }

    // A tag listed among any number of others is found, wherever it is.
    #[test]
    fn a_listed_tag_is_found_anywhere_in_the_list(
        others in proptest::collection::vec("[a-z,]{0,8}", 0..8),
        position in 0usize..8,
    ) {
        let mut members: Vec<String> = others.iter().map(|tag| format!("\"{tag}\"")).collect();
        members.insert(position.min(members.len()), r#"W/"xyzzy""#.to_owned());
        let mut headers = HeaderMap::new();
        headers.insert("if-none-match", HeaderValue::from_str(&members.join(", ")).unwrap());
        let preconditions = Preconditions::from_request(&Method::GET, &headers);
        prop_assert_eq!(preconditions.evaluate(&current()), NotModified);
    }
}
