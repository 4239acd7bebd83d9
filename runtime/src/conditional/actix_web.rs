//! actix-web 4 (feature `actix-web`): [`Preconditions`] as an extractor,
//! [`Conditional`] as a responder.
//!
//! actix-web 4 is built on `http` 0.2: methods, statuses and headers are
//! carried over by their names and bytes, which both versions share.

use std::convert::Infallible;
use std::future::{ready, Ready};

use ::actix_web::body::BoxBody;
use ::actix_web::dev::{Payload, RequestHead};
use ::actix_web::{FromRequest, HttpRequest, HttpResponse, Responder};
use http::header::{IF_MATCH, IF_MODIFIED_SINCE, IF_NONE_MATCH, IF_UNMODIFIED_SINCE};
use http::{HeaderMap, HeaderValue};
use serde::Serialize;

use super::{Conditional, Preconditions};

/// The preconditions of an actix-web request.
pub(crate) fn preconditions_of(head: &RequestHead) -> Preconditions {
    let method = crate::actix_web::http_method(&head.method);
    let mut headers = HeaderMap::new();
    for name in [
        IF_MATCH,
        IF_NONE_MATCH,
        IF_MODIFIED_SINCE,
        IF_UNMODIFIED_SINCE,
    ] {
        for value in head.headers().get_all(name.as_str()) {
            if let Ok(value) = HeaderValue::from_bytes(value.as_bytes()) {
                headers.append(name.clone(), value);
            }
        }
    }
    Preconditions::from_request(&method, &headers)
}

/// The request's conditional headers; never fails.
///
/// ```
/// use actix_web::{web, App};
/// use api_status::{Conditional, EntityTag, Preconditions, Validators};
///
/// async fn show(preconditions: Preconditions) -> Conditional<Vec<&'static str>> {
///     let tag = EntityTag::strong("v1").unwrap();
///     preconditions.respond(Validators::new().etag(tag), || vec!["ada"])
/// }
///
/// let app = App::new().route("/users", web::get().to(show));
/// ```
impl FromRequest for Preconditions {
    type Error = Infallible;
    type Future = Ready<Result<Preconditions, Infallible>>;

    fn from_request(request: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(Ok(preconditions_of(request.head())))
    }
}

/// The status, headers and body of `http::Response::from(conditional)`.
impl<T: Serialize> Responder for Conditional<T> {
    type Body = BoxBody;

    fn respond_to(self, _: &HttpRequest) -> HttpResponse {
        crate::actix_web::from_http(http::Response::from(self))
    }
}
