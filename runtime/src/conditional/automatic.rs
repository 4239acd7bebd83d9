//! What the automatic ETag middleware of every stack shares
//! (`api_status::tower::ConditionalGetLayer`,
//! `api_status::actix_web::ConditionalGet`): which responses it looks at,
//! when one becomes a 304, and what a 304 keeps.

use http::Method;

use super::{EntityTag, Precondition, Preconditions, Validators};

/// The largest body the middleware hashes by default: 1 MiB.
pub(crate) const DEFAULT_MAX_BODY_SIZE: u64 = 1024 * 1024;

/// The headers a 304 keeps (RFC 9110 section 15.4.5), in the order they are
/// written; every other header of the 200 is dropped.
pub(crate) const KEPT_ON_NOT_MODIFIED: [&str; 6] = [
    "cache-control",
    "content-location",
    "date",
    "etag",
    "expires",
    "vary",
];

/// Whether the middleware looks at a request of this method.
pub(crate) fn applies_to(method: &Method) -> bool {
    method == Method::GET || method == Method::HEAD
}

/// The preconditions the middleware evaluates: `If-None-Match`, and
/// `If-Modified-Since` without it. `If-Match` and `If-Unmodified-Since` are
/// left to the handler, which knows whether its method changes anything.
pub(crate) fn preconditions(preconditions: Preconditions) -> Preconditions {
    preconditions.cache_validation_only()
}

/// Whether a 200 with these `etag` and `last-modified` values answers the
/// request as a 304. A malformed value counts as absent.
pub(crate) fn is_not_modified(
    preconditions: &Preconditions,
    etag: Option<&[u8]>,
    last_modified: Option<&[u8]>,
) -> bool {
    let mut validators = Validators::new();
    if let Some(etag) = etag
        .and_then(|value| std::str::from_utf8(value).ok())
        .and_then(|value| value.trim().parse::<EntityTag>().ok())
    {
        validators = validators.etag(etag);
    }
    if let Some(time) = last_modified
        .and_then(|value| std::str::from_utf8(value).ok())
        .and_then(|value| httpdate::parse_http_date(value.trim()).ok())
    {
        validators = validators.last_modified(time);
    }
    preconditions.evaluate(&validators) == Precondition::NotModified
}
