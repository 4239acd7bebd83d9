//! Example programs: the [`quickstart`]'s errors, and the small users API
//! that three of them serve with three different stacks:
//!
//! ```text
//! cargo run -p api-status-examples --example quickstart
//! cargo run -p api-status-examples --example axum_users
//! cargo run -p api-status-examples --example actix_users
//! cargo run -p api-status-examples --example hyper_users
//! cargo run -p api-status-examples --example openapi
//! ```
//!
//! The API, its errors ([`UserError`]) and its logic (the functions below)
//! live here, once; [`axum_users`], [`actix_users`] and [`hyper_users`] only
//! route requests to them. So each stack answers every request with the same
//! status, headers and body bytes, which `tests/servers.rs` checks over real
//! HTTP.

use std::io;
use std::sync::{Arc, Mutex, PoisonError};

use api_status::{Accepted, ApiError, Created, MovedPermanently, PreconditionFailed, Rejection};
use serde::{Deserialize, Serialize};
use validator::Validate;

pub mod actix_users;
pub mod axum_users;
pub mod conditional;
pub mod hyper_users;
pub mod openapi;
pub mod quickstart;

/// Every error of the users API.
#[derive(Debug, thiserror::Error, ApiError)]
pub enum UserError {
    /// 404, `GET /users/{id}` for an id nobody has.
    #[error("user {id} not found")]
    #[status(not_found)]
    NotFound {
        /// The id asked for.
        id: u64,
    },

    /// 422, `POST /users` with a body that fails validation; the body's
    /// `errors` says which field failed, and why.
    #[error("the user could not be created")]
    #[status(unprocessable_entity)]
    Invalid {
        /// What `validator` found.
        #[field_errors]
        errors: validator::ValidationErrors,
    },

    /// 401, `POST /oauth/token` with client credentials the server does not
    /// know (RFC 6749 §5.2): an OAuth body and a `WWW-Authenticate` challenge.
    #[error("client authentication failed")]
    #[status(unauthorized)]
    #[oauth(invalid_client)]
    InvalidClient,

    /// 403, `GET /admin`.
    #[error("only administrators can open the admin area")]
    #[status(forbidden)]
    Forbidden,

    /// 503 with `Retry-After: 120`, `GET /maintenance`.
    #[error("down for maintenance")]
    #[status(service_unavailable)]
    #[message("We are down for maintenance, please retry shortly")]
    #[retry_after(120)]
    Maintenance,

    /// 502, `GET /upstream`: the billing service failed. The cause is for
    /// the logs (`Display`, `source()`); the client reads only "Bad Gateway".
    #[error("the billing service failed: {0}")]
    #[status(bad_gateway)]
    Upstream(#[source] io::Error),

    /// 404, `GET /tasks/{id}` for a task nobody started.
    #[error("task {id} not found")]
    #[status(not_found)]
    TaskNotFound {
        /// The id asked for.
        id: u64,
    },

    /// 404, `GET /users/{id}/avatar` before an avatar was uploaded and
    /// processed.
    #[error("user {id} has no avatar yet")]
    #[status(not_found)]
    NoAvatar {
        /// The user's id.
        id: u64,
    },

    /// A request the framework turned away (malformed JSON, wrong content
    /// type, a path that does not parse, ...): its own response, as it is.
    #[error(transparent)]
    #[status(transparent)]
    Rejected(Rejection),

    /// 412, `PUT /users/{id}` whose `If-Match` names another version of
    /// the user (see [`conditional`]).
    #[error(transparent)]
    #[status(transparent)]
    Stale(PreconditionFailed),
}

impl From<PreconditionFailed> for UserError {
    fn from(failed: PreconditionFailed) -> Self {
        UserError::Stale(failed)
    }
}

impl From<Rejection> for UserError {
    fn from(rejection: Rejection) -> Self {
        UserError::Rejected(rejection)
    }
}

/// A user, as the API returns it.
#[derive(utoipa::ToSchema, Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    /// The user's id.
    pub id: u64,
    /// The display name.
    pub name: String,
    /// The e-mail address.
    pub email: String,
}

/// The body of `POST /users`.
#[derive(utoipa::ToSchema, Debug, Clone, Deserialize, Validate)]
pub struct NewUser {
    /// 1 to 50 characters.
    #[validate(length(min = 1, max = 50))]
    pub name: String,
    /// An e-mail address.
    #[validate(email)]
    pub email: String,
    /// 13 to 130, when given.
    #[validate(range(min = 13, max = 130))]
    pub age: Option<u8>,
}

