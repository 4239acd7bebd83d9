//! The users API on axum 0.8: run it with
//! `cargo run -p api-status-examples --example axum_users`.
//!
//! Handlers return `Result<_, UserError>`: with the `axum` feature of
//! `api-status`, every derived error is an `IntoResponse`. The extractors
//! `api_status::axum::{Json, Path}` answer their failures (malformed JSON,
//! wrong content type, a path that does not parse) in the same format, and
//! the `Negotiate` layer makes every error answer in the format the client's
//! `Accept` asks for (JSON, problem+json, XML, problem+xml).

use std::io;

use api_status::axum::{Json, Path};
use api_status::Rejection;
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::Router;

use crate::{NewUser, Token, User, UserError};

/// The users API as an axum router: what the example serves, and what its
/// tests start.
pub fn router() -> Router {
    Router::new()
        .route("/users/{id}", get(show_user))
        .route("/users", post(create_user))
        .route("/oauth/token", post(issue_token))
        .route("/admin", get(|| async { crate::admin() }))
        .route("/maintenance", get(|| async { crate::maintenance() }))
        .route("/upstream", get(|| async { crate::upstream() }))
        .fallback(|| async { Rejection::NotFound })
        .layer(api_status::axum::Negotiate)
}

/// Serves [`router`] on `listener` until the process ends.
pub async fn serve(listener: tokio::net::TcpListener) -> io::Result<()> {
    axum::serve(listener, router()).await
}

async fn show_user(Path(id): Path<u64>) -> Result<Json<User>, UserError> {
    crate::find_user(id).map(Json)
}

async fn create_user(Json(new): Json<NewUser>) -> Result<(StatusCode, Json<User>), UserError> {
    let user = crate::create_user(new)?;
    Ok((StatusCode::CREATED, Json(user)))
}

async fn issue_token() -> Result<Json<Token>, UserError> {
    crate::issue_token().map(Json)
}
