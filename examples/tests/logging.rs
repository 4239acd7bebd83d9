//! Contract section 14 over real HTTP: the three example servers (axum,
//! actix-web, hyper) on 127.0.0.1, each request's error response logged by
//! exactly one `tracing` event, with what the client was not told (the
//! 502's `Display` and `source()` chain, serde's own words for a rejection),
//! and never in the body.
//!
//! The servers run on their own threads, so the capturing subscriber is
//! this binary's global default, and this binary has one test: the requests
//! are sent one after the other, and each one's events are taken before the
//! next.

use std::net::SocketAddr;

use api_status::bytes::Bytes;
use api_status::http::{Method, Response};
use api_status_examples::{actix_users, axum_users, hyper_users};
use tracing::Level;

#[path = "../../runtime/tests/support/capture.rs"]
mod capture;
use capture::{Capture, Captured};

#[path = "support/client.rs"]
mod client;
use client::{loopback, REQUEST_TIMEOUT};

/// One request and the event its response must produce.
struct Case {
    method: Method,
    path: &'static str,
    content_type: Option<&'static str>,
    body: &'static str,
    status: u16,
    /// The `error` field.
    error: &'static str,
    /// Text the event's `source` (or, for a 5xx, `display`) holds and the
    /// body must not.
    hidden: &'static [&'static str],
    /// An `if-match` header.
    if_match: Option<&'static str>,
}

const JSON: Option<&str> = Some("application/json");

fn case(
    method: Method,
    path: &'static str,
    content_type: Option<&'static str>,
    body: &'static str,
    status: u16,
    error: &'static str,
    hidden: &'static [&'static str],
) -> Case {
    Case {
        method,
        path,
        content_type,
        body,
        status,
        error,
        hidden,
        if_match: None,
    }
}

