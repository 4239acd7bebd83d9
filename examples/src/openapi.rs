//! The users API on axum, documented with utoipa: run it with
//! `cargo run -p api-status-examples --example openapi`, then open
//! `/swagger-ui/` or fetch `/openapi.json`.
//!
//! With the `utoipa` feature of `api-status`, [`UserError`] implements
//! `utoipa::IntoResponses`, so each handler documents every error it can
//! return with one word in `responses(...)`: each status, with its schema,
//! one example per variant and the `WWW-Authenticate` and `Retry-After`
//! headers. `UserError::Rejected` is transparent over
//! [`Rejection`], so the extractors' rejections
//! (malformed JSON, wrong content type, a path that does not parse) are in
//! the document too.

use std::io;

use api_status::axum::{Json, Path};
use api_status::tower::ConditionalGetLayer;
use api_status::{
    Accepted, Conditional, Created, ErrorBody, FieldErrors, MovedPermanently, Preconditions,
    Rejection,
};
use axum::body::Bytes;
use axum::extract::State;
use axum::routing::{get, post, put};
use axum::Router;
use utoipa::OpenApi;
use utoipa_swagger_ui::SwaggerUi;

use crate::{Avatar, Avatars, NewUser, Task, TaskState, Token, User, UserError};

/// The document: every route of the users API, and the body types.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "users API",
        description = "The api-status example: every error documented from `#[derive(ApiError)]`"
    ),
    paths(
        show_user,
        update_user,
        list_users,
        create_user,
        upload_avatar,
        show_avatar,
        show_task,
        moved_person,
        issue_token,
        admin,
        maintenance,
        upstream
    ),
    components(schemas(User, NewUser, Token, Task, TaskState, Avatar, ErrorBody, FieldErrors))
)]
pub struct ApiDoc;

/// The users API, `/openapi.json` and Swagger UI at `/swagger-ui/`.
pub fn router() -> Router {
    Router::new()
        .route("/users/{id}", get(show_user).put(update_user))
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
        .route("/admin", get(admin))
        .route("/maintenance", get(maintenance))
        .route("/upstream", get(upstream))
        .merge(SwaggerUi::new("/swagger-ui").url("/openapi.json", ApiDoc::openapi()))
        .fallback(|| async { Rejection::NotFound })
        // Every error answers in the format the client's `Accept` asks for,
        // each documented beside the JSON (problem+json).
        .layer(api_status::axum::Negotiate)
        .with_state(Avatars::default())
}

/// Serves [`router`] on `listener` until the process ends.
pub async fn serve(listener: tokio::net::TcpListener) -> io::Result<()> {
    axum::serve(listener, router()).await
}

/// One user, by id, with its ETag: 304 when the client's copy is current.
#[utoipa::path(
    get,
    path = "/users/{id}",
    params(("id" = u64, Path, description = "The user's id")),
    responses(Conditional<User>, UserError)
)]
async fn show_user(
    Path(id): Path<u64>,
    preconditions: Preconditions,
) -> Result<Conditional<User>, UserError> {
    crate::conditional::show_user(id, &preconditions)
}

/// Replaces a user; `If-Match` with a stale ETag is a 412.
#[utoipa::path(
    put,
    path = "/users/{id}",
    params(("id" = u64, Path, description = "The user's id")),
    request_body = NewUser,
    responses(Conditional<User>, UserError)
)]
async fn update_user(
    Path(id): Path<u64>,
    preconditions: Preconditions,
    Json(new): Json<NewUser>,
) -> Result<Conditional<User>, UserError> {
    crate::conditional::update_user(id, &preconditions, new)
}

/// Every user, with an ETag from the automatic `ConditionalGetLayer`.
#[utoipa::path(
    get,
    path = "/users",
    responses(
        (status = 200, description = "Every user", body = Vec<User>,
            headers(("ETag" = String, description = "The weak tag of the body"))),
        (status = 304, description = "The client's copy is current")
    )
)]
async fn list_users() -> Json<Vec<User>> {
    Json(crate::conditional::list_users())
}

/// Creates a user: 201 with its `location` and `self` link.
#[utoipa::path(
    post,
    path = "/users",
    request_body = NewUser,
    responses(Created<User>, UserError)
)]
async fn create_user(Json(new): Json<NewUser>) -> Result<Created<User>, UserError> {
    crate::user_created(new)
}

/// Uploads an avatar: 202 with the thumbnailing task's `status` link.
#[utoipa::path(
    put,
    path = "/users/{id}/avatar",
    params(("id" = u64, Path, description = "The user's id")),
    request_body(content = Vec<u8>, content_type = "application/octet-stream"),
    responses(Accepted<Task>, UserError)
)]
async fn upload_avatar(
    State(avatars): State<Avatars>,
    Path(id): Path<u64>,
    image: Bytes,
) -> Result<Accepted<Task>, UserError> {
    avatars.upload(id, &image)
}

/// A user's avatar, once made.
#[utoipa::path(
    get,
    path = "/users/{id}/avatar",
    params(("id" = u64, Path, description = "The user's id")),
    responses((status = 200, description = "The avatar", body = Avatar), UserError)
)]
async fn show_avatar(
    State(avatars): State<Avatars>,
    Path(id): Path<u64>,
) -> Result<Json<Avatar>, UserError> {
    avatars.avatar(id).map(Json)
}

/// A thumbnailing task.
#[utoipa::path(
    get,
    path = "/tasks/{id}",
    params(("id" = u64, Path, description = "The task's id")),
    responses((status = 200, description = "The task", body = Task), UserError)
)]
async fn show_task(
    State(avatars): State<Avatars>,
    Path(id): Path<u64>,
) -> Result<Json<Task>, UserError> {
    avatars.task(id).map(Json)
}

/// The path users had before they were users: 301 to `/users/{id}`.
#[utoipa::path(
    get,
    path = "/people/{id}",
    params(("id" = u64, Path, description = "The user's id")),
    responses(MovedPermanently)
)]
async fn moved_person(Path(id): Path<u64>) -> MovedPermanently {
    crate::moved_person(id)
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
