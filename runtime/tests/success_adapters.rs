//! `Created`, `Accepted`, `MovedPermanently` and `PermanentRedirect` through
//! axum's `IntoResponse` and actix-web's `Responder`: exactly the status,
//! headers and body bytes of their `to_response()`. (The examples' tests
//! send the same responses over real HTTP on every stack.)
#![cfg(any(feature = "axum", feature = "actix-web"))]

use api_status::bytes::Bytes;
use api_status::http::Response;
use api_status::{Accepted, Created, MovedPermanently, PermanentRedirect};

#[derive(Clone, serde::Serialize)]
struct Task {
    id: u64,
}

/// Every type, with a hostile location and a body that fails.
macro_rules! for_each_case {
    ($check:ident) => {
        $check(Created::new("/users/2", Task { id: 2 }));
        $check(Created::new("/a b\r\n", ()));
        $check(Created::new(
            "/x",
            std::collections::HashMap::from([((1, 2), 3)]),
        ));
        $check(
            Accepted::new(Task { id: 7 })
                .status_link("/tasks/7")
                .self_link("/users/1/avatar")
                .retry_after(3),
        );
        $check(Accepted::new(()));
        $check(MovedPermanently::to("/users/1"));
        $check(PermanentRedirect::to("/users/1"));
    };
}

#[cfg(feature = "axum")]
#[test]
fn axum_into_response_is_to_response() {
    use axum::response::IntoResponse;

    fn check<T: IntoResponse + Clone + Into<Response<Bytes>>>(value: T) {
        let expected = seen(value.clone().into());
        let (parts, body) = value.into_response().into_parts();
        let body = block_on(axum::body::to_bytes(body, usize::MAX)).unwrap();
        assert_eq!(seen(Response::from_parts(parts, body)), expected);
    }
    for_each_case!(check);
    // axum's own permanent redirect is a 308; this crate's 301 is a 301.
    assert_eq!(MovedPermanently::to("/new").into_response().status(), 301);
}

#[cfg(feature = "actix-web")]
#[test]
fn actix_web_responder_is_to_response() {
    use actix_web::Responder;

    fn check<T: Responder<Body = actix_web::body::BoxBody> + Clone + Into<Response<Bytes>>>(
        value: T,
    ) {
        let expected = seen(value.clone().into());
        let request = actix_web::test::TestRequest::default().to_http_request();
        assert_eq!(seen_actix(value.respond_to(&request)), expected);
    }
    for_each_case!(check);
}

#[path = "support/seen.rs"]
mod seen;
use seen::seen;
#[cfg(feature = "actix-web")]
use seen::seen_actix;

#[cfg(feature = "axum")]
#[path = "support/block_on.rs"]
mod block_on;
#[cfg(feature = "axum")]
use block_on::block_on;