fn cases() -> Vec<Case> {
    vec![
        case(
            Method::GET,
            "/users/42",
            None,
            "",
            404,
            "UserError::NotFound",
            &[],
        ),
        case(
            Method::GET,
            "/users/abc",
            None,
            "",
            404,
            "Rejection::NotFound",
            &[],
        ),
        case(
            Method::GET,
            "/nowhere",
            None,
            "",
            404,
            "Rejection::NotFound",
            &[],
        ),
        case(
            Method::POST,
            "/users",
            JSON,
            r#"{"name":"","email":"nope"}"#,
            422,
            "UserError::Invalid",
            &[],
        ),
        case(
            Method::POST,
            "/users",
            JSON,
            r#"{"name":"#,
            400,
            "Rejection::MalformedJson",
            &["EOF while parsing"],
        ),
        case(
            Method::POST,
            "/users",
            Some("text/plain"),
            "{}",
            415,
            "Rejection::UnsupportedMediaType",
            &["text/plain"],
        ),
        case(
            Method::POST,
            "/users",
            JSON,
            r#"{"name":1,"email":2}"#,
            422,
            "Rejection::UnprocessableJson",
            &["invalid type: integer `1`, expected a string"],
        ),
        case(
            Method::POST,
            "/users",
            JSON,
            r#"{"name":"ada"}"#,
            422,
            "Rejection::UnprocessableJson",
            &["missing field `email`"],
        ),
        Case {
            if_match: Some(r#""another-version""#),
            ..case(
                Method::PUT,
                "/users/1",
                JSON,
                r#"{"name":"Ada","email":"ada@example.com"}"#,
                412,
                "PreconditionFailed",
                &[],
            )
        },
        case(
            Method::POST,
            "/oauth/token",
            None,
            "",
            401,
            "UserError::InvalidClient",
            &[],
        ),
        case(
            Method::GET,
            "/admin",
            None,
            "",
            403,
            "UserError::Forbidden",
            &[],
        ),
        case(
            Method::GET,
            "/maintenance",
            None,
            "",
            503,
            "UserError::Maintenance",
            &[],
        ),
        case(
            Method::GET,
            "/upstream",
            None,
            "",
            502,
            "UserError::Upstream",
            &["billing.internal:8443 refused the connection"],
        ),
    ]
}

/// Sends `case`'s request; see [`client::send`].
async fn send(address: SocketAddr, case: &Case) -> Response<Bytes> {
    let headers: Vec<(&str, &str)> = [
        ("content-type", case.content_type),
        ("if-match", case.if_match),
    ]
    .into_iter()
    .filter_map(|(name, value)| Some((name, value?)))
    .collect();
    let body = Bytes::from_static(case.body.as_bytes());
    client::send(address, case.method.clone(), case.path, &headers, body).await
}

/// The events of target `api_status` so far.
fn api_status_events(capture: &Capture) -> Vec<Captured> {
    capture
        .take()
        .into_iter()
        .filter(|event| event.target == "api_status")
        .collect()
}

/// Sends every case to `address`: one event each, with the right fields.
async fn check_stack(stack: &str, address: SocketAddr, capture: &Capture) {
    for case in cases() {
        let _ = api_status_events(capture);
        let response = send(address, &case).await;
        let what = format!("{stack}: {} {}", case.method, case.path);
        assert_eq!(response.status(), case.status, "{what}");
        let events = api_status_events(capture);
        assert_eq!(events.len(), 1, "{what}: exactly one event: {events:#?}");
        let event = &events[0];
        let level = match case.status {
            500.. => Level::ERROR,
            _ => Level::DEBUG,
        };
        assert_eq!(event.level, level, "{what}");
        assert_eq!(
            event.field("status"),
            Some(case.status.to_string().as_str()),
            "{what}"
        );
        assert_eq!(event.field("error"), Some(case.error), "{what}");
        let body = std::str::from_utf8(response.body()).unwrap();
        let message: api_status::ErrorBody = serde_json::from_slice(response.body()).unwrap();
        assert_eq!(
            event.field("message"),
            Some(message.message.as_str()),
            "{what}"
        );
        let told = format!(
            "{} {}",
            event.field("display").unwrap_or_default(),
            event.field("source").unwrap_or_default()
        );
        for hidden in case.hidden {
            assert!(
                told.contains(hidden),
                "{what}: the event lacks {hidden:?}: {event:#?}"
            );
            assert!(
                !body.contains(hidden),
                "{what}: the body leaks {hidden:?}: {body}"
            );
        }
    }

    // The 502 in full: Display and source chain, ERROR.
    let _ = api_status_events(capture);
    let upstream = cases().into_iter().last().unwrap();
    let response = send(address, &upstream).await;
    assert_eq!(response.body(), r#"{"message":"Bad Gateway"}"#.as_bytes());
    let events = api_status_events(capture);
    assert_eq!(events.len(), 1, "{stack}");
    assert_eq!(
        events[0].field("display"),
        Some("the billing service failed: billing.internal:8443 refused the connection"),
        "{stack}"
    );
    assert_eq!(
        events[0].field("source"),
        Some("billing.internal:8443 refused the connection"),
        "{stack}"
    );

    // A success logs nothing.
    let ok = case(Method::GET, "/users/1", None, "", 200, "", &[]);
    let response = send(address, &ok).await;
    assert_eq!(response.status(), 200, "{stack}");
    assert_eq!(api_status_events(capture), [], "{stack}");
}

#[tokio::test]
async fn every_error_response_is_logged_once_on_every_stack() {
    let capture = Capture::default();
    tracing::subscriber::set_global_default(capture.clone()).unwrap();

    // axum
    let listener = tokio::net::TcpListener::from_std(loopback()).unwrap();
    let address = listener.local_addr().unwrap();
    let axum = tokio::spawn(async move { axum_users::serve(listener).await.unwrap() });
    check_stack("axum", address, &capture).await;
    axum.abort();

    // hyper
    let listener = tokio::net::TcpListener::from_std(loopback()).unwrap();
    let address = listener.local_addr().unwrap();
    let hyper = tokio::spawn(async move { hyper_users::serve(listener).await.unwrap() });
    check_stack("hyper", address, &capture).await;
    hyper.abort();

    // actix-web, in an actix system on a thread of its own
    let listener = loopback();
    let address = listener.local_addr().unwrap();
    let (sender, receiver) = std::sync::mpsc::channel();
    let thread = std::thread::spawn(move || {
        actix_web::rt::System::new().block_on(async move {
            let server = actix_users::server(listener, 1)?;
            let _ = sender.send(server.handle());
            server.await
        })
    });
    let handle = receiver.recv_timeout(REQUEST_TIMEOUT).unwrap();
    check_stack("actix-web", address, &capture).await;
    tokio::time::timeout(REQUEST_TIMEOUT, handle.stop(false))
        .await
        .unwrap();
    thread.join().unwrap().unwrap();
}
