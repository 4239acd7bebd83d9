//! [`ErrorBody`]: the body of an error response as an owned serde type.

use std::fmt;

use serde::de::value::MapAccessDeserializer;
use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

use crate::{ApiError, FieldErrors};

/// The JSON body of an error response, for code that reads one: a Rust
/// client of an API built with `api-status`, or a test.
///
/// Members that are absent are skipped when serializing; unknown members are
/// ignored when parsing; a document that is not an object with a string
/// `message` is rejected.
///
/// ```
/// use api_status::ErrorBody;
///
/// let body: ErrorBody = serde_json::from_str(
///     r#"{"message":"invalid account","errors":{"name":["can't be blank"]}}"#,
/// ).unwrap();
/// assert_eq!(body.message, "invalid account");
/// assert_eq!(body.errors.unwrap().get("name").unwrap(), ["can't be blank"]);
/// assert_eq!(body.error, None);
///
/// assert!(serde_json::from_str::<ErrorBody>(r#"{"error":"invalid_grant"}"#).is_err());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ErrorBody {
    /// The public message.
    pub message: String,
    /// Validation messages by field, for a `#[field_errors]` error.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<FieldErrors>,
    /// The OAuth 2.0 error code, for an `#[oauth]` error.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The OAuth 2.0 error description: the message in the characters
    /// RFC 6749 allows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_description: Option<String>,
}

impl ErrorBody {
    /// A body with only a message.
    ///
    /// ```
    /// let body = api_status::ErrorBody::new("not found");
    /// assert_eq!(serde_json::to_string(&body).unwrap(), r#"{"message":"not found"}"#);
    /// ```
    pub fn new(message: impl Into<String>) -> Self {
        ErrorBody {
            message: message.into(),
            ..ErrorBody::default()
        }
    }

    /// The body `error` sends, as a value rather than as bytes.
    ///
    /// ```
    /// use api_status::{ApiError, ErrorBody};
    ///
    /// #[derive(Debug, thiserror::Error, ApiError)]
    /// #[error("no such user")]
    /// #[status(not_found)]
    /// struct UserNotFound;
    ///
    /// let body = ErrorBody::from_error(&UserNotFound);
    /// assert_eq!(body, ErrorBody::new("no such user"));
    /// assert_eq!(serde_json::to_vec(&body).unwrap(), UserNotFound.body());
    /// ```
    pub fn from_error<E: ApiError + ?Sized>(error: &E) -> Self {
        let message = error.message().into_owned();
        match error.oauth_error() {
            Some(code) => ErrorBody {
                error: Some(code.as_str().to_owned()),
                error_description: crate::oauth_error_description(&message).map(Into::into),
                message,
                errors: None,
            },
            None => ErrorBody {
                errors: error.field_errors().map(|errors| errors.into_owned()),
                message,
                error: None,
                error_description: None,
            },
        }
    }
}

impl<'de> Deserialize<'de> for ErrorBody {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        /// The members, as serde reads them once the document is known to be
        /// an object (a derived `Deserialize` alone would also take an array).
        #[derive(Deserialize)]
        struct Members {
            message: String,
            #[serde(default)]
            errors: Option<FieldErrors>,
            #[serde(default)]
            error: Option<String>,
            #[serde(default)]
            error_description: Option<String>,
        }

        struct ObjectOnly;

        impl<'de> Visitor<'de> for ObjectOnly {
            type Value = ErrorBody;

            fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
                formatter.write_str("an error body: an object with a string `message`")
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<ErrorBody, A::Error> {
                let members = Members::deserialize(MapAccessDeserializer::new(map))?;
                Ok(ErrorBody {
                    message: members.message,
                    errors: members.errors,
                    error: members.error,
                    error_description: members.error_description,
                })
            }
        }

        deserializer.deserialize_map(ObjectOnly)
    }
}
