//! The rejection paths (contract sections 4, 12 and 14): any request body
//! and content type through `api_status::axum::Json` gives the value, or a
//! 400, 413, 415 or 422 whose body is a valid error body in the same
//! format as every other error: `errors` only on a 422, keyed by paths,
//! with our fixed wording (never serde's); and the same answer as
//! `from_json_slice` for a JSON content type.
#![no_main]

use std::sync::OnceLock;

use api_status::axum::Json;
use api_status::{ApiError, ErrorBody};
use axum::extract::FromRequest;
use libfuzzer_sys::fuzz_target;

#[allow(dead_code)]
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct NewOrder {
    email: String,
    quantity: Option<u8>,
    address: Address,
    items: Vec<Item>,
}

#[allow(dead_code)]
#[derive(Debug, serde::Deserialize)]
struct Address {
    city: String,
}

#[allow(dead_code)]
#[derive(Debug, serde::Deserialize)]
struct Item {
    name: String,
}

const CONTENT_TYPES: [Option<&str>; 5] = [
    Some("application/json"),
    Some("application/vnd.api+json; charset=utf-8"),
    Some("text/plain"),
    None,
    Some("application/json-seq"),
];

/// The words the 422's `errors` may hold: ours, never serde's.
const WORDS: [&str; 5] = [
    "is required",
    "has the wrong type",
    "is not allowed",
    "is given more than once",
    "is invalid",
];

fn runtime() -> &'static tokio::runtime::Runtime {
    static RUNTIME: OnceLock<tokio::runtime::Runtime> = OnceLock::new();
    RUNTIME.get_or_init(|| {
        tokio::runtime::Builder::new_current_thread()
            .build()
            .expect("a runtime")
    })
}

fuzz_target!(|input: (u8, Vec<u8>)| {
    let (kind, body) = input;
    let content_type = CONTENT_TYPES[usize::from(kind) % CONTENT_TYPES.len()];
    let mut request = axum::http::Request::builder().method("POST").uri("/orders");
    if let Some(content_type) = content_type {
        request = request.header("content-type", content_type);
    }
    let request = request
        .body(axum::body::Body::from(body.clone()))
        .expect("a request");
    let result = runtime().block_on(Json::<NewOrder>::from_request(request, &()));
    let Err(rejection) = result else {
        return;
    };
    let response = rejection.to_response();
    let status = response.status().as_u16();
    assert!(matches!(status, 400 | 413 | 415 | 422), "{status}");
    assert_eq!(response.headers()["content-type"], "application/json");
    let parsed: ErrorBody = serde_json::from_slice(response.body()).expect("an error body");
    assert!(parsed.error.is_none() && parsed.error_description.is_none());
    match &parsed.errors {
        Some(errors) => {
            assert_eq!(status, 422);
            for (path, messages) in errors {
                assert!(!path.is_empty() || messages.iter().all(|m| WORDS.contains(&m.as_str())));
                for message in messages {
                    assert!(WORDS.contains(&message.as_str()), "{path}: {message}");
                }
            }
        }
        None => assert_ne!(status, 413, "no limit is reached here"),
    }
    if status != 415 {
        let direct = api_status::from_json_slice::<NewOrder>(&body)
            .expect_err("the extractor failed on these bytes");
        assert_eq!(direct.to_response().body(), response.body());
    }
});
