//! [`Rejection`]: a request that a framework's extractor turned away, in the
//! same body format as every other error.

use std::borrow::Cow;
use std::error::Error;
use std::fmt;
use std::sync::Arc;

use bytes::Bytes;
use http::StatusCode;

use crate::{ApiError, FieldErrors};

/// A request refused before the handler ran: a body that is not JSON, or not
/// the JSON the handler expects, a query string or path that does not parse.
///
/// Every framework's extractor failures map onto these kinds (see the
/// modules `api_status::axum` and `api_status::actix_web`, behind the
/// features of the same names), so a client gets the one body
/// format, `{"message":"…"}`, for every failure, and the same bytes whatever
/// the server is built with. The messages are fixed: nothing of the
/// framework's or `serde`'s error text (type names, line and column) reaches
/// the client.
///
/// | constant | status | when |
/// | --- | --- | --- |
/// | [`MalformedJson`](Rejection::MalformedJson) | 400 | the body is not JSON: a syntax error, or it ends early |
/// | [`UnsupportedMediaType`](Rejection::UnsupportedMediaType) | 415 | no `Content-Type: application/json` (or `+json`) |
/// | [`UnprocessableJson`](Rejection::UnprocessableJson) | 422 | valid JSON that does not fit the type: a missing field, a wrong type, an unknown field under `deny_unknown_fields` |
/// | [`PayloadTooLarge`](Rejection::PayloadTooLarge) | 413 | the body is over the framework's limit |
/// | [`UnreadableBody`](Rejection::UnreadableBody) | 400 | the body could not be read (the connection failed, a bad encoding) |
/// | [`InvalidQuery`](Rejection::InvalidQuery) | 400 | the query string does not fit the type |
/// | [`NotFound`](Rejection::NotFound) | 404 | a path parameter does not parse (`/users/abc` for a numeric id): such a path names no resource, exactly as `/users/999` names none |
/// | [`Internal`](Rejection::Internal) | 500 | the server is misconfigured (an extractor that cannot apply to its route) |
///
/// JSON of the wrong shape read with [`from_json_slice`](crate::from_json_slice)
/// (which the `Json` extractors of `api_status::axum` and
/// `api_status::actix_web` use) also says which field, by its path, as
/// validation errors do:
/// `{"message":"…","errors":{"address.city":["is required"]}}`
/// (see [`from_json_slice`](crate::from_json_slice) for the wording).
///
/// A rejection keeps the framework's or serde's own error as its
/// [`source`](Error::source), for the logs (the `tracing` event of its
/// response carries it): never for the body.
///
/// ```
/// use api_status::{ApiError, Rejection, RejectionKind};
///
/// let response = Rejection::UnsupportedMediaType.to_response();
/// assert_eq!(response.status(), 415);
/// assert_eq!(response.headers()["content-type"], "application/json");
/// assert_eq!(
///     response.body().as_ref(),
///     br#"{"message":"The request body must be JSON, sent with Content-Type: application/json"}"#,
/// );
///
/// // A `serde_json` error tells a syntax error from JSON of the wrong shape.
/// let syntax = serde_json::from_str::<u32>("nope").unwrap_err();
/// assert_eq!(Rejection::from(syntax), Rejection::MalformedJson);
/// let shape = serde_json::from_str::<u32>(r#""one""#).unwrap_err();
/// let rejection = Rejection::from(shape);
/// assert_eq!(rejection.kind(), RejectionKind::UnprocessableJson);
/// // serde's words stay with the error, for the logs.
/// assert!(std::error::Error::source(&rejection).unwrap().to_string().contains("invalid type"));
/// ```
///
/// Two rejections are equal when they are of the same [`kind`](Rejection::kind):
/// the cause and the field errors are left out of the comparison, so that
/// `rejection == Rejection::NotFound` reads as it did when `Rejection` was an
/// enum of unit variants. To tell them apart, match on
/// [`kind()`](Rejection::kind) (the constants are not patterns).
#[derive(Clone)]
pub struct Rejection {
    kind: RejectionKind,
    /// The fields of JSON of the wrong shape, by path (boxed: a rejection
    /// stays three words wide).
    errors: Option<Box<FieldErrors>>,
    /// The framework's or serde's own error.
    cause: Option<Arc<dyn Error + Send + Sync + 'static>>,
}

