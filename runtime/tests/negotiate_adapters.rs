//! Section 12: under `Negotiate` (axum's layer, actix-web's middleware) a
//! derived error and a `Rejection` answer by `Accept`; without it, in JSON
//! whatever the request asks for.
#![cfg(all(feature = "axum", feature = "actix-web"))]

use api_status::http::header::{ACCEPT, CONTENT_TYPE, VARY};
use api_status::{ApiError, Rejection};

#[derive(Debug, thiserror::Error, ApiError)]
#[error("user {0} not found")]
#[status(not_found)]
struct UserNotFound(u64);

const PROBLEM: &str =
    r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"user 7 not found"}"#;
const JSON: &str = r#"{"message":"user 7 not found"}"#;

fn block_on<F: std::future::Future>(future: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap()
        .block_on(future)
}

/// Status, content type, vary and body of one request to an axum router.
fn axum_call(negotiate: bool, path: &str) -> (u16, String, Option<String>, String) {
    use tower_service::Service;
    let router = axum::Router::new()
        .route(
            "/users/{id}",
            axum::routing::get(|| async { Err::<(), _>(UserNotFound(7)) }),
        )
        .route(
            "/json",
            axum::routing::post(|_: api_status::axum::Json<u32>| async {}),
        );
    let mut router = if negotiate {
        router.layer(api_status::axum::Negotiate)
    } else {
        router
    };
    let request = axum::http::Request::builder()
        .method(if path == "/json" { "POST" } else { "GET" })
        .uri(path)
        .header(ACCEPT, "application/problem+json")
        .header(CONTENT_TYPE, "application/json")
        .body(axum::body::Body::from("nope"))
        .unwrap();
    block_on(async move {
        let response = router.call(request).await.unwrap();
        let status = response.status().as_u16();
        let content_type = response.headers()[CONTENT_TYPE]
            .to_str()
            .unwrap()
            .to_owned();
        let vary = response
            .headers()
            .get(VARY)
            .map(|v| v.to_str().unwrap().to_owned());
        let body = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap();
        (
            status,
            content_type,
            vary,
            String::from_utf8(body.to_vec()).unwrap(),
        )
    })
}

#[test]
fn axum_negotiates_under_the_layer_only() {
    let (status, content_type, vary, body) = axum_call(true, "/users/7");
    assert_eq!(
        (status, content_type.as_str()),
        (404, "application/problem+json")
    );
    assert_eq!(vary.as_deref(), Some("accept"));
    assert_eq!(body, PROBLEM);

    let (status, content_type, vary, body) = axum_call(false, "/users/7");
    assert_eq!((status, content_type.as_str()), (404, "application/json"));
    assert_eq!(vary, None);
    assert_eq!(body, JSON);
}

#[test]
fn axum_rejections_negotiate_too() {
    let expected = Rejection::MalformedJson.problem_body();
    let (status, content_type, _, body) = axum_call(true, "/json");
    assert_eq!(
        (status, content_type.as_str()),
        (400, "application/problem+json")
    );
    assert_eq!(body.as_bytes(), expected.as_ref());
}

#[test]
fn actix_web_negotiates_under_the_middleware_only() {
    use actix_web::{test, web, App};
    for negotiate in [true, false] {
        let (status, content_type, vary, body) =
            actix_web::rt::System::new().block_on(async move {
                let app = App::new()
                    .wrap(actix_web::middleware::Condition::new(
                        negotiate,
                        api_status::actix_web::Negotiate,
                    ))
                    .route(
                        "/users/{id}",
                        web::get().to(|| async { Err::<String, _>(UserNotFound(7)) }),
                    );
                let app = test::init_service(app).await;
                let request = test::TestRequest::get()
                    .uri("/users/7")
                    .insert_header(("accept", "text/html;q=0.9, application/problem+json"))
                    .to_request();
                let response = test::call_service(&app, request).await;
                let status = response.status().as_u16();
                let header = |name: &str| {
                    response
                        .headers()
                        .get(name)
                        .map(|v| v.to_str().unwrap().to_owned())
                };
                let (content_type, vary) = (header("content-type"), header("vary"));
                let body = test::read_body(response).await;
                (
                    status,
                    content_type,
                    vary,
                    String::from_utf8(body.to_vec()).unwrap(),
                )
            });
        assert_eq!(status, 404);
        if negotiate {
            assert_eq!(content_type.as_deref(), Some("application/problem+json"));
            assert_eq!(vary.as_deref(), Some("accept"));
            assert_eq!(body, PROBLEM);
        } else {
            assert_eq!(content_type.as_deref(), Some("application/json"));
            assert_eq!(vary, None);
            assert_eq!(body, JSON);
        }
    }
}
