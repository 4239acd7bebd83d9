//! Feature `tracing` (contract section 14): every error response, by every
//! path, emits exactly one event with target `api_status`: ERROR with the
//! `Display` and `source()` chain for a 5xx, DEBUG for a 4xx; the body never
//! carries what the event does.
#![cfg(feature = "tracing")]

use std::borrow::Cow;
use std::io;

use api_status::bytes::Bytes;
use api_status::http::{Response, StatusCode};
use api_status::{ApiError, Rejection};
use tracing::Level;

#[path = "support/capture.rs"]
mod capture;
use capture::{Capture, Captured};

/// The innermost cause: names an internal host.
fn refused() -> io::Error {
    io::Error::new(
        io::ErrorKind::ConnectionRefused,
        "billing.internal:8443 refused the connection",
    )
}

/// A middle layer of the chain.
#[derive(Debug, thiserror::Error)]
#[error("connection pool exhausted")]
struct PoolError(#[source] io::Error);

#[derive(Debug, thiserror::Error, api_status::ApiError)]
enum ShopError {
    #[error("order {0} not found")]
    #[status(not_found)]
    NotFound(u64),

    #[error("the billing service failed after {attempts} attempts")]
    #[status(bad_gateway)]
    Upstream {
        attempts: u32,
        #[source]
        source: PoolError,
    },

    #[error("maintenance window")]
    #[status(service_unavailable)]
    #[message("We are down for maintenance")]
    Down,

    #[error(transparent)]
    #[status(transparent)]
    Rejected(Rejection),

    #[error(transparent)]
    #[status(transparent)]
    Timeout(Timeout),
}

/// A struct: its event names the type alone.
#[derive(Debug, thiserror::Error, api_status::ApiError)]
#[error("the warehouse did not answer within 30s")]
#[status(gateway_timeout)]
struct Timeout;

/// No `Display`, no `Error`: the event has neither field. (With the
/// `actix-web` feature every derived type must have `Display`.)
#[cfg(not(feature = "actix-web"))]
#[derive(Debug, api_status::ApiError)]
#[status(internal_server_error)]
struct Opaque;

/// A generic type: `Display` has no bounds on `T`, so the derive's impl
/// sees it; `Error` needs `T: Debug`, which the impl cannot prove, so the
/// event has no `source`.
#[derive(Debug, thiserror::Error, api_status::ApiError)]
#[error("generic failure")]
#[status(internal_server_error)]
struct Generic<T> {
    #[source]
    cause: T,
}

/// A hand-written impl: the trait's default `to_response` emits, named by
/// the type.
struct RateLimited;

impl ApiError for RateLimited {
    fn status(&self) -> StatusCode {
        StatusCode::TOO_MANY_REQUESTS
    }
    fn message(&self) -> Cow<'_, str> {
        Cow::Borrowed("slow down")
    }
}

