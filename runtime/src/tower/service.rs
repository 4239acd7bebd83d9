//! [`ConditionalGet`]: the service the layer wraps around another.

use std::task::{Context, Poll};

use http::header::{ETAG, LAST_MODIFIED};
use http::{HeaderMap, HeaderName, Method, Request, Response, StatusCode};
use http_body::Body;
use tower_service::Service;

use super::body::{read, Read};
use super::{ResponseBody, ResponseFuture};
use crate::conditional::automatic::{self, KEPT_ON_NOT_MODIFIED};
use crate::{EntityTag, Preconditions};

/// The service of [`ConditionalGetLayer`](super::ConditionalGetLayer): adds
/// ETags and answers 304s, as the [module docs](crate::tower) say.
#[derive(Debug, Clone)]
pub struct ConditionalGet<S> {
    inner: S,
    max_body_size: u64,
}

impl<S> ConditionalGet<S> {
    /// Wraps `inner`, hashing bodies of at most `max_body_size` bytes.
    pub fn new(inner: S, max_body_size: u64) -> ConditionalGet<S> {
        ConditionalGet {
            inner,
            max_body_size,
        }
    }

    /// The wrapped service.
    pub fn get_ref(&self) -> &S {
        &self.inner
    }
}

impl<S, ReqBody, ResBody> Service<Request<ReqBody>> for ConditionalGet<S>
where
    S: Service<Request<ReqBody>, Response = Response<ResBody>>,
    S::Future: Send + 'static,
    S::Error: 'static,
    ResBody: Body<Data = bytes::Bytes> + Send + 'static,
    ResBody::Error: Send,
{
    type Response = Response<ResponseBody<ResBody>>;
    type Error = S::Error;
    type Future = ResponseFuture<Self::Response, S::Error>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut request: Request<ReqBody>) -> Self::Future {
        if !automatic::applies_to(request.method()) {
            let future = self.inner.call(request);
            return Box::pin(async move { Ok(future.await?.map(ResponseBody::inner)) });
        }
        let preconditions = automatic::preconditions(Preconditions::from_request(
            request.method(),
            request.headers(),
        ));
        // A HEAD is answered as its GET would be, tag included; the server
        // sends no body for it.
        if request.method() == Method::HEAD {
            *request.method_mut() = Method::GET;
        }
        let future = self.inner.call(request);
        let limit = self.max_body_size;
        Box::pin(async move {
            let response = future.await?;
            Ok(finish(response, &preconditions, limit).await)
        })
    }
}

/// Tags a 200 and turns it into a 304 where the request allows.
async fn finish<B>(
    response: Response<B>,
    preconditions: &Preconditions,
    limit: u64,
) -> Response<ResponseBody<B>>
where
    B: Body<Data = bytes::Bytes>,
{
    if response.status() != StatusCode::OK {
        return response.map(ResponseBody::inner);
    }
    let (mut parts, body) = response.into_parts();
    let body = if parts.headers.contains_key(ETAG) {
        ResponseBody::inner(body)
    } else {
        match body.size_hint().exact() {
            Some(size) if size <= limit => {}
            // Streamed, or too large: untouched.
            _ => return Response::from_parts(parts, ResponseBody::inner(body)),
        }
        match read(body, limit).await {
            Read::Complete(data, body) => {
                parts
                    .headers
                    .insert(ETAG, EntityTag::digest(&data).header_value());
                body
            }
            Read::Incomplete(body) => return Response::from_parts(parts, body),
        }
    };
    let not_modified = automatic::is_not_modified(
        preconditions,
        parts.headers.get(ETAG).map(|value| value.as_bytes()),
        parts
            .headers
            .get(LAST_MODIFIED)
            .map(|value| value.as_bytes()),
    );
    if !not_modified {
        return Response::from_parts(parts, body);
    }
    // RFC 9110 §15.4.5: no content, and only the listed headers.
    let mut headers = HeaderMap::new();
    for name in KEPT_ON_NOT_MODIFIED {
        let name = HeaderName::from_static(name);
        for value in parts.headers.get_all(&name) {
            headers.append(name.clone(), value.clone());
        }
    }
    parts.headers = headers;
    parts.status = StatusCode::NOT_MODIFIED;
    Response::from_parts(parts, ResponseBody::not_modified())
}
