//! The users API on hyper 1 alone, no framework: run it with
//! `cargo run -p api-status-examples --example hyper_users`.
//!
//! Every derived error converts into `http::Response<Bytes>` (`error.into()`),
//! which hyper serves once the body is wrapped in `Full`. The JSON body is
//! read by hand, and its failures become the same [`Rejection`]s axum and
//! actix-web answer with. An error answers in the format the request's
//! `Accept` asks for (`to_response_for`).

use std::convert::Infallible;
use std::io;

use api_status::bytes::Bytes;
use api_status::http::{header, HeaderMap, Method, Request, Response, StatusCode};
use api_status::tower::ConditionalGetLayer;
use api_status::{status, ApiError, Format, Preconditions, Rejection};
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use serde::de::DeserializeOwned;
use serde::Serialize;
use tower::{Layer, ServiceExt};

use crate::{Avatars, UserError};

/// The largest body read, as axum's and actix-web's default: 2 MiB.
const BODY_LIMIT: usize = 2 * 1024 * 1024;

/// Serves the users API on `listener`, one task per connection, until
/// accepting fails.
pub async fn serve(listener: tokio::net::TcpListener) -> io::Result<()> {
    let avatars = Avatars::default();
    loop {
        let (stream, _) = listener.accept().await?;
        let avatars = avatars.clone();
        tokio::spawn(async move {
            let service = service_fn(move |request| handle(avatars.clone(), request));
            // A connection that fails (the client went away) ends alone.
            let _ = http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}

/// Answers one request: what [`serve`] runs for each, with the server's
/// avatar store.
pub async fn handle(
    avatars: Avatars,
    request: Request<Incoming>,
) -> Result<Response<Full<Bytes>>, Infallible> {
    // The format `Accept` asks for, read before `route` takes the request:
    // `error.to_response_in(format)` is `error.to_response_for(headers)`.
    let format = Format::from_request(request.headers());
    let response = match route(&avatars, request).await {
        Ok(response) => response,
        // JSON, problem+json, XML or problem+xml, as `Accept` asks, with
        // `vary: accept`. (`error.into()` gives the JSON response.)
        Err(error) => error.to_response_in(format),
    };
    Ok(response.map(Full::new))
}

async fn route(
    avatars: &Avatars,
    request: Request<Incoming>,
) -> Result<Response<Bytes>, UserError> {
    let path = request.uri().path().to_owned();
    let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    match (request.method(), segments.as_slice()) {
        (&Method::GET, ["users", id]) => {
            let preconditions = Preconditions::from_request(request.method(), request.headers());
            Ok(crate::conditional::show_user(id_of(id)?, &preconditions)?.into())
        }
        (&Method::PUT, ["users", id]) => {
            let id = id_of(id)?;
            let preconditions = Preconditions::from_request(request.method(), request.headers());
            let new = read_json(request).await?;
            Ok(crate::conditional::update_user(id, &preconditions, new)?.into())
        }
        (&Method::GET | &Method::HEAD, ["users"]) => Ok(list_users(request).await),
        // `From<Created<User>> for Response<Bytes>`: 201, location, self link.
        (&Method::POST, ["users"]) => {
            let new = read_json(request).await?;
            Ok(crate::user_created(new)?.into())
        }
        (&Method::PUT, ["users", id, "avatar"]) => {
            let id = id_of(id)?;
            let image = read_body(request).await?;
            Ok(avatars.upload(id, &image)?.into())
        }
        (&Method::GET, ["users", id, "avatar"]) => json(status!(ok), &avatars.avatar(id_of(id)?)?),
        (&Method::GET, ["tasks", id]) => json(status!(ok), &avatars.task(id_of(id)?)?),
        (&Method::GET, ["people", id]) => Ok(crate::moved_person(id_of(id)?).into()),
        (&Method::POST, ["oauth", "token"]) => json(status!(ok), &crate::issue_token()?),
        (&Method::GET, ["admin"]) => Ok(text(crate::admin()?)),
        (&Method::GET, ["maintenance"]) => Ok(text(crate::maintenance()?)),
        (&Method::GET, ["upstream"]) => Ok(text(crate::upstream()?)),
        _ => Err(Rejection::NotFound.into()),
    }
}

/// A numeric id from the path: a path that names no such id, like
/// `/users/abc`, is a 404. The parse error stays with the rejection, for
/// the logs.
fn id_of(segment: &str) -> Result<u64, Rejection> {
    segment
        .parse()
        .map_err(|error| Rejection::NotFound.with_cause(error))
}

/// `GET /users` through the automatic ETag layer: a tower service of its
/// own, wrapped in `ConditionalGetLayer`. (A whole hyper app can be wrapped
/// the same way; this example wraps one route to show it beside the
/// hand-written ETags of `/users/{id}`.)
async fn list_users(request: Request<Incoming>) -> Response<Bytes> {
    let list = tower::service_fn(|_: Request<Incoming>| async {
        let response = json(status!(ok), &crate::conditional::list_users())
            .unwrap_or_else(|error| error.into());
        Ok::<_, Infallible>(response.map(Full::new))
    });
    let response = match ConditionalGetLayer::new()
        .layer(list)
        .oneshot(request)
        .await
    {
        Ok(response) => response,
        Err(never) => match never {},
    };
    let (parts, body) = response.into_parts();
    // The layer's body is the buffered `Full` (or nothing for a 304): it
    // cannot fail.
    let body = match body.collect().await {
        Ok(collected) => collected.to_bytes(),
        Err(never) => match never {},
    };
    Response::from_parts(parts, body)
}

/// The body as JSON: 415 without a JSON content type, 413 over the limit,
/// 400 for malformed JSON, 422 for JSON that does not fit `T` (with the
/// offending field's path).
async fn read_json<T: DeserializeOwned>(request: Request<Incoming>) -> Result<T, Rejection> {
    if !is_json(request.headers()) {
        // What was sent instead, for the logs (the `tracing` event).
        let sent = request.headers().get(header::CONTENT_TYPE);
        let cause = match sent {
            Some(value) => format!("content-type {value:?} is not JSON"),
            None => "no content-type".to_owned(),
        };
        return Err(Rejection::UnsupportedMediaType.with_cause(cause));
    }
    let body = read_body(request).await?;
    // 400 for malformed JSON; 422 naming the field for the wrong shape.
    api_status::from_json_slice(&body)
}

/// The whole body: 413 over the limit, 400 if it cannot be read.
async fn read_body(request: Request<Incoming>) -> Result<Bytes, Rejection> {
    Ok(Limited::new(request.into_body(), BODY_LIMIT)
        .collect()
        .await
        .map_err(|error| {
            let rejection = if error.is::<http_body_util::LengthLimitError>() {
                Rejection::PayloadTooLarge
            } else {
                Rejection::UnreadableBody
            };
            rejection.with_cause(error)
        })?
        .to_bytes())
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
