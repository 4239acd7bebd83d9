//! Conditional requests (contract section 11): any set of `If-*` field
//! lines, any method and any validators give one of the three outcomes, by
//! the rules that hold whatever the header values are (RFC 9110 §13.2.2),
//! and a well-formed response; `EntityTag` parsing and `Display`
//! round-trip.
#![no_main]

use std::time::{Duration, SystemTime};

use api_status::http::{HeaderMap, HeaderName, HeaderValue, Method};
use api_status::{EntityTag, Precondition, Preconditions, Validators};
use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;

#[derive(Debug, Arbitrary)]
struct Input {
    method: u8,
    lines: Vec<(u8, Vec<u8>)>,
    etag: Option<(bool, String)>,
    last_modified: Option<u32>,
    exists: bool,
    tag: String,
}

const NAMES: [&str; 4] = [
    "if-match",
    "if-none-match",
    "if-modified-since",
    "if-unmodified-since",
];

fuzz_target!(|input: Input| {
    let method = match input.method % 4 {
        0 => Method::GET,
        1 => Method::HEAD,
        2 => Method::POST,
        _ => Method::PUT,
    };
    let mut headers = HeaderMap::new();
    for (name, value) in &input.lines {
        if let Ok(value) = HeaderValue::from_bytes(value) {
            let name = HeaderName::from_static(NAMES[usize::from(*name) % NAMES.len()]);
            headers.append(name, value);
        }
    }
    let mut validators = if input.exists {
        Validators::new()
    } else {
        Validators::missing()
    };
    if input.exists {
        if let Some((weak, tag)) = &input.etag {
            let tag = if *weak {
                EntityTag::weak(tag)
            } else {
                EntityTag::strong(tag)
            };
            if let Ok(tag) = tag {
                validators = validators.etag(tag);
            }
        }
        if let Some(seconds) = input.last_modified {
            validators = validators
                .last_modified(SystemTime::UNIX_EPOCH + Duration::from_secs(seconds.into()));
        }
    }

    let preconditions = Preconditions::from_request(&method, &headers);
    let outcome = preconditions.evaluate(&validators);
    // RFC 9110 §13.2.2: without preconditions, the request proceeds.
    if headers.is_empty() {
        assert_eq!(outcome, Precondition::Proceed);
    }
    // §13.2.2 steps 3 and 4: 304 only for GET and HEAD.
    if outcome == Precondition::NotModified {
        assert!(method == Method::GET || method == Method::HEAD);
    }
    // §13.1.1: If-Match and If-Unmodified-Since fail only when present.
    if outcome == Precondition::Failed && !(method == Method::GET || method == Method::HEAD) {
        assert!(!headers.is_empty());
    }

    let response: api_status::http::Response<api_status::bytes::Bytes> = preconditions
        .respond(validators.clone(), || serde_json::json!({"id": 1}))
        .into();
    match outcome {
        Precondition::Proceed => {
            assert_eq!(response.status(), 200);
            serde_json::from_slice::<serde_json::Value>(response.body()).expect("JSON");
        }
        Precondition::NotModified => {
            assert_eq!(response.status(), 304);
            assert!(response.body().is_empty());
            assert!(response.headers().get("content-type").is_none());
        }
        Precondition::Failed => {
            assert_eq!(response.status(), 412);
            assert_eq!(
                response.body().as_ref(),
                br#"{"message":"Precondition Failed"}"#
            );
        }
    }
    if let (Some(tag), Precondition::Proceed | Precondition::NotModified) =
        (validators.entity_tag(), outcome)
    {
        assert_eq!(
            response.headers()["etag"].to_str().unwrap(),
            tag.to_string()
        );
    }

    // Entity tags: what parses prints back the same and parses again equal.
    if let Ok(parsed) = input.tag.parse::<EntityTag>() {
        let printed = parsed.to_string();
        assert_eq!(printed.parse::<EntityTag>().as_ref(), Ok(&parsed));
        assert_eq!(printed, input.tag);
        assert!(parsed.weak_eq(&parsed));
        assert_eq!(parsed.strong_eq(&parsed), !parsed.is_weak());
    }
    for weak in [false, true] {
        let made = if weak {
            EntityTag::weak(&input.tag)
        } else {
            EntityTag::strong(&input.tag)
        };
        if let Ok(made) = made {
            assert_eq!(made.tag(), input.tag);
            assert_eq!(made.is_weak(), weak);
            assert_eq!(made.to_string().parse::<EntityTag>(), Ok(made));
        }
    }
});
