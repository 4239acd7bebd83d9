//! `api_status::actix_web::Negotiate`: the middleware under which every
//! derived error and every `Rejection` answers in the format the request's
//! `Accept` prefers.

use std::future::{ready, Ready};

use ::actix_web::dev::{forward_ready, Service, ServiceRequest, ServiceResponse, Transform};
use ::actix_web::http::header::ACCEPT;
use ::actix_web::Error;

use crate::negotiate::scope::{self, Scoped};

/// actix-web middleware (`App::wrap(Negotiate)`): under it, every
/// `#[derive(ApiError)]` error and every [`Rejection`](crate::Rejection)
/// answers in the format of the request's `Accept` (JSON, problem+json,
/// and with the feature `xml` XML and problem+xml), with `vary: accept`.
/// Other responses pass through untouched. Without it, errors answer in
/// JSON.
///
/// ```
/// use actix_web::{web, App};
///
/// let app = App::new()
///     .wrap(api_status::actix_web::Negotiate)
///     .configure(api_status::actix_web::configure)
///     .route("/users/{id}", web::get().to(|| async { "ok" }));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Negotiate;

impl<S, B> Transform<S, ServiceRequest> for Negotiate
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = Error>,
{
    type Response = ServiceResponse<B>;
    type Error = Error;
    type Transform = NegotiateMiddleware<S>;
    type InitError = ();
    type Future = Ready<Result<NegotiateMiddleware<S>, ()>>;

    fn new_transform(&self, service: S) -> Self::Future {
        ready(Ok(NegotiateMiddleware { service }))
    }
}

/// The service of [`Negotiate`]: it chooses the format from `Accept` and
/// scopes it over the inner service's call and future.
#[derive(Debug)]
pub struct NegotiateMiddleware<S> {
    service: S,
}

impl<S, B> Service<ServiceRequest> for NegotiateMiddleware<S>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = Error>,
{
    type Response = ServiceResponse<B>;
    type Error = Error;
    type Future = Scoped<S::Future>;

    forward_ready!(service);

    fn call(&self, request: ServiceRequest) -> Self::Future {
        let format = scope::choose(
            request
                .headers()
                .get_all(ACCEPT)
                .map(|value| value.as_bytes()),
        );
        scope::scoped(format, || self.service.call(request))
    }
}
