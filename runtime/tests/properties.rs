//! Property tests: any message and any field errors give valid JSON that
//! round-trips through `serde_json` unchanged, headers that are safe, and
//! never a panic.

use std::borrow::Cow;

use api_status::http::StatusCode;
use api_status::{ApiError, ErrorBody, FieldErrors, OAuthErrorCode};
use proptest::prelude::*;

struct Dynamic {
    status: StatusCode,
    message: String,
    errors: Option<FieldErrors>,
    oauth: Option<OAuthErrorCode>,
}

impl ApiError for Dynamic {
    fn status(&self) -> StatusCode {
        self.status
    }
    fn message(&self) -> Cow<'_, str> {
        Cow::Borrowed(&self.message)
    }
    fn field_errors(&self) -> Option<Cow<'_, FieldErrors>> {
        self.errors.as_ref().map(Cow::Borrowed)
    }
    fn oauth_error(&self) -> Option<OAuthErrorCode> {
        self.oauth
    }
}

#[derive(Debug, thiserror::Error, api_status::ApiError)]
enum Interpolated {
    #[error("{0}")]
    #[status(bad_request)]
    Display(String),
    #[error("x")]
    #[status(conflict)]
    #[message("name {0} and {0:?} again")]
    Message(String),
    #[error("x")]
    #[status(unauthorized)]
    #[oauth(invalid_token)]
    #[message("token {0}")]
    OAuth(String),
}

const CODES: [OAuthErrorCode; 8] = [
    OAuthErrorCode::InvalidRequest,
    OAuthErrorCode::InvalidClient,
    OAuthErrorCode::InvalidGrant,
    OAuthErrorCode::UnauthorizedClient,
    OAuthErrorCode::UnsupportedGrantType,
    OAuthErrorCode::InvalidScope,
    OAuthErrorCode::InvalidToken,
    OAuthErrorCode::InsufficientScope,
];

fn status() -> impl Strategy<Value = StatusCode> {
    (400u16..=599).prop_map(|code| StatusCode::from_u16(code).unwrap())
}

fn field_errors() -> impl Strategy<Value = FieldErrors> {
    prop::collection::vec(
        (
            any::<String>(),
            prop::collection::vec(any::<String>(), 1..4),
        ),
        0..6,
    )
    .prop_map(|fields| {
        let mut errors = FieldErrors::new();
        for (field, messages) in fields {
            for message in messages {
                errors.add(field.clone(), message);
            }
        }
        errors
    })
}

/// Checks a challenge: `Bearer`, then `error="code"` and maybe an
/// `error_description` whose quoted string holds no `"` or `\`.
fn assert_safe_challenge(value: &str, code: OAuthErrorCode) -> Option<&str> {
    let prefix = format!("Bearer error=\"{code}\"");
    let rest = value
        .strip_prefix(&prefix)
        .unwrap_or_else(|| panic!("{value}"));
    if rest.is_empty() {
        return None;
    }
    let description = rest
        .strip_prefix(", error_description=\"")
        .and_then(|rest| rest.strip_suffix('"'))
        .unwrap_or_else(|| panic!("{value}"));
    assert!(description
        .bytes()
        .all(|b| matches!(b, 0x20..=0x21 | 0x23..=0x5B | 0x5D..=0x7E)));
    Some(description)
}

proptest! {
    #[test]
    fn any_message_round_trips(status in status(), message in any::<String>()) {
        let error = Dynamic { status, message: message.clone(), errors: None, oauth: None };
        let response = error.to_response();
        prop_assert_eq!(response.status(), status);
        let body: ErrorBody = serde_json::from_slice(response.body()).unwrap();
        prop_assert_eq!(&body.message, &message);
        // Byte for byte what serde_json writes.
        prop_assert_eq!(serde_json::to_vec(&ErrorBody::new(message)).unwrap(), response.body().to_vec());
    }

    #[test]
    fn any_field_errors_round_trip(message in any::<String>(), errors in field_errors()) {
        let error = Dynamic {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            message: message.clone(),
            errors: Some(errors.clone()),
            oauth: None,
        };
        let body = error.body();
        let parsed: ErrorBody = serde_json::from_slice(&body).unwrap();
        prop_assert_eq!(parsed.errors.as_ref(), Some(&errors));
        let expected = ErrorBody { errors: Some(errors), ..ErrorBody::new(message) };
        prop_assert_eq!(serde_json::to_vec(&expected).unwrap(), body.to_vec());
    }

    #[test]
    fn any_oauth_message_gives_a_safe_challenge(
        message in any::<String>(),
        code in prop::sample::select(CODES.to_vec()),
    ) {
        let error = Dynamic { status: StatusCode::UNAUTHORIZED, message: message.clone(), errors: None, oauth: Some(code) };
        let response = error.to_response();
        let header = response.headers()["www-authenticate"].to_str().unwrap();
        let description = assert_safe_challenge(header, code);
        let body: ErrorBody = serde_json::from_slice(response.body()).unwrap();
        prop_assert_eq!(&body.message, &message);
        prop_assert_eq!(body.error.as_deref(), Some(code.as_str()));
        prop_assert_eq!(body.error_description.as_deref(), description);
        prop_assert!(body.errors.is_none());
    }

    #[test]
    fn interpolated_fields_are_escaped_fragment_by_fragment(value in any::<String>()) {
        for error in [
            Interpolated::Display(value.clone()),
            Interpolated::Message(value.clone()),
            Interpolated::OAuth(value.clone()),
        ] {
            let response = error.to_response();
            let body: ErrorBody = serde_json::from_slice(response.body()).unwrap();
            prop_assert_eq!(&body.message, &error.message().into_owned());
            if let Some(header) = response.headers().get("www-authenticate") {
                assert_safe_challenge(header.to_str().unwrap(), OAuthErrorCode::InvalidToken);
            }
        }
    }
}
