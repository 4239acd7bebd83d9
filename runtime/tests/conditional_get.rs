//! `api_status::tower::ConditionalGetLayer`: checked against tower-http's
//! `ServeDir` (an independent reading of RFC 9110 section 13) serving the
//! same bytes from a file, then rule by rule.
#![cfg(feature = "tower")]

use std::convert::Infallible;
use std::pin::Pin;
use std::task::{Context, Poll};

use api_status::bytes::Bytes;
use api_status::http::{HeaderMap, HeaderName, HeaderValue, Method, Request, Response, StatusCode};
use api_status::tower::ConditionalGetLayer;
use api_status::EntityTag;
use http_body::{Body, Frame, SizeHint};
use http_body_util::{BodyExt, Full};
use tower::{Layer, Service, ServiceExt};
use tower_http::services::ServeDir;

const JSON: &[u8] = br#"[{"id":1,"name":"Ada Lovelace","email":"ada@example.com"}]"#;

/// What came back: status, headers, whole body.
#[derive(Debug)]
struct Reply {
    status: StatusCode,
    headers: HeaderMap,
    body: Bytes,
}

async fn call<S, B>(service: S, method: Method, headers: &[(&str, String)]) -> Reply
where
    S: Service<Request<Full<Bytes>>, Response = Response<B>>,
    S::Error: std::fmt::Debug,
    B: Body,
    B::Error: std::fmt::Debug,
{
    let mut request = Request::builder().method(method).uri("/data.json");
    for (name, value) in headers {
        request = request.header(*name, value.as_str());
    }
    let response = service
        .oneshot(request.body(Full::new(Bytes::new())).unwrap())
        .await
        .unwrap();
    let (parts, body) = response.into_parts();
    Reply {
        status: parts.status,
        headers: parts.headers,
        body: body.collect().await.unwrap().to_bytes(),
    }
}

