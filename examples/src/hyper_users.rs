//! The users API on hyper 1 alone, no framework: run it with
//! `cargo run -p api-status-examples --example hyper_users`.
//!
//! Every derived error converts into `http::Response<Bytes>` (`error.into()`),
//! which hyper serves once the body is wrapped in `Full`. The JSON body is
//! read by hand, and its failures become the same [`Rejection`]s axum and
//! actix-web answer with. An error answers in the format the request's
//! `Accept` asks for: `error.to_response_for(request.headers())`.

use std::convert::Infallible;
use std::io;

use api_status::bytes::Bytes;
use api_status::http::request::Parts;
use api_status::http::{header, HeaderMap, Method, Request, Response, StatusCode};
use api_status::{ApiError, Rejection};
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::UserError;

/// The largest body read, as axum's and actix-web's default: 2 MiB.
const BODY_LIMIT: usize = 2 * 1024 * 1024;

/// Serves the users API on `listener`, one task per connection, until
/// accepting fails.
pub async fn serve(listener: tokio::net::TcpListener) -> io::Result<()> {
    loop {
        let (stream, _) = listener.accept().await?;
        tokio::spawn(async move {
            // A connection that fails (the client went away) ends alone.
            let _ = http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service_fn(handle))
                .await;
        });
    }
}

/// Answers one request: what [`serve`] runs for each.
pub async fn handle(request: Request<Incoming>) -> Result<Response<Full<Bytes>>, Infallible> {
    let (request, body) = request.into_parts();
    let response = match route(&request, body).await {
        Ok(response) => response,
        // JSON, problem+json, XML or problem+xml, as `Accept` asks, with
        // `vary: accept`. (`error.into()` gives the JSON response.)
        Err(error) => error.to_response_for(&request.headers),
    };
    Ok(response.map(Full::new))
}

async fn route(request: &Parts, body: Incoming) -> Result<Response<Bytes>, UserError> {
    let segments: Vec<&str> = request
        .uri
        .path()
        .trim_start_matches('/')
        .split('/')
        .collect();
    match (&request.method, segments.as_slice()) {
        (&Method::GET, ["users", id]) => {
            // A path that names no user, like `/users/abc`, is a 404.
            let id: u64 = id.parse().map_err(|_| Rejection::NotFound)?;
            json(StatusCode::OK, &crate::find_user(id)?)
        }
        (&Method::POST, ["users"]) => {
            let new = read_json(&request.headers, body).await?;
            json(StatusCode::CREATED, &crate::create_user(new)?)
        }
        (&Method::POST, ["oauth", "token"]) => json(StatusCode::OK, &crate::issue_token()?),
        (&Method::GET, ["admin"]) => Ok(text(crate::admin()?)),
        (&Method::GET, ["maintenance"]) => Ok(text(crate::maintenance()?)),
        (&Method::GET, ["upstream"]) => Ok(text(crate::upstream()?)),
        _ => Err(Rejection::NotFound.into()),
    }
}

/// The body as JSON: 415 without a JSON content type, 413 over the limit,
/// 400 for malformed JSON, 422 for JSON that does not fit `T`.
async fn read_json<T: DeserializeOwned>(
    headers: &HeaderMap,
    body: Incoming,
) -> Result<T, Rejection> {
    if !is_json(headers) {
        return Err(Rejection::UnsupportedMediaType);
    }
    let body = Limited::new(body, BODY_LIMIT)
        .collect()
        .await
        .map_err(|error| {
            if error.is::<http_body_util::LengthLimitError>() {
                Rejection::PayloadTooLarge
            } else {
                Rejection::UnreadableBody
            }
        })?
        .to_bytes();
    serde_json::from_slice(&body).map_err(Rejection::from)
}

/// `application/json` or `application/*+json`, parameters allowed.
fn is_json(headers: &HeaderMap) -> bool {
    let Some(value) = headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
    else {
        return false;
    };
    let essence = value
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    match essence.split_once('/') {
        Some(("application", subtype)) => subtype == "json" || subtype.ends_with("+json"),
        _ => false,
    }
}

fn json<T: Serialize>(status: StatusCode, value: &T) -> Result<Response<Bytes>, UserError> {
    // The API's types always serialize; were one not to, a plain 500.
    let body = serde_json::to_vec(value).map_err(|_| Rejection::Internal)?;
    let mut response = Response::new(Bytes::from(body));
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        header::HeaderValue::from_static("application/json"),
    );
    Ok(response)
}

fn text(body: &'static str) -> Response<Bytes> {
    Response::new(Bytes::from_static(body.as_bytes()))
}