/// What a [`Rejection`] is: its status and public message. Match on it with
/// [`Rejection::kind`]. It is itself an [`ApiError`], derived.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, crate::ApiError)]
#[non_exhaustive]
pub enum RejectionKind {
    /// 400: the body is not valid JSON.
    #[status(bad_request)]
    #[message("The request body is not valid JSON")]
    MalformedJson,

    /// 415: the request does not say that its body is JSON.
    #[status(unsupported_media_type)]
    #[message("The request body must be JSON, sent with Content-Type: application/json")]
    UnsupportedMediaType,

    /// 422: valid JSON, but not of the shape the handler expects.
    #[status(unprocessable_entity)]
    #[message("The request body has missing fields or fields of the wrong type")]
    UnprocessableJson,

    /// 413: the body is over the size limit.
    #[status(payload_too_large)]
    #[message("The request body is too large")]
    PayloadTooLarge,

    /// 400: the body could not be read.
    #[status(bad_request)]
    #[message("The request body could not be read")]
    UnreadableBody,

    /// 400: the query string does not fit the handler's type.
    #[status(bad_request)]
    #[message("The query string is invalid")]
    InvalidQuery,

    /// 404: a path parameter does not parse, so the path names no resource.
    #[status(not_found)]
    #[message("No resource exists at this path")]
    NotFound,

    /// 500: the route and its extractors do not fit together, a bug of the
    /// server, not of the request. The body says only "Internal Server Error".
    #[status(internal_server_error)]
    Internal,
}

/// The public message.
impl fmt::Display for RejectionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_message(f)
    }
}

impl RejectionKind {
    /// `Rejection::Kind`: the `error` field of the `tracing` event.
    fn event_name(self) -> &'static str {
        match self {
            RejectionKind::MalformedJson => "Rejection::MalformedJson",
            RejectionKind::UnsupportedMediaType => "Rejection::UnsupportedMediaType",
            RejectionKind::UnprocessableJson => "Rejection::UnprocessableJson",
            RejectionKind::PayloadTooLarge => "Rejection::PayloadTooLarge",
            RejectionKind::UnreadableBody => "Rejection::UnreadableBody",
            RejectionKind::InvalidQuery => "Rejection::InvalidQuery",
            RejectionKind::NotFound => "Rejection::NotFound",
            RejectionKind::Internal => "Rejection::Internal",
        }
    }
}

/// The rejections without a cause, named as the variants of the enum
/// `Rejection` once were, so that `Rejection::NotFound` is still a value
/// (`.fallback(|| async { Rejection::NotFound })`).
#[allow(non_upper_case_globals)]
impl Rejection {
    /// 400: the body is not valid JSON.
    pub const MalformedJson: Rejection = Rejection::new(RejectionKind::MalformedJson);
    /// 415: the request does not say that its body is JSON.
    pub const UnsupportedMediaType: Rejection = Rejection::new(RejectionKind::UnsupportedMediaType);
    /// 422: valid JSON, but not of the shape the handler expects.
    pub const UnprocessableJson: Rejection = Rejection::new(RejectionKind::UnprocessableJson);
    /// 413: the body is over the size limit.
    pub const PayloadTooLarge: Rejection = Rejection::new(RejectionKind::PayloadTooLarge);
    /// 400: the body could not be read.
    pub const UnreadableBody: Rejection = Rejection::new(RejectionKind::UnreadableBody);
    /// 400: the query string does not fit the handler's type.
    pub const InvalidQuery: Rejection = Rejection::new(RejectionKind::InvalidQuery);
    /// 404: a path parameter does not parse, so the path names no resource.
    pub const NotFound: Rejection = Rejection::new(RejectionKind::NotFound);
    /// 500: the route and its extractors do not fit together.
    pub const Internal: Rejection = Rejection::new(RejectionKind::Internal);
}

impl Rejection {
    /// A rejection of this kind, without a cause or field errors.
    pub const fn new(kind: RejectionKind) -> Rejection {
        Rejection {
            kind,
            errors: None,
            cause: None,
        }
    }

    /// What kind of rejection this is.
    ///
    /// ```
    /// use api_status::{Rejection, RejectionKind};
    ///
    /// match Rejection::NotFound.kind() {
    ///     RejectionKind::NotFound => {}
    ///     _ => unreachable!(),
    /// }
    /// ```
    pub fn kind(&self) -> RejectionKind {
        self.kind
    }

