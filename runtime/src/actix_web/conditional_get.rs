//! [`ConditionalGet`]: automatic ETags and 304s as actix-web middleware.

use std::future::{ready, Future, Ready};
use std::pin::Pin;
use std::rc::Rc;

use ::actix_web::body::{to_bytes_limited, BodySize, EitherBody, MessageBody};
use ::actix_web::dev::{Service, ServiceRequest, ServiceResponse, Transform};
use ::actix_web::http::header::{HeaderMap, HeaderName, HeaderValue, ETAG, LAST_MODIFIED};
use ::actix_web::http::{Method, StatusCode};
use ::actix_web::{Error, HttpResponse};

use crate::conditional::actix_web::preconditions_of;
use crate::conditional::automatic::{self, DEFAULT_MAX_BODY_SIZE, KEPT_ON_NOT_MODIFIED};
use crate::{EntityTag, Preconditions, Rejection};

/// Automatic ETags and 304 Not Modified, like Rack's `ETag` and
/// `ConditionalGet` middleware: `App::wrap(ConditionalGet::new())`.
///
/// For a `GET` or `HEAD` answered `200` whose body has a known size of at
/// most 1 MiB ([`max_body_size`](ConditionalGet::max_body_size) changes
/// it), the response gets `etag: W/"…"`, the
/// [`EntityTag::digest`] of its body, unless it has an `etag` already.
/// When the request's `If-None-Match` matches that tag (weak comparison,
/// RFC 9110 section 13.1.2), or, without `If-None-Match`, its
/// `If-Modified-Since` is not before the response's `Last-Modified`, the
/// answer is a `304` with no body that keeps only the headers RFC 9110
/// section 15.4.5 lists (`cache-control`, `content-location`, `date`,
/// `etag`, `expires`, `vary`). Other methods, other statuses and streamed
/// or larger bodies pass through untouched. A `HEAD` reaches the app as a
/// `GET`, so that its tag is its `GET`'s; actix-web sends no body for it.
///
/// The same rules as `api_status::tower::ConditionalGetLayer` (feature
/// `tower`), so that every stack answers with the same bytes.
///
/// ```
/// use actix_web::{web, App};
/// use api_status::actix_web::ConditionalGet;
///
/// let app = App::new()
///     .wrap(ConditionalGet::new())
///     .route("/users", web::get().to(|| async { web::Json(vec!["ada", "grace"]) }));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConditionalGet {
    max_body_size: u64,
}

impl ConditionalGet {
    /// The middleware with the default limit: bodies of at most 1 MiB are
    /// hashed.
    pub fn new() -> ConditionalGet {
        ConditionalGet {
            max_body_size: DEFAULT_MAX_BODY_SIZE,
        }
    }

    /// The largest body, in bytes, that gets an automatic ETag; larger
    /// ones pass through untouched.
    pub fn max_body_size(mut self, bytes: u64) -> ConditionalGet {
        self.max_body_size = bytes;
        self
    }
}

impl Default for ConditionalGet {
    fn default() -> Self {
        ConditionalGet::new()
    }
}

impl<S, B> Transform<S, ServiceRequest> for ConditionalGet
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = Error> + 'static,
    B: MessageBody + 'static,
{
    type Response = ServiceResponse<EitherBody<B>>;
    type Error = Error;
    type Transform = ConditionalGetMiddleware<S>;
    type InitError = ();
    type Future = Ready<Result<ConditionalGetMiddleware<S>, ()>>;

    fn new_transform(&self, service: S) -> Self::Future {
        ready(Ok(ConditionalGetMiddleware {
            service: Rc::new(service),
            max_body_size: self.max_body_size,
        }))
    }
}

/// The service [`ConditionalGet`] wraps around the app's.
#[derive(Debug)]
pub struct ConditionalGetMiddleware<S> {
    service: Rc<S>,
    max_body_size: u64,
}

/// The middleware's future: boxed, as actix-web's own `from_fn` middleware.
type LocalFuture<T> = Pin<Box<dyn Future<Output = T>>>;

impl<S, B> Service<ServiceRequest> for ConditionalGetMiddleware<S>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = Error> + 'static,
    B: MessageBody + 'static,
{
    type Response = ServiceResponse<EitherBody<B>>;
    type Error = Error;
    type Future = LocalFuture<Result<Self::Response, Error>>;

    ::actix_web::dev::forward_ready!(service);

    fn call(&self, mut request: ServiceRequest) -> Self::Future {
        if !automatic::applies_to(&super::http_method(request.method())) {
            let future = self.service.call(request);
            return Box::pin(async move { Ok(future.await?.map_into_left_body()) });
        }
        let preconditions = automatic::preconditions(preconditions_of(request.head()));
        // A HEAD is answered as its GET would be, tag included; actix-web
        // sends no body for it (it remembers the method it received).
        if request.method() == Method::HEAD {
            request.head_mut().method = Method::GET;
        }
        let future = self.service.call(request);
        let limit = self.max_body_size;
        Box::pin(async move { finish(future.await?, &preconditions, limit).await })
    }
}

/// Tags a 200 and turns it into a 304 where the request allows.
async fn finish<B: MessageBody + 'static>(
    response: ServiceResponse<B>,
    preconditions: &Preconditions,
    limit: u64,
) -> Result<ServiceResponse<EitherBody<B>>, Error> {
    if response.status() != StatusCode::OK {
        return Ok(response.map_into_left_body());
    }
    let response = if response.headers().contains_key(ETAG) {
        response.map_into_left_body()
    } else {
        match response.response().body().size() {
            BodySize::Sized(size) if size <= limit => {}
            // Streamed, or too large: untouched.
            _ => return Ok(response.map_into_left_body()),
        }
        let (request, response) = response.into_parts();
        let (head, body) = response.into_parts();
        let limit = usize::try_from(limit).unwrap_or(usize::MAX);
        let Ok(Ok(data)) = to_bytes_limited(body, limit).await else {
            // The body failed, or was larger than it said: a server bug,
            // answered as one.
            let response = crate::actix_web::error_response(&Rejection::Internal);
            return Ok(ServiceResponse::new(request, response).map_into_right_body());
        };
        let mut response = head.set_body(data);
        if let Ok(tag) = HeaderValue::from_str(&EntityTag::digest(response.body()).to_string()) {
            response.headers_mut().insert(ETAG, tag);
        }
        ServiceResponse::new(request, response.map_into_boxed_body()).map_into_right_body()
    };
    let headers = response.headers();
    let not_modified = automatic::is_not_modified(
        preconditions,
        headers.get(ETAG).map(HeaderValue::as_bytes),
        headers.get(LAST_MODIFIED).map(HeaderValue::as_bytes),
    );
    if !not_modified {
        return Ok(response);
    }
    // RFC 9110 §15.4.5: no content, and only the listed headers.
    let mut kept = HeaderMap::new();
    for name in KEPT_ON_NOT_MODIFIED {
        let name = HeaderName::from_static(name);
        for value in headers.get_all(&name) {
            kept.append(name.clone(), value.clone());
        }
    }
    let mut not_modified = HttpResponse::with_body(StatusCode::NOT_MODIFIED, ());
    *not_modified.headers_mut() = kept;
    let (request, _) = response.into_parts();
    Ok(ServiceResponse::new(request, not_modified.map_into_boxed_body()).map_into_right_body())
}
