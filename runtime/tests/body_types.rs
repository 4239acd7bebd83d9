//! Section 4: `FieldErrors`, `IntoFieldErrors`, `ErrorBody`, and the trait
//! implemented by hand.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use api_status::http::StatusCode;
use api_status::{ApiError, ErrorBody, FieldErrors};

#[test]
fn field_errors_keep_insertion_order_and_append_repeated_fields() {
    let errors: FieldErrors = [("b", "1"), ("a", "2"), ("b", "3")].into_iter().collect();
    assert_eq!(errors.len(), 2);
    assert!(!errors.is_empty());
    let fields: Vec<(&str, Vec<&str>)> = errors
        .iter()
        .map(|(field, messages)| (field, messages.iter().map(String::as_str).collect()))
        .collect();
    assert_eq!(fields, [("b", vec!["1", "3"]), ("a", vec!["2"])]);
    assert!(FieldErrors::new().is_empty());
    assert_eq!(FieldErrors::new().len(), 0);
}

#[test]
fn field_errors_serialize_and_deserialize_in_order() {
    let mut errors = FieldErrors::new();
    errors
        .add("zeta", "z")
        .add("alpha", "a")
        .add(String::from("zeta"), String::from("z2"));
    let json = serde_json::to_string(&errors).unwrap();
    assert_eq!(json, r#"{"zeta":["z","z2"],"alpha":["a"]}"#);
    let back: FieldErrors = serde_json::from_str(&json).unwrap();
    assert_eq!(back, errors);
    assert!(serde_json::from_str::<FieldErrors>(r#"{"a":"not a list"}"#).is_err());
    assert!(serde_json::from_str::<FieldErrors>("[]").is_err());
}

#[derive(Debug, thiserror::Error, api_status::ApiError)]
enum Invalid {
    #[error("invalid")]
    #[status(unprocessable_entity)]
    Hash(#[field_errors] HashMap<String, Vec<String>>),
    #[error("invalid")]
    #[status(unprocessable_entity)]
    Tree {
        #[field_errors]
        errors: BTreeMap<String, Vec<String>>,
    },
    #[error("invalid")]
    #[status(bad_request)]
    Boxed(#[field_errors] Box<FieldErrors>),
}

#[test]
fn maps_are_field_errors_too_sorted_by_field() {
    let map: HashMap<String, Vec<String>> = [
        ("name".to_owned(), vec!["can't be blank".to_owned()]),
        (
            "age".to_owned(),
            vec!["is too low".to_owned(), "is odd".to_owned()],
        ),
        ("email".to_owned(), vec![]),
    ]
    .into_iter()
    .collect();
    let expected = r#"{"message":"invalid","errors":{"age":["is too low","is odd"],"email":[],"name":["can't be blank"]}}"#;
    assert_eq!(Invalid::Hash(map.clone()).body(), expected.as_bytes());
    let tree = map.into_iter().collect();
    assert_eq!(Invalid::Tree { errors: tree }.body(), expected.as_bytes());
    let boxed = Box::new([("x", "y")].into_iter().collect());
    assert_eq!(
        Invalid::Boxed(boxed).body(),
        r#"{"message":"invalid","errors":{"x":["y"]}}"#.as_bytes()
    );
}

/// Several variants with a `#[field_errors]` or `#[retry_after]` field of
/// the same name and type, one of the same name and another type, and a
/// tuple one: each answers with its own value.
#[derive(Debug, thiserror::Error, api_status::ApiError)]
enum Shared {
    #[error("first")]
    #[status(unprocessable_entity)]
    First {
        errors: FieldErrors,
        #[field_errors]
        fields: FieldErrors,
    },
    #[error("second")]
    #[status(bad_request)]
    Second {
        #[field_errors]
        fields: FieldErrors,
        id: u64,
    },
    #[error("third")]
    #[status(unprocessable_entity)]
    Third {
        #[field_errors]
        fields: BTreeMap<String, Vec<String>>,
    },
    #[error("fourth")]
    #[status(unprocessable_entity)]
    Fourth(#[field_errors] FieldErrors),
    #[error("busy")]
    #[status(service_unavailable)]
    Busy {
        #[retry_after]
        seconds: u64,
    },
    #[error("later")]
    #[status(too_many_requests)]
    Later {
        #[retry_after]
        seconds: u64,
    },
}

#[test]
fn variants_with_the_same_field_errors_field_answer_with_their_own() {
    let one = |field: &str| -> FieldErrors { [(field, "is invalid")].into_iter().collect() };
    let cases = [
        (
            Shared::First {
                errors: one("unused"),
                fields: one("a"),
            },
            r#"{"message":"first","errors":{"a":["is invalid"]}}"#,
        ),
        (
            Shared::Second {
                fields: one("b"),
                id: 7,
            },
            r#"{"message":"second","errors":{"b":["is invalid"]}}"#,
        ),
        (
            Shared::Third {
                fields: [("c".to_owned(), vec!["is invalid".to_owned()])]
                    .into_iter()
                    .collect(),
            },
            r#"{"message":"third","errors":{"c":["is invalid"]}}"#,
        ),
        (
            Shared::Fourth(one("d")),
            r#"{"message":"fourth","errors":{"d":["is invalid"]}}"#,
        ),
    ];
    for (error, body) in cases {
        assert_eq!(error.body(), body.as_bytes(), "{error:?}");
    }
    assert_eq!(Shared::Busy { seconds: 30 }.retry_after(), Some(30));
    assert_eq!(Shared::Later { seconds: 5 }.retry_after(), Some(5));
    assert_eq!(
        Shared::Later { seconds: 5 }.to_response().headers()["retry-after"],
        "5"
    );
}

#[test]
fn error_body_skips_absent_members_and_ignores_unknown_ones() {
    assert_eq!(
        serde_json::to_string(&ErrorBody::new("m")).unwrap(),
        r#"{"message":"m"}"#
    );
    let body: ErrorBody = serde_json::from_str(
        r#"{"message":"m","error":"invalid_grant","error_description":"d","extra":[1,2],"errors":null}"#,
    )
    .unwrap();
    assert_eq!(body.message, "m");
    assert_eq!(body.error.as_deref(), Some("invalid_grant"));
    assert_eq!(body.error_description.as_deref(), Some("d"));
    assert_eq!(body.errors, None);
}

#[test]
fn error_body_rejects_documents_without_a_string_message() {
    for json in [
        r#"{}"#,
        r#"{"message":1}"#,
        r#"{"message":null}"#,
        r#"["message"]"#,
        r#""message""#,
        "null",
    ] {
        assert!(serde_json::from_str::<ErrorBody>(json).is_err(), "{json}");
    }
}

/// The smallest hand-written implementation: two methods.
struct Teapot;

impl ApiError for Teapot {
    fn status(&self) -> StatusCode {
        StatusCode::IM_A_TEAPOT
    }
    fn message(&self) -> Cow<'_, str> {
        "short and stout".into()
    }
}

#[derive(Debug, thiserror::Error, api_status::ApiError)]
enum Kitchen {
    #[error("teapot")]
    #[status(transparent)]
    Teapot(#[from] TeapotError),
}

#[derive(Debug, thiserror::Error)]
#[error("teapot")]
struct TeapotError;

impl ApiError for TeapotError {
    fn status(&self) -> StatusCode {
        Teapot.status()
    }
    fn message(&self) -> Cow<'_, str> {
        Teapot.message()
    }
}

#[test]
fn a_two_method_impl_gets_the_whole_response_and_works_as_a_transparent_inner() {
    let response = Teapot.to_response();
    assert_eq!(response.status(), 418);
    assert_eq!(response.headers()["content-type"], "application/json");
    assert_eq!(
        response.body().as_ref(),
        br#"{"message":"short and stout"}"#
    );
    let outer = Kitchen::from(TeapotError).to_response();
    assert_eq!(outer.status(), 418);
    assert_eq!(outer.body(), response.body());
}

#[test]
fn trait_objects_and_references_answer_like_the_error() {
    let boxed: Box<dyn ApiError> = Box::new(Teapot);
    assert_eq!(boxed.to_response().body(), Teapot.to_response().body());
    fn status_of(error: impl ApiError) -> u16 {
        error.status().as_u16()
    }
    assert_eq!(status_of(&Teapot), 418);
}
