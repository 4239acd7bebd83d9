//! `api_status::axum::Negotiate`: the tower layer under which every derived
//! error and every `Rejection` answers in the format the request's `Accept`
//! prefers.

use std::task::{Context, Poll};

use http::Request;

use crate::negotiate::scope::{self, Scoped};

/// A tower layer: under it, every `#[derive(ApiError)]` error and every
/// [`Rejection`](crate::Rejection) a handler returns answers in the format
/// of the request's `Accept` (JSON, problem+json, and with the feature
/// `xml` XML and problem+xml), with `vary: accept`. Other responses pass
/// through untouched. Without it, errors answer in JSON.
///
/// ```
/// use api_status::ApiError;
///
/// #[derive(Debug, thiserror::Error, ApiError)]
/// #[error("user not found")]
/// #[status(not_found)]
/// struct UserNotFound;
///
/// async fn show_user() -> Result<String, UserNotFound> {
///     Err(UserNotFound)
/// }
///
/// let app: axum::Router = axum::Router::new()
///     .route("/users/{id}", axum::routing::get(show_user))
///     .layer(api_status::axum::Negotiate);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Negotiate;

impl<S> tower_layer::Layer<S> for Negotiate {
    type Service = NegotiateService<S>;

    fn layer(&self, inner: S) -> NegotiateService<S> {
        NegotiateService { inner }
    }
}

/// The service of [`Negotiate`]: it chooses the format from `Accept` and
/// scopes it over the inner service's call and future.
#[derive(Debug, Clone, Copy, Default)]
pub struct NegotiateService<S> {
    inner: S,
}

impl<S, B> tower_service::Service<Request<B>> for NegotiateService<S>
where
    S: tower_service::Service<Request<B>>,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future = Scoped<S::Future>;

    #[inline]
    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request<B>) -> Self::Future {
        let format = scope::choose(
            request
                .headers()
                .get_all(http::header::ACCEPT)
                .iter()
                .map(http::HeaderValue::as_bytes),
        );
        scope::scoped(format, || self.inner.call(request))
    }
}
