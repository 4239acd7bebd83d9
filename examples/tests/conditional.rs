//! Conditional requests over real HTTP on 127.0.0.1, on axum, actix-web and
//! hyper: the users API's ETags, 304s and 412s (RFC 9110 section 13), the
//! automatic ETag middleware, and the three stacks answering byte for byte
//! the same.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::pin::Pin;
use std::task::{Context, Poll};

use api_status::bytes::Bytes;
use api_status::http::{HeaderMap, Method, Request, Response, StatusCode};
use api_status::EntityTag;
use api_status_examples::{actix_users, axum_users, hyper_users, User};
use http_body_util::{BodyExt, Full};
use hyper_util::rt::TokioIo;

#[path = "support/client.rs"]
mod client;
use client::{loopback, REQUEST_TIMEOUT};

/// The headers RFC 9110 section 15.4.5 lets a 304 carry.
const ALLOWED_ON_304: [&str; 6] = [
    "cache-control",
    "content-location",
    "date",
    "etag",
    "expires",
    "vary",
];

const ADA: &str = r#"{"id":1,"name":"Ada Lovelace","email":"ada@example.com"}"#;
const LAST_MODIFIED: &str = "Tue, 14 Nov 2023 22:13:20 GMT";

/// Sends one request with `headers`; see [`client::send`].
async fn send(
    address: SocketAddr,
    method: Method,
    path: &str,
    headers: &[(&str, &str)],
    body: &'static str,
) -> Response<Bytes> {
    client::send(
        address,
        method,
        path,
        headers,
        Bytes::from_static(body.as_bytes()),
    )
    .await
}

/// An actix-web app on a thread of its own, in its own actix system.
struct Actix {
    address: SocketAddr,
    handle: actix_web::dev::ServerHandle,
    thread: std::thread::JoinHandle<std::io::Result<()>>,
}

impl Actix {
    fn start(configure: fn(&mut actix_web::web::ServiceConfig)) -> Actix {
        let listener = loopback();
        let address = listener.local_addr().unwrap();
        let (sender, receiver) = std::sync::mpsc::channel();
        let thread = std::thread::spawn(move || {
            actix_web::rt::System::new().block_on(async move {
                // As the example's own server: errors answer by `Accept`
                // (`Negotiate`, section 12), as on axum and hyper.
                let server = actix_web::HttpServer::new(move || {
                    actix_web::App::new()
                        .wrap(api_status::actix_web::Negotiate)
                        .configure(configure)
                })
                .workers(1)
                .listen(listener)?
                .run();
                let _ = sender.send(server.handle());
                server.await
            })
        });
        let handle = receiver.recv_timeout(REQUEST_TIMEOUT).unwrap();
        Actix {
            address,
            handle,
            thread,
        }
    }

    async fn stop(self) {
        tokio::time::timeout(REQUEST_TIMEOUT, self.handle.stop(false))
            .await
            .unwrap();
        self.thread.join().unwrap().unwrap();
    }
}

