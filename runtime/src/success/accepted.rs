//! [`Accepted`]: 202, a task under way, its `status` and `self` links.

use bytes::Bytes;
use http::header::{LINK, RETRY_AFTER};
use http::{Response, StatusCode};
use serde::Serialize;

use super::json::{self, Null};
use super::uri;

/// `202 Accepted`: the request was taken, the work is still to be done.
///
/// The response carries `content-type: application/json`; a `link` header
/// with `<status-url>; rel="status", <self-url>; rel="self"` (each only
/// when given, in that order); `retry-after` when given; and `body` as JSON.
/// When that JSON is an object without a `links` member,
/// `"links":{"status":"…","self":"…"}` (the links given) is appended as its
/// last member; a body that serializes to `null`, such as `()`, becomes
/// `{"links":{…}}`.
///
/// ```
/// use api_status::Accepted;
///
/// #[derive(serde::Serialize)]
/// struct Task { id: u64, state: &'static str }
///
/// let response = Accepted::new(Task { id: 7, state: "pending" })
///     .status_link("/tasks/7")
///     .self_link("/users/1/avatar")
///     .retry_after(2)
///     .to_response();
/// assert_eq!(response.status(), 202);
/// assert_eq!(
///     response.headers()["link"],
///     r#"</tasks/7>; rel="status", </users/1/avatar>; rel="self""#,
/// );
/// assert_eq!(response.headers()["retry-after"], "2");
/// assert_eq!(
///     response.body().as_ref(),
///     br#"{"id":7,"state":"pending","links":{"status":"/tasks/7","self":"/users/1/avatar"}}"#,
/// );
///
/// let response = Accepted::new(()).status_link("/tasks/8").to_response();
/// assert_eq!(response.headers()["link"], r#"</tasks/8>; rel="status""#);
/// assert_eq!(response.body().as_ref(), br#"{"links":{"status":"/tasks/8"}}"#);
/// ```
///
/// Links are percent-encoded as [`Created::new`](crate::Created::new)
/// encodes its `location`, so that none can break out of its `<…>`. With
/// no link at all there is no `link` header, and the appended member is
/// `"links":{}`. A body that cannot be serialized answers
/// `500 {"message":"Internal Server Error"}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accepted<T> {
    body: T,
    status_link: Option<String>,
    self_link: Option<String>,
    retry_after: Option<u64>,
}

impl<T> Accepted<T> {
    /// A 202 with `body` as its JSON, and no links yet.
    pub fn new(body: T) -> Self {
        Accepted {
            body,
            status_link: None,
            self_link: None,
            retry_after: None,
        }
    }

    /// Where the client follows the task's progress: `rel="status"`.
    #[must_use]
    pub fn status_link(mut self, url: impl Into<String>) -> Self {
        self.status_link = Some(uri::encode(url.into()));
        self
    }

    /// Where the resource will be once the task is done: `rel="self"`.
    #[must_use]
    pub fn self_link(mut self, url: impl Into<String>) -> Self {
        self.self_link = Some(uri::encode(url.into()));
        self
    }

    /// Seconds to wait before asking again, sent as `retry-after`.
    #[must_use]
    pub fn retry_after(mut self, seconds: u64) -> Self {
        self.retry_after = Some(seconds);
        self
    }

    /// The body.
    pub fn body(&self) -> &T {
        &self.body
    }

    /// The links given, in the order they are sent: `status`, then `self`.
    fn links(&self) -> impl Iterator<Item = (&'static str, &str)> {
        let status = self.status_link.as_deref().map(|url| ("status", url));
        let this = self.self_link.as_deref().map(|url| ("self", url));
        status.into_iter().chain(this)
    }
}

impl<T: Serialize> Accepted<T> {
    /// The whole response: 202, `content-type`, `link`, `retry-after` and
    /// the body.
    pub fn to_response(&self) -> Response<Bytes> {
        let links: Vec<(&str, &str)> = self.links().collect();
        let body = json::encode(&self.body, &links, Null::BecomesLinks);
        let link = links
            .iter()
            .map(|(rel, url)| format!("<{url}>; rel=\"{rel}\""))
            .collect::<Vec<_>>()
            .join(", ");
        let retry_after = self.retry_after.map(|seconds| seconds.to_string());
        let mut headers = Vec::with_capacity(2);
        if !link.is_empty() {
            headers.push((LINK, link.as_str()));
        }
        if let Some(seconds) = &retry_after {
            headers.push((RETRY_AFTER, seconds.as_str()));
        }
        super::json_response(StatusCode::ACCEPTED, body, &headers)
    }
}

impl<T: Serialize> From<Accepted<T>> for Response<Bytes> {
    fn from(accepted: Accepted<T>) -> Self {
        accepted.to_response()
    }
}