/// The body of a successful `POST /oauth/token` (never sent by this demo,
/// which knows no client).
#[derive(utoipa::ToSchema, Debug, Clone, Serialize, Deserialize)]
pub struct Token {
    /// The token.
    pub access_token: String,
    /// Always `Bearer`.
    pub token_type: String,
}

/// The one user the demo knows.
pub fn ada() -> User {
    User {
        id: 1,
        name: "Ada Lovelace".to_owned(),
        email: "ada@example.com".to_owned(),
    }
}

/// `GET /users/{id}`: user 1 exists, every other id is a 404.
pub fn find_user(id: u64) -> Result<User, UserError> {
    if id == 1 {
        Ok(ada())
    } else {
        Err(UserError::NotFound { id })
    }
}

/// `POST /users`: validates the new user; the demo stores nothing and
/// answers with id 2.
pub fn create_user(new: NewUser) -> Result<User, UserError> {
    new.validate()
        .map_err(|errors| UserError::Invalid { errors })?;
    Ok(User {
        id: 2,
        name: new.name,
        email: new.email,
    })
}

/// `POST /users` as the seed's page answers it: 201, `location:
/// /users/{id}` and the user with its `self` link.
pub fn user_created(new: NewUser) -> Result<Created<User>, UserError> {
    let user = create_user(new)?;
    Ok(Created::new(format!("/users/{}", user.id), user))
}

/// `GET /people/{id}`, the path users had before they were users: 301 to
/// `/users/{id}`.
pub fn moved_person(id: u64) -> MovedPermanently {
    MovedPermanently::to(format!("/users/{id}"))
}

/// A thumbnailing task, as `GET /tasks/{id}` reports it.
#[derive(utoipa::ToSchema, Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Task {
    /// The task's id.
    pub id: u64,
    /// `pending`, then `done`.
    pub state: TaskState,
}

/// Where a [`Task`] is.
#[derive(utoipa::ToSchema, Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskState {
    /// Accepted, thumbnails not made yet.
    Pending,
    /// The thumbnails are ready.
    Done,
}

/// A user's avatar, once its thumbnails are made.
#[derive(utoipa::ToSchema, Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Avatar {
    /// Whose avatar.
    pub user_id: u64,
    /// The size of the uploaded image.
    pub bytes: usize,
}

/// The avatar uploads of one server: the tasks they started and the
/// avatars they made. Cheap to clone; clones share the store.
#[derive(Debug, Clone, Default)]
pub struct Avatars {
    store: Arc<Mutex<Store>>,
}

#[derive(Debug, Default)]
struct Store {
    /// Task `n` is `tasks[n - 1]`.
    tasks: Vec<Task>,
    avatars: Vec<Avatar>,
}

impl Avatars {
    fn store(&self) -> std::sync::MutexGuard<'_, Store> {
        // A panic elsewhere cannot leave the store half-written.
        self.store.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// `PUT /users/{id}/avatar`: 202 with the task's `status` link and the
    /// avatar's `self` link, as the seed's page describes; 404 for a user
    /// nobody has.
    ///
    /// The answer reports the task as it is when accepted: pending. The
    /// demo's thumbnailer then runs at once (a real server would queue the
    /// work), so `GET /tasks/{id}` reports it done.
    pub fn upload(&self, user_id: u64, image: &[u8]) -> Result<Accepted<Task>, UserError> {
        find_user(user_id)?;
        let mut store = self.store();
        let task = Task {
            id: store.tasks.len() as u64 + 1,
            state: TaskState::Pending,
        };
        store.tasks.push(Task {
            state: TaskState::Done,
            ..task.clone()
        });
        store.avatars.retain(|avatar| avatar.user_id != user_id);
        store.avatars.push(Avatar {
            user_id,
            bytes: image.len(),
        });
        Ok(Accepted::new(task.clone())
            .status_link(format!("/tasks/{}", task.id))
            .self_link(format!("/users/{user_id}/avatar"))
            .retry_after(1))
    }

    /// `GET /tasks/{id}`: the task, or 404.
    pub fn task(&self, id: u64) -> Result<Task, UserError> {
        let index = usize::try_from(id).ok().and_then(|id| id.checked_sub(1));
        index
            .and_then(|index| self.store().tasks.get(index).cloned())
            .ok_or(UserError::TaskNotFound { id })
    }

