//! Section 5 of the contract, from the outside: the status, the headers and
//! the exact bytes of every kind of body.

use api_status::http::{header, StatusCode};
use api_status::{ApiError, ErrorBody, FieldErrors};

mod support;
use support::{AccountError, BillingError};

fn body_text(error: &impl ApiError) -> String {
    String::from_utf8(error.to_response().body().to_vec()).expect("bodies are UTF-8")
}

#[test]
fn every_response_is_json_with_exactly_that_content_type() {
    let errors = [
        AccountError::NotFound { id: 7 },
        AccountError::Invalid {
            errors: FieldErrors::new(),
        },
        AccountError::BadCredentials,
        AccountError::Database(std::io::Error::other("disk on fire")),
        AccountError::Maintenance,
        AccountError::Billing(BillingError),
        AccountError::RateLimited {
            wait: std::time::Duration::from_secs(3),
        },
    ];
    for error in &errors {
        let response = error.to_response();
        let content_types: Vec<_> = response
            .headers()
            .get_all(header::CONTENT_TYPE)
            .iter()
            .collect();
        assert_eq!(content_types, ["application/json"], "{error:?}");
        let parsed: serde_json::Value =
            serde_json::from_slice(response.body()).expect("valid JSON");
        assert!(parsed.is_object());
        assert_compact(response.body());
    }
}

/// Asserts there is no whitespace between the tokens of a JSON document.
fn assert_compact(json: &[u8]) {
    let (mut in_string, mut escaped) = (false, false);
    for &byte in json {
        match (in_string, escaped, byte) {
            (true, true, _) => escaped = false,
            (true, false, b'\\') => escaped = true,
            (true, false, b'"') | (false, _, b'"') => in_string = !in_string,
            (false, _, b' ' | b'\n' | b'\r' | b'\t') => {
                panic!(
                    "whitespace between tokens in {}",
                    String::from_utf8_lossy(json)
                )
            }
            _ => {}
        }
    }
}

#[test]
fn a_4xx_sends_its_display_as_the_message() {
    let error = AccountError::NotFound { id: 7 };
    assert_eq!(error.status(), StatusCode::NOT_FOUND);
    assert_eq!(body_text(&error), r#"{"message":"account 7 not found"}"#);
}

#[test]
fn field_errors_come_in_insertion_order_after_the_message() {
    let mut errors = FieldErrors::new();
    errors
        .add("name", "can't be blank")
        .add("customer_id", "is invalid")
        .add("name", "can't be a number");
    let error = AccountError::Invalid { errors };
    assert_eq!(error.to_response().status(), 422);
    assert_eq!(
        body_text(&error),
        r#"{"message":"the account could not be saved","errors":{"name":["can't be blank","can't be a number"],"customer_id":["is invalid"]}}"#
    );
}

#[test]
fn an_empty_field_errors_is_still_sent_as_an_empty_object() {
    let error = AccountError::Invalid {
        errors: FieldErrors::new(),
    };
    assert_eq!(
        body_text(&error),
        r#"{"message":"the account could not be saved","errors":{}}"#
    );
}

#[test]
fn an_oauth_error_speaks_rfc_6749() {
    let error = AccountError::BadCredentials;
    let response = error.to_response();
    assert_eq!(response.status(), 401);
    assert_eq!(
        body_text(&error),
        r#"{"message":"the provided authorization grant is invalid","error":"invalid_grant","error_description":"the provided authorization grant is invalid"}"#
    );
    assert_eq!(
        response.headers()[header::WWW_AUTHENTICATE],
        r#"Bearer error="invalid_grant", error_description="the provided authorization grant is invalid""#
    );
}

#[test]
fn a_5xx_hides_its_display_and_source() {
    let error = AccountError::Database(std::io::Error::other("password=hunter2"));
    let response = error.to_response();
    assert_eq!(response.status(), 500);
    assert_eq!(body_text(&error), r#"{"message":"Internal Server Error"}"#);
    assert_eq!(error.message(), "Internal Server Error");
    for (_, value) in response.headers() {
        assert!(!value.to_str().unwrap().contains("hunter2"));
    }
    // The error itself still knows: only the wire is kept clean.
    assert!(error.to_string().contains("hunter2"));
}

#[test]
fn retry_after_and_an_explicit_message_on_a_503() {
    let error = AccountError::Maintenance;
    let response = error.to_response();
    assert_eq!(response.status(), 503);
    assert_eq!(response.headers()[header::RETRY_AFTER], "120");
    assert_eq!(
        body_text(&error),
        r#"{"message":"We are down for maintenance, please retry shortly"}"#
    );
}

#[test]
fn a_transparent_variant_is_exactly_its_inner_error() {
    let outer = AccountError::Billing(BillingError).to_response();
    let inner = BillingError.to_response();
    assert_eq!(outer.status(), inner.status());
    assert_eq!(outer.headers(), inner.headers());
    assert_eq!(outer.body(), inner.body());
    assert_eq!(outer.body().as_ref(), br#"{"message":"billing is closed"}"#);
}

/// A newtype struct that is its inner error on the wire.
#[derive(Debug, thiserror::Error, ApiError)]
#[error(transparent)]
#[status(transparent)]
struct Wrapped(AccountError);

/// The same with a named field.
#[derive(Debug, thiserror::Error, ApiError)]
#[error(transparent)]
#[status(transparent)]
struct WrappedNamed {
    inner: AccountError,
}

#[test]
fn a_transparent_newtype_struct_is_exactly_its_inner_error() {
    let cases = [
        || AccountError::BadCredentials,
        || AccountError::Maintenance,
        || AccountError::NotFound { id: 9 },
        || AccountError::Database(std::io::Error::other("hidden")),
    ];
    for make in cases {
        let inner = make().to_response();
        for outer in [
            Wrapped(make()).to_response(),
            WrappedNamed { inner: make() }.to_response(),
        ] {
            assert_eq!(outer.status(), inner.status());
            assert_eq!(outer.headers(), inner.headers());
            assert_eq!(outer.body(), inner.body());
        }
        assert_eq!(Wrapped(make()).message(), make().message());
        assert_eq!(Wrapped(make()).oauth_error(), make().oauth_error());
        assert_eq!(Wrapped(make()).retry_after(), make().retry_after());
    }
    let response = Wrapped(AccountError::BadCredentials).to_response();
    assert_eq!(response.status(), 401);
    assert!(response.headers()[header::WWW_AUTHENTICATE]
        .to_str()
        .unwrap()
        .starts_with("Bearer error=\"invalid_grant\""));
}

#[test]
fn into_http_response() {
    let response: api_status::http::Response<api_status::bytes::Bytes> =
        AccountError::NotFound { id: 1 }.into();
    assert_eq!(response.status(), 404);
    assert_eq!(
        response.body().as_ref(),
        br#"{"message":"account 1 not found"}"#
    );
}

#[test]
fn error_body_parses_what_is_sent() {
    let mut errors = FieldErrors::new();
    errors.add("email", "is taken");
    let cases = [
        AccountError::Invalid { errors },
        AccountError::BadCredentials,
        AccountError::NotFound { id: 3 },
    ];
    for error in &cases {
        let parsed: ErrorBody = serde_json::from_slice(error.to_response().body()).unwrap();
        assert_eq!(parsed, ErrorBody::from_error(error));
        assert_eq!(serde_json::to_vec(&parsed).unwrap(), error.body().as_ref());
    }
}
