//! What the derive generates for each type, besides the matches that read a
//! variant's fields: one `match` from the value to its variant's [`Lookup`],
//! and the `ApiError` methods answered from it here, once, for every
//! derived type.
//!
//! A variant either has its own [`Fixed`] facts (status, OAuth code, fixed
//! message, `Retry-After`, and, where they do not depend on the value, its
//! body and challenge, computed by the macro) or hands everything to its one
//! inner error (`#[status(transparent)]`).

use std::fmt;

use bytes::Bytes;
use http::{HeaderValue, Response};

use crate::{ApiError, FieldErrors, OAuthErrorCode};

use super::{Cow, CowStr};

/// The facts of a variant that do not depend on its data, as constants the
/// macro computed.
#[derive(Debug)]
pub struct Fixed {
    /// The status, checked by the macro to be in `400..=599` and built in
    /// the constant, so that no response converts it.
    pub status: http::StatusCode,
    /// `Type::Variant`, or `Type` for a struct: the `error` field of the
    /// `tracing` event.
    pub name: &'static str,
    /// The public message when it is fixed (a literal `#[message]` or a 5xx
    /// reason phrase); `None` when the variant formats it.
    pub message: Option<&'static str>,
    /// `#[oauth(code)]`.
    pub oauth: Option<OAuthErrorCode>,
    /// `#[retry_after(seconds)]`.
    pub retry_after: Option<u64>,
    /// Whether a `#[retry_after]` field gives the delay instead.
    pub retry_after_field: bool,
    /// The JSON body, when it does not depend on the value.
    pub body: Option<&'static [u8]>,
    /// The `WWW-Authenticate` value, when it does not depend on the value:
    /// `Some(None)` for none at all. Built in the constant, so that its
    /// characters are checked when the user's crate compiles, not on every
    /// response.
    pub challenge: Option<Option<HeaderValue>>,
    /// The problem type: `#[problem(type)]`, or `about:blank`.
    pub problem_type: &'static str,
    /// The problem title: `#[problem(title)]`, or the reason phrase.
    pub problem_title: &'static str,
    /// The problem+json body, when it does not depend on the value.
    pub problem_body: Option<&'static [u8]>,
    /// The start of the problem+json body, up to the detail's opening
    /// quote: `{"type":"…","title":"…","status":404,"detail":"`.
    pub problem_prefix: &'static [u8],
}

/// Where a value's answers come from.
#[derive(Clone, Copy)]
pub enum Lookup<'a> {
    /// The variant's own facts.
    Own(&'static Fixed),
    /// A transparent variant's inner error.
    Inner(&'a dyn ApiError),
}

/// The [`Lookup`] of a transparent variant's field.
#[inline]
pub fn inner<T: ApiError>(field: &T) -> Lookup<'_> {
    Lookup::Inner(field)
}

impl<'a> Lookup<'a> {
    /// `ApiError::status`.
    #[inline]
    pub fn status(self) -> http::StatusCode {
        match self {
            Lookup::Own(fixed) => fixed.status,
            Lookup::Inner(inner) => inner.status(),
        }
    }

    /// `ApiError::message`, for a variant the derive has no `message` arm
    /// for: a fixed message, an inner error's, or one formatted by
    /// `write_message`.
    #[inline]
    pub fn message<E: ApiError + ?Sized>(self, error: &'a E) -> CowStr<'a> {
        match self {
            Lookup::Own(Fixed {
                message: Some(message),
                ..
            }) => Cow::Borrowed(message),
            Lookup::Own(_) => {
                let mut message = String::new();
                // Writing into a `String` fails only if a `Display` impl
                // does; the message is then what it wrote until then.
                let _ = error.write_message(&mut message);
                Cow::Owned(message)
            }
            Lookup::Inner(inner) => inner.message(),
        }
    }

    /// `ApiError::write_message`, for a variant whose message is not
    /// formatted: the fixed text, or the inner error's.
    #[inline]
    pub fn write_message(self, out: &mut dyn fmt::Write) -> fmt::Result {
        match self {
            Lookup::Own(fixed) => out.write_str(fixed.message.unwrap_or_default()),
            Lookup::Inner(inner) => inner.write_message(out),
        }
    }

    /// `ApiError::__api_status_message`, for a variant whose message is
    /// not formatted: the fixed text, or the inner error's pieces.
    #[inline]
    pub fn write_message_to(self, out: &mut super::MessageSink<'_>) {
        match self {
            Lookup::Own(fixed) => out.escaped(fixed.message.unwrap_or_default()),
            Lookup::Inner(inner) => inner.__api_status_message(out),
        }
    }

    /// `ApiError::field_errors`, for a variant without a `#[field_errors]`
    /// field.
    #[inline]
    pub fn field_errors(self) -> Option<Cow<'a, FieldErrors>> {
        match self {
            Lookup::Own(_) => None,
            Lookup::Inner(inner) => inner.field_errors(),
        }
    }