    /// Keeps `cause`, the error that led to the rejection, as its
    /// [`source`](Error::source): for the logs, never for the body.
    ///
    /// ```
    /// use api_status::{ApiError, Rejection};
    ///
    /// let cause = "3xx is not a number".parse::<u64>().unwrap_err();
    /// let rejection = Rejection::NotFound.with_cause(cause);
    /// assert_eq!(
    ///     std::error::Error::source(&rejection).unwrap().to_string(),
    ///     "invalid digit found in string"
    /// );
    /// assert_eq!(rejection.body(), Rejection::NotFound.body());
    /// ```
    pub fn with_cause(mut self, cause: impl Into<Box<dyn Error + Send + Sync>>) -> Rejection {
        self.cause = Some(Arc::from(cause.into()));
        self
    }

    /// The rejection with `errors` as its `errors` member: the offending
    /// fields of JSON of the wrong shape.
    pub(crate) fn with_field_errors(mut self, errors: FieldErrors) -> Rejection {
        self.errors = Some(Box::new(errors));
        self
    }
}

impl From<RejectionKind> for Rejection {
    fn from(kind: RejectionKind) -> Self {
        Rejection::new(kind)
    }
}

impl PartialEq for Rejection {
    fn eq(&self, other: &Self) -> bool {
        self.kind == other.kind
    }
}

impl Eq for Rejection {}

impl std::hash::Hash for Rejection {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.kind.hash(state);
    }
}

impl fmt::Debug for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut debug = f.debug_struct("Rejection");
        debug.field("kind", &self.kind);
        if let Some(errors) = &self.errors {
            debug.field("errors", errors);
        }
        if let Some(cause) = &self.cause {
            debug.field("cause", cause);
        }
        debug.finish()
    }
}

/// The public message, so that `Display` (which `actix_web::ResponseError`
/// requires) says what the client is told.
impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.kind.write_message(f)
    }
}

/// The source is the framework's or serde's error, where there was one.
impl Error for Rejection {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        match &self.cause {
            Some(cause) => Some(&**cause),
            None => None,
        }
    }
}

/// Its kind's status, message and fixed body; the `errors` member when the
/// rejection names fields.
impl ApiError for Rejection {
    fn status(&self) -> StatusCode {
        self.kind.status()
    }

    fn message(&self) -> Cow<'_, str> {
        self.kind.message()
    }

    fn write_message(&self, out: &mut dyn fmt::Write) -> fmt::Result {
        self.kind.write_message(out)
    }

    fn field_errors(&self) -> Option<Cow<'_, FieldErrors>> {
        self.errors.as_deref().map(Cow::Borrowed)
    }

    fn body(&self) -> Bytes {
        match self.errors {
            None => self.kind.body(),
            Some(_) => crate::json::encode_body(self),
        }
    }

    #[doc(hidden)]
    fn __api_status_name(&self) -> &'static str {
        self.kind.event_name()
    }

    #[doc(hidden)]
    fn __api_status_detail(&self) -> crate::__private::Detail<'_> {
        crate::__private::Detail {
            display: Some(self),
            error: Some(self),
        }
    }
}

crate::impl_framework_traits! { impl [] [Rejection] [] }

/// A JSON body that failed to deserialize: a syntax error or a body that
/// ends early is [`MalformedJson`](Rejection::MalformedJson), JSON of the
/// wrong shape [`UnprocessableJson`](Rejection::UnprocessableJson), a
/// failed read [`UnreadableBody`](Rejection::UnreadableBody). The error is
/// kept as the source. (`serde_json::Error` does not know the path of the
/// field: [`from_json_slice`](crate::from_json_slice) does.)
impl From<serde_json::Error> for Rejection {
    fn from(error: serde_json::Error) -> Self {
        Rejection::new(kind_of(&error)).with_cause(error)
    }
}

/// As `From<serde_json::Error>`, without taking the error: its text is kept
/// as the source.
impl From<&serde_json::Error> for Rejection {
    fn from(error: &serde_json::Error) -> Self {
        Rejection::new(kind_of(error)).with_cause(error.to_string())
    }
}

/// The kind of a `serde_json` error.
pub(crate) fn kind_of(error: &serde_json::Error) -> RejectionKind {
    match error.classify() {
        serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
            RejectionKind::MalformedJson
        }
        serde_json::error::Category::Data => RejectionKind::UnprocessableJson,
        serde_json::error::Category::Io => RejectionKind::UnreadableBody,
    }
}
