//! The [`ApiError`] trait: what every error of an HTTP API can say about itself.

use std::borrow::Cow;
use std::fmt;

use bytes::Bytes;
use http::{HeaderMap, HeaderValue, Response, StatusCode};

use crate::{FieldErrors, Format, OAuthErrorCode};

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

    /// The problem type of RFC 9457, a URI reference: `"about:blank"` (the
    /// default) unless a variant has `#[problem(type = "…")]`.
    fn problem_type(&self) -> &str {
        "about:blank"
    }

    /// The problem's title: the status's reason phrase (the default) unless
    /// a variant has `#[problem(title = "…")]`.
    fn problem_title(&self) -> &str {
        crate::negotiate::default_title(self.status())
    }

    /// The `application/problem+json` body (RFC 9457): `type`, `title`,
    /// `status`, `detail` (the public message), then `errors`, or `error`
    /// and `error_description`, as in the JSON body.
    fn problem_body(&self) -> Bytes {
        crate::negotiate::encode_problem(self)
    }

    /// The whole response in `format`, with `vary: accept`: the same status,
    /// `WWW-Authenticate` and `Retry-After` as [`to_response`](ApiError::to_response),
    /// in the format's body and `content-type`.
    fn to_response_in(&self, format: Format) -> Response<Bytes> {
        crate::negotiate::respond(self, format)
    }

    /// The whole response in the format the request's `Accept` prefers
    /// ([`Format::from_request`]), with `vary: accept`; JSON when it prefers
    /// none of them. Never a 406.
    ///
    /// ```
    /// use api_status::ApiError;
    /// use api_status::http::{header::ACCEPT, HeaderMap, HeaderValue};
    ///
    /// #[derive(Debug, thiserror::Error, ApiError)]
    /// #[error("account {id} not found")]
    /// #[status(not_found)]
    /// struct NotFound {
    ///     id: u64,
    /// }
    ///
    /// let mut request = HeaderMap::new();
    /// request.insert(ACCEPT, HeaderValue::from_static("application/problem+json"));
    /// let response = NotFound { id: 42 }.to_response_for(&request);
    /// assert_eq!(response.status(), 404);
    /// assert_eq!(response.headers()["content-type"], "application/problem+json");
    /// assert_eq!(response.headers()["vary"], "accept");
    /// assert_eq!(
    ///     response.body().as_ref(),
    ///     br#"{"type":"about:blank","title":"Not Found","status":404,"detail":"account 42 not found"}"#,
    /// );
    /// ```
    fn to_response_for(&self, request_headers: &HeaderMap) -> Response<Bytes> {
        self.to_response_in(Format::from_request(request_headers))
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
            fn problem_type(&self) -> &str {
                (**self).problem_type()
            }
            fn problem_title(&self) -> &str {
                (**self).problem_title()
            }
            fn problem_body(&self) -> Bytes {
                (**self).problem_body()
            }
            fn to_response_in(&self, format: Format) -> Response<Bytes> {
                (**self).to_response_in(format)
            }
            fn to_response_for(&self, request_headers: &HeaderMap) -> Response<Bytes> {
                (**self).to_response_for(request_headers)
            }
        }
    )*};
}

forward_api_error!(&E, Box<E>);
