//! Section 7: a body that does not depend on the value is computed when the
//! macro expands and served from static memory; it is byte for byte the body
//! the runtime would have serialized.

use std::borrow::Cow;

use api_status::http::StatusCode;
use api_status::{ApiError, OAuthErrorCode};

#[derive(Debug, thiserror::Error, ApiError)]
enum Fixed {
    #[error("x")]
    #[status(not_found)]
    #[message("no such thing")]
    Literal,

    #[error("secret {0}")]
    #[status(internal_server_error)]
    ReasonPhrase(String),

    #[error("x")]
    #[status(bad_request)]
    #[message(
        "quote \" backslash \\ newline \n tab \t nul \u{0} bell \u{7} del \u{7f} é ✓ 😀 {{}}"
    )]
    Tricky,

    #[error("x")]
    #[status(unauthorized)]
    #[oauth(invalid_grant)]
    #[message("grant \"g\" is bad \\ \r\n é")]
    OAuthTricky,

    #[error("x")]
    #[status(forbidden)]
    #[oauth(insufficient_scope)]
    #[message("needs scope")]
    OAuthForbidden,

    #[error("x")]
    #[status(bad_request)]
    #[oauth(invalid_grant)]
    #[message("…")]
    OAuthNoDescription,

    #[error("x")]
    #[status(unauthorized)]
    #[oauth(invalid_grant)]
    #[message("a \"long\" grant message, é; a \"long\" grant message, é; a \"long\" grant message, é; a \"long\" grant message, é; a \"long\" grant message, é; a \"long\" grant message, é; a \"long\" grant message, é; a \"long\" grant message, é; a \"long\" grant message, é; a \"long\" grant message, é; a \"long\" grant message, é; a \"long\" grant message, é; a \"long\" grant message, é; a \"long\" grant message, é; a \"long\" grant message, é; a \"long\" grant message, é; a \"long\" grant message, é; a \"long\" grant message, é; a \"long\" grant message, é; a \"long\" grant message, é; a \"long\" grant message, é; a \"long\" grant message, é; a \"long\" grant message, é; a \"long\" grant message, é; a \"long\" grant message, é; a \"long\" grant message, é; a \"long\" grant message, é; a \"long\" grant message, é; a \"long\" grant message, é; a \"long\" grant message, é; a \"long\" grant message, é; a \"long\" grant message, é; a \"long\" grant message, é; a \"long\" grant message, é; a \"long\" grant message, é; a \"long\" grant message, é; a \"long\" grant message, é; a \"long\" grant message, é; a \"long\" grant message, é; a \"long\" grant message, é; a \"long\" grant message, é; a \"long\" grant message, é; a \"long\" grant message, é; a \"long\" grant message, é; a \"long\" grant message, é; ")]
    OAuthLong,

    #[error("user {0}")]
    #[status(not_found)]
    Interpolated(u32),
}

/// The same errors, answered by a hand-written impl that uses every default
/// method of the trait: the runtime's serialization.
struct ByHand {
    status: StatusCode,
    message: String,
    oauth: Option<OAuthErrorCode>,
}

impl ApiError for ByHand {
    fn status(&self) -> StatusCode {
        self.status
    }
    fn message(&self) -> Cow<'_, str> {
        Cow::Borrowed(&self.message)
    }
    fn oauth_error(&self) -> Option<OAuthErrorCode> {
        self.oauth
    }
}

fn by_hand(error: &Fixed) -> ByHand {
    ByHand {
        status: error.status(),
        message: error.message().into_owned(),
        oauth: error.oauth_error(),
    }
}

#[test]
fn compile_time_bodies_equal_runtime_bodies() {
    let errors = [
        Fixed::Literal,
        Fixed::ReasonPhrase("hidden".into()),
        Fixed::Tricky,
        Fixed::OAuthTricky,
        Fixed::OAuthForbidden,
        Fixed::OAuthNoDescription,
        Fixed::OAuthLong,
    ];
    for error in &errors {
        let derived = error.to_response();
        let runtime = by_hand(error).to_response();
        assert_eq!(derived.status(), runtime.status());
        assert_eq!(derived.headers(), runtime.headers(), "{error:?}");
        assert_eq!(derived.body(), runtime.body(), "{error:?}");
        // Section 12: the problem+json body the macro computed, too.
        assert_eq!(
            error.problem_body(),
            by_hand(error).problem_body(),
            "{error:?}"
        );
        let parsed: serde_json::Value = serde_json::from_slice(derived.body()).unwrap();
        assert_eq!(parsed["message"], *error.message());
    }
}

/// Section 15: a description is cut at 1,000 bytes at compile time as at
/// run time, in the header and the body alike; `message` keeps it all.
#[test]
fn a_long_literal_description_is_cut_at_compile_time_too() {
    let response = Fixed::OAuthLong.to_response();
    let body: api_status::ErrorBody = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(body.message, Fixed::OAuthLong.message());
    assert!(body.message.len() > api_status::MAX_ERROR_DESCRIPTION);
    let description = body.error_description.unwrap();
    assert_eq!(description.len(), api_status::MAX_ERROR_DESCRIPTION);
    let header = response.headers()["www-authenticate"].to_str().unwrap();
    assert_eq!(
        header,
        format!("Bearer error=\"invalid_grant\", error_description=\"{description}\"")
    );
}

#[test]
fn the_tricky_literal_round_trips_through_serde_json() {
    let body: api_status::ErrorBody = serde_json::from_slice(&Fixed::Tricky.body()).unwrap();
    assert_eq!(
        body.message,
        "quote \" backslash \\ newline \n tab \t nul \u{0} bell \u{7} del \u{7f} é ✓ 😀 {}"
    );
}

#[test]
fn static_bodies_are_served_from_static_memory() {
    for (first, second) in [
        (Fixed::Literal, Fixed::Literal),
        (
            Fixed::ReasonPhrase("a".into()),
            Fixed::ReasonPhrase("b".into()),
        ),
        (Fixed::OAuthTricky, Fixed::OAuthTricky),
    ] {
        // A heap body would live at a new address each time.
        assert_eq!(first.body().as_ptr(), second.body().as_ptr(), "{first:?}");
        assert_eq!(first.to_response().body().as_ptr(), second.body().as_ptr());
    }
}

#[test]
fn bodies_that_depend_on_the_value_are_built_per_response() {
    let first = Fixed::Interpolated(1).body();
    let second = Fixed::Interpolated(1).body();
    assert_eq!(first, second);
    assert_ne!(first.as_ptr(), second.as_ptr());
}

/// Raw identifiers, whose names the derive writes into its generated source
/// text: `r#type` in a path, `type` in the logged name.
#[allow(non_camel_case_types)]
#[derive(Debug, thiserror::Error, ApiError)]
enum r#match {
    #[error("x")]
    #[status(conflict)]
    #[message("a \"raw\" variant")]
    r#type,

    #[error("x")]
    #[status(not_found)]
    #[message("item {0} of a raw variant")]
    r#loop(u32),
}

#[test]
fn raw_identifiers_answer_like_any_other() {
    let fixed = r#match::r#type.to_response();
    assert_eq!(fixed.status(), StatusCode::CONFLICT);
    assert_eq!(fixed.body().as_ref(), br#"{"message":"a \"raw\" variant"}"#);
    let formatted = r#match::r#loop(7).to_response();
    assert_eq!(formatted.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        formatted.body().as_ref(),
        br#"{"message":"item 7 of a raw variant"}"#
    );
}
