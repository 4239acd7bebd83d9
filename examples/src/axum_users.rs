//! The users API on axum 0.8: run it with
//! `cargo run -p api-status-examples --example axum_users`.
//!
//! Handlers return `Result<_, UserError>`: with the `axum` feature of
//! `api-status`, every derived error is an `IntoResponse`. The extractors
//! `api_status::axum::{Json, Path}` answer their failures (malformed JSON,
//! wrong content type, a path that does not parse) in the same format.

use std::io;

use api_status::axum::{Json, Path};
use api_status::tower::ConditionalGetLayer;
use api_status::{Conditional, Preconditions, Rejection};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::Router;

use crate::{NewUser, Token, User, UserError};

/// The users API as an axum router: what the example serves, and what its
/// tests start.
pub fn router() -> Router {
    Router::new()
        .route("/users/{id}", get(show_user).put(update_user))
        // The automatic ETag layer, on `GET /users` only (`post` comes
        // after `layer`, so it is not wrapped; it would pass through anyway).
        .route(
            "/users",
            get(list_users)
                .layer(ConditionalGetLayer::new())
                .post(create_user),
        )
        .route("/oauth/token", post(issue_token))
        .route("/admin", get(|| async { crate::admin() }))
        .route("/maintenance", get(|| async { crate::maintenance() }))
        .route("/upstream", get(|| async { crate::upstream() }))
        .fallback(|| async { Rejection::NotFound })
}

/// Serves [`router`] on `listener` until the process ends.
pub async fn serve(listener: tokio::net::TcpListener) -> io::Result<()> {
    axum::serve(listener, router()).await
}

async fn show_user(
    Path(id): Path<u64>,
    preconditions: Preconditions,
) -> Result<Conditional<User>, UserError> {
    crate::conditional::show_user(id, &preconditions)
}

async fn update_user(
    Path(id): Path<u64>,
    preconditions: Preconditions,
    Json(new): Json<NewUser>,
) -> Result<Conditional<User>, UserError> {
    crate::conditional::update_user(id, &preconditions, new)
}

async fn list_users() -> Json<Vec<User>> {
    Json(crate::conditional::list_users())
}

async fn create_user(Json(new): Json<NewUser>) -> Result<(StatusCode, Json<User>), UserError> {
    let user = crate::create_user(new)?;
    Ok((StatusCode::CREATED, Json(user)))
}

async fn issue_token() -> Result<Json<Token>, UserError> {
    crate::issue_token().map(Json)
}
