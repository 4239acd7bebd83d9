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
use api_status::tower::ConditionalGetLayer;
use api_status::{Accepted, Conditional, Created, MovedPermanently, Preconditions, Rejection};
use axum::body::Bytes;
use axum::extract::State;
use axum::routing::{get, post, put};
use axum::Router;

use crate::{Avatar, Avatars, NewUser, Task, Token, User, UserError};

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
        .route("/users/{id}/avatar", put(upload_avatar).get(show_avatar))
        .route("/tasks/{id}", get(show_task))
        .route("/people/{id}", get(moved_person))
        .route("/oauth/token", post(issue_token))
        .route("/admin", get(|| async { crate::admin() }))
        .route("/maintenance", get(|| async { crate::maintenance() }))
        .route("/upstream", get(|| async { crate::upstream() }))
        .fallback(|| async { Rejection::NotFound })
        .layer(api_status::axum::Negotiate)
        .with_state(Avatars::default())
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

async fn create_user(Json(new): Json<NewUser>) -> Result<Created<User>, UserError> {
    crate::user_created(new)
}

async fn upload_avatar(
    State(avatars): State<Avatars>,
    Path(id): Path<u64>,
    image: Bytes,
) -> Result<Accepted<Task>, UserError> {
    avatars.upload(id, &image)
}

async fn show_avatar(
    State(avatars): State<Avatars>,
    Path(id): Path<u64>,
) -> Result<Json<Avatar>, UserError> {
    avatars.avatar(id).map(Json)
}

async fn show_task(
    State(avatars): State<Avatars>,
    Path(id): Path<u64>,
) -> Result<Json<Task>, UserError> {
    avatars.task(id).map(Json)
}

async fn moved_person(Path(id): Path<u64>) -> MovedPermanently {
    crate::moved_person(id)
}

async fn issue_token() -> Result<Json<Token>, UserError> {
    crate::issue_token().map(Json)
}
