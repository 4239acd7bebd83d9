//! Conditional requests in the users API (RFC 9110 section 13), the same
//! on every stack:
//!
//! - `GET /users/{id}` sends a strong `etag` (`"user-1-v1"`) and a
//!   `last-modified`, and answers `304 Not Modified`, with no body, to an
//!   `If-None-Match` that names the tag;
//! - `PUT /users/{id}` honours `If-Match`: a tag of another version answers
//!   `412 {"message":"Precondition Failed"}`, the current one updates the
//!   user and answers 200 with the new version's tag;
//! - `GET /users` goes through the automatic ETag middleware
//!   (`api_status::tower::ConditionalGetLayer` on axum and hyper,
//!   `api_status::actix_web::ConditionalGet` on actix-web): its tag is the
//!   digest of the body, computed by the middleware.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use api_status::{
    Conditional, EntityTag, Precondition, PreconditionFailed, Preconditions, Validators,
};
use validator::Validate;

use crate::{NewUser, User, UserError};

/// The version of every user the demo knows (it stores nothing, so a user
/// never changes).
pub const VERSION: u64 = 1;

/// When version 1 of a user was written: Tue, 14 Nov 2023 22:13:20 GMT.
/// Each later version is a day later.
fn written(version: u64) -> SystemTime {
    UNIX_EPOCH
        + Duration::from_secs(1_700_000_000 + version.saturating_sub(1).saturating_mul(86_400))
}

/// The validators of version `version` of `user`: the strong tag
/// `"user-{id}-v{version}"`, and when that version was written.
pub fn validators(user: &User, version: u64) -> Validators {
    let validators = Validators::new().last_modified(written(version));
    // Digits, letters and dashes: always a valid tag.
    match EntityTag::strong(&format!("user-{}-v{version}", user.id)) {
        Ok(tag) => validators.etag(tag),
        Err(_) => validators,
    }
}

/// `GET /users/{id}`: the user with its validators, or a 304 when the
/// client's copy is current; 404 for an unknown id.
pub fn show_user(id: u64, preconditions: &Preconditions) -> Result<Conditional<User>, UserError> {
    let user = crate::find_user(id)?;
    Ok(preconditions.respond(validators(&user, VERSION), || user))
}

/// `PUT /users/{id}`: 404 for an unknown id; 412 when `If-Match` (or
/// `If-Unmodified-Since`) does not hold for the current version (RFC 9110
/// section 13.2.1: the preconditions are evaluated before the content is
/// processed); 422 for a body that fails validation; otherwise the updated
/// user (not stored: this is a demo) with the next version's validators.
pub fn update_user(
    id: u64,
    preconditions: &Preconditions,
    new: NewUser,
) -> Result<Conditional<User>, UserError> {
    let current = crate::find_user(id)?;
    if preconditions.evaluate(&validators(&current, VERSION)) == Precondition::Failed {
        return Err(PreconditionFailed.into());
    }
    new.validate()
        .map_err(|errors| UserError::Invalid { errors })?;
    let updated = User {
        id,
        name: new.name,
        email: new.email,
    };
    Ok(Conditional::proceed(
        validators(&updated, VERSION + 1),
        updated,
    ))
}

/// `GET /users`: every user, tagged by the automatic middleware.
pub fn list_users() -> Vec<User> {
    vec![crate::ada()]
}
