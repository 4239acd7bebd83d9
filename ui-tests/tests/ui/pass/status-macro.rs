//! `status!` in a `const`, for names of every class, aliases, http constant
//! names and numbers; and inside a `#[no_implicit_prelude]` module, where
//! its expansion names everything by absolute path.
#![deny(warnings, clippy::all, clippy::pedantic)]

use api_status::http::StatusCode;
use api_status::status;

const CREATED: StatusCode = status!(created);
const EVERY_CLASS: [StatusCode; 9] = [
    status!(r#continue),
    status!(ok),
    status!(accepted),
    status!(no_content),
    status!(moved_permanently),
    status!(not_modified),
    status!(not_found),
    status!(unprocessable_content),
    status!(network_authentication_required),
];

#[no_implicit_prelude]
mod bare {
    pub const REDIRECT: ::api_status::http::StatusCode = ::api_status::status!(permanent_redirect);
    pub const TEAPOT: ::api_status::http::StatusCode = ::api_status::status!(im_a_teapot);
}

fn main() {
    assert_eq!(CREATED, StatusCode::CREATED);
    let codes: Vec<u16> = EVERY_CLASS.iter().map(StatusCode::as_u16).collect();
    assert_eq!(codes, [100, 200, 202, 204, 301, 304, 404, 422, 511]);
    assert_eq!(bare::REDIRECT, 308);
    assert_eq!(bare::TEAPOT, 418);
    assert_eq!(status!(unprocessable_entity), status!(422));
    assert_eq!(status!(payload_too_large), status!(content_too_large));
    assert_eq!(status!(request_entity_too_large), 413);
    assert_eq!(status!(uri_too_long), status!(request_uri_too_long));
    assert_eq!(status!(100), 100);
    assert_eq!(status!(999), 999);
}
