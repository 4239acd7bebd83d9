//! The users API on axum, documented with utoipa: run it with
//! `cargo run -p api-status-examples --example openapi`, then open
//! `/swagger-ui/` or fetch `/openapi.json`.
//!
//! With the `utoipa` feature of `api-status`, [`UserError`] implements
//! `utoipa::IntoResponses`, so each handler documents every error it can
//! return with one word in `responses(...)`: each status, with its schema,
//! one example per variant and the `WWW-Authenticate` and `Retry-After`
//! headers. `UserError::Rejected` is transparent over
//! [`Rejection`](api_status::Rejection), so the extractors' rejections
//! (malformed JSON, wrong content type, a path that does not parse) are in
//! the document too.

use std::io;

use api_status::axum::{Json, Path};
use api_status::{ErrorBody, FieldErrors, Rejection};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::Router;
use utoipa::OpenApi;
use utoipa_swagger_ui::SwaggerUi;

use crate::{NewUser, Token, User, UserError};

/// The document: every route of the users API, and the body types.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "users API",
        description = "The api-status example: every error documented from `#[derive(ApiError)]`"
    ),
    paths(show_user, create_user, issue_token, admin, maintenance, upstream),
    components(schemas(User, NewUser, Token, ErrorBody, FieldErrors))
)]
pub struct ApiDoc;

/// The users API, `/openapi.json` and Swagger UI at `/swagger-ui/`.
pub fn router() -> Router {
    Router::new()
        .route("/users/{id}", get(show_user))
        .route("/users", post(create_user))
        .route("/oauth/token", post(issue_token))
        .route("/admin", get(admin))
        .route("/maintenance", get(maintenance))
        .route("/upstream", get(upstream))
        .merge(SwaggerUi::new("/swagger-ui").url("/openapi.json", ApiDoc::openapi()))
        .fallback(|| async { Rejection::NotFound })
}

/// Serves [`router`] on `listener` until the process ends.
pub async fn serve(listener: tokio::net::TcpListener) -> io::Result<()> {
    axum::serve(listener, router()).await
}

/// One user, by id.
#[utoipa::path(
    get,
    path = "/users/{id}",
    params(("id" = u64, Path, description = "The user's id")),
    responses((status = 200, description = "The user", body = User), UserError)
)]
async fn show_user(Path(id): Path<u64>) -> Result<Json<User>, UserError> {
    crate::find_user(id).map(Json)
}

/// Creates a user.
#[utoipa::path(
    post,
    path = "/users",
    request_body = NewUser,
    responses((status = 201, description = "The new user", body = User), UserError)
)]
async fn create_user(Json(new): Json<NewUser>) -> Result<(StatusCode, Json<User>), UserError> {
    let user = crate::create_user(new)?;
    Ok((StatusCode::CREATED, Json(user)))
}

/// Issues an access token (RFC 6749 §5.1).
#[utoipa::path(
    post,
    path = "/oauth/token",
    responses((status = 200, description = "The token", body = Token), UserError)
)]
async fn issue_token() -> Result<Json<Token>, UserError> {
    crate::issue_token().map(Json)
}

/// The admin area.
#[utoipa::path(get, path = "/admin", responses((status = 200, description = "Welcome", body = String), UserError))]
async fn admin() -> Result<&'static str, UserError> {
    crate::admin()
}

/// A route that is down for maintenance.
#[utoipa::path(get, path = "/maintenance", responses((status = 200, description = "Up", body = String), UserError))]
async fn maintenance() -> Result<&'static str, UserError> {
    crate::maintenance()
}

/// A route whose upstream service fails.
#[utoipa::path(get, path = "/upstream", responses((status = 200, description = "Up", body = String), UserError))]
async fn upstream() -> Result<&'static str, UserError> {
    crate::upstream()
}