/// The probe's expansion names everything by absolute path.
#[no_implicit_prelude]
mod no_prelude {
    #[derive(Debug, ::thiserror::Error, ::api_status::ApiError)]
    pub enum Hidden {
        #[error("the vault is sealed")]
        #[status(internal_server_error)]
        Sealed(#[source] ::std::io::Error),
    }
}

#[test]
fn the_probe_works_without_the_prelude() {
    let error = no_prelude::Hidden::Sealed(refused());
    let (_, event) = one_event(|| error.to_response());
    assert_eq!(event.field("error"), Some("Hidden::Sealed"));
    assert_eq!(event.field("display"), Some("the vault is sealed"));
    assert_eq!(
        event.field("source"),
        Some("billing.internal:8443 refused the connection")
    );
}

fn upstream() -> ShopError {
    ShopError::Upstream {
        attempts: 3,
        source: PoolError(refused()),
    }
}

/// The events `f` emits, under a capturing subscriber on this thread.
fn events<T>(f: impl FnOnce() -> T) -> (T, Vec<Captured>) {
    let capture = Capture::default();
    let value = tracing::subscriber::with_default(capture.clone(), f);
    (value, capture.take())
}

/// The one event `f` emits.
fn one_event(f: impl FnOnce() -> Response<Bytes>) -> (Response<Bytes>, Captured) {
    let (response, mut events) = events(f);
    assert_eq!(events.len(), 1, "exactly one event: {events:#?}");
    (response, events.remove(0))
}

fn body(response: &Response<Bytes>) -> &str {
    std::str::from_utf8(response.body()).unwrap()
}

#[test]
fn a_5xx_logs_display_and_the_source_chain_at_error() {
    let (response, event) = one_event(|| upstream().to_response());
    assert_eq!(event.target, "api_status");
    assert_eq!(event.level, Level::ERROR);
    assert_eq!(event.field("status"), Some("502"));
    // Section 14: `status` (number), not text.
    assert_eq!(event.number("status"), Some(502));
    assert_eq!(event.field("error"), Some("ShopError::Upstream"));
    assert_eq!(event.field("message"), Some("Bad Gateway"));
    assert_eq!(
        event.field("display"),
        Some("the billing service failed after 3 attempts")
    );
    assert_eq!(
        event.field("source"),
        Some("connection pool exhausted: billing.internal:8443 refused the connection")
    );
    // Section 3: none of it reaches the client.
    assert_eq!(body(&response), r#"{"message":"Bad Gateway"}"#);
    for header in response.headers().values() {
        assert!(!header.to_str().unwrap().contains("billing"));
    }
}

#[test]
fn a_4xx_logs_at_debug_without_display() {
    let (response, event) = one_event(|| ShopError::NotFound(7).to_response());
    assert_eq!(event.target, "api_status");
    assert_eq!(event.level, Level::DEBUG);
    assert_eq!(event.field("status"), Some("404"));
    assert_eq!(event.number("status"), Some(404));
    assert_eq!(event.field("error"), Some("ShopError::NotFound"));
    assert_eq!(event.field("message"), Some("order 7 not found"));
    assert_eq!(event.field("display"), None);
    assert_eq!(event.field("source"), None);
    assert_eq!(body(&response), r#"{"message":"order 7 not found"}"#);
}

/// Variants whose facts are the same share them in the derived type's
/// table; each still logs its own name (section 14: `error` is
/// `Type::Variant`).
#[derive(Debug, thiserror::Error, api_status::ApiError)]
enum Twins {
    #[error("first {0}")]
    #[status(not_found)]
    First(u32),
    #[error("second {0}")]
    #[status(not_found)]
    Second(u32),
    #[error("third")]
    #[status(bad_gateway)]
    Third,
    #[error("fourth")]
    #[status(bad_gateway)]
    Fourth,
    #[error("fifth")]
    #[status(too_many_requests)]
    #[retry_after(5)]
    Fifth,
    #[error("sixth")]
    #[status(too_many_requests)]
    #[retry_after(5)]
    Sixth,
}

#[test]
fn variants_with_the_same_facts_log_their_own_names() {
    let cases = [
        (Twins::First(1), "Twins::First", "first 1"),
        (Twins::Second(2), "Twins::Second", "second 2"),
        (Twins::Third, "Twins::Third", "Bad Gateway"),
        (Twins::Fourth, "Twins::Fourth", "Bad Gateway"),
        (Twins::Fifth, "Twins::Fifth", "fifth"),
        (Twins::Sixth, "Twins::Sixth", "sixth"),
    ];
    for (error, name, message) in cases {
        let (response, event) = one_event(|| error.to_response());
        assert_eq!(event.field("error"), Some(name));
        assert_eq!(event.field("message"), Some(message));
        let body: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
        assert_eq!(body["message"], message);
    }
}

#[test]
fn a_5xx_with_a_message_logs_both() {
    let (_, event) = one_event(|| ShopError::Down.to_response());
    assert_eq!(event.level, Level::ERROR);
    assert_eq!(event.field("status"), Some("503"));
    assert_eq!(event.field("error"), Some("ShopError::Down"));
    assert_eq!(event.field("message"), Some("We are down for maintenance"));
    assert_eq!(event.field("display"), Some("maintenance window"));
    assert_eq!(event.field("source"), None);
}

#[test]
fn every_path_emits_exactly_once() {
    let expected = upstream().to_response();
    type Respond = Box<dyn Fn() -> Response<Bytes>>;
    let paths: Vec<(&str, Respond)> = vec![
        ("to_response", Box::new(|| upstream().to_response())),
        ("From", Box::new(|| upstream().into())),
        (
            "&E",
            Box::new(|| <&ShopError as ApiError>::to_response(&&upstream())),
        ),
        (
            "Box<dyn ApiError>",
            Box::new(|| {
                let boxed: Box<dyn ApiError> = Box::new(upstream());
                boxed.to_response()
            }),
        ),
    ];
    for (path, respond) in paths {
        let (response, event) = one_event(respond);
        assert_eq!(event.field("error"), Some("ShopError::Upstream"), "{path}");
        assert_eq!(response.body(), expected.body(), "{path}");
    }
    // Asking for the parts builds no response, and logs nothing.
    let (_, events) = events(|| {
        let error = upstream();
        (error.status(), error.message().into_owned(), error.body())
    });
    assert_eq!(events, []);
}

#[test]
fn a_transparent_variant_logs_its_inner_error_once() {
    let (response, event) = one_event(|| ShopError::Rejected(Rejection::NotFound).to_response());
    assert_eq!(event.field("error"), Some("Rejection::NotFound"));
    assert_eq!(event.level, Level::DEBUG);
    assert_eq!(
        body(&response),
        r#"{"message":"No resource exists at this path"}"#
    );

    let (_, event) = one_event(|| ShopError::Timeout(Timeout).to_response());
    assert_eq!(event.field("error"), Some("Timeout"));
    assert_eq!(event.level, Level::ERROR);
    assert_eq!(event.field("status"), Some("504"));
    assert_eq!(event.field("message"), Some("Gateway Timeout"));
    assert_eq!(
        event.field("display"),
        Some("the warehouse did not answer within 30s")
    );
}

#[cfg(not(feature = "actix-web"))]
#[test]
fn a_type_without_display_logs_status_name_and_message() {
    let (_, event) = one_event(|| Opaque.to_response());
    assert_eq!(event.field("error"), Some("Opaque"));
    assert_eq!(event.field("message"), Some("Internal Server Error"));
    assert_eq!(event.field("display"), None);
    assert_eq!(event.field("source"), None);
}

#[test]
fn a_generic_type_logs_what_its_impl_can_prove() {
    let (_, event) = one_event(|| Generic { cause: refused() }.to_response());
    assert_eq!(event.field("error"), Some("Generic"));
    assert_eq!(event.field("display"), Some("generic failure"));
    // `Generic<T>: Error` needs `T: Debug`, unknown to the derive's impl.
    assert_eq!(event.field("source"), None);
}

#[test]
fn a_hand_written_impl_logs_under_its_type_name() {
    let (response, event) = one_event(|| RateLimited.to_response());
    assert_eq!(event.field("error"), Some("RateLimited"));
    assert_eq!(event.level, Level::DEBUG);
    assert_eq!(event.field("status"), Some("429"));
    assert_eq!(event.field("message"), Some("slow down"));
    assert_eq!(body(&response), r#"{"message":"slow down"}"#);
}

#[test]
fn a_rejection_logs_serdes_words_and_never_sends_them() {
    let error = serde_json::from_str::<u32>(r#""one""#).unwrap_err();
    let serde_text = error.to_string();
    let (response, event) = one_event(|| Rejection::from(error).to_response());
    assert_eq!(event.field("error"), Some("Rejection::UnprocessableJson"));
    assert_eq!(event.level, Level::DEBUG);
    assert_eq!(event.field("status"), Some("422"));
    assert_eq!(event.field("source"), Some(serde_text.as_str()));
    assert!(serde_text.contains("invalid type"), "{serde_text}");
    assert!(!body(&response).contains("invalid type"));
    assert!(!body(&response).contains("u32"));

    // Path of a field: the event says what serde said, the body our words.
    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct NewUser {
        email: String,
    }
    let rejection = api_status::from_json_slice::<NewUser>(br#"{}"#).unwrap_err();
    let (response, event) = one_event(|| rejection.to_response());
    assert_eq!(
        event.field("source"),
        Some("missing field `email` at line 1 column 2")
    );
    assert_eq!(
        body(&response),
        r#"{"message":"The request body has missing fields or fields of the wrong type","errors":{"email":["is required"]}}"#
    );
}

#[test]
fn a_rejection_without_a_cause_logs_no_source() {
    let (_, event) = one_event(|| Rejection::Internal.to_response());
    assert_eq!(event.level, Level::ERROR);
    assert_eq!(event.field("error"), Some("Rejection::Internal"));
    assert_eq!(event.field("message"), Some("Internal Server Error"));
    assert_eq!(event.field("source"), None);
}

#[test]
fn a_subscriber_that_wants_only_errors_gets_no_4xx() {
    // Everything at or above WARN: the 4xx's DEBUG event is never built.
    struct ErrorsOnly(Capture);
    impl tracing::Subscriber for ErrorsOnly {
        fn enabled(&self, metadata: &tracing::Metadata<'_>) -> bool {
            *metadata.level() <= Level::WARN
        }
        fn new_span(&self, span: &tracing::span::Attributes<'_>) -> tracing::span::Id {
            self.0.new_span(span)
        }
        fn record(&self, _: &tracing::span::Id, _: &tracing::span::Record<'_>) {}
        fn record_follows_from(&self, _: &tracing::span::Id, _: &tracing::span::Id) {}
        fn event(&self, event: &tracing::Event<'_>) {
            self.0.event(event)
        }
        fn enter(&self, _: &tracing::span::Id) {}
        fn exit(&self, _: &tracing::span::Id) {}
    }
    let capture = Capture::default();
    tracing::subscriber::with_default(ErrorsOnly(capture.clone()), || {
        let _ = ShopError::NotFound(1).to_response();
        let _ = upstream().to_response();
    });
    let events = capture.take();
    assert_eq!(events.len(), 1, "{events:#?}");
    assert_eq!(events[0].field("status"), Some("502"));
}

#[cfg(feature = "axum")]
#[test]
fn axum_into_response_emits_once() {
    use axum::response::IntoResponse;
    let (_, captured) = events(|| upstream().into_response());
    assert_eq!(captured.len(), 1, "{captured:#?}");
    assert_eq!(captured[0].field("error"), Some("ShopError::Upstream"));
    let (_, captured) = events(|| Rejection::NotFound.into_response());
    assert_eq!(captured.len(), 1, "{captured:#?}");
    assert_eq!(captured[0].field("error"), Some("Rejection::NotFound"));
}

#[cfg(feature = "actix-web")]
#[test]
fn actix_web_error_response_emits_once() {
    use actix_web::ResponseError;
    let (_, captured) = events(|| {
        let error = upstream();
        // The status alone builds no response.
        let _ = error.status_code();
        error.error_response()
    });
    assert_eq!(captured.len(), 1, "{captured:#?}");
    assert_eq!(captured[0].field("error"), Some("ShopError::Upstream"));
    let (_, captured) = events(|| actix_web::HttpResponse::from_error(Rejection::InvalidQuery));
    assert_eq!(captured.len(), 1, "{captured:#?}");
    assert_eq!(captured[0].field("error"), Some("Rejection::InvalidQuery"));
}

#[test]
fn a_success_body_that_cannot_be_serialized_logs_serdes_error() {
    use std::collections::BTreeMap;
    // A map with non-string keys has no JSON form: 500, and the reason is
    // logged.
    let pairs = BTreeMap::from([((1, 2), "pair")]);
    let (response, event) = one_event(|| api_status::Created::new("/pairs/1", pairs).to_response());
    assert_eq!(response.status(), 500);
    assert_eq!(event.level, Level::ERROR);
    assert_eq!(event.field("error"), Some("Rejection::Internal"));
    assert_eq!(event.field("source"), Some("key must be a string"));
    assert_eq!(body(&response), r#"{"message":"Internal Server Error"}"#);
}

/// Section 14 with section 12: `to_response_for` and `to_response_in` log
/// exactly once in every format, for a derived variant, a transparent one,
/// a `Rejection` and a hand-written impl, with the same fields.
#[test]
fn every_format_emits_exactly_once() {
    use api_status::http::header::{HeaderValue, ACCEPT};
    use api_status::http::HeaderMap;
    use api_status::Format;

    let accepts = [
        "application/json",
        "application/problem+json",
        "application/xml",
        "application/problem+xml",
    ];
    type Make = fn() -> Box<dyn ApiError>;
    let errors: [(&str, Make, &str); 4] = [
        ("derived", || Box::new(upstream()), "ShopError::Upstream"),
        (
            "transparent",
            || Box::new(ShopError::Rejected(Rejection::NotFound)),
            "Rejection::NotFound",
        ),
        (
            "rejection",
            || Box::new(Rejection::InvalidQuery),
            "Rejection::InvalidQuery",
        ),
        ("hand-written", || Box::new(RateLimited), "RateLimited"),
    ];
    for (kind, make, name) in errors {
        for accept in accepts {
            let mut request = HeaderMap::new();
            request.insert(ACCEPT, HeaderValue::from_static(accept));
            let error = make();
            let (response, event) = one_event(|| error.to_response_for(&request));
            assert_eq!(event.field("error"), Some(name), "{kind}, {accept}");
            assert_eq!(
                event.field("status"),
                Some(response.status().as_str()),
                "{kind}, {accept}"
            );
            let (_, event) = one_event(|| error.to_response_in(Format::from_request(&request)));
            assert_eq!(event.field("error"), Some(name), "{kind}, {accept}");
        }
    }
}

/// Raw identifiers: the event names them as the source spells them,
/// without `r#` (section 14: `error` is `Type::Variant`).
#[allow(non_camel_case_types)]
#[derive(Debug, thiserror::Error, api_status::ApiError)]
enum r#match {
    #[error("x")]
    #[status(conflict)]
    r#type,
}

#[test]
fn raw_identifiers_log_without_their_prefix() {
    let (_, event) = one_event(|| r#match::r#type.to_response());
    assert_eq!(event.field("error"), Some("match::type"));
}
