//! The users API on actix-web 4: run it with
//! `cargo run -p api-status-examples --example actix_users`.
//!
//! Handlers return `Result<_, UserError>`: with the `actix-web` feature of
//! `api-status`, every derived error is a `ResponseError`.
//! `api_status::actix_web::configure` makes actix-web's JSON, query and path
//! extractors answer their failures in the same format,
//! `api_status::actix_web::Json` names the offending field of JSON of the
//! wrong shape, and the `Negotiate` middleware makes every error answer in
//! the format the client's `Accept` asks for (JSON, problem+json, XML,
//! problem+xml).

use std::io;

use actix_web::{web, App, HttpResponse, HttpServer};
use api_status::actix_web::{ConditionalGet, Json};
use api_status::{Accepted, Conditional, Created, MovedPermanently, Preconditions, Rejection};

use crate::{Avatar, Avatars, NewUser, Task, Token, User, UserError};

/// Registers the users API on an app: what the example serves, and what its
/// tests start. The avatar routes read an [`Avatars`] store from the app's
/// data (`web::Data<Avatars>`), which [`server`] installs.
///
/// ```no_run
/// use actix_web::{App, HttpServer};
///
/// # async fn run() -> std::io::Result<()> {
/// use api_status_examples::Avatars;
///
/// let avatars = actix_web::web::Data::new(Avatars::default());
/// HttpServer::new(move || {
///     App::new()
///         .wrap(api_status::actix_web::Negotiate)
///         .app_data(avatars.clone())
///         .configure(api_status_examples::actix_users::configure)
/// })
///     .bind(("127.0.0.1", 3000))?
///     .run()
///     .await
/// # }
/// ```
pub fn configure(config: &mut web::ServiceConfig) {
    config
        .configure(api_status::actix_web::configure)
        .route("/users/{id}", web::get().to(show_user))
        .route("/users/{id}", web::put().to(update_user))
        // The automatic ETag middleware, on `/users` only; it passes the
        // POST through untouched.
        .service(
            web::resource("/users")
                .wrap(ConditionalGet::new())
                .route(web::get().to(list_users))
                .route(web::post().to(create_user)),
        )
        .route("/users/{id}/avatar", web::put().to(upload_avatar))
        .route("/users/{id}/avatar", web::get().to(show_avatar))
        .route("/tasks/{id}", web::get().to(show_task))
        .route("/people/{id}", web::get().to(moved_person))
        .route("/oauth/token", web::post().to(issue_token))
        .route("/admin", web::get().to(|| async { crate::admin() }))
        .route(
            "/maintenance",
            web::get().to(|| async { crate::maintenance() }),
        )
        .route("/upstream", web::get().to(|| async { crate::upstream() }))
        .default_service(web::to(not_found));
}

/// The server for [`configure`] on `listener`, with `workers` threads. Await
/// it inside an actix system (`actix_web::rt::System`); stop it with its
/// handle.
pub fn server(
    listener: std::net::TcpListener,
    workers: usize,
) -> io::Result<actix_web::dev::Server> {
    let avatars = web::Data::new(Avatars::default());
    Ok(HttpServer::new(move || {
        App::new()
            .wrap(api_status::actix_web::Negotiate)
            .app_data(avatars.clone())
            .configure(configure)
    })
    .workers(workers)
    .listen(listener)?
    .run())
}

async fn show_user(
    id: web::Path<u64>,
    preconditions: Preconditions,
) -> Result<Conditional<User>, UserError> {
    crate::conditional::show_user(id.into_inner(), &preconditions)
}

async fn update_user(
    id: web::Path<u64>,
    preconditions: Preconditions,
    new: Json<NewUser>,
) -> Result<Conditional<User>, UserError> {
    crate::conditional::update_user(id.into_inner(), &preconditions, new.into_inner())
}

async fn list_users() -> web::Json<Vec<User>> {
    web::Json(crate::conditional::list_users())
}

async fn create_user(new: Json<NewUser>) -> Result<Created<User>, UserError> {
    crate::user_created(new.into_inner())
}

async fn upload_avatar(
    avatars: web::Data<Avatars>,
    id: web::Path<u64>,
    image: web::Bytes,
) -> Result<Accepted<Task>, UserError> {
    avatars.upload(id.into_inner(), &image)
}

async fn show_avatar(
    avatars: web::Data<Avatars>,
    id: web::Path<u64>,
) -> Result<web::Json<Avatar>, UserError> {
    avatars.avatar(id.into_inner()).map(web::Json)
}

async fn show_task(
    avatars: web::Data<Avatars>,
    id: web::Path<u64>,
) -> Result<web::Json<Task>, UserError> {
    avatars.task(id.into_inner()).map(web::Json)
}

async fn moved_person(id: web::Path<u64>) -> MovedPermanently {
    crate::moved_person(id.into_inner())
}

async fn issue_token() -> Result<web::Json<Token>, UserError> {
    crate::issue_token().map(web::Json)
}

async fn not_found() -> Result<HttpResponse, Rejection> {
    Err(Rejection::NotFound)
}