/// An inner service that answers every request with `status`, `body` and
/// `headers`, and records the method it saw.
fn fixed(
    status: StatusCode,
    body: &'static [u8],
    headers: Vec<(&'static str, String)>,
) -> impl Service<
    Request<Full<Bytes>>,
    Response = Response<Full<Bytes>>,
    Error = Infallible,
    Future = impl Send,
> + Clone {
    tower::service_fn(move |request: Request<Full<Bytes>>| {
        let headers = headers.clone();
        async move {
            let mut response = Response::new(Full::new(Bytes::from_static(body)));
            *response.status_mut() = status;
            for (name, value) in headers {
                response.headers_mut().append(
                    HeaderName::from_static(name),
                    HeaderValue::from_str(&value).unwrap(),
                );
            }
            response.headers_mut().insert(
                "x-seen-method",
                HeaderValue::from_str(request.method().as_str()).unwrap(),
            );
            Ok::<_, Infallible>(response)
        }
    })
}

/// The requests of the comparison: `{o}` is the opaque part of the
/// server's own tag, `{lm}` its Last-Modified, `{before}` a second earlier.
const CASES: &[(&str, &[(&str, &str)])] = &[
    ("no condition", &[]),
    // RFC 9110 §13.1.2: weak comparison, so a strong or weak form matches.
    ("strong form of the tag", &[("if-none-match", r#""{o}""#)]),
    ("weak form of the tag", &[("if-none-match", r#"W/"{o}""#)]),
    ("another tag", &[("if-none-match", r#""nope""#)]),
    // §5.6.1: a list, split on commas outside quotes, OWS trimmed.
    ("list, match last", &[("if-none-match", r#""nope", "{o}""#)]),
    (
        "list, weak match",
        &[("if-none-match", r#""nope",W/"{o}""#)],
    ),
    (
        "list with a quoted comma",
        &[("if-none-match", r#""a,b" ,  "{o}""#)],
    ),
    (
        "a quoted comma is not a split",
        &[("if-none-match", r#""{o},x""#)],
    ),
    ("list, no match", &[("if-none-match", r#""a", "b""#)]),
    // §13.1.2: `*` matches any current representation.
    ("star", &[("if-none-match", "*")]),
    // §13.1.3: If-Modified-Since without If-None-Match.
    (
        "modified since: the same date",
        &[("if-modified-since", "{lm}")],
    ),
    (
        "modified since: a second before",
        &[("if-modified-since", "{before}")],
    ),
    (
        "modified since: not a date",
        &[("if-modified-since", "yesterday")],
    ),
    // §13.1.3: ignored when If-None-Match is present.
    (
        "If-None-Match decides over If-Modified-Since",
        &[
            ("if-none-match", r#""nope""#),
            ("if-modified-since", "{lm}"),
        ],
    ),
];

fn fill(template: &str, opaque: &str, last_modified: &str, before: &str) -> String {
    template
        .replace("{o}", opaque)
        .replace("{lm}", last_modified)
        .replace("{before}", before)
}

/// The outcome compared across implementations.
#[derive(Debug, PartialEq, Eq)]
struct Outcome {
    status: StatusCode,
    /// `None` for a HEAD's 200: ServeDir drops the body itself, the layer
    /// leaves that to the server (hyper sends no body for a HEAD; the
    /// real-server tests of the examples check the wire).
    body_empty: Option<bool>,
    content_type: bool,
    /// A 304 carries the tag of the 200 it stands for.
    same_tag: bool,
}

fn outcome(method: &Method, reply: &Reply, tag_of_200: &HeaderValue) -> Outcome {
    let head_200 = method == Method::HEAD && reply.status == StatusCode::OK;
    Outcome {
        status: reply.status,
        body_empty: (!head_200).then_some(reply.body.is_empty()),
        content_type: reply.headers.contains_key("content-type"),
        same_tag: reply.headers.get("etag") == Some(tag_of_200),
    }
}

#[tokio::test]
async fn the_layer_answers_as_serve_dir_does() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("data.json"), JSON).unwrap();
    let serve_dir = ServeDir::new(dir.path());

    let first = call(serve_dir.clone(), Method::GET, &[]).await;
    assert_eq!(first.status, 200);
    assert_eq!(first.body.as_ref(), JSON);
    let dir_tag = first.headers["etag"].clone();
    let dir_opaque = dir_tag.to_str().unwrap().parse::<EntityTag>().unwrap();
    let last_modified = first.headers["last-modified"].to_str().unwrap().to_owned();
    let before = httpdate::fmt_http_date(
        httpdate::parse_http_date(&last_modified).unwrap() - std::time::Duration::from_secs(1),
    );

    // The layer over the same bytes: once with ServeDir's own validators
    // (the layer then keeps them), once computing its own tag.
    let same_validators = ConditionalGetLayer::new().layer(fixed(
        StatusCode::OK,
        JSON,
        vec![
            ("content-type", "application/json".to_owned()),
            ("etag", dir_tag.to_str().unwrap().to_owned()),
            ("last-modified", last_modified.clone()),
        ],
    ));
    let digest = ConditionalGetLayer::new().layer(fixed(
        StatusCode::OK,
        JSON,
        vec![
            ("content-type", "application/json".to_owned()),
            ("last-modified", last_modified.clone()),
        ],
    ));
    let own = call(digest.clone(), Method::GET, &[]).await;
    let own_tag = own.headers["etag"].clone();
    assert_eq!(
        own_tag.to_str().unwrap(),
        EntityTag::digest(JSON).to_string()
    );
    let own_opaque = EntityTag::digest(JSON);

    let mut not_modified = 0;
    for method in [Method::GET, Method::HEAD] {
        for (name, headers) in CASES {
            let with = |opaque: &EntityTag| -> Vec<(&str, String)> {
                headers
                    .iter()
                    .map(|(header, value)| {
                        (*header, fill(value, opaque.tag(), &last_modified, &before))
                    })
                    .collect()
            };
            let expected = outcome(
                &method,
                &call(serve_dir.clone(), method.clone(), &with(&dir_opaque)).await,
                &dir_tag,
            );
            let got = outcome(
                &method,
                &call(same_validators.clone(), method.clone(), &with(&dir_opaque)).await,
                &dir_tag,
            );
            assert_eq!(got, expected, "{method} {name}, ServeDir's validators");
            let got = outcome(
                &method,
                &call(digest.clone(), method.clone(), &with(&own_opaque)).await,
                &own_tag,
            );
            assert_eq!(got, expected, "{method} {name}, the layer's own tag");
            if expected.status == StatusCode::NOT_MODIFIED {
                not_modified += 1;
            }
        }
    }
    // The comparison saw both outcomes, so it could have failed.
    assert_eq!(not_modified, 2 * 7);
}

// RFC 9110 §15.4.5: a 304 keeps Cache-Control, Content-Location, Date,
// ETag, Expires and Vary, and nothing else; it has no content.
#[tokio::test]
async fn a_304_keeps_only_the_headers_of_section_15_4_5() {
    let service = ConditionalGetLayer::new().layer(fixed(
        StatusCode::OK,
        JSON,
        vec![
            ("content-type", "application/json".to_owned()),
            ("content-length", JSON.len().to_string()),
            ("cache-control", "max-age=60".to_owned()),
            ("content-location", "/users".to_owned()),
            ("date", "Sun, 06 Nov 1994 08:49:37 GMT".to_owned()),
            ("expires", "Sun, 06 Nov 1994 08:50:37 GMT".to_owned()),
            ("vary", "accept".to_owned()),
            ("vary", "accept-encoding".to_owned()),
            ("last-modified", "Sun, 06 Nov 1994 08:49:37 GMT".to_owned()),
            ("x-request-id", "7".to_owned()),
            ("set-cookie", "a=b".to_owned()),
        ],
    ));
    let tag = EntityTag::digest(JSON).to_string();
    let reply = call(service, Method::GET, &[("if-none-match", tag.clone())]).await;
    assert_eq!(reply.status, 304);
    assert!(reply.body.is_empty());
    let mut names: Vec<_> = reply.headers.keys().map(|name| name.as_str()).collect();
    names.sort_unstable();
    assert_eq!(
        names,
        [
            "cache-control",
            "content-location",
            "date",
            "etag",
            "expires",
            "vary"
        ]
    );
    assert_eq!(reply.headers["etag"], tag.as_str());
    let vary: Vec<_> = reply.headers.get_all("vary").iter().collect();
    assert_eq!(vary, ["accept", "accept-encoding"]);
}

#[tokio::test]
async fn an_existing_etag_is_kept_and_compared() {
    let service = ConditionalGetLayer::new().layer(fixed(
        StatusCode::OK,
        JSON,
        vec![("etag", r#""v7""#.to_owned())],
    ));
    let reply = call(service.clone(), Method::GET, &[]).await;
    assert_eq!(reply.headers["etag"], r#""v7""#);
    assert_eq!(reply.body.as_ref(), JSON);
    let reply = call(
        service.clone(),
        Method::GET,
        &[("if-none-match", r#"W/"v7""#.to_owned())],
    )
    .await;
    assert_eq!(reply.status, 304);
    let digest = EntityTag::digest(JSON).to_string();
    let reply = call(service, Method::GET, &[("if-none-match", digest)]).await;
    assert_eq!(
        reply.status, 200,
        "the response's own tag decides, not the digest"
    );
}

/// The whole reply of the inner service alone, and through the layer.
async fn both<S>(service: S, method: Method, headers: &[(&str, String)]) -> (Reply, Reply)
where
    S: Service<Request<Full<Bytes>>, Response = Response<Full<Bytes>>, Error = Infallible> + Clone,
    S::Future: Send + 'static,
{
    let alone = call(service.clone(), method.clone(), headers).await;
    let layered = call(ConditionalGetLayer::new().layer(service), method, headers).await;
    (alone, layered)
}

fn assert_identical(alone: &Reply, layered: &Reply, what: &str) {
    assert_eq!(alone.status, layered.status, "{what}");
    assert_eq!(alone.headers, layered.headers, "{what}");
    assert_eq!(alone.body, layered.body, "{what}");
}

#[tokio::test]
async fn other_methods_and_statuses_pass_through_untouched() {
    let digest = EntityTag::digest(JSON).to_string();
    let matching = [
        ("if-none-match", digest),
        (
            "if-modified-since",
            "Sun, 06 Nov 2094 08:49:37 GMT".to_owned(),
        ),
    ];
    for method in [
        Method::POST,
        Method::PUT,
        Method::PATCH,
        Method::DELETE,
        Method::OPTIONS,
    ] {
        let (alone, layered) = both(
            fixed(
                StatusCode::OK,
                JSON,
                vec![("last-modified", "Sun, 06 Nov 1994 08:49:37 GMT".to_owned())],
            ),
            method.clone(),
            &matching,
        )
        .await;
        assert_identical(&alone, &layered, method.as_str());
        assert!(!layered.headers.contains_key("etag"));
        assert_eq!(layered.headers["x-seen-method"], method.as_str());
    }
    for status in [
        StatusCode::CREATED,
        StatusCode::NO_CONTENT,
        StatusCode::NOT_FOUND,
        StatusCode::PRECONDITION_FAILED,
        StatusCode::INTERNAL_SERVER_ERROR,
        StatusCode::PARTIAL_CONTENT,
    ] {
        let (alone, layered) = both(fixed(status, JSON, vec![]), Method::GET, &matching).await;
        assert_identical(&alone, &layered, status.as_str());
    }
    // A 200 that is tagged: only the tag is added.
    let (alone, layered) = both(fixed(StatusCode::OK, JSON, vec![]), Method::GET, &[]).await;
    assert_eq!(layered.body, alone.body);
    assert!(layered.headers.contains_key("etag"));
}

/// A body of several frames that says what it likes about its size.
struct Frames {
    frames: Vec<Bytes>,
    hint: SizeHint,
}

impl Body for Frames {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        _: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        if self.frames.is_empty() {
            Poll::Ready(None)
        } else {
            let data = self.frames.remove(0);
            Poll::Ready(Some(Ok(Frame::data(data))))
        }
    }

    fn size_hint(&self) -> SizeHint {
        self.hint
    }
}

async fn through_layer(frames: Vec<&'static [u8]>, hint: SizeHint, limit: u64) -> Reply {
    let service = tower::service_fn(move |_: Request<Full<Bytes>>| {
        let frames = frames
            .iter()
            .map(|frame| Bytes::from_static(frame))
            .collect();
        async move { Ok::<_, Infallible>(Response::new(Frames { frames, hint })) }
    });
    call(
        ConditionalGetLayer::new()
            .max_body_size(limit)
            .layer(service),
        Method::GET,
        &[],
    )
    .await
}

#[tokio::test]
async fn only_complete_bodies_within_the_limit_are_hashed() {
    let frames: Vec<&[u8]> = vec![b"[1,", b"2,", b"3]"];
    let whole = b"[1,2,3]";
    // Exact size, within the limit (and exactly at it): tagged, all frames.
    for limit in [7, 1024] {
        let reply = through_layer(frames.clone(), SizeHint::with_exact(7), limit).await;
        assert_eq!(reply.body.as_ref(), whole);
        assert_eq!(
            reply.headers["etag"],
            EntityTag::digest(whole).to_string().as_str(),
            "limit {limit}"
        );
    }
    // Over the limit: untouched.
    let reply = through_layer(frames.clone(), SizeHint::with_exact(7), 6).await;
    assert_eq!(reply.body.as_ref(), whole);
    assert!(!reply.headers.contains_key("etag"));
    // Streamed (no exact size): untouched, never buffered.
    let reply = through_layer(frames.clone(), SizeHint::new(), 1024).await;
    assert_eq!(reply.body.as_ref(), whole);
    assert!(!reply.headers.contains_key("etag"));
    // A body that says 3 bytes and sends 7, over a limit of 5: no tag, and
    // every byte still reaches the client.
    let reply = through_layer(frames.clone(), SizeHint::with_exact(3), 5).await;
    assert_eq!(reply.body.as_ref(), whole);
    assert!(!reply.headers.contains_key("etag"));
    // An empty body is a body too.
    let reply = through_layer(vec![], SizeHint::with_exact(0), 1024).await;
    assert_eq!(
        reply.headers["etag"],
        EntityTag::digest(b"").to_string().as_str()
    );
}

#[tokio::test]
async fn a_head_is_tagged_as_its_get() {
    let service = ConditionalGetLayer::new().layer(fixed(StatusCode::OK, JSON, vec![]));
    let get = call(service.clone(), Method::GET, &[]).await;
    let head = call(service.clone(), Method::HEAD, &[]).await;
    assert_eq!(head.headers["x-seen-method"], "GET");
    assert_eq!(head.headers["etag"], get.headers["etag"]);
    let tag = get.headers["etag"].to_str().unwrap().to_owned();
    let head = call(service, Method::HEAD, &[("if-none-match", tag)]).await;
    assert_eq!(head.status, 304);
}

/// A body that sends one frame, then fails.
struct Failing(bool);

impl Body for Failing {
    type Data = Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        _: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, std::io::Error>>> {
        if self.0 {
            Poll::Ready(Some(Err(std::io::Error::other("boom"))))
        } else {
            self.0 = true;
            Poll::Ready(Some(Ok(Frame::data(Bytes::from_static(b"[1,")))))
        }
    }

    fn size_hint(&self) -> SizeHint {
        SizeHint::with_exact(7)
    }
}

#[tokio::test]
async fn a_body_that_fails_while_read_is_passed_on_untagged_with_its_error() {
    let service = tower::service_fn(|_: Request<Full<Bytes>>| async {
        Ok::<_, Infallible>(Response::new(Failing(false)))
    });
    let response = ConditionalGetLayer::new()
        .layer(service)
        .oneshot(Request::new(Full::new(Bytes::new())))
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert!(!response.headers().contains_key("etag"));
    let mut body = response.into_body();
    let first = body.frame().await.unwrap().unwrap();
    assert_eq!(first.into_data().unwrap().as_ref(), b"[1,");
    let error = body.frame().await.unwrap().unwrap_err();
    assert_eq!(error.to_string(), "boom");
    assert!(body.frame().await.is_none());
}