/// The same app on the three stacks: axum, actix-web, hyper.
struct Stacks {
    axum: tokio::task::JoinHandle<()>,
    hyper: tokio::task::JoinHandle<()>,
    actix: Actix,
    addresses: [(&'static str, SocketAddr); 3],
}

impl Stacks {
    /// The users API of the examples.
    fn users() -> Stacks {
        Stacks::start(
            |listener| async move { axum_users::serve(listener).await.unwrap() },
            |listener| async move { hyper_users::serve(listener).await.unwrap() },
            actix_users::configure,
        )
    }

    /// The kinds of responses the middleware must leave alone or tag.
    fn kinds() -> Stacks {
        Stacks::start(
            |listener| async move { axum::serve(listener, axum_kinds()).await.unwrap() },
            serve_hyper_kinds,
            actix_kinds,
        )
    }

    fn start<A, H>(
        axum: impl FnOnce(tokio::net::TcpListener) -> A,
        hyper: impl FnOnce(tokio::net::TcpListener) -> H,
        actix: fn(&mut actix_web::web::ServiceConfig),
    ) -> Stacks
    where
        A: std::future::Future<Output = ()> + Send + 'static,
        H: std::future::Future<Output = ()> + Send + 'static,
    {
        let axum_listener = tokio::net::TcpListener::from_std(loopback()).unwrap();
        let hyper_listener = tokio::net::TcpListener::from_std(loopback()).unwrap();
        let axum_address = axum_listener.local_addr().unwrap();
        let hyper_address = hyper_listener.local_addr().unwrap();
        let axum = tokio::spawn(axum(axum_listener));
        let hyper = tokio::spawn(hyper(hyper_listener));
        let actix = Actix::start(actix);
        let addresses = [
            ("axum", axum_address),
            ("actix-web", actix.address),
            ("hyper", hyper_address),
        ];
        Stacks {
            axum,
            hyper,
            actix,
            addresses,
        }
    }

    async fn stop(self) {
        self.actix.stop().await;
        self.axum.abort();
        self.hyper.abort();
    }
}

/// RFC 9110 §15.4.5 and §8.6: a 304 has no content, no content-type, only
/// the listed headers, and a content-length only if it is the 200's.
fn assert_is_304(response: &Response<Bytes>, length_of_200: usize, what: &str) {
    assert_eq!(response.status(), StatusCode::NOT_MODIFIED, "{what}");
    assert!(response.body().is_empty(), "{what}: a 304 has no content");
    assert!(
        response.headers().get("content-type").is_none(),
        "{what}: no content-type"
    );
    for name in response.headers().keys() {
        if name == "content-length" {
            // §8.6: only the length a 200 would have had.
            assert_eq!(
                response.headers()[name],
                length_of_200.to_string().as_str(),
                "{what}"
            );
        } else {
            assert!(
                ALLOWED_ON_304.contains(&name.as_str()),
                "{what}: a 304 carries {name}"
            );
        }
    }
}

/// Status, the headers that matter (not `date`), body: what the stacks
/// must agree on byte for byte.
fn comparable(response: &Response<Bytes>) -> (u16, Vec<(String, Vec<u8>)>, Bytes) {
    let mut headers: Vec<_> = response
        .headers()
        .iter()
        .filter(|(name, _)| *name != "date")
        .map(|(name, value)| (name.as_str().to_owned(), value.as_bytes().to_vec()))
        .collect();
    headers.sort();
    (response.status().as_u16(), headers, response.body().clone())
}

#[tokio::test]
async fn get_user_sends_an_etag_and_answers_304() {
    let users = Stacks::users();
    for (stack, address) in users.addresses {
        let first = send(address, Method::GET, "/users/1", &[], "").await;
        assert_eq!(first.status(), 200, "{stack}");
        assert_eq!(first.headers()["etag"], r#""user-1-v1""#, "{stack}");
        assert_eq!(first.headers()["last-modified"], LAST_MODIFIED, "{stack}");
        assert_eq!(
            first.headers()["content-type"],
            "application/json",
            "{stack}"
        );
        assert_eq!(first.body().as_ref(), ADA.as_bytes(), "{stack}");

        // RFC 9110 §13.1.2: If-None-Match, weak comparison, lists.
        for value in [
            r#""user-1-v1""#,
            r#"W/"user-1-v1""#,
            r#""user-1-v0", "user-1-v1""#,
            r#""a,b",W/"user-1-v1""#,
            "*",
        ] {
            let what = format!("{stack}, If-None-Match: {value}");
            let response = send(
                address,
                Method::GET,
                "/users/1",
                &[("if-none-match", value)],
                "",
            )
            .await;
            assert_is_304(&response, ADA.len(), &what);
            assert_eq!(response.headers()["etag"], r#""user-1-v1""#, "{what}");
            // §15.4.5: Last-Modified only when there is no ETag.
            assert!(response.headers().get("last-modified").is_none(), "{what}");
        }
        for value in [r#""user-1-v0""#, r#""user-1-v1,""#, "user-1-v1"] {
            let response = send(
                address,
                Method::GET,
                "/users/1",
                &[("if-none-match", value)],
                "",
            )
            .await;
            assert_eq!(response.status(), 200, "{stack}, If-None-Match: {value}");
            assert_eq!(response.body().as_ref(), ADA.as_bytes());
        }
        // §13.1.3: If-Modified-Since, whole seconds; ignored beside If-None-Match.
        let response = send(
            address,
            Method::GET,
            "/users/1",
            &[("if-modified-since", LAST_MODIFIED)],
            "",
        )
        .await;
        assert_is_304(&response, ADA.len(), stack);
        let response = send(
            address,
            Method::GET,
            "/users/1",
            &[
                ("if-modified-since", LAST_MODIFIED),
                ("if-none-match", r#""user-1-v0""#),
            ],
            "",
        )
        .await;
        assert_eq!(response.status(), 200, "{stack}");
        // A 404 stays a 404 whatever the preconditions (§13.2.1).
        let response = send(
            address,
            Method::GET,
            "/users/42",
            &[("if-none-match", "*")],
            "",
        )
        .await;
        assert_eq!(response.status(), 404, "{stack}");
    }
    users.stop().await;
}

const UPDATE: &str = r#"{"name":"Ada King","email":"ada@example.com"}"#;

async fn put(address: SocketAddr, path: &str, if_match: Option<&str>) -> Response<Bytes> {
    let mut headers = vec![("content-type", "application/json")];
    if let Some(tag) = if_match {
        headers.push(("if-match", tag));
    }
    send(address, Method::PUT, path, &headers, UPDATE).await
}

#[tokio::test]
async fn put_user_honours_if_match() {
    let users = Stacks::users();
    for (stack, address) in users.addresses {
        // RFC 9110 §13.1.1: a tag of another version → 412, in the error format.
        for stale in [r#""user-1-v0""#, r#"W/"user-1-v1""#, r#""x", "y""#] {
            let what = format!("{stack}, If-Match: {stale}");
            let response = put(address, "/users/1", Some(stale)).await;
            assert_eq!(response.status(), 412, "{what}");
            assert_eq!(
                response.headers()["content-type"],
                "application/json",
                "{what}"
            );
            assert_eq!(
                response.body().as_ref(),
                br#"{"message":"Precondition Failed"}"#,
                "{what}"
            );
            assert!(response.headers().get("etag").is_none(), "{what}");
        }
        // The current tag (strong comparison), `*`, or no precondition: updated.
        for current in [
            Some(r#""user-1-v1""#),
            Some(r#""a", "user-1-v1""#),
            Some("*"),
            None,
        ] {
            let what = format!("{stack}, If-Match: {current:?}");
            let response = put(address, "/users/1", current).await;
            assert_eq!(response.status(), 200, "{what}");
            assert_eq!(response.headers()["etag"], r#""user-1-v2""#, "{what}");
            let user: User = serde_json::from_slice(response.body()).unwrap();
            assert_eq!(user.name, "Ada King", "{what}");
        }
        // §13.1.4: If-Unmodified-Since before the last change → 412.
        let response = send(
            address,
            Method::PUT,
            "/users/1",
            &[
                ("content-type", "application/json"),
                ("if-unmodified-since", "Tue, 14 Nov 2023 22:13:19 GMT"),
            ],
            UPDATE,
        )
        .await;
        assert_eq!(response.status(), 412, "{stack}");
        // §13.2.1: a user that does not exist is a 404, not a 412.
        let response = put(address, "/users/42", Some(r#""user-42-v1""#)).await;
        assert_eq!(response.status(), 404, "{stack}");
        // §13.2.2 step 3: If-None-Match on a PUT → 412.
        let response = send(
            address,
            Method::PUT,
            "/users/1",
            &[("content-type", "application/json"), ("if-none-match", "*")],
            UPDATE,
        )
        .await;
        assert_eq!(response.status(), 412, "{stack}");
    }
    users.stop().await;
}

#[tokio::test]
async fn the_automatic_middleware_tags_get_users() {
    let users = Stacks::users();
    let list = format!("[{ADA}]");
    let tag = EntityTag::digest(list.as_bytes()).to_string();
    for (stack, address) in users.addresses {
        let response = send(address, Method::GET, "/users", &[], "").await;
        assert_eq!(response.status(), 200, "{stack}");
        assert_eq!(response.body().as_ref(), list.as_bytes(), "{stack}");
        assert_eq!(response.headers()["etag"], tag.as_str(), "{stack}");
        assert_eq!(
            response.headers()["content-type"],
            "application/json",
            "{stack}"
        );

        let response = send(
            address,
            Method::GET,
            "/users",
            &[("if-none-match", &tag)],
            "",
        )
        .await;
        assert_is_304(&response, list.len(), stack);
        assert_eq!(response.headers()["etag"], tag.as_str(), "{stack}");

        // A HEAD is tagged as its GET, and has no body.
        let response = send(address, Method::HEAD, "/users", &[], "").await;
        assert_eq!(response.status(), 200, "{stack}");
        assert!(response.body().is_empty(), "{stack}");
        assert_eq!(response.headers()["etag"], tag.as_str(), "{stack}");
        let response = send(
            address,
            Method::HEAD,
            "/users",
            &[("if-none-match", &tag)],
            "",
        )
        .await;
        assert_is_304(&response, list.len(), stack);

        // POST passes through: a 201, untagged, whatever If-None-Match says.
        let response = send(
            address,
            Method::POST,
            "/users",
            &[("content-type", "application/json"), ("if-none-match", "*")],
            r#"{"name":"Grace","email":"grace@example.com"}"#,
        )
        .await;
        assert_eq!(response.status(), 201, "{stack}");
        assert!(response.headers().get("etag").is_none(), "{stack}");
    }
    users.stop().await;
}

/// A request: method, path, headers, body.
type Exchange<'a> = (Method, &'a str, Vec<(&'a str, &'a str)>, &'static str);

#[tokio::test]
async fn the_three_stacks_answer_conditional_requests_with_the_same_bytes() {
    let users = Stacks::users();
    let list_tag = EntityTag::digest(format!("[{ADA}]").as_bytes()).to_string();
    let json = ("content-type", "application/json");
    let cases: Vec<Exchange> = vec![
        (Method::GET, "/users/1", vec![], ""),
        (
            Method::GET,
            "/users/1",
            vec![("if-none-match", r#""user-1-v1""#)],
            "",
        ),
        (
            Method::GET,
            "/users/1",
            vec![("if-none-match", r#""user-1-v0""#)],
            "",
        ),
        (
            Method::GET,
            "/users/1",
            vec![("if-modified-since", LAST_MODIFIED)],
            "",
        ),
        (
            Method::PUT,
            "/users/1",
            vec![json, ("if-match", r#""user-1-v0""#)],
            UPDATE,
        ),
        (
            Method::PUT,
            "/users/1",
            vec![json, ("if-match", r#""user-1-v1""#)],
            UPDATE,
        ),
        (Method::GET, "/users", vec![], ""),
        (
            Method::GET,
            "/users",
            vec![("if-none-match", list_tag.as_str())],
            "",
        ),
        (Method::HEAD, "/users", vec![], ""),
    ];
    for (method, path, headers, body) in &cases {
        let mut replies = Vec::new();
        for (_, address) in users.addresses {
            replies.push(comparable(
                &send(address, method.clone(), path, headers, body).await,
            ));
        }
        assert_eq!(
            replies[0], replies[1],
            "{method} {path} {headers:?}: axum and actix-web differ"
        );
        assert_eq!(
            replies[0], replies[2],
            "{method} {path} {headers:?}: axum and hyper differ"
        );
    }
    users.stop().await;
}

// ---------------------------------------------------------------------------
// The middleware leaves what it does not tag byte for byte as it was: one
// small app per stack serves each kind of response twice, at `/plain/…`
// and, through the middleware, at `/tagged/…`.

/// A body of unknown size: what a stream looks like to the middleware.
struct Streamed(Option<Bytes>);

impl http_body::Body for Streamed {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        _: &mut Context<'_>,
    ) -> Poll<Option<Result<http_body::Frame<Bytes>, Infallible>>> {
        Poll::Ready(self.0.take().map(|data| Ok(http_body::Frame::data(data))))
    }
}

impl actix_web::body::MessageBody for Streamed {
    type Error = Infallible;

    fn size(&self) -> actix_web::body::BodySize {
        actix_web::body::BodySize::Stream
    }

    fn poll_next(
        mut self: Pin<&mut Self>,
        _: &mut Context<'_>,
    ) -> Poll<Option<Result<Bytes, Infallible>>> {
        Poll::Ready(self.0.take().map(Ok))
    }
}

const PAYLOAD: &str = r#"{"kind":"payload"}"#;

/// A limit under the payload's size: `/small/…` is never tagged.
const SMALL: u64 = 17;

/// The kinds of response, by the last path segment: (status, streamed).
fn kind(path: &str) -> (StatusCode, bool) {
    match path.rsplit('/').next() {
        Some("created") => (StatusCode::CREATED, false),
        Some("missing") => (StatusCode::NOT_FOUND, false),
        Some("stream") => (StatusCode::OK, true),
        _ => (StatusCode::OK, false),
    }
}

/// The middleware's default limit on the body it hashes.
const MIB: usize = 1024 * 1024;

/// The headers of a kind beyond `content-type` and `x-kind`.
fn extra_headers(path: &str) -> &'static [(&'static str, &'static str)] {
    match path.rsplit('/').next() {
        // What a 304 keeps (RFC 9110 §15.4.5) and what it drops.
        Some("cached") => &[
            ("cache-control", "max-age=60"),
            ("content-location", "/users"),
            ("expires", "Sun, 06 Nov 1994 08:50:37 GMT"),
            ("vary", "accept"),
            ("vary", "accept-encoding"),
            ("last-modified", "Sun, 06 Nov 1994 08:49:37 GMT"),
            ("x-request-id", "7"),
            ("set-cookie", "a=b"),
        ],
        Some("own-etag") => &[("etag", "\"v7\"")],
        _ => &[],
    }
}

/// The body of a kind: the payload, or exactly the default limit, or one
/// byte more.
fn body_of(path: &str) -> Bytes {
    match path.rsplit('/').next() {
        Some("mib") => Bytes::from(vec![b'a'; MIB]),
        Some("mib-and-one") => Bytes::from(vec![b'a'; MIB + 1]),
        _ => Bytes::from_static(PAYLOAD.as_bytes()),
    }
}

fn headers_of(path: &str, response: &mut HeaderMap) {
    response.insert("content-type", "application/json".parse().unwrap());
    response.insert("x-kind", "test".parse().unwrap());
    for (name, value) in extra_headers(path) {
        response.append(*name, value.parse().unwrap());
    }
}

async fn axum_kind(uri: axum::http::Uri) -> axum::response::Response {
    let (status, streamed) = kind(uri.path());
    let body = if streamed {
        axum::body::Body::new(Streamed(Some(body_of(uri.path()))))
    } else {
        axum::body::Body::from(body_of(uri.path()))
    };
    let mut response = axum::response::Response::new(body);
    *response.status_mut() = status;
    headers_of(uri.path(), response.headers_mut());
    response
}

fn axum_kinds() -> axum::Router {
    use axum::routing::any;
    axum::Router::new()
        .route("/plain/{kind}", any(axum_kind))
        .route(
            "/tagged/{kind}",
            any(axum_kind).layer(api_status::tower::ConditionalGetLayer::new()),
        )
        .route(
            "/small/{kind}",
            any(axum_kind)
                .layer(api_status::tower::ConditionalGetLayer::new().max_body_size(SMALL)),
        )
}

async fn actix_kind(request: actix_web::HttpRequest) -> actix_web::HttpResponse {
    let (status, streamed) = kind(request.path());
    let mut response = actix_web::HttpResponse::build(
        actix_web::http::StatusCode::from_u16(status.as_u16()).unwrap(),
    );
    response
        .insert_header(("content-type", "application/json"))
        .insert_header(("x-kind", "test"));
    for header in extra_headers(request.path()) {
        response.append_header(*header);
    }
    if streamed {
        response.body(Streamed(Some(body_of(request.path()))))
    } else {
        response.body(body_of(request.path()))
    }
}

fn actix_kinds(config: &mut actix_web::web::ServiceConfig) {
    use actix_web::web;
    config
        .service(web::resource("/plain/{kind}").to(actix_kind))
        .service(
            web::resource("/tagged/{kind}")
                .wrap(api_status::actix_web::ConditionalGet::new())
                .to(actix_kind),
        )
        .service(
            web::resource("/small/{kind}")
                .wrap(api_status::actix_web::ConditionalGet::new().max_body_size(SMALL))
                .to(actix_kind),
        );
}

type HyperBody = http_body_util::combinators::UnsyncBoxBody<Bytes, Infallible>;

async fn hyper_kind<B>(request: Request<B>) -> Result<Response<HyperBody>, Infallible> {
    let path = request.uri().path();
    let (status, streamed) = kind(path);
    let body = if streamed {
        Streamed(Some(body_of(path))).boxed_unsync()
    } else {
        Full::new(body_of(path)).boxed_unsync()
    };
    let mut response = Response::new(body);
    *response.status_mut() = status;
    headers_of(path, response.headers_mut());
    Ok(response)
}

async fn serve_hyper_kinds(listener: tokio::net::TcpListener) {
    use tower::{Layer, ServiceExt};
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            return;
        };
        tokio::spawn(async move {
            let service =
                hyper::service::service_fn(|request: Request<hyper::body::Incoming>| async move {
                    let layer = match request.uri().path() {
                        path if path.starts_with("/tagged/") => {
                            api_status::tower::ConditionalGetLayer::new()
                        }
                        path if path.starts_with("/small/") => {
                            api_status::tower::ConditionalGetLayer::new().max_body_size(SMALL)
                        }
                        _ => return hyper_kind(request).await,
                    };
                    let tagged =
                        layer.layer(tower::service_fn(hyper_kind::<hyper::body::Incoming>));
                    let response = tagged.oneshot(request).await?;
                    Ok::<_, Infallible>(response.map(|body| body.boxed_unsync()))
                });
            let _ = hyper::server::conn::http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}

#[tokio::test]
async fn the_middleware_leaves_other_methods_statuses_and_streams_byte_identical() {
    let kinds = Stacks::kinds();

    let tag = EntityTag::digest(PAYLOAD.as_bytes()).to_string();
    let mut checked = 0;
    for (stack, address) in kinds.addresses {
        for method in [Method::GET, Method::POST, Method::PUT, Method::DELETE] {
            for kind in ["ok", "created", "missing", "stream"] {
                // Even with a matching If-None-Match: nothing to do here.
                let headers = [("if-none-match", "*")];
                let plain = send(
                    address,
                    method.clone(),
                    &format!("/plain/{kind}"),
                    &headers,
                    "",
                )
                .await;
                let tagged = send(
                    address,
                    method.clone(),
                    &format!("/tagged/{kind}"),
                    &headers,
                    "",
                )
                .await;
                let what = format!("{stack} {method} {kind}");
                if method == Method::GET && kind == "ok" {
                    // The one case the middleware acts on.
                    assert_is_304(&tagged, PAYLOAD.len(), &what);
                    assert_eq!(tagged.headers()["etag"], tag.as_str(), "{what}");
                    let tagged = send(address, method.clone(), "/tagged/ok", &[], "").await;
                    assert_eq!(tagged.headers()["etag"], tag.as_str(), "{what}");
                    assert_eq!(tagged.body().as_ref(), PAYLOAD.as_bytes(), "{what}");
                    // Over the limit (18 bytes > 17): untouched.
                    let small = send(address, method.clone(), "/small/ok", &headers, "").await;
                    assert_eq!(
                        comparable(&plain),
                        comparable(&small),
                        "{what}, over the limit"
                    );
                    assert!(small.headers().get("etag").is_none(), "{what}");
                    continue;
                }
                assert_eq!(plain.body().as_ref(), PAYLOAD.as_bytes(), "{what}");
                assert_eq!(comparable(&plain), comparable(&tagged), "{what}");
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 3 * 15);
    kinds.stop().await;
}

/// The response's one `etag` (RFC 9110 §8.8.3: a single entity tag), as text.
fn only_etag<'a>(reply: &'a Response<Bytes>, what: &str) -> &'a str {
    let tags: Vec<_> = reply.headers().get_all("etag").iter().collect();
    assert_eq!(tags.len(), 1, "{what}: one etag, {tags:?}");
    tags[0].to_str().unwrap()
}

/// RFC 9110 §15.4.5 on every stack: a 304 keeps `cache-control`,
/// `content-location`, `expires`, `vary` (every line) and `etag`, and drops
/// the rest; a response's own ETag is kept and is the one compared; and the
/// default limit is 1 MiB, `Default` being `new()`.
#[tokio::test]
async fn on_every_stack_a_304_keeps_its_headers_an_own_etag_decides_and_1_mib_is_the_default() {
    assert_eq!(
        api_status::tower::ConditionalGetLayer::default(),
        api_status::tower::ConditionalGetLayer::new()
    );
    assert_eq!(
        api_status::actix_web::ConditionalGet::default(),
        api_status::actix_web::ConditionalGet::new()
    );
    let kinds = Stacks::kinds();

    let tag = EntityTag::digest(PAYLOAD.as_bytes()).to_string();
    let mib_tag = EntityTag::digest(&vec![b'a'; MIB]).to_string();
    for (stack, address) in kinds.addresses {
        let reply = send(
            address,
            Method::GET,
            "/tagged/cached",
            &[("if-none-match", &tag)],
            "",
        )
        .await;
        let what = format!("{stack}, cached");
        assert_is_304(&reply, PAYLOAD.len(), &what);
        assert_eq!(only_etag(&reply, &what), tag.as_str(), "{what}");
        for (name, value) in [
            ("cache-control", "max-age=60"),
            ("content-location", "/users"),
            ("expires", "Sun, 06 Nov 1994 08:50:37 GMT"),
        ] {
            assert_eq!(reply.headers()[name], value, "{what}");
        }
        let vary: Vec<_> = reply.headers().get_all("vary").iter().collect();
        assert_eq!(vary, ["accept", "accept-encoding"], "{what}");
        for name in ["last-modified", "x-request-id", "set-cookie", "x-kind"] {
            assert!(reply.headers().get(name).is_none(), "{what}: {name}");
        }

        let what = format!("{stack}, own ETag");
        let reply = send(address, Method::GET, "/tagged/own-etag", &[], "").await;
        assert_eq!(reply.status(), 200, "{what}");
        // Kept, and no digest tag beside it.
        assert_eq!(only_etag(&reply, &what), "\"v7\"", "{what}");
        let reply = send(
            address,
            Method::GET,
            "/tagged/own-etag",
            &[("if-none-match", "W/\"v7\"")],
            "",
        )
        .await;
        assert_is_304(&reply, PAYLOAD.len(), &what);
        assert_eq!(only_etag(&reply, &what), "\"v7\"", "{what}");
        let reply = send(
            address,
            Method::GET,
            "/tagged/own-etag",
            &[("if-none-match", &tag)],
            "",
        )
        .await;
        assert_eq!(
            reply.status(),
            200,
            "{what}: its own tag decides, not the digest"
        );

        let what = format!("{stack}, default limit");
        let reply = send(address, Method::GET, "/tagged/mib", &[], "").await;
        assert_eq!(reply.body().len(), MIB, "{what}");
        assert_eq!(
            only_etag(&reply, &what),
            mib_tag.as_str(),
            "{what}: 1 MiB is tagged"
        );
        let reply = send(address, Method::GET, "/tagged/mib-and-one", &[], "").await;
        assert_eq!(reply.body().len(), MIB + 1, "{what}");
        assert!(
            reply.headers().get("etag").is_none(),
            "{what}: one byte more is not"
        );
    }
    kinds.stop().await;
}
