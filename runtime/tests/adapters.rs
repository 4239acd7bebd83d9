//! The framework adapters answer with exactly the status, headers and body
//! of `to_response()`, for every kind of derived type; the extractor
//! rejections map as documented.
#![cfg(any(feature = "axum", feature = "actix-web"))]

use std::fmt;
use std::time::Duration;

use api_status::bytes::Bytes;
use api_status::http::Response;
use api_status::{ApiError, FieldErrors, Rejection};

mod support;
use support::{AccountError, BillingError};

/// A generic type with a where clause: the adapters' impls carry it.
#[derive(Debug, ApiError)]
#[status(conflict)]
#[message("conflict on {0}")]
pub struct Conflict<T>(T)
where
    T: fmt::Display + fmt::Debug;

impl<T: fmt::Display + fmt::Debug> fmt::Display for Conflict<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "conflict on {}", self.0)
    }
}

/// Builds the expected response of one case.
#[cfg(feature = "axum")]
type MakeResponse = Box<dyn Fn() -> Response<Bytes>>;

#[cfg(feature = "axum")]
fn cases() -> Vec<(&'static str, MakeResponse)> {
    fn case<E: ApiError + 'static>(
        name: &'static str,
        make: impl Fn() -> E + 'static,
    ) -> (&'static str, MakeResponse) {
        (name, Box::new(move || make().to_response()))
    }
    vec![
        case("not_found", || AccountError::NotFound { id: 42 }),
        case("invalid", || AccountError::Invalid {
            errors: [
                ("name", "can't be blank"),
                ("name", "can't be a \"number\""),
            ]
            .into_iter()
            .collect(),
        }),
        case("oauth", || AccountError::BadCredentials),
        case("database", || {
            AccountError::Database(std::io::Error::other("secret dsn"))
        }),
        case("maintenance", || AccountError::Maintenance),
        case("rate_limited", || AccountError::RateLimited {
            wait: Duration::from_millis(1500),
        }),
        case("transparent", || AccountError::Billing(BillingError)),
        case("generic", || Conflict("user 7")),
        case("rejection", || Rejection::UnsupportedMediaType),
    ]
}

#[cfg(feature = "axum")]
#[path = "support/block_on.rs"]
mod block_on;
#[cfg(feature = "axum")]
use block_on::block_on;

#[cfg(feature = "axum")]
mod axum_adapter {
    use super::*;
    use axum::body::Body;
    use axum::extract::{FromRequest, FromRequestParts};
    use axum::response::IntoResponse;

    fn through_axum<E: IntoResponse>(error: E) -> Response<Bytes> {
        let (parts, body) = error.into_response().into_parts();
        let bytes = block_on(axum::body::to_bytes(body, usize::MAX)).unwrap();
        Response::from_parts(parts, bytes)
    }

    fn assert_same(name: &str, expected: Response<Bytes>, actual: Response<Bytes>) {
        assert_eq!(actual.status(), expected.status(), "{name}");
        assert_eq!(actual.headers(), expected.headers(), "{name}");
        assert_eq!(actual.body(), expected.body(), "{name}");
    }

