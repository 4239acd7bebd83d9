//! The [`ApiError`] trait: what every error of an HTTP API can say about itself.

use std::borrow::Cow;
use std::fmt;

use bytes::Bytes;
use http::{HeaderValue, Response, StatusCode};

use crate::{FieldErrors, OAuthErrorCode};

/// An error that an HTTP API can send to its client.
///
/// Derive it with [`#[derive(ApiError)]`](derive@crate::ApiError); the derive
/// overrides the provided methods where it can do better (bodies computed at
/// compile time, for one). A hand-written implementation needs only
/// [`status`](ApiError::status) and [`message`](ApiError::message), and then
/// works everywhere a derived one does, for example as the inner error of a
/// `#[status(transparent)]` variant.
///
/// ```
/// use std::borrow::Cow;
/// use api_status::ApiError;
/// use api_status::http::StatusCode;
///
/// struct RateLimited;
///
/// impl ApiError for RateLimited {
///     fn status(&self) -> StatusCode {
///         StatusCode::TOO_MANY_REQUESTS
///     }
///     fn message(&self) -> Cow<'_, str> {
///         Cow::Borrowed("slow down")
///     }
/// }
///
/// let response = RateLimited.to_response();
/// assert_eq!(response.status(), 429);
/// assert_eq!(response.headers()["content-type"], "application/json");
/// assert_eq!(response.body().as_ref(), br#"{"message":"slow down"}"#);
/// ```
pub trait ApiError {
    /// The HTTP status of the response: always a 4xx or a 5xx.
    fn status(&self) -> StatusCode;

    /// The public message: the `message` member of the body.
    ///
    /// For a derived 5xx error without `#[message]` this is the status's
    /// reason phrase, never the error's `Display`.
    fn message(&self) -> Cow<'_, str>;

    /// Writes the public message into `out`, without building a `String`
    /// first. The default writes [`message`](ApiError::message); the derive
    /// formats interpolated messages straight into the response body.
    fn write_message(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        out.write_str(&self.message())
    }

    /// The per-field validation messages, sent as the `errors` member.
    /// `None` (the default) leaves the member out.
    fn field_errors(&self) -> Option<Cow<'_, FieldErrors>> {
        None
    }

    /// The OAuth 2.0 error code, sent as the `error` member together with
    /// `error_description`. `None` (the default) for an ordinary error.
    fn oauth_error(&self) -> Option<OAuthErrorCode> {
        None
    }

    /// Seconds the client should wait before retrying, sent as `Retry-After`.
    fn retry_after(&self) -> Option<u64> {
        None
    }

    /// The `WWW-Authenticate` challenge, if the response carries one: every
    /// 401, and a 400 or 403 whose OAuth code is one of RFC 6750's.
    fn www_authenticate(&self) -> Option<HeaderValue> {
        crate::headers::challenge_for(self)
    }

    /// The JSON body, as section "The wire" of the crate docs describes.
    fn body(&self) -> Bytes {
        crate::json::encode_body(self)
    }

    /// The whole response: status, headers and JSON body.
    fn to_response(&self) -> Response<Bytes> {
        crate::headers::build_response(self)
    }
}

/// Forwards every method of [`ApiError`] through a pointer type, so that
/// `&E` and `Box<E>` (including `Box<dyn ApiError>`) answer exactly as `E`.
macro_rules! forward_api_error {
    ($($pointer:ty),*) => {$(
        impl<E: ApiError + ?Sized> ApiError for $pointer {
            fn status(&self) -> StatusCode {
                (**self).status()
            }
            fn message(&self) -> Cow<'_, str> {
                (**self).message()
            }
            fn write_message(&self, out: &mut dyn fmt::Write) -> fmt::Result {
                (**self).write_message(out)
            }
            fn field_errors(&self) -> Option<Cow<'_, FieldErrors>> {
                (**self).field_errors()
            }
            fn oauth_error(&self) -> Option<OAuthErrorCode> {
                (**self).oauth_error()
            }
            fn retry_after(&self) -> Option<u64> {
                (**self).retry_after()
            }
            fn www_authenticate(&self) -> Option<HeaderValue> {
                (**self).www_authenticate()
            }
            fn body(&self) -> Bytes {
                (**self).body()
            }
            fn to_response(&self) -> Response<Bytes> {
                (**self).to_response()
            }
        }
    )*};
}

forward_api_error!(&E, Box<E>);
