//! Section 12: problem+json (RFC 9457) bytes for every kind of variant, the
//! same status and headers in every format, and `#[problem]`.

mod support;

use std::borrow::Cow;
use std::time::Duration;

use api_status::http::header::{ACCEPT, CONTENT_TYPE, RETRY_AFTER, VARY, WWW_AUTHENTICATE};
use api_status::http::{HeaderMap, HeaderValue, StatusCode};
use api_status::{ApiError, FieldErrors, Format, OAuthErrorCode};
use support::{AccountError, BillingError};

fn problem(error: &impl ApiError) -> String {
    let response = error.to_response_in(Format::ProblemJson);
    assert_eq!(response.headers()[CONTENT_TYPE], "application/problem+json");
    assert_eq!(response.headers()[VARY], "accept");
    String::from_utf8(response.body().to_vec()).unwrap()
}

fn invalid() -> AccountError {
    let mut errors = FieldErrors::new();
    errors
        .add("name", "can't be blank")
        .add("customer_id", "is \"invalid\"");
    AccountError::Invalid { errors }
}

#[test]
fn every_kind_of_variant() {
    // RFC 9457 §3.1: type, title, status, detail; §3.2: extension members.
    assert_eq!(
        problem(&AccountError::NotFound { id: 42 }),
        r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"account 42 not found"}"#
    );
    assert_eq!(
        problem(&invalid()),
        r#"{"type":"about:blank","title":"Unprocessable Entity","status":422,"detail":"the account could not be saved","errors":{"name":["can't be blank"],"customer_id":["is \"invalid\""]}}"#
    );
    assert_eq!(
        problem(&AccountError::Invalid {
            errors: FieldErrors::new()
        }),
        r#"{"type":"about:blank","title":"Unprocessable Entity","status":422,"detail":"the account could not be saved","errors":{}}"#
    );
    assert_eq!(
        problem(&AccountError::BadCredentials),
        r#"{"type":"about:blank","title":"Unauthorized","status":401,"detail":"the provided authorization grant is invalid","error":"invalid_grant","error_description":"the provided authorization grant is invalid"}"#
    );
    assert_eq!(
        problem(&AccountError::Database(std::io::Error::other("secret"))),
        r#"{"type":"about:blank","title":"Internal Server Error","status":500,"detail":"Internal Server Error"}"#
    );
    assert_eq!(
        problem(&AccountError::Maintenance),
        r#"{"type":"about:blank","title":"Service Unavailable","status":503,"detail":"We are down for maintenance, please retry shortly"}"#
    );
    assert_eq!(
        problem(&AccountError::RateLimited {
            wait: Duration::from_millis(1500)
        }),
        r#"{"type":"about:blank","title":"Too Many Requests","status":429,"detail":"slow down"}"#
    );
    // Transparent: exactly the inner error's.
    assert_eq!(
        problem(&AccountError::Billing(BillingError)),
        problem(&BillingError)
    );
    assert_eq!(
        problem(&BillingError),
        r#"{"type":"about:blank","title":"Payment Required","status":402,"detail":"billing is closed"}"#
    );
}

#[derive(Debug, thiserror::Error, ApiError)]
enum Billing {
    #[error("balance {balance}, but that costs {cost}")]
    #[status(forbidden)]
    #[problem(
        type = "https://example.com/probs/out-of-credit",
        title = "You do not have enough credit."
    )]
    OutOfCredit { balance: u32, cost: u32 },

    #[error("x")]
    #[status(not_found)]
    #[message("no \"such\" card")]
    #[problem(title = "No \"card\"")]
    NoCard,

    #[error("x")]
    #[status(bad_request)]
    #[problem(type = "/probs/invalid#%20x")]
    #[message("bad")]
    Invalid,

    #[error("token {0} expired")]
    #[status(unauthorized)]
    #[oauth(invalid_token)]
    #[message("token \"{0}\" é\u{1} expired")]
    Expired(String),
}

/// The problem+json of a hand-written impl with the same answers: the
/// runtime's serialization, through the trait's defaults.
struct ByHand<'a> {
    error: &'a dyn ApiError,
}

impl ApiError for ByHand<'_> {
    fn status(&self) -> StatusCode {
        self.error.status()
    }
    fn message(&self) -> Cow<'_, str> {
        self.error.message()
    }
    fn field_errors(&self) -> Option<Cow<'_, FieldErrors>> {
        self.error.field_errors()
    }
    fn oauth_error(&self) -> Option<OAuthErrorCode> {
        self.error.oauth_error()
    }
    fn problem_type(&self) -> &str {
        self.error.problem_type()
    }
    fn problem_title(&self) -> &str {
        self.error.problem_title()
    }
}

