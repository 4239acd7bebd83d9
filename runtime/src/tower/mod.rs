//! Tower middleware (feature `tower`): [`ConditionalGetLayer`], automatic
//! ETags and 304 Not Modified, like Rack's `ETag` and `ConditionalGet`.
//!
//! For a `GET` or `HEAD` answered `200` whose body is complete and at most
//! 1 MiB ([`max_body_size`](ConditionalGetLayer::max_body_size) changes
//! it), the response gets `etag: W/"…"`, the
//! [`EntityTag::digest`](crate::EntityTag::digest) of its body, unless it
//! has an `etag` already. When the request's `If-None-Match` matches that
//! tag (weak comparison, RFC 9110 section 13.1.2), or, without
//! `If-None-Match`, its `If-Modified-Since` is not before the response's
//! `Last-Modified`, the answer is a `304` with no body that keeps only the
//! headers RFC 9110 section 15.4.5 lists (`cache-control`,
//! `content-location`, `date`, `etag`, `expires`, `vary`). Other methods,
//! other statuses, and bodies whose exact size is unknown (streamed) or
//! over the limit pass through untouched; no body is buffered beyond the
//! limit.
//!
//! A `HEAD` reaches the inner service as a `GET`, so that its tag is the
//! one its `GET` gets; the server (hyper) sends no body for a `HEAD`.
//!
//! ```
//! use api_status::tower::ConditionalGetLayer;
//! use axum::routing::get;
//!
//! let app: axum::Router = axum::Router::new()
//!     .route("/users", get(|| async { axum::Json(vec!["ada", "grace"]) }))
//!     .layer(ConditionalGetLayer::new());
//! ```
//!
//! The response bodies it takes are `http_body::Body<Data = Bytes>`
//! (axum's `Body`, hyper's `Incoming`, `http_body_util::Full<Bytes>`, …).

mod body;
mod future;
mod layer;
mod service;

pub use body::ResponseBody;
pub use future::ResponseFuture;
pub use layer::ConditionalGetLayer;
pub use service::ConditionalGet;
