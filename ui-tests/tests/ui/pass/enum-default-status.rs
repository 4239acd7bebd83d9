//! `#[status(...)]` on an enum is the status of every variant without its own.
use api_status::http::{header, StatusCode};
use api_status::ApiError;
use serde_json::{json, Value};

#[derive(Debug, thiserror::Error, ApiError)]
#[status(bad_request)]
pub enum RequestError {
    #[error("the body is not JSON")]
    NotJson,

    #[error("field {0} is missing")]
    #[message("a field is missing: {0}")]
    Missing(&'static str),

    #[error("no such thing")]
    #[status(not_found)]
    NotFound,

    #[error("the access token is malformed")]
    #[oauth(invalid_request)]
    BadToken,
}

#[derive(Debug, thiserror::Error, ApiError)]
#[status(503)]
pub enum Unavailable {
    #[error("maintenance: {0}")]
    #[retry_after(60)]
    Maintenance(String),

    #[error("overloaded")]
    Overloaded {
        #[retry_after]
        seconds: u64,
    },
}

fn body(error: &impl ApiError) -> Value {
    serde_json::from_slice(&error.body()).unwrap()
}

fn main() {
    assert_eq!(RequestError::NotJson.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        body(&RequestError::NotJson),
        json!({ "message": "the body is not JSON" })
    );

    let missing = RequestError::Missing("email");
    assert_eq!(missing.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        body(&missing),
        json!({ "message": "a field is missing: email" })
    );

    assert_eq!(RequestError::NotFound.status(), StatusCode::NOT_FOUND);

    let bad_token = RequestError::BadToken.to_response();
    assert_eq!(bad_token.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        bad_token.headers()[header::WWW_AUTHENTICATE],
        "Bearer error=\"invalid_request\", error_description=\"the access token is malformed\"",
    );

    let maintenance = Unavailable::Maintenance("db".to_owned()).to_response();
    assert_eq!(maintenance.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(maintenance.headers()[header::RETRY_AFTER], "60");
    assert_eq!(
        &maintenance.body()[..],
        br#"{"message":"Service Unavailable"}"#
    );

    let overloaded = Unavailable::Overloaded { seconds: 5 }.to_response();
    assert_eq!(overloaded.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(overloaded.headers()[header::RETRY_AFTER], "5");
}