    #[test]
    fn into_response_is_to_response() {
        assert_same(
            "not_found",
            AccountError::NotFound { id: 42 }.to_response(),
            through_axum(AccountError::NotFound { id: 42 }),
        );
        assert_same(
            "oauth",
            AccountError::BadCredentials.to_response(),
            through_axum(AccountError::BadCredentials),
        );
        assert_same(
            "maintenance",
            AccountError::Maintenance.to_response(),
            through_axum(AccountError::Maintenance),
        );
        assert_same(
            "transparent",
            BillingError.to_response(),
            through_axum(AccountError::Billing(BillingError)),
        );
        assert_same(
            "generic",
            Conflict(7).to_response(),
            through_axum(Conflict(7)),
        );
        assert_same(
            "rejection",
            Rejection::MalformedJson.to_response(),
            through_axum(Rejection::MalformedJson),
        );
        let errors: FieldErrors = [("email", "is taken")].into_iter().collect();
        assert_same(
            "invalid",
            AccountError::Invalid {
                errors: errors.clone(),
            }
            .to_response(),
            through_axum(AccountError::Invalid { errors }),
        );
        let database = through_axum(AccountError::Database(std::io::Error::other("secret dsn")));
        assert_eq!(
            database.body().as_ref(),
            br#"{"message":"Internal Server Error"}"#
        );
        let oauth = through_axum(AccountError::BadCredentials);
        assert!(oauth.headers()["www-authenticate"]
            .to_str()
            .unwrap()
            .starts_with("Bearer error=\"invalid_grant\""));
        assert_eq!(
            through_axum(AccountError::Maintenance).headers()["retry-after"],
            "120"
        );
        for (name, make) in cases() {
            assert_eq!(
                make().headers()["content-type"],
                "application/json",
                "{name}"
            );
        }
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct NewUser {
        name: String,
        age: u8,
    }

    fn json_request(content_type: Option<&str>, body: &'static str) -> axum::extract::Request {
        let mut builder = axum::http::Request::builder().method("POST").uri("/users");
        if let Some(content_type) = content_type {
            builder = builder.header("content-type", content_type);
        }
        builder.body(Body::from(body)).unwrap()
    }

    fn extract_json(content_type: Option<&str>, body: &'static str) -> Result<NewUser, Rejection> {
        block_on(api_status::axum::Json::<NewUser>::from_request(
            json_request(content_type, body),
            &(),
        ))
        .map(|api_status::axum::Json(user)| user)
    }

    #[test]
    fn json_rejections() {
        assert_eq!(
            extract_json(Some("application/json"), r#"{"name":"ann","age":3}"#)
                .unwrap()
                .name,
            "ann"
        );
        assert_eq!(
            extract_json(Some("application/json"), r#"{"name":"ann","#).unwrap_err(),
            Rejection::MalformedJson
        );
        assert_eq!(
            extract_json(Some("application/json"), "").unwrap_err(),
            Rejection::MalformedJson
        );
        assert_eq!(
            extract_json(Some("application/json"), "not json").unwrap_err(),
            Rejection::MalformedJson
        );
        assert_eq!(
            extract_json(Some("text/plain"), r#"{"name":"ann","age":3}"#).unwrap_err(),
            Rejection::UnsupportedMediaType
        );
        assert_eq!(
            extract_json(None, r#"{"name":"ann","age":3}"#).unwrap_err(),
            Rejection::UnsupportedMediaType
        );
        assert_eq!(
            extract_json(Some("application/json"), r#"{"name":1,"age":3}"#).unwrap_err(),
            Rejection::UnprocessableJson
        );
        assert_eq!(
            extract_json(Some("application/json"), r#"{"name":"ann"}"#).unwrap_err(),
            Rejection::UnprocessableJson
        );
        assert_eq!(
            extract_json(Some("application/json"), r#"{"name":"ann","age":300}"#).unwrap_err(),
            Rejection::UnprocessableJson
        );
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Page {
        page: u32,
    }

    #[test]
    fn query_rejection_is_400() {
        let request = axum::http::Request::builder()
            .uri("/users?page=abc")
            .body(())
            .unwrap();
        let (mut parts, ()) = request.into_parts();
        let rejection = block_on(api_status::axum::Query::<Page>::from_request_parts(
            &mut parts,
            &(),
        ))
        .unwrap_err();
        assert_eq!(rejection, Rejection::InvalidQuery);
        assert_eq!(rejection.to_response().status(), 400);
    }

    #[test]
    fn path_without_route_parameters_is_a_server_bug() {
        // Outside a router there are no path parameters: axum's
        // `MissingPathParams`, a misconfiguration, hence 500.
        let request = axum::http::Request::builder()
            .uri("/users/abc")
            .body(())
            .unwrap();
        let (mut parts, ()) = request.into_parts();
        let rejection = block_on(api_status::axum::Path::<u64>::from_request_parts(
            &mut parts,
            &(),
        ))
        .unwrap_err();
        assert_eq!(rejection, Rejection::Internal);
        assert_eq!(
            rejection.to_response().body().as_ref(),
            br#"{"message":"Internal Server Error"}"#
        );
    }
}

#[cfg(feature = "actix-web")]
#[path = "support/seen.rs"]
mod seen;

#[cfg(feature = "actix-web")]
mod actix_adapter {
    use super::*;
    use actix_web::error::{JsonPayloadError, PathError, PayloadError, QueryPayloadError};
    use actix_web::ResponseError;

    use crate::seen::{seen as expected, seen_actix, Seen};

    fn through_actix<E: ResponseError>(error: &E) -> Seen {
        let response = error.error_response();
        assert_eq!(error.status_code(), response.status());
        seen_actix(response)
    }

    #[test]
    fn error_response_is_to_response() {
        let errors: FieldErrors = [("email", "is taken")].into_iter().collect();
        type Pair = Box<dyn Fn() -> (Response<Bytes>, Seen)>;
        let all: Vec<Pair> = vec![
            Box::new(|| {
                (
                    AccountError::NotFound { id: 42 }.to_response(),
                    through_actix(&AccountError::NotFound { id: 42 }),
                )
            }),
            Box::new(move || {
                let error = AccountError::Invalid {
                    errors: errors.clone(),
                };
                (error.to_response(), through_actix(&error))
            }),
            Box::new(|| {
                (
                    AccountError::BadCredentials.to_response(),
                    through_actix(&AccountError::BadCredentials),
                )
            }),
            Box::new(|| {
                let error = AccountError::Database(std::io::Error::other("secret dsn"));
                (error.to_response(), through_actix(&error))
            }),
            Box::new(|| {
                (
                    AccountError::Maintenance.to_response(),
                    through_actix(&AccountError::Maintenance),
                )
            }),
            Box::new(|| {
                let error = AccountError::RateLimited {
                    wait: Duration::from_millis(1500),
                };
                (error.to_response(), through_actix(&error))
            }),
            Box::new(|| {
                (
                    BillingError.to_response(),
                    through_actix(&AccountError::Billing(BillingError)),
                )
            }),
            Box::new(|| (Conflict("x").to_response(), through_actix(&Conflict("x")))),
            Box::new(|| {
                (
                    Rejection::NotFound.to_response(),
                    through_actix(&Rejection::NotFound),
                )
            }),
        ];
        for make in all {
            let (want, got) = make();
            assert_eq!(got, expected(want));
        }
        let (_, headers, _) = through_actix(&AccountError::RateLimited {
            wait: Duration::from_millis(1500),
        });
        assert!(headers.contains(&("retry-after".to_owned(), b"2".to_vec())));
    }

    #[test]
    fn payload_errors_map_to_rejections() {
        let syntax = serde_json::from_str::<u32>("nope").unwrap_err();
        let data = serde_json::from_str::<u32>("\"x\"").unwrap_err();
        let eof = serde_json::from_str::<u32>("").unwrap_err();
        assert_eq!(
            Rejection::from(JsonPayloadError::Deserialize(syntax)),
            Rejection::MalformedJson
        );
        assert_eq!(
            Rejection::from(JsonPayloadError::Deserialize(eof)),
            Rejection::MalformedJson
        );
        assert_eq!(
            Rejection::from(JsonPayloadError::Deserialize(data)),
            Rejection::UnprocessableJson
        );
        assert_eq!(
            Rejection::from(JsonPayloadError::ContentType),
            Rejection::UnsupportedMediaType
        );
        assert_eq!(
            Rejection::from(JsonPayloadError::Overflow { limit: 1 }),
            Rejection::PayloadTooLarge
        );
        assert_eq!(
            Rejection::from(JsonPayloadError::OverflowKnownLength {
                length: 2,
                limit: 1
            }),
            Rejection::PayloadTooLarge
        );
        assert_eq!(
            Rejection::from(JsonPayloadError::Payload(PayloadError::Overflow)),
            Rejection::PayloadTooLarge
        );
        assert_eq!(
            Rejection::from(JsonPayloadError::Payload(PayloadError::EncodingCorrupted)),
            Rejection::UnreadableBody
        );
        let query = serde_urlencoded_error();
        assert_eq!(
            Rejection::from(QueryPayloadError::Deserialize(query.clone())),
            Rejection::InvalidQuery
        );
        assert_eq!(
            Rejection::from(PathError::Deserialize(query)),
            Rejection::NotFound
        );
    }

    fn serde_urlencoded_error() -> serde::de::value::Error {
        <serde::de::value::Error as serde::de::Error>::custom("invalid digit")
    }

    #[test]
    fn error_handlers_answer_with_the_rejection_body() {
        let request = actix_web::test::TestRequest::default().to_http_request();
        let error =
            api_status::actix_web::json_error_handler(JsonPayloadError::ContentType, &request);
        let response = error.error_response();
        assert_eq!(response.status(), 415);
        assert_eq!(
            response.headers().get("content-type").unwrap(),
            "application/json"
        );
        let body = actix_web::body::MessageBody::try_into_bytes(response.into_body())
            .unwrap_or_else(|_| panic!("an in-memory body"));
        assert_eq!(body, Rejection::UnsupportedMediaType.body());
    }
}
