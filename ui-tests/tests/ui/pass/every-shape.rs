//! Every shape the derive accepts: unit, tuple and named variants; unit,
//! tuple, named and transparent newtype structs.
use std::time::Duration;

use api_status::http::{header, Response, StatusCode};
use api_status::{bytes::Bytes, ApiError, FieldErrors};
use serde_json::{json, Value};

#[derive(Debug, thiserror::Error, ApiError)]
pub enum Shapes {
    #[error("nothing here")]
    #[status(not_found)]
    Unit,

    #[error("conflict on {0} with {1}")]
    #[status(conflict)]
    Tuple(u32, String),

    #[error("named {id}")]
    #[status(gone)]
    #[message("record {id} ({name:?}) is gone")]
    Named { id: u64, name: String },

    #[error("invalid")]
    #[status(unprocessable_entity)]
    #[message("the record could not be saved")]
    Invalid {
        id: u64,
        #[field_errors]
        errors: FieldErrors,
    },

    #[error("slow down")]
    #[status(too_many_requests)]
    #[message("slow down")]
    Slow(u32, #[retry_after] Duration),
}

#[derive(Debug, thiserror::Error, ApiError)]
#[error("unit struct")]
#[status(forbidden)]
pub struct UnitStruct;

#[derive(Debug, thiserror::Error, ApiError)]
#[error("tuple struct {0}")]
#[status(bad_request)]
pub struct TupleStruct(pub u32);

#[derive(Debug, thiserror::Error, ApiError)]
#[error("named struct {id}")]
#[status(internal_server_error)]
pub struct NamedStruct {
    pub id: u64,
}

#[derive(Debug, thiserror::Error, ApiError)]
#[error(transparent)]
#[status(transparent)]
pub struct Newtype(pub Shapes);

fn body(error: &impl ApiError) -> Value {
    serde_json::from_slice(&error.body()).expect("the body is JSON")
}

fn check(error: &impl ApiError, status: u16, expected: Value) {
    assert_eq!(error.status(), StatusCode::from_u16(status).unwrap());
    assert_eq!(body(error), expected);
    let response = error.to_response();
    assert_eq!(response.status().as_u16(), status);
    assert_eq!(response.headers()[header::CONTENT_TYPE], "application/json");
    let parsed: Value = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(parsed, expected);
}

fn main() {
    check(&Shapes::Unit, 404, json!({ "message": "nothing here" }));
    check(
        &Shapes::Tuple(7, "x".to_owned()),
        409,
        json!({ "message": "conflict on 7 with x" }),
    );
    check(
        &Shapes::Named {
            id: 3,
            name: "bob".to_owned(),
        },
        410,
        json!({ "message": "record 3 (\"bob\") is gone" }),
    );
    let mut errors = FieldErrors::new();
    errors
        .add("name", "can't be blank")
        .add("email", "is taken");
    let invalid = Shapes::Invalid { id: 1, errors };
    check(
        &invalid,
        422,
        json!({
            "message": "the record could not be saved",
            "errors": { "name": ["can't be blank"], "email": ["is taken"] },
        }),
    );
    // Field order is insertion order, on the wire.
    assert_eq!(
        &invalid.body()[..],
        br#"{"message":"the record could not be saved","errors":{"name":["can't be blank"],"email":["is taken"]}}"#,
    );

    let slow = Shapes::Slow(1, Duration::from_millis(1500));
    check(&slow, 429, json!({ "message": "slow down" }));
    assert_eq!(slow.to_response().headers()[header::RETRY_AFTER], "2");

    check(&UnitStruct, 403, json!({ "message": "unit struct" }));
    check(&TupleStruct(5), 400, json!({ "message": "tuple struct 5" }));
    // A 5xx hides its Display behind the reason phrase.
    check(
        &NamedStruct { id: 9 },
        500,
        json!({ "message": "Internal Server Error" }),
    );

    let newtype = Newtype(Shapes::Tuple(1, "y".to_owned()));
    check(&newtype, 409, json!({ "message": "conflict on 1 with y" }));

    let response: Response<Bytes> = UnitStruct.into();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(&response.body()[..], br#"{"message":"unit struct"}"#);
}
