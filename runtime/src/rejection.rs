//! [`Rejection`]: a request that a framework's extractor turned away, in the
//! same body format as every other error.

use std::fmt;

use crate::ApiError;

/// A request refused before the handler ran: a body that is not JSON, or not
/// the JSON the handler expects, a query string or path that does not parse.
///
/// Every framework's extractor failures map onto these variants (see the
/// modules `api_status::axum` and `api_status::actix_web`, behind the
/// features of the same names), so a client gets the one body
/// format, `{"message":"…"}`, for every failure, and the same bytes whatever
/// the server is built with. The messages are fixed: nothing of the
/// framework's or `serde`'s error text (type names, field names, line and
/// column) reaches the client.
///
/// | variant | status | when |
/// | --- | --- | --- |
/// | [`MalformedJson`](Rejection::MalformedJson) | 400 | the body is not JSON: a syntax error, or it ends early |
/// | [`UnsupportedMediaType`](Rejection::UnsupportedMediaType) | 415 | no `Content-Type: application/json` (or `+json`) |
/// | [`UnprocessableJson`](Rejection::UnprocessableJson) | 422 | valid JSON that does not fit the type: a missing field, a wrong type |
/// | [`PayloadTooLarge`](Rejection::PayloadTooLarge) | 413 | the body is over the framework's limit |
/// | [`UnreadableBody`](Rejection::UnreadableBody) | 400 | the body could not be read (the connection failed, a bad encoding) |
/// | [`InvalidQuery`](Rejection::InvalidQuery) | 400 | the query string does not fit the type |
/// | [`NotFound`](Rejection::NotFound) | 404 | a path parameter does not parse (`/users/abc` for a numeric id): such a path names no resource, exactly as `/users/999` names none |
/// | [`Internal`](Rejection::Internal) | 500 | the server is misconfigured (an extractor that cannot apply to its route) |
///
/// It is itself an [`ApiError`], derived with `#[derive(ApiError)]`:
///
/// ```
/// use api_status::{ApiError, Rejection};
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
/// assert_eq!(Rejection::from(shape), Rejection::UnprocessableJson);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, crate::ApiError)]
#[non_exhaustive]
pub enum Rejection {
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

/// The public message, so that `Display` (which `actix_web::ResponseError`
/// requires) says what the client is told.
impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for Rejection {}

/// A JSON body that failed to deserialize: a syntax error or a body that
/// ends early is [`MalformedJson`](Rejection::MalformedJson), JSON of the
/// wrong shape [`UnprocessableJson`](Rejection::UnprocessableJson), a
/// failed read [`UnreadableBody`](Rejection::UnreadableBody).
impl From<serde_json::Error> for Rejection {
    fn from(error: serde_json::Error) -> Self {
        Rejection::from(&error)
    }
}

/// As `From<serde_json::Error>`, without taking the error.
impl From<&serde_json::Error> for Rejection {
    fn from(error: &serde_json::Error) -> Self {
        match error.classify() {
            serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
                Rejection::MalformedJson
            }
            serde_json::error::Category::Data => Rejection::UnprocessableJson,
            serde_json::error::Category::Io => Rejection::UnreadableBody,
        }
    }
}
