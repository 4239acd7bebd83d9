//! Conditional requests (RFC 9110 section 13): 304 Not Modified and 412
//! Precondition Failed.
//!
//! A handler states what it knows of the current representation
//! ([`Validators`]: an [`EntityTag`], a modification date), reads the
//! request's conditional headers ([`Preconditions`]) and lets
//! [`Preconditions::respond`] answer:
//!
//! ```
//! use api_status::http::{HeaderMap, Method, Response};
//! use api_status::{EntityTag, Preconditions, Validators};
//!
//! fn show_user(method: &Method, headers: &HeaderMap) -> Response<api_status::bytes::Bytes> {
//!     let user = serde_json::json!({"id": 1, "name": "Ada"});
//!     let etag = EntityTag::digest(user.to_string().as_bytes());
//!     Preconditions::from_request(method, headers)
//!         .respond(Validators::new().etag(etag), || user)
//!         .into()
//! }
//!
//! let first = show_user(&Method::GET, &HeaderMap::new());
//! assert_eq!(first.status(), 200);
//!
//! // The client sends the tag back: the user has not changed.
//! let mut headers = HeaderMap::new();
//! headers.insert("if-none-match", first.headers()["etag"].clone());
//! let again = show_user(&Method::GET, &headers);
//! assert_eq!(again.status(), 304);
//! assert!(again.body().is_empty());
//! ```
//!
//! An update honours `If-Match` the same way: a stale tag answers
//! [`PreconditionFailed`], `412 {"message":"Precondition Failed"}`.
//!
//! Where the handler does not compute tags, the automatic ETag middleware
//! does it from the body (`api_status::tower::ConditionalGetLayer`, feature
//! `tower`; `api_status::actix_web::ConditionalGet`, feature `actix-web`).

mod entity_tag;
mod preconditions;
mod respond;
mod validators;

#[cfg(feature = "actix-web")]
pub(crate) mod actix_web;
#[cfg(any(feature = "tower", feature = "actix-web"))]
pub(crate) mod automatic;
#[cfg(feature = "axum")]
mod axum;

pub use entity_tag::{EntityTag, InvalidEntityTag};
pub use preconditions::{Precondition, Preconditions};
pub use respond::{Conditional, PreconditionFailed};
pub use validators::Validators;