    /// `GET /users/{id}/avatar`: the avatar once made, or 404.
    pub fn avatar(&self, user_id: u64) -> Result<Avatar, UserError> {
        self.store()
            .avatars
            .iter()
            .find(|avatar| avatar.user_id == user_id)
            .cloned()
            .ok_or(UserError::NoAvatar { id: user_id })
    }
}

/// `POST /oauth/token`: the demo has no registered client, so every request
/// fails client authentication.
pub fn issue_token() -> Result<Token, UserError> {
    Err(UserError::InvalidClient)
}

/// `GET /admin`: nobody is an administrator.
pub fn admin() -> Result<&'static str, UserError> {
    Err(UserError::Forbidden)
}

/// `GET /maintenance`: always down.
pub fn maintenance() -> Result<&'static str, UserError> {
    Err(UserError::Maintenance)
}

/// `GET /upstream`: the billing service is unreachable. The error's text
/// names an internal host; the response does not.
pub fn upstream() -> Result<&'static str, UserError> {
    Err(UserError::Upstream(io::Error::new(
        io::ErrorKind::ConnectionRefused,
        "billing.internal:8443 refused the connection",
    )))
}

/// Prints the `tracing` events of error responses (feature `tracing` of
/// `api-status`) to stderr, 4xx (DEBUG) included: what the examples call
/// first, so that `curl /upstream` shows the operator what the client was
/// not told.
pub fn log_to_stderr() {
    // A second call (another example in the same process) keeps the first.
    let _ = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::DEBUG)
        .with_writer(std::io::stderr)
        .try_init();
}

/// The address to listen on: 127.0.0.1, port `PORT` or 3000.
pub fn listen_address() -> std::net::SocketAddr {
    let port = std::env::var("PORT")
        .ok()
        .and_then(|port| port.parse().ok())
        .unwrap_or(3000);
    std::net::SocketAddr::from(([127, 0, 0, 1], port))
}

/// What an example prints once it listens: the address and the curl
/// commands that show each error.
pub fn banner(stack: &str, address: std::net::SocketAddr) -> String {
    let base = format!("http://{address}");
    let json = "-H 'content-type: application/json'";
    format!(
        "users API ({stack}) listening on {base}\n\
         try:\n  \
         curl -i {base}/users/1                # 200 with an ETag\n  \
         curl -i {base}/users/1 -H 'if-none-match: \"user-1-v1\"'   # 304 Not Modified\n  \
         curl -i -X PUT {base}/users/1 {json} -H 'if-match: \"user-1-v0\"' -d '{{\"name\":\"Ada\",\"email\":\"ada@example.com\"}}'   # 412 stale\n  \
         curl -i {base}/users                  # 200, automatic ETag (ConditionalGetLayer)\n  \
         curl -i {base}/users/42               # 404 user not found\n  \
         curl -i {base}/users/abc              # 404 the path names no user\n  \
         curl -i {base}/users {json} -d '{{\"name\":\"\",\"email\":\"nope\"}}'   # 422 field errors\n  \
         curl -i {base}/users {json} -d '{{\"name\":\"Grace\",\"email\":\"grace@example.com\"}}'   # 201, location, self link\n  \
         curl -i -X PUT {base}/users/1/avatar -H 'content-type: image/png' --data-binary 'PNG'   # 202, status link\n  \
         curl -i {base}/tasks/1                # 200, the task is done\n  \
         curl -i {base}/users/1/avatar         # 200 once the task is done\n  \
         curl -i {base}/people/1               # 301 to /users/1\n  \
         curl -i {base}/users {json} -d '{{\"name\":'          # 400 malformed JSON\n  \
         curl -i {base}/users -H 'content-type: text/plain' -d 'hi'   # 415\n  \
         curl -i {base}/users {json} -d '{{\"name\":1,\"email\":2}}'   # 422 wrong field types\n  \
         curl -i -X POST {base}/oauth/token    # 401 OAuth, WWW-Authenticate\n  \
         curl -i {base}/admin                  # 403\n  \
         curl -i {base}/maintenance            # 503, Retry-After: 120\n  \
         curl -i {base}/upstream               # 502, no internal detail\n  \
         curl -i {base}/users/42 -H 'Accept: application/problem+json'   # the 404 as RFC 9457 problem details\n  \
         curl -i {base}/users/42 -H 'Accept: application/xml'            # as XML (also problem+xml)\n"
    )
}
