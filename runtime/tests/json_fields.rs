//! JSON of the wrong shape answers 422 with `errors` keyed by the path of
//! the offending field (contract section 14), in the path style of the
//! validator and garde flattening; serde's words never reach the body.

use std::collections::BTreeMap;

use api_status::{from_json_slice, ApiError, ErrorBody, Rejection, RejectionKind};
use proptest::prelude::*;
use serde::Deserialize;

const UNFIT: &str = "The request body has missing fields or fields of the wrong type";

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct Address {
    city: String,
    zip: Option<u32>,
}

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct Item {
    name: String,
    quantity: u8,
}

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
#[serde(deny_unknown_fields)]
struct Order {
    email: String,
    address: Address,
    #[serde(default)]
    items: Vec<Item>,
    #[serde(default)]
    kind: Option<Kind>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Kind {
    Retail,
    Wholesale,
}

/// The status and body of the rejection of `json` as an `Order`.
fn reject(json: &str) -> (u16, String) {
    let rejection = from_json_slice::<Order>(json.as_bytes()).unwrap_err();
    let response = rejection.to_response();
    assert_eq!(response.headers()["content-type"], "application/json");
    (
        response.status().as_u16(),
        String::from_utf8(response.body().to_vec()).unwrap(),
    )
}

/// The 422 body naming `field` with `message`.
fn unfit(field: &str, message: &str) -> (u16, String) {
    let errors = serde_json::json!({ field: [message] });
    (422, format!(r#"{{"message":"{UNFIT}","errors":{errors}}}"#))
}

const VALID: &str = r#"{"email":"ada@example.com","address":{"city":"London"}}"#;

#[test]
fn a_valid_body_deserializes() {
    let order = from_json_slice::<Order>(VALID.as_bytes()).unwrap();
    assert_eq!(order.email, "ada@example.com");
    assert!(matches!(
        from_json_slice::<Order>(br#"{"email":"a","address":{"city":"b"},"kind":"retail"}"#)
            .unwrap()
            .kind,
        Some(Kind::Retail)
    ));
    let _ = Kind::Wholesale;
}

#[test]
fn a_missing_field_is_required() {
    assert_eq!(
        reject(r#"{"address":{"city":"London"}}"#),
        unfit("email", "is required")
    );
    assert_eq!(
        reject(r#"{"email":"a","address":{}}"#),
        unfit("address.city", "is required")
    );
    assert_eq!(
        reject(
            r#"{"email":"a","address":{"city":"b"},"items":[{"name":"x","quantity":1},{"quantity":2}]}"#
        ),
        unfit("items[1].name", "is required")
    );
}

#[test]
fn a_wrong_type_is_named() {
    assert_eq!(
        reject(r#"{"email":7,"address":{"city":"London"}}"#),
        unfit("email", "has the wrong type")
    );
    assert_eq!(
        reject(r#"{"email":"a","address":{"city":["London"]}}"#),
        unfit("address.city", "has the wrong type")
    );
    assert_eq!(
        reject(r#"{"email":"a","address":{"city":"b"},"items":[{"name":"x","quantity":"one"}]}"#),
        unfit("items[0].quantity", "has the wrong type")
    );
}

#[test]
fn an_unknown_field_is_not_allowed_under_deny_unknown_fields() {
    assert_eq!(
        reject(r#"{"email":"a","address":{"city":"b"},"nickname":"ada"}"#),
        unfit("nickname", "is not allowed")
    );
}

#[test]
fn other_mistakes_are_invalid() {
    // A number out of range, an unknown enum variant.
    assert_eq!(
        reject(r#"{"email":"a","address":{"city":"b"},"items":[{"name":"x","quantity":300}]}"#),
        unfit("items[0].quantity", "is invalid")
    );
    assert_eq!(
        reject(r#"{"email":"a","address":{"city":"b"},"kind":"resale"}"#),
        unfit("kind", "is invalid")
    );
    assert_eq!(
        reject(r#"{"email":"a","email":"b","address":{"city":"b"}}"#),
        unfit("email", "is given more than once")
    );
}

#[test]
fn a_document_of_the_wrong_shape_names_no_field() {
    assert_eq!(reject("7"), (422, format!(r#"{{"message":"{UNFIT}"}}"#)));
    assert_eq!(
        reject(r#""order""#),
        (422, format!(r#"{{"message":"{UNFIT}"}}"#))
    );
    // serde also reads a struct from an array of its fields in order: the
    // first element is then the offending one.
    assert_eq!(reject("[1,2]"), unfit("[0]", "has the wrong type"));
}

#[test]
fn syntax_errors_are_400_without_errors() {
    let malformed = r#"{"message":"The request body is not valid JSON"}"#.to_owned();
    for json in [
        "",
        "{",
        r#"{"email":"#,
        "nope",
        &format!("{VALID} trailing"),
    ] {
        assert_eq!(reject(json), (400, malformed.clone()), "{json:?}");
    }
}

#[test]
fn serdes_words_stay_in_the_source() {
    let rejection = from_json_slice::<Order>(br#"{"email":7,"address":{"city":"b"}}"#).unwrap_err();
    assert_eq!(rejection.kind(), RejectionKind::UnprocessableJson);
    let source = std::error::Error::source(&rejection).unwrap().to_string();
    assert!(source.contains("invalid type: integer `7`"), "{source}");
    let body = String::from_utf8(rejection.body().to_vec()).unwrap();
    for leak in [
        "invalid type",
        "integer",
        "string",
        "line",
        "column",
        "Order",
    ] {
        assert!(!body.contains(leak), "{leak}: {body}");
    }
}

#[test]
fn a_serde_json_error_alone_knows_no_path() {
    let error = serde_json::from_str::<Order>(r#"{"email":7}"#).unwrap_err();
    let rejection = Rejection::from(error);
    assert_eq!(rejection, Rejection::UnprocessableJson);
    assert_eq!(rejection.field_errors(), None);
}

#[cfg(feature = "axum")]
#[test]
fn axums_own_json_rejection_converts_with_the_path() {
    use axum::extract::FromRequest;

    let request = axum::http::Request::builder()
        .method("POST")
        .header("content-type", "application/json")
        .body(axum::body::Body::from(r#"{"email":"a","address":{}}"#))
        .unwrap();
    let rejection = futures_executor(axum::Json::<Order>::from_request(request, &()))
        .map(|_| ())
        .unwrap_err();
    let rejection = Rejection::from(rejection);
    assert_eq!(
        (
            rejection.status().as_u16(),
            String::from_utf8(rejection.body().to_vec()).unwrap()
        ),
        unfit("address.city", "is required")
    );
}

#[cfg(feature = "actix-web")]
#[test]
fn actix_webs_json_extractor_names_the_field_and_keeps_its_limit() {
    use actix_web::FromRequest;
    use api_status::actix_web::{Json, JsonLimit};

    let extract = |content_type: &str, body: &'static str, limit: Option<usize>| {
        let mut request = actix_web::test::TestRequest::post()
            .insert_header(("content-type", content_type))
            .set_payload(body);
        if let Some(limit) = limit {
            request = request.app_data(JsonLimit(limit));
        }
        let (request, mut payload) = request.to_http_parts();
        futures_executor(Json::<Order>::from_request(&request, &mut payload)).map(|_| ())
    };
    assert_eq!(extract("application/json", VALID, None), Ok(()));
    assert_eq!(
        extract("application/vnd.api+json; charset=utf-8", VALID, None),
        Ok(())
    );
    let rejection = extract("application/json", r#"{"email":"a","address":{}}"#, None).unwrap_err();
    assert_eq!(
        (
            rejection.status().as_u16(),
            String::from_utf8(rejection.body().to_vec()).unwrap()
        ),
        unfit("address.city", "is required")
    );
    let rejection = extract("text/json", VALID, None).unwrap_err();
    assert_eq!(rejection.kind(), RejectionKind::UnsupportedMediaType);
    let rejection = extract("application/json", VALID, Some(10)).unwrap_err();
    assert_eq!(rejection.kind(), RejectionKind::PayloadTooLarge);
    assert_eq!(
        extract("application/json", VALID, Some(VALID.len())),
        Ok(())
    );
}

/// Polls a future that never waits (an in-memory body) to completion.
#[cfg(any(feature = "axum", feature = "actix-web"))]
fn futures_executor<F: std::future::Future>(future: F) -> F::Output {
    use std::sync::Arc;
    use std::task::{Context, Poll, Wake, Waker};

    struct Nothing;
    impl Wake for Nothing {
        fn wake(self: Arc<Self>) {}
    }
    let waker = Waker::from(Arc::new(Nothing));
    let mut cx = Context::from_waker(&waker);
    let mut future = std::pin::pin!(future);
    for _ in 0..1000 {
        if let Poll::Ready(output) = future.as_mut().poll(&mut cx) {
            return output;
        }
    }
    panic!("the future did not complete");
}

/// A map of any keys, as a client could send, and the struct that refuses
/// every key but `known`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Strict {
    #[serde(default)]
    known: Option<u8>,
}

proptest! {
    /// Any bytes: a 400 or a 422 whose body is an `ErrorBody`, never a panic.
    #[test]
    fn any_body_gets_a_well_formed_answer(body in proptest::collection::vec(any::<u8>(), 0..64)) {
        if let Err(rejection) = from_json_slice::<Order>(&body) {
            let status = rejection.status().as_u16();
            prop_assert!(status == 400 || status == 422, "{}", status);
            let parsed: ErrorBody = serde_json::from_slice(&rejection.body()).unwrap();
            prop_assert!(parsed.errors.is_none() || status == 422);
        }
    }

    /// Any unknown key comes back as itself, the only field of `errors`.
    #[test]
    fn an_unknown_key_is_named_as_sent(key in "\\PC{1,20}") {
        prop_assume!(key != "known");
        let json = serde_json::to_vec(&BTreeMap::from([(key.clone(), 1)])).unwrap();
        let rejection = from_json_slice::<Strict>(&json).unwrap_err();
        let parsed: ErrorBody = serde_json::from_slice(&rejection.body()).unwrap();
        let errors: Vec<(String, Vec<String>)> = parsed
            .errors
            .unwrap()
            .iter()
            .map(|(field, messages)| (field.to_owned(), messages.to_vec()))
            .collect();
        prop_assert_eq!(errors, vec![(key, vec!["is not allowed".to_owned()])]);
    }
}