#[test]
fn problem_attribute_sets_type_and_title() {
    assert_eq!(
        problem(&Billing::OutOfCredit {
            balance: 30,
            cost: 50
        }),
        r#"{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","status":403,"detail":"balance 30, but that costs 50"}"#
    );
    assert_eq!(
        problem(&Billing::NoCard),
        r#"{"type":"about:blank","title":"No \"card\"","status":404,"detail":"no \"such\" card"}"#
    );
    assert_eq!(
        problem(&Billing::Invalid),
        r#"{"type":"/probs/invalid#%20x","title":"Bad Request","status":400,"detail":"bad"}"#
    );
    // An OAuth variant with a formatted message: the detail escaped, the
    // description within RFC 6749's characters (section 5), as in JSON.
    assert_eq!(
        problem(&Billing::Expired("t\\1".to_owned())),
        r#"{"type":"about:blank","title":"Unauthorized","status":401,"detail":"token \"t\\1\" é\u0001 expired","error":"invalid_token","error_description":"token 't/1'   expired"}"#
    );
    // The JSON body is untouched by `#[problem]`.
    assert_eq!(
        Billing::NoCard.body().as_ref(),
        br#"{"message":"no \"such\" card"}"#
    );
}

#[test]
fn compile_time_problem_bodies_match_the_runtime() {
    let errors: Vec<Box<dyn ApiError>> = vec![
        Box::new(Billing::NoCard),
        Box::new(Billing::Invalid),
        Box::new(Billing::Expired("t\\\"1\u{7f}".to_owned())),
        Box::new(AccountError::BadCredentials),
        Box::new(AccountError::Maintenance),
        Box::new(AccountError::Database(std::io::Error::other("x"))),
        Box::new(api_status::Rejection::MalformedJson),
        Box::new(api_status::Rejection::Internal),
    ];
    for error in &errors {
        let by_hand = ByHand { error: &**error };
        assert_eq!(error.problem_body(), by_hand.problem_body());
    }
}

/// Formatted messages under the default type and title, whose prefix the
/// derive writes once per status, for statuses with and without a reason
/// phrase.
#[derive(Debug, thiserror::Error, api_status::ApiError)]
enum Formatted {
    #[error("user {id} is gone")]
    #[status(not_found)]
    NotFound { id: u64 },
    #[error("no tea")]
    #[status(418)]
    Teapot,
    #[error("odd client")]
    #[status(499)]
    #[message("client {0} is odd")]
    OddClient(String),
    #[error("odd server")]
    #[status(599)]
    #[message("server \"{0}\" is odd")]
    OddServer(u8),
    #[error("invalid")]
    #[status(unprocessable_entity)]
    Invalid {
        #[field_errors]
        errors: FieldErrors,
    },
}

#[test]
fn formatted_problem_bodies_match_the_runtime() {
    let mut errors = FieldErrors::new();
    errors.add("name", "is \"blank\"");
    let formatted = [
        Formatted::NotFound { id: 7 },
        Formatted::Teapot,
        Formatted::OddClient("x".into()),
        Formatted::OddServer(3),
        Formatted::Invalid { errors },
    ];
    for error in &formatted {
        let by_hand = ByHand { error };
        assert_eq!(error.problem_body(), by_hand.problem_body(), "{error:?}");
        assert_eq!(problem(error).as_bytes(), &by_hand.problem_body()[..]);
    }
    assert_eq!(
        problem(&Formatted::OddClient("x".into())),
        r#"{"type":"about:blank","title":"Client Error","status":499,"detail":"client x is odd"}"#
    );
}

#[test]
fn a_hand_written_impl_answers_in_every_format() {
    struct Teapot;
    impl ApiError for Teapot {
        fn status(&self) -> StatusCode {
            StatusCode::IM_A_TEAPOT
        }
        fn message(&self) -> Cow<'_, str> {
            Cow::Borrowed("short and stout")
        }
    }
    assert_eq!(
        problem(&Teapot),
        r#"{"type":"about:blank","title":"I'm a teapot","status":418,"detail":"short and stout"}"#
    );
    struct Odd;
    impl ApiError for Odd {
        fn status(&self) -> StatusCode {
            StatusCode::from_u16(599).unwrap()
        }
        fn message(&self) -> Cow<'_, str> {
            Cow::Borrowed("odd")
        }
    }
    assert_eq!(
        problem(&Odd),
        r#"{"type":"about:blank","title":"Server Error","status":599,"detail":"odd"}"#
    );
}

#[test]
fn a_vary_of_a_hand_written_response_is_kept() {
    // RFC 9110 §12.5.5: `Vary` is a list; negotiation adds `accept` to what
    // the response varies on already, it does not replace it.
    struct ByOrigin;
    impl ApiError for ByOrigin {
        fn status(&self) -> StatusCode {
            StatusCode::FORBIDDEN
        }
        fn message(&self) -> Cow<'_, str> {
            Cow::Borrowed("not from here")
        }
        fn to_response(&self) -> api_status::http::Response<api_status::bytes::Bytes> {
            let mut response = api_status::http::Response::new(self.body());
            *response.status_mut() = self.status();
            let headers = response.headers_mut();
            headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
            headers.insert(VARY, HeaderValue::from_static("origin"));
            response
        }
    }
    let response = ByOrigin.to_response_for(&accept("application/json"));
    let vary: Vec<_> = response.headers().get_all(VARY).iter().collect();
    assert_eq!(vary, ["origin", "accept"]);
    assert_eq!(response.body().as_ref(), br#"{"message":"not from here"}"#);
}

