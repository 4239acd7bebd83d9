//! Generic types: type parameters with bounds, a where-clause, lifetimes
//! and const parameters, each used with concrete types.
use std::collections::BTreeMap;
use std::fmt::{Debug, Display};
use std::marker::PhantomData;

use api_status::http::{header, StatusCode};
use api_status::{ApiError, IntoFieldErrors};
use serde_json::{json, Value};

#[derive(Debug, thiserror::Error, ApiError)]
#[error("inner")]
#[status(payment_required)]
pub struct Inner;

#[derive(Debug, thiserror::Error, ApiError)]
pub enum E<T: Debug, U>
where
    U: Display,
{
    #[error("missing {0}")]
    #[status(not_found)]
    #[message("missing {0}")]
    Missing(U),

    #[error(transparent)]
    #[status(transparent)]
    Inner(T),

    #[error("bad input: {0}")]
    #[status(bad_request)]
    Bad(U),

    #[error("broken")]
    #[status(internal_server_error)]
    Broken(PhantomData<T>),
}

#[derive(Debug, thiserror::Error, ApiError)]
#[error("invalid")]
#[status(unprocessable_entity)]
#[message("invalid input")]
pub struct Validation<F>
where
    F: Debug,
{
    #[field_errors]
    pub errors: F,
}

#[derive(Debug, thiserror::Error, ApiError)]
#[error("slow down")]
#[status(too_many_requests)]
pub struct Throttled<R: Debug> {
    #[retry_after]
    pub retry: R,
}

#[derive(Debug, thiserror::Error, ApiError)]
pub enum Borrowed<'a, T: Debug + 'a> {
    #[error("user {name} not found")]
    #[status(not_found)]
    #[message("user {name} not found")]
    NotFound { name: &'a str },

    #[error("user {name} is invalid")]
    #[status(unprocessable_entity)]
    Invalid { name: &'a str, value: &'a T },

    #[error(transparent)]
    #[status(transparent)]
    Inner(&'a Inner),
}

#[derive(Debug, thiserror::Error, ApiError)]
#[error("too many: at most {N}")]
#[status(payload_too_large)]
pub struct TooMany<const N: usize>;

fn body(error: &impl ApiError) -> Value {
    serde_json::from_slice(&error.body()).unwrap()
}

fn main() {
    type Concrete = E<Inner, String>;

    let missing: Concrete = E::Missing("the key".to_owned());
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert_eq!(body(&missing), json!({ "message": "missing the key" }));

    let inner: Concrete = E::Inner(Inner);
    assert_eq!(inner.status(), StatusCode::PAYMENT_REQUIRED);
    assert_eq!(body(&inner), json!({ "message": "inner" }));

    let bad: E<Inner, u32> = E::Bad(42);
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
    assert_eq!(body(&bad), json!({ "message": "bad input: 42" }));

    let broken: Concrete = E::Broken(PhantomData);
    assert_eq!(
        broken.to_response().status(),
        StatusCode::INTERNAL_SERVER_ERROR
    );
    assert_eq!(body(&broken), json!({ "message": "Internal Server Error" }));

    let mut map = BTreeMap::new();
    map.insert("name".to_owned(), vec!["can't be blank".to_owned()]);
    let validation = Validation { errors: map };
    assert_eq!(validation.field_errors().unwrap().len(), 1);
    let response = validation.to_response();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        serde_json::from_slice::<Value>(response.body()).unwrap(),
        json!({ "message": "invalid input", "errors": { "name": ["can't be blank"] } }),
    );
    fn takes_field_errors<F: IntoFieldErrors>(_: &F) {}
    takes_field_errors(&validation.errors);

    let throttled = Throttled { retry: 30u64 }.to_response();
    assert_eq!(throttled.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(throttled.headers()[header::RETRY_AFTER], "30");
    let throttled = Throttled {
        retry: std::time::Duration::from_millis(2001),
    }
    .to_response();
    assert_eq!(throttled.headers()[header::RETRY_AFTER], "3");
    assert_eq!(&throttled.body()[..], br#"{"message":"slow down"}"#);

    let name = String::from("ada");
    let not_found: Borrowed<'_, u8> = Borrowed::NotFound { name: &name };
    assert_eq!(not_found.status(), StatusCode::NOT_FOUND);
    assert_eq!(body(&not_found), json!({ "message": "user ada not found" }));
    let value = 3u8;
    let invalid = Borrowed::Invalid {
        name: &name,
        value: &value,
    };
    assert_eq!(body(&invalid), json!({ "message": "user ada is invalid" }));
    let inner = Inner;
    let borrowed_inner: Borrowed<'_, u8> = Borrowed::Inner(&inner);
    assert_eq!(borrowed_inner.status(), StatusCode::PAYMENT_REQUIRED);

    let too_many = TooMany::<5>;
    assert_eq!(too_many.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(body(&too_many), json!({ "message": "too many: at most 5" }));
}
