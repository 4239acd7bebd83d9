//! [`MovedPermanently`] (301) and [`PermanentRedirect`] (308): a
//! `location` and nothing else.

use bytes::Bytes;
use http::header::LOCATION;
use http::{Response, StatusCode};

use super::uri;

/// `301 Moved Permanently`: the resource now lives at `location`; clients
/// ask there from now on (and may turn a `POST` into a `GET`, as
/// RFC 9110 §15.4.2 allows).
///
/// The response is the status and `location`: no body, no `content-type`.
/// `location` is percent-encoded as [`Created::new`](crate::Created::new)
/// encodes it.
///
/// ```
/// use api_status::MovedPermanently;
/// use api_status::http::Response;
/// use api_status::bytes::Bytes;
///
/// let response: Response<Bytes> = MovedPermanently::to("/users/1").into();
/// assert_eq!(response.status(), 301);
/// assert_eq!(response.headers()["location"], "/users/1");
/// assert_eq!(response.headers().len(), 1);
/// assert!(response.body().is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MovedPermanently {
    location: String,
}

/// `308 Permanent Redirect`: as [`MovedPermanently`], but the client must
/// repeat the same method and body at `location` (RFC 9110 §15.4.9). What
/// axum's `Redirect::permanent` sends.
///
/// ```
/// use api_status::PermanentRedirect;
///
/// let response = PermanentRedirect::to("/v2/users").to_response();
/// assert_eq!(response.status(), 308);
/// assert_eq!(response.headers()["location"], "/v2/users");
/// assert!(response.body().is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PermanentRedirect {
    location: String,
}

/// The shared shape of the two redirects.
macro_rules! redirect {
    ($type:ident, $status:expr) => {
        impl $type {
            /// A redirect to `location`, percent-encoded.
            pub fn to(location: impl Into<String>) -> Self {
                $type {
                    location: uri::encode(location.into()),
                }
            }

            /// The `location`, percent-encoded as it is sent.
            pub fn location(&self) -> &str {
                &self.location
            }

            /// The whole response: the status and `location`, no body.
            pub fn to_response(&self) -> Response<Bytes> {
                super::with_headers($status, Bytes::new(), &[(LOCATION, &self.location)])
                    .unwrap_or_else(|| crate::ApiError::to_response(&crate::Rejection::Internal))
            }
        }

        impl From<$type> for Response<Bytes> {
            fn from(redirect: $type) -> Self {
                redirect.to_response()
            }
        }
    };
}

redirect!(MovedPermanently, StatusCode::MOVED_PERMANENTLY);
redirect!(PermanentRedirect, StatusCode::PERMANENT_REDIRECT);
