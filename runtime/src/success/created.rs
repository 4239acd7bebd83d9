//! [`Created`]: 201, the new resource's `location` and its `self` link.

use bytes::Bytes;
use http::header::LOCATION;
use http::{Response, StatusCode};
use serde::Serialize;

use super::json::{self, Null};
use super::uri;

/// `201 Created`: a resource was created at `location`.
///
/// The response carries `location: <location>`, `content-type:
/// application/json`, and `body` as JSON; when that JSON is an object
/// without a `links` member, `"links":{"self":"<location>"}` is appended as
/// its last member, so the body names the new resource as the seed's page
/// promises.
///
/// ```
/// use api_status::Created;
/// use api_status::http::Response;
/// use api_status::bytes::Bytes;
///
/// #[derive(serde::Serialize)]
/// struct User { id: u64, name: &'static str }
///
/// let response: Response<Bytes> = Created::new("/users/2", User { id: 2, name: "Grace" }).into();
/// assert_eq!(response.status(), 201);
/// assert_eq!(response.headers()["location"], "/users/2");
/// assert_eq!(response.headers()["content-type"], "application/json");
/// assert_eq!(
///     response.body().as_ref(),
///     br#"{"id":2,"name":"Grace","links":{"self":"/users/2"}}"#,
/// );
/// ```
///
/// `location` is percent-encoded: every byte RFC 3986 does not allow in a
/// URI reference (anything but letters, digits, `-._~:/?#[]@!$&'()*+,;=`
/// and `%`) becomes `%XX` (`%20`, `%0D`, `%22`, `%C3%A9`), so no input can
/// break or inject a header; the JSON link holds the same string. An
/// existing `%` stays as it is: an already encoded URL is not encoded
/// twice, so a `%` followed by two hex digits keeps its meaning as an
/// escape (`%41` decodes to `A`).
///
/// ```
/// # use api_status::Created;
/// let response = Created::new("/users/Zoë Smith\r\nset-cookie: x", ()).to_response();
/// assert_eq!(response.headers()["location"], "/users/Zo%C3%AB%20Smith%0D%0Aset-cookie:%20x");
/// assert_eq!(response.headers().len(), 2); // location and content-type: nothing injected
/// assert_eq!(response.body().as_ref(), b"null"); // not an object: no links
/// ```
///
/// A body that cannot be serialized (a map with non-string keys, a failing
/// `Serialize`) answers `500 {"message":"Internal Server Error"}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Created<T> {
    location: String,
    body: T,
}

impl<T> Created<T> {
    /// A 201 for the resource at `location`, with `body` as its JSON.
    pub fn new(location: impl Into<String>, body: T) -> Self {
        Created {
            location: uri::encode(location.into()),
            body,
        }
    }

    /// The `location`, percent-encoded as it is sent.
    pub fn location(&self) -> &str {
        &self.location
    }

    /// The body.
    pub fn body(&self) -> &T {
        &self.body
    }
}

impl<T: Serialize> Created<T> {
    /// The whole response: 201, `location`, `content-type` and the body.
    pub fn to_response(&self) -> Response<Bytes> {
        let body = json::encode(&self.body, &[("self", &self.location)], Null::Stays);
        super::json_response(
            StatusCode::CREATED,
            body,
            &[(LOCATION, self.location.as_str())],
        )
    }
}

impl<T: Serialize> From<Created<T>> for Response<Bytes> {
    fn from(created: Created<T>) -> Self {
        created.to_response()
    }
}
