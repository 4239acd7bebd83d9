//! The HTTP client of the tests that talk to the example servers: one
//! request on a new connection to a server on loopback, the whole response
//! read, within [`REQUEST_TIMEOUT`]. Shared by `servers.rs`,
//! `conditional.rs`, `logging.rs` and `openapi.rs` (each test binary uses
//! its own part of it).
#![allow(dead_code)]

use std::net::SocketAddr;
use std::time::Duration;

use api_status::bytes::Bytes;
use api_status::http::{Method, Request, Response};
use http_body_util::{BodyExt, Full};
use hyper_util::rt::TokioIo;

/// How long one exchange may take before the test fails.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

/// Sends `method path` with `headers` (and `host`) and `body` to the server
/// at `address`, which must be on loopback, and reads the whole response.
pub async fn send(
    address: SocketAddr,
    method: Method,
    path: &str,
    headers: &[(&str, &str)],
    body: Bytes,
) -> Response<Bytes> {
    assert!(address.ip().is_loopback());
    let exchange = async {
        let stream = tokio::net::TcpStream::connect(address).await?;
        let (mut sender, connection) =
            hyper::client::conn::http1::handshake(TokioIo::new(stream)).await?;
        tokio::spawn(connection);
        let mut request = Request::builder()
            .method(method)
            .uri(path)
            .header("host", address.to_string());
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let response = sender.send_request(request.body(Full::new(body))?).await?;
        let (parts, body) = response.into_parts();
        let body = body.collect().await?.to_bytes();
        Ok::<_, Box<dyn std::error::Error + Send + Sync>>(Response::from_parts(parts, body))
    };
    match tokio::time::timeout(REQUEST_TIMEOUT, exchange).await {
        Ok(Ok(response)) => response,
        Ok(Err(error)) => panic!("{path}: request failed: {error}"),
        Err(_) => panic!("{path}: no response within {REQUEST_TIMEOUT:?}"),
    }
}

/// A listener on 127.0.0.1 on a port the system picks, non-blocking, for a
/// server under test.
pub fn loopback() -> std::net::TcpListener {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a port on loopback");
    listener
        .set_nonblocking(true)
        .expect("a non-blocking listener");
    listener
}