fn accept(value: &'static str) -> HeaderMap {
    let mut headers = HeaderMap::new();
    headers.insert(ACCEPT, HeaderValue::from_static(value));
    headers
}

#[test]
fn status_and_auth_headers_are_the_same_in_every_format() {
    let errors: Vec<Box<dyn ApiError>> = vec![
        Box::new(AccountError::BadCredentials),
        Box::new(AccountError::Maintenance),
        Box::new(AccountError::RateLimited {
            wait: Duration::from_secs(3),
        }),
        Box::new(invalid()),
        Box::new(AccountError::Billing(BillingError)),
    ];
    for error in &errors {
        let plain = error.to_response();
        for value in [
            "application/json",
            "application/problem+json",
            "application/xml",
            "application/problem+xml",
        ] {
            let response = error.to_response_for(&accept(value));
            assert_eq!(response.status(), plain.status());
            for name in [WWW_AUTHENTICATE, RETRY_AFTER] {
                assert_eq!(response.headers().get(&name), plain.headers().get(&name));
            }
            assert_eq!(response.headers()[VARY], "accept");
        }
        // JSON by `Accept` is `to_response` plus `vary`.
        let json = error.to_response_for(&HeaderMap::new());
        assert_eq!(json.body(), plain.body());
        assert_eq!(json.headers().len(), plain.headers().len() + 1);
    }
}

#[test]
fn problem_json_parses_as_rfc_9457_says() {
    let response = invalid().to_response_for(&accept("application/problem+json"));
    let value: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(value["type"], "about:blank");
    assert_eq!(value["status"], 422);
    assert_eq!(value["errors"]["customer_id"][0], "is \"invalid\"");
    let keys: Vec<&String> = value.as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), 5);
}

/// A hand-written error with any message, field errors and problem type.
struct Any {
    message: String,
    errors: Option<FieldErrors>,
    title: String,
    oauth: bool,
}

impl ApiError for Any {
    fn status(&self) -> StatusCode {
        match self.oauth {
            true => StatusCode::UNAUTHORIZED,
            false => StatusCode::UNPROCESSABLE_ENTITY,
        }
    }
    fn oauth_error(&self) -> Option<api_status::OAuthErrorCode> {
        self.oauth
            .then_some(api_status::OAuthErrorCode::InvalidToken)
    }
    fn message(&self) -> Cow<'_, str> {
        Cow::Borrowed(&self.message)
    }
    fn field_errors(&self) -> Option<Cow<'_, FieldErrors>> {
        self.errors.as_ref().map(Cow::Borrowed)
    }
    fn problem_title(&self) -> &str {
        &self.title
    }
}

proptest::proptest! {
    /// Any message, title and field errors give one JSON object whose
    /// members say exactly what the error says, in the order of RFC 9457.
    #[test]
    fn any_text_gives_valid_problem_json(
        message in proptest::prelude::any::<String>(),
        title in proptest::prelude::any::<String>(),
        fields in proptest::collection::vec(
            (proptest::prelude::any::<String>(), proptest::prelude::any::<String>()),
            0..4,
        ),
        with_errors in proptest::prelude::any::<bool>(),
        oauth in proptest::prelude::any::<bool>(),
    ) {
        let errors: Option<FieldErrors> = with_errors.then(|| fields.into_iter().collect());
        let error = Any { message: message.clone(), errors: errors.clone(), title: title.clone(), oauth };
        let body = error.problem_body();
        let value: serde_json::Value = serde_json::from_slice(&body).unwrap();
        proptest::prop_assert_eq!(&value["title"], &serde_json::Value::from(title));
        proptest::prop_assert_eq!(&value["detail"], &serde_json::Value::from(message));
        let status = if oauth { 401 } else { 422 };
        proptest::prop_assert_eq!(&value["status"], &serde_json::Value::from(status));
        if oauth {
            // `error`, and the same `error_description` as the JSON body's
            // (section 5), instead of `errors`.
            let json: serde_json::Value = serde_json::from_slice(&error.body()).unwrap();
            proptest::prop_assert_eq!(&value["error"], &serde_json::Value::from("invalid_token"));
            proptest::prop_assert_eq!(value.get("error_description"), json.get("error_description"));
            proptest::prop_assert!(value.get("errors").is_none());
            return Ok(());
        }
        match errors {
            Some(errors) => {
                // Straight from the bytes, so that the order counts too.
                #[derive(serde::Deserialize)]
                struct Errors {
                    errors: FieldErrors,
                }
                let parsed: Errors = serde_json::from_slice(&body).unwrap();
                proptest::prop_assert_eq!(parsed.errors, errors);
            }
            None => proptest::prop_assert!(value.get("errors").is_none()),
        }
        // Member order: type, title, status, detail.
        let text = std::str::from_utf8(&body).unwrap();
        let start = r#"{"type":"about:blank","title":""#;
        proptest::prop_assert!(text.starts_with(start), "{}", text);
    }
}
