//! The three example servers, started for real on 127.0.0.1 (port 0) and
//! sent real HTTP/1.1 requests: every error of the users API, and every
//! rejection, answers with the status, headers and body bytes that
//! `ApiError::to_response` gives, on axum, on actix-web and on hyper alone;
//! and the three stacks answer every request with the same bytes, in each
//! of the four formats a client can ask for with `Accept` (section 12). The
//! seed's success rows (200, 201 with `location` and the `self` link, 202
//! with the task's `status` link that a `GET` then reports, 301) are
//! checked the same way, byte for byte, across the three stacks.
//!
//! Every request goes to loopback only and is bounded by a timeout.

use std::net::SocketAddr;

use api_status::bytes::Bytes;
use api_status::http::{Method, Response};
use api_status::{ApiError, ErrorBody, Format, Rejection};
use api_status_examples::{actix_users, axum_users, hyper_users, NewUser, User, UserError};

#[path = "support/client.rs"]
mod client;
use client::{loopback, REQUEST_TIMEOUT};

/// The headers compared between a reply and `to_response()`: the ones an
/// error response carries. (A server adds `date`, `content-length`, ... of
/// its own.)
const ERROR_HEADERS: [&str; 3] = ["content-type", "www-authenticate", "retry-after"];

/// One request to send.
struct Case {
    name: &'static str,
    method: Method,
    path: &'static str,
    content_type: Option<&'static str>,
    body: &'static str,
    /// The response every stack must give: `to_response()` of the error the
    /// API (or the extractor) answers with.
    expected: Response<Bytes>,
    /// The same error's `to_response_in(format)` for each of [`FORMATS`].
    expected_in: Vec<Response<Bytes>>,
}

/// The four formats, each with an `Accept` that asks for it.
const FORMATS: [(&str, Format); 4] = [
    ("application/json", Format::Json),
    (
        "application/problem+json, application/json;q=0.5",
        Format::ProblemJson,
    ),
    ("text/xml", Format::Xml),
    ("application/problem+xml", Format::ProblemXml),
];

fn case(
    name: &'static str,
    method: Method,
    path: &'static str,
    content_type: Option<&'static str>,
    body: &'static str,
    expected: impl ApiError,
) -> Case {
    Case {
        name,
        method,
        path,
        content_type,
        body,
        expected: expected.to_response(),
        expected_in: FORMATS
            .iter()
            .map(|(_, format)| expected.to_response_in(*format))
            .collect(),
    }
}

const JSON: Option<&str> = Some("application/json");

/// The rejection of JSON of the wrong shape for `NewUser`, naming the field.
fn unfit(body: &str) -> Rejection {
    api_status::from_json_slice::<NewUser>(body.as_bytes()).unwrap_err()
}