    /// `ApiError::oauth_error`.
    #[inline]
    pub fn oauth_error(self) -> Option<OAuthErrorCode> {
        match self {
            Lookup::Own(fixed) => fixed.oauth,
            Lookup::Inner(inner) => inner.oauth_error(),
        }
    }

    /// `ApiError::retry_after`, for a variant without a `#[retry_after]`
    /// field.
    #[inline]
    pub fn retry_after(self) -> Option<u64> {
        match self {
            Lookup::Own(fixed) => fixed.retry_after,
            Lookup::Inner(inner) => inner.retry_after(),
        }
    }

    /// `ApiError::www_authenticate`.
    #[inline]
    pub fn www_authenticate<E: ApiError + ?Sized>(self, error: &E) -> Option<HeaderValue> {
        match self {
            Lookup::Own(Fixed {
                challenge: Some(challenge),
                ..
            }) => challenge.clone(),
            Lookup::Own(_) => crate::headers::challenge_for(error),
            Lookup::Inner(inner) => inner.www_authenticate(),
        }
    }

    /// The name the `tracing` event of the response logs: the variant's,
    /// or a transparent variant's inner error's.
    #[inline]
    pub fn name(self) -> &'static str {
        match self {
            Lookup::Own(fixed) => fixed.name,
            Lookup::Inner(inner) => inner.__api_status_name(),
        }
    }

    /// `ApiError::body`.
    #[inline]
    pub fn body<E: ApiError + ?Sized>(self, error: &E) -> Bytes {
        match self {
            Lookup::Own(Fixed {
                body: Some(body), ..
            }) => Bytes::from_static(body),
            Lookup::Own(fixed) => crate::json::encode_body_with(error, fixed.oauth),
            Lookup::Inner(inner) => inner.body(),
        }
    }

    /// `ApiError::problem_type`.
    #[inline]
    pub fn problem_type(self) -> &'a str {
        match self {
            Lookup::Own(fixed) => fixed.problem_type,
            Lookup::Inner(inner) => inner.problem_type(),
        }
    }

    /// `ApiError::problem_title`.
    #[inline]
    pub fn problem_title(self) -> &'a str {
        match self {
            Lookup::Own(fixed) => fixed.problem_title,
            Lookup::Inner(inner) => inner.problem_title(),
        }
    }

    /// `ApiError::problem_body`.
    #[inline]
    pub fn problem_body<E: ApiError + ?Sized>(self, error: &E) -> Bytes {
        match self {
            Lookup::Own(Fixed {
                problem_body: Some(body),
                ..
            }) => Bytes::from_static(body),
            Lookup::Own(fixed) => {
                crate::negotiate::encode_problem_after(fixed.problem_prefix, error, fixed.oauth)
            }
            Lookup::Inner(inner) => inner.problem_body(),
        }
    }

    /// `ApiError::to_response`: for a variant whose facts are all fixed,
    /// straight from them, without asking the value again.
    #[inline]
    pub fn to_response<E: ApiError + ?Sized>(self, error: &E) -> Response<Bytes> {
        let fixed = match self {
            Lookup::Own(fixed) => fixed,
            Lookup::Inner(inner) => return inner.to_response(),
        };
        let status = fixed.status;
        crate::report::emit(error, status);
        // The most common error response, and the floor's shape: a body the
        // macro wrote, and no header but `content-type`.
        if let Fixed {
            body: Some(body),
            challenge: Some(None),
            retry_after: None,
            retry_after_field: false,
            ..
        } = fixed
        {
            return crate::headers::assemble(status, Bytes::from_static(body), None, None);
        }
        let retry_after = match fixed.retry_after_field {
            true => error.retry_after(),
            false => fixed.retry_after,
        };
        crate::headers::assemble(
            status,
            self.body(error),
            self.www_authenticate(error),
            retry_after,
        )
    }

    /// `ApiError::to_response_in`: for a variant with facts of its own, in
    /// one pass from them, like [`Lookup::to_response`].
    #[inline]
    pub fn to_response_in<E: ApiError + ?Sized>(
        self,
        error: &E,
        format: crate::Format,
    ) -> Response<Bytes> {
        let fixed = match self {
            Lookup::Own(fixed) => fixed,
            Lookup::Inner(inner) => return inner.to_response_in(format),
        };
        if format.offered() == crate::Format::Json {
            // The plain response, with its direct paths, and `vary`.
            return crate::negotiate::with_vary(self.to_response(error));
        }
        let retry_after = match fixed.retry_after_field {
            true => error.retry_after(),
            false => fixed.retry_after,
        };
        crate::negotiate::respond_with(
            error,
            format,
            |error| self.problem_body(error),
            fixed.status,
            self.www_authenticate(error),
            retry_after,
        )
    }
}
