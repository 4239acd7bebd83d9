//! User types and type parameters named like the runtime's internal ones
//! (`Status`, `Fixed`, `Full`, `Extra`, `Challenge`), in transparent
//! variants beside variants with a status of their own: the generated code
//! must name the user's types, not its own.
use api_status::http::StatusCode;
use api_status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[error("status service down")]
#[status(service_unavailable)]
pub struct Status;

#[derive(Debug, thiserror::Error, ApiError)]
#[error("challenge failed")]
#[status(forbidden)]
pub struct Challenge;

#[derive(Debug, thiserror::Error, ApiError)]
pub enum Outer {
    #[error("gone")]
    #[status(gone)]
    Gone,

    #[error(transparent)]
    #[status(transparent)]
    Status(Status),

    #[error(transparent)]
    #[status(transparent)]
    Challenge(Challenge),
}

#[derive(Debug, thiserror::Error, ApiError)]
pub enum Generic<Fixed: std::error::Error + ApiError + 'static, Extra: std::fmt::Display> {
    #[error("missing {0}")]
    #[status(not_found)]
    #[message("missing {0}")]
    Missing(Extra),

    #[error(transparent)]
    #[status(transparent)]
    Inner(Fixed),

    // A variant with extra facts (a challenge), so that the data block
    // names `Full`, `Extra` and `Challenge` too.
    #[error("sign in for {0}")]
    #[status(unauthorized)]
    Auth(Extra),
}

fn main() {
    assert_eq!(Outer::Gone.to_response().status(), StatusCode::GONE);
    assert_eq!(
        Outer::Status(Status).to_response().status(),
        StatusCode::SERVICE_UNAVAILABLE
    );
    assert_eq!(
        Outer::Challenge(Challenge).to_response().status(),
        StatusCode::FORBIDDEN
    );
    let inner: Generic<Status, u8> = Generic::Inner(Status);
    assert_eq!(inner.to_response().status(), StatusCode::SERVICE_UNAVAILABLE);
    let missing: Generic<Status, u8> = Generic::Missing(7);
    assert_eq!(missing.to_response().body().as_ref(), br#"{"message":"missing 7"}"#);
    let auth: Generic<Status, u8> = Generic::Auth(3);
    let response = auth.to_response();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(response.headers()["www-authenticate"], "Bearer");
}