/// Every error kind of the users API, and every rejection.
fn error_cases() -> Vec<Case> {
    let invalid = api_status_examples::create_user(NewUser {
        name: String::new(),
        email: "nope".to_owned(),
        age: Some(5),
    })
    .unwrap_err();
    vec![
        case(
            "user not found",
            Method::GET,
            "/users/42",
            None,
            "",
            UserError::NotFound { id: 42 },
        ),
        case(
            "path that names no user",
            Method::GET,
            "/users/abc",
            None,
            "",
            Rejection::NotFound,
        ),
        case(
            "unknown route",
            Method::GET,
            "/no/such/thing",
            None,
            "",
            Rejection::NotFound,
        ),
        case(
            "validation",
            Method::POST,
            "/users",
            JSON,
            r#"{"name":"","email":"nope","age":5}"#,
            invalid,
        ),
        case(
            "malformed JSON",
            Method::POST,
            "/users",
            JSON,
            r#"{"name":"#,
            Rejection::MalformedJson,
        ),
        case(
            "not JSON at all",
            Method::POST,
            "/users",
            JSON,
            "name=ada",
            Rejection::MalformedJson,
        ),
        case(
            "empty body",
            Method::POST,
            "/users",
            JSON,
            "",
            Rejection::MalformedJson,
        ),
        case(
            "wrong content type",
            Method::POST,
            "/users",
            Some("text/plain"),
            r#"{"name":"ada","email":"ada@example.com"}"#,
            Rejection::UnsupportedMediaType,
        ),
        case(
            "no content type",
            Method::POST,
            "/users",
            None,
            r#"{"name":"ada","email":"ada@example.com"}"#,
            Rejection::UnsupportedMediaType,
        ),
        case(
            "wrong field types",
            Method::POST,
            "/users",
            JSON,
            r#"{"name":1,"email":2}"#,
            unfit(r#"{"name":1,"email":2}"#),
        ),
        case(
            "missing field",
            Method::POST,
            "/users",
            JSON,
            r#"{"name":"ada"}"#,
            unfit(r#"{"name":"ada"}"#),
        ),
        case(
            "wrong type of an optional field",
            Method::POST,
            "/users",
            JSON,
            r#"{"name":"ada","email":"ada@example.com","age":"old"}"#,
            unfit(r#"{"name":"ada","email":"ada@example.com","age":"old"}"#),
        ),
        case(
            "oauth",
            Method::POST,
            "/oauth/token",
            None,
            "",
            UserError::InvalidClient,
        ),
        case(
            "forbidden",
            Method::GET,
            "/admin",
            None,
            "",
            UserError::Forbidden,
        ),
        case(
            "maintenance",
            Method::GET,
            "/maintenance",
            None,
            "",
            UserError::Maintenance,
        ),
        case(
            "upstream",
            Method::GET,
            "/upstream",
            None,
            "",
            UserError::Upstream(std::io::Error::other("any cause")),
        ),
    ]
}

/// What came back.
#[derive(Debug, PartialEq, Eq)]
struct Reply {
    status: u16,
    /// [`ERROR_HEADERS`], each with every value it had.
    headers: Vec<(&'static str, Vec<String>)>,
    body: Bytes,
}

impl Reply {
    fn from_response(response: &Response<Bytes>) -> Reply {
        Reply {
            status: response.status().as_u16(),
            headers: ERROR_HEADERS
                .iter()
                .map(|name| {
                    let values = response
                        .headers()
                        .get_all(*name)
                        .iter()
                        .map(|value| value.to_str().unwrap().to_owned())
                        .collect();
                    (*name, values)
                })
                .collect(),
            body: response.body().clone(),
        }
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(header, _)| *header == name)
            .and_then(|(_, values)| values.first())
            .map(String::as_str)
    }
}

/// Sends one request with its content type; see [`client::send`].
async fn send(
    address: SocketAddr,
    method: Method,
    path: &str,
    content_type: Option<&str>,
    body: &'static str,
) -> Response<Bytes> {
    send_accepting(address, method, path, content_type, None, body).await
}

/// [`send`], with an `Accept` header when given.
async fn send_accepting(
    address: SocketAddr,
    method: Method,
    path: &str,
    content_type: Option<&str>,
    accept: Option<&str>,
    body: &'static str,
) -> Response<Bytes> {
    let headers: Vec<(&str, &str)> = [("content-type", content_type), ("accept", accept)]
        .into_iter()
        .filter_map(|(name, value)| Some((name, value?)))
        .collect();
    client::send(
        address,
        method,
        path,
        &headers,
        Bytes::from_static(body.as_bytes()),
    )
    .await
}

/// Sends every error case to `address` and checks each reply against the
/// expected response, header by header and byte by byte; returns the
/// replies for comparing stacks.
async fn check_every_error(stack: &str, address: SocketAddr) -> Vec<Reply> {
    let mut replies = Vec::new();
    for case in error_cases() {
        let response = send(
            address,
            case.method.clone(),
            case.path,
            case.content_type,
            case.body,
        )
        .await;
        let what = format!("{stack}, {}: {} {}", case.name, case.method, case.path);

        // Exactly one content-type, exactly `application/json`.
        let content_types: Vec<_> = response.headers().get_all("content-type").iter().collect();
        assert_eq!(content_types, ["application/json"], "{what}");
        // The body is one JSON object the client type parses.
        let body: ErrorBody = serde_json::from_slice(response.body())
            .unwrap_or_else(|error| panic!("{what}: body is not an ErrorBody: {error}"));
        assert!(!body.message.is_empty(), "{what}");

        let reply = Reply::from_response(&response);
        assert_eq!(reply, Reply::from_response(&case.expected), "{what}");
        replies.push(reply);
    }
    check_the_wire(stack, &replies);
    replies
}

/// The bytes of the cases, written out, so that the expectations do not
/// rest on `to_response()` alone.
fn check_the_wire(stack: &str, replies: &[Reply]) {
    let by_name = |name: &str| {
        let index = error_cases()
            .iter()
            .position(|case| case.name == name)
            .unwrap();
        &replies[index]
    };
    let expect = |name: &str, status: u16, body: &str| {
        let reply = by_name(name);
        assert_eq!(reply.status, status, "{stack}, {name}");
        assert_eq!(
            std::str::from_utf8(&reply.body).unwrap(),
            body,
            "{stack}, {name}"
        );
    };

    expect("user not found", 404, r#"{"message":"user 42 not found"}"#);
    expect(
        "path that names no user",
        404,
        r#"{"message":"No resource exists at this path"}"#,
    );
    expect(
        "unknown route",
        404,
        r#"{"message":"No resource exists at this path"}"#,
    );
    expect(
        "validation",
        422,
        r#"{"message":"the user could not be created","errors":{"age":["is out of range"],"email":["is not a valid email"],"name":["has the wrong length"]}}"#,
    );
    expect(
        "malformed JSON",
        400,
        r#"{"message":"The request body is not valid JSON"}"#,
    );
    expect(
        "not JSON at all",
        400,
        r#"{"message":"The request body is not valid JSON"}"#,
    );
    expect(
        "empty body",
        400,
        r#"{"message":"The request body is not valid JSON"}"#,
    );
    let unsupported =
        r#"{"message":"The request body must be JSON, sent with Content-Type: application/json"}"#;
    expect("wrong content type", 415, unsupported);
    expect("no content type", 415, unsupported);
    // The first offending field, by name, in our words.
    let unfit = |field: &str, message: &str| {
        format!(
            r#"{{"message":"The request body has missing fields or fields of the wrong type","errors":{{"{field}":["{message}"]}}}}"#
        )
    };
    expect(
        "wrong field types",
        422,
        &unfit("name", "has the wrong type"),
    );
    expect("missing field", 422, &unfit("email", "is required"));
    expect(
        "wrong type of an optional field",
        422,
        &unfit("age", "has the wrong type"),
    );
    expect(
        "oauth",
        401,
        r#"{"message":"client authentication failed","error":"invalid_client","error_description":"client authentication failed"}"#,
    );
    assert_eq!(
        by_name("oauth").header("www-authenticate"),
        Some(r#"Bearer error="invalid_client", error_description="client authentication failed""#),
        "{stack}",
    );
    expect(
        "forbidden",
        403,
        r#"{"message":"only administrators can open the admin area"}"#,
    );
    expect(
        "maintenance",
        503,
        r#"{"message":"We are down for maintenance, please retry shortly"}"#,
    );
    assert_eq!(
        by_name("maintenance").header("retry-after"),
        Some("120"),
        "{stack}"
    );
    expect("upstream", 502, r#"{"message":"Bad Gateway"}"#);

    // Only the 401 is challenged; only the 503 says when to retry.
    for (index, case) in error_cases().iter().enumerate() {
        let reply = &replies[index];
        assert_eq!(
            reply.header("www-authenticate").is_some(),
            case.name == "oauth",
            "{stack}, {}",
            case.name
        );
        assert_eq!(
            reply.header("retry-after").is_some(),
            case.name == "maintenance",
            "{stack}, {}",
            case.name
        );
        // No internal detail: not the upstream's address, not serde's words.
        let body = String::from_utf8_lossy(&reply.body);
        for leak in [
            "billing.internal",
            "8443",
            "invalid type",
            "line 1",
            "column",
            "NewUser",
            "expected",
            "missing field `",
            "integer",
        ] {
            assert!(
                !body.contains(leak),
                "{stack}, {}: body leaks {leak:?}: {body}",
                case.name
            );
        }
    }
}

/// The requests that succeed: a 200 and a 201 with the user as JSON.
async fn check_successes(stack: &str, address: SocketAddr) {
    let response = send(address, Method::GET, "/users/1", None, "").await;
    assert_eq!(response.status(), 200, "{stack}");
    let user: User = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(user, api_status_examples::ada(), "{stack}");

    let response = send(
        address,
        Method::POST,
        "/users",
        Some("application/json; charset=utf-8"),
        r#"{"name":"Grace Hopper","email":"grace@example.com","age":85}"#,
    )
    .await;
    assert_eq!(response.status(), 201, "{stack}");
    let user: User = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(user.name, "Grace Hopper", "{stack}");
}

/// The headers compared on the seed's success rows (and the 404s between
/// them): every header those responses carry, `content-length` included.
const SUCCESS_HEADERS: [&str; 6] = [
    "content-type",
    "content-length",
    "location",
    "link",
    "retry-after",
    "www-authenticate",
];

/// One step of the seed's success rows: a request, and the exact status,
/// headers (of [`SUCCESS_HEADERS`]; `content-length` is the reply's length)
/// and body it answers.
struct Step {
    method: Method,
    path: &'static str,
    content_type: Option<&'static str>,
    body: &'static str,
    status: u16,
    headers: Vec<(&'static str, &'static str)>,
    reply: &'static str,
}

const JSON_TYPE: (&str, &str) = ("content-type", "application/json");

/// Shorthand for a [`Step`].
fn step(
    (method, path, content_type, body): (Method, &'static str, Option<&'static str>, &'static str),
    status: u16,
    headers: Vec<(&'static str, &'static str)>,
    reply: &'static str,
) -> Step {
    Step {
        method,
        path,
        content_type,
        body,
        status,
        headers,
        reply,
    }
}

/// The seed's rows 200, 201, 202 and 301, in one order (the task ids depend
/// on it), for a server that has not served them before.
fn seed_steps() -> Vec<Step> {
    vec![
        // 200 OK.
        step(
            (Method::GET, "/users/1", None, ""),
            200,
            vec![JSON_TYPE],
            r#"{"id":1,"name":"Ada Lovelace","email":"ada@example.com"}"#,
        ),
        // 201 Created: `location` and the `self` link.
        step(
            (
                Method::POST,
                "/users",
                JSON,
                r#"{"name":"Grace Hopper","email":"grace@example.com","age":85}"#,
            ),
            201,
            vec![JSON_TYPE, ("location", "/users/2")],
            r#"{"id":2,"name":"Grace Hopper","email":"grace@example.com","links":{"self":"/users/2"}}"#,
        ),
        // No avatar before the upload.
        step(
            (Method::GET, "/users/1/avatar", None, ""),
            404,
            vec![JSON_TYPE],
            r#"{"message":"user 1 has no avatar yet"}"#,
        ),
        // 202 Accepted: the task's `status` link, the avatar's `self` link.
        step(
            (
                Method::PUT,
                "/users/1/avatar",
                Some("image/png"),
                "fake PNG bytes!!",
            ),
            202,
            vec![
                JSON_TYPE,
                (
                    "link",
                    r#"</tasks/1>; rel="status", </users/1/avatar>; rel="self""#,
                ),
                ("retry-after", "1"),
            ],
            r#"{"id":1,"state":"pending","links":{"status":"/tasks/1","self":"/users/1/avatar"}}"#,
        ),
        // A GET of the status link reports the task.
        step(
            (Method::GET, "/tasks/1", None, ""),
            200,
            vec![JSON_TYPE],
            r#"{"id":1,"state":"done"}"#,
        ),
        // The self link is the avatar, now made.
        step(
            (Method::GET, "/users/1/avatar", None, ""),
            200,
            vec![JSON_TYPE],
            r#"{"user_id":1,"bytes":16}"#,
        ),
        step(
            (Method::GET, "/tasks/2", None, ""),
            404,
            vec![JSON_TYPE],
            r#"{"message":"task 2 not found"}"#,
        ),
        // No upload for a user nobody has.
        step(
            (Method::PUT, "/users/42/avatar", Some("image/png"), "PNG"),
            404,
            vec![JSON_TYPE],
            r#"{"message":"user 42 not found"}"#,
        ),
        // 301 Moved Permanently: `location`, no body, no content type.
        step(
            (Method::GET, "/people/1", None, ""),
            301,
            vec![("location", "/users/1")],
            "",
        ),
    ]
}

/// What a step came back with: status, [`SUCCESS_HEADERS`] with all their
/// values, body.
type SeedReply = (u16, Vec<(&'static str, Vec<String>)>, Bytes);

fn seed_reply(response: &Response<Bytes>) -> SeedReply {
    let headers = SUCCESS_HEADERS
        .iter()
        .map(|name| {
            let values = response
                .headers()
                .get_all(*name)
                .iter()
                .map(|value| value.to_str().unwrap().to_owned())
                .collect();
            (*name, values)
        })
        .collect();
    (response.status().as_u16(), headers, response.body().clone())
}

/// Sends [`seed_steps`] in order and checks every reply's exact status,
/// headers and body bytes; returns the replies for comparing stacks.
async fn check_seed_rows(stack: &str, address: SocketAddr) -> Vec<SeedReply> {
    let mut replies = Vec::new();
    for step in seed_steps() {
        let response = send(
            address,
            step.method.clone(),
            step.path,
            step.content_type,
            step.body,
        )
        .await;
        let what = format!("{stack}: {} {}", step.method, step.path);
        let reply = seed_reply(&response);
        let length = step.reply.len().to_string();
        let expected_headers: Vec<(&str, Vec<String>)> = SUCCESS_HEADERS
            .iter()
            .map(|name| {
                let values = if *name == "content-length" {
                    vec![length.clone()]
                } else {
                    step.headers
                        .iter()
                        .filter(|(header, _)| header == name)
                        .map(|(_, value)| (*value).to_owned())
                        .collect()
                };
                (*name, values)
            })
            .collect();
        assert_eq!(reply.0, step.status, "{what}");
        assert_eq!(reply.1, expected_headers, "{what}");
        assert_eq!(std::str::from_utf8(&reply.2).unwrap(), step.reply, "{what}");
        replies.push(reply);
    }
    replies
}

/// The seed's rows are exactly what the library's functions answer.
#[test]
fn seed_rows_are_the_library_types_responses() {
    use api_status_examples::{moved_person, user_created, Avatars};

    let steps = seed_steps();
    let created = user_created(NewUser {
        name: "Grace Hopper".to_owned(),
        email: "grace@example.com".to_owned(),
        age: Some(85),
    })
    .unwrap()
    .to_response();
    assert_eq!(created.status(), steps[1].status);
    assert_eq!(created.headers()["location"], "/users/2");
    assert_eq!(created.body().as_ref(), steps[1].reply.as_bytes());

    let avatars = Avatars::default();
    let accepted = avatars
        .upload(1, b"fake PNG bytes!!")
        .unwrap()
        .to_response();
    assert_eq!(accepted.status(), steps[3].status);
    assert_eq!(accepted.body().as_ref(), steps[3].reply.as_bytes());
    assert_eq!(
        avatars.task(1).unwrap().state,
        api_status_examples::TaskState::Done
    );

    let moved = moved_person(1).to_response();
    assert_eq!(moved.status(), steps[8].status);
    assert_eq!(moved.headers()["location"], "/users/1");
    assert!(moved.body().is_empty());
}

/// Starts the axum example's router on the current tokio runtime.
fn start_axum() -> (SocketAddr, tokio::task::JoinHandle<()>) {
    let listener = tokio::net::TcpListener::from_std(loopback()).unwrap();
    let address = listener.local_addr().unwrap();
    let task = tokio::spawn(async move {
        axum_users::serve(listener).await.unwrap();
    });
    (address, task)
}

/// Starts the hyper example's server on the current tokio runtime.
fn start_hyper() -> (SocketAddr, tokio::task::JoinHandle<()>) {
    let listener = tokio::net::TcpListener::from_std(loopback()).unwrap();
    let address = listener.local_addr().unwrap();
    let task = tokio::spawn(async move {
        hyper_users::serve(listener).await.unwrap();
    });
    (address, task)
}

/// The actix-web example's server, running in an actix system on a thread
/// of its own.
struct ActixServer {
    address: SocketAddr,
    handle: actix_web::dev::ServerHandle,
    thread: std::thread::JoinHandle<std::io::Result<()>>,
}

impl ActixServer {
    fn start() -> ActixServer {
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
        let handle = receiver
            .recv_timeout(REQUEST_TIMEOUT)
            .expect("the actix-web server did not start");
        ActixServer {
            address,
            handle,
            thread,
        }
    }

    async fn stop(self) {
        tokio::time::timeout(REQUEST_TIMEOUT, self.handle.stop(false))
            .await
            .expect("the actix-web server did not stop");
        self.thread.join().unwrap().unwrap();
    }
}

#[tokio::test]
async fn axum_serves_every_error_as_to_response() {
    let (address, server) = start_axum();
    check_every_error("axum", address).await;
    check_successes("axum", address).await;
    check_seed_rows("axum", address).await;
    server.abort();
}

#[tokio::test]
async fn actix_web_serves_every_error_as_to_response() {
    let server = ActixServer::start();
    check_every_error("actix-web", server.address).await;
    check_successes("actix-web", server.address).await;
    check_seed_rows("actix-web", server.address).await;
    server.stop().await;
}

#[tokio::test]
async fn hyper_serves_every_error_as_to_response() {
    let (address, server) = start_hyper();
    check_every_error("hyper", address).await;
    check_successes("hyper", address).await;
    check_seed_rows("hyper", address).await;
    server.abort();
}

#[tokio::test]
async fn the_three_stacks_serve_the_same_bytes() {
    let (axum_address, axum_server) = start_axum();
    let (hyper_address, hyper_server) = start_hyper();
    let actix = ActixServer::start();
    for case in error_cases() {
        let mut replies = Vec::new();
        for address in [axum_address, actix.address, hyper_address] {
            let response = send(
                address,
                case.method.clone(),
                case.path,
                case.content_type,
                case.body,
            )
            .await;
            replies.push(Reply::from_response(&response));
        }
        assert_eq!(
            replies[0], replies[1],
            "{}: axum and actix-web differ",
            case.name
        );
        assert_eq!(
            replies[0], replies[2],
            "{}: axum and hyper differ",
            case.name
        );
    }
    // The seed's success rows, in order, on each server: the same bytes
    // everywhere.
    let axum_rows = check_seed_rows("axum", axum_address).await;
    let actix_rows = check_seed_rows("actix-web", actix.address).await;
    let hyper_rows = check_seed_rows("hyper", hyper_address).await;
    assert_eq!(axum_rows, actix_rows, "axum and actix-web differ");
    assert_eq!(axum_rows, hyper_rows, "axum and hyper differ");
    actix.stop().await;
    axum_server.abort();
    hyper_server.abort();
}

/// Section 12 over real HTTP: every error, asked for in each of the four
/// formats, answers on axum, actix-web and hyper with the same status and
/// auth headers in every format, `vary: accept`, the body and content type
/// of `to_response_in`, and the same bytes on the three stacks; a
/// problem+json client and an XML parser read the bodies.
#[tokio::test]
async fn every_error_answers_in_four_formats_on_every_stack() {
    let (axum_address, axum_server) = start_axum();
    let (hyper_address, hyper_server) = start_hyper();
    let actix = ActixServer::start();
    let stacks = [
        ("axum", axum_address),
        ("actix-web", actix.address),
        ("hyper", hyper_address),
    ];
    for case in error_cases() {
        let json = Reply::from_response(&case.expected);
        for ((accept, format), expected) in FORMATS.iter().zip(&case.expected_in) {
            let mut replies = Vec::new();
            for (stack, address) in stacks {
                let what = format!("{stack}, {}, Accept: {accept}", case.name);
                let response = send_accepting(
                    address,
                    case.method.clone(),
                    case.path,
                    case.content_type,
                    Some(accept),
                    case.body,
                )
                .await;
                let content_types: Vec<_> =
                    response.headers().get_all("content-type").iter().collect();
                assert_eq!(content_types, [format.content_type()], "{what}");
                // RFC 9110 §12.5.5: the response varies with `Accept`.
                let vary: Vec<_> = response.headers().get_all("vary").iter().collect();
                assert_eq!(vary, ["accept"], "{what}");
                let reply = Reply::from_response(&response);
                assert_eq!(reply, Reply::from_response(expected), "{what}");
                // Status, challenge and Retry-After as in the JSON answer.
                assert_eq!(reply.status, json.status, "{what}");
                for name in ["www-authenticate", "retry-after"] {
                    assert_eq!(reply.header(name), json.header(name), "{what}: {name}");
                }
                check_format(&what, *format, &reply, &json);
                replies.push(reply);
            }
            assert_eq!(
                replies[0], replies[1],
                "{}, {accept}: axum and actix-web differ",
                case.name
            );
            assert_eq!(
                replies[0], replies[2],
                "{}, {accept}: axum and hyper differ",
                case.name
            );
        }
    }
    actix.stop().await;
    axum_server.abort();
    hyper_server.abort();
}

/// Reads a body as its format's client would, and compares what it says
/// with the JSON answer.
fn check_format(what: &str, format: Format, reply: &Reply, json: &Reply) {
    let message = serde_json::from_slice::<ErrorBody>(&json.body)
        .unwrap()
        .message;
    let status = api_status::http::StatusCode::from_u16(reply.status).unwrap();
    match format {
        Format::Json => assert_eq!(reply.body, json.body, "{what}"),
        Format::ProblemJson => {
            // An independent problem+json client (RFC 9457).
            let problem: http_api_problem::HttpApiProblem =
                serde_json::from_slice(&reply.body).unwrap();
            assert_eq!(
                problem.status.map(|s| s.as_u16()),
                Some(reply.status),
                "{what}"
            );
            assert_eq!(
                problem.title.as_deref(),
                status.canonical_reason(),
                "{what}"
            );
            assert_eq!(problem.detail.as_deref(), Some(message.as_str()), "{what}");
            assert_eq!(problem.type_url.as_deref(), Some("about:blank"), "{what}");
        }
        Format::Xml | Format::ProblemXml => {
            let text = std::str::from_utf8(&reply.body).unwrap();
            let document = roxmltree::Document::parse(text)
                .unwrap_or_else(|error| panic!("{what}: not well-formed: {error}\n{text}"));
            let root = document.root_element();
            let (root_name, detail) = if format == Format::Xml {
                ("hash", "message")
            } else {
                assert_eq!(
                    root.tag_name().namespace(),
                    Some("urn:ietf:rfc:7807"),
                    "{what}"
                );
                ("problem", "detail")
            };
            assert_eq!(root.tag_name().name(), root_name, "{what}");
            let text_of = |name: &str| {
                root.children()
                    .find(|node| node.has_tag_name(name))
                    .and_then(|node| node.text())
                    .map(str::to_owned)
            };
            assert_eq!(text_of(detail), Some(message.clone()), "{what}");
            if format == Format::ProblemXml {
                assert_eq!(text_of("status"), Some(reply.status.to_string()), "{what}");
            }
        }
        _ => unreachable!("{what}: a format of its own"),
    }
}
