//! Bodies written at run time by the runtime's fast paths, byte for byte
//! `serde_json`'s (section 5: members in this order, compact): a fixed
//! `#[message]` with field errors (written whole, straight into the body),
//! an integers-only `#[message]` with field errors (written in pieces into a
//! body of its exact size), each also behind a transparent variant, in JSON
//! and problem+json; and a field whose `Display` fails halfway (section 8:
//! no panic; the body says what `message()` says).

use std::fmt;

use api_status::http::header::CONTENT_TYPE;
use api_status::{ApiError, ErrorBody, FieldErrors, Format};

#[derive(Debug, thiserror::Error, ApiError)]
enum Written {
    #[error("internal")]
    #[status(unprocessable_entity)]
    #[message("a \"fixed\" message\n é")]
    Fixed {
        #[field_errors]
        errors: FieldErrors,
    },

    #[error("internal")]
    #[status(unprocessable_entity)]
    #[message("{n} of {m} \"items\"")]
    Counted {
        n: u64,
        m: i64,
        #[field_errors]
        errors: FieldErrors,
    },

    #[error("internal")]
    #[status(bad_request)]
    #[message("x {0}")]
    Failing(Failing),

    #[error("internal")]
    #[status(bad_request)]
    #[oauth(invalid_request)]
    #[message("bad {0}")]
    FailingOAuth(Failing),
}

#[derive(Debug, thiserror::Error, ApiError)]
enum Wrapper {
    #[error(transparent)]
    #[status(transparent)]
    Inner(Written),
}

/// A `Display` that writes half of its text, then fails.
#[derive(Debug)]
struct Failing;

impl fmt::Display for Failing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ha\"lf")?;
        Err(fmt::Error)
    }
}

/// Field errors with nothing, one or several fields, names and messages
/// that need escapes.
fn field_errors() -> Vec<FieldErrors> {
    let mut one = FieldErrors::new();
    one.add("na\"me", "can't be \\ blank\n");
    let mut several = FieldErrors::new();
    several
        .add("email", "is taken")
        .add("address.city", "is \"too\" long")
        .add("email", "is invalid\u{1}")
        .add("items[0].name", "é ✓");
    vec![FieldErrors::new(), one, several]
}

/// `serde_json`'s JSON body.
fn json_body(message: &str, errors: Option<&FieldErrors>, oauth: Option<&str>) -> Vec<u8> {
    let mut body = ErrorBody::new(message);
    body.errors = errors.cloned();
    body.error = oauth.map(str::to_owned);
    body.error_description = oauth.and_then(|_| {
        api_status::oauth_error_description(message).map(|description| description.into_owned())
    });
    serde_json::to_vec(&body).unwrap()
}

/// RFC 9457's members for a 422 with the default type and title, then the
/// field errors, each value written by `serde_json`.
fn problem_body(message: &str, errors: &FieldErrors) -> Vec<u8> {
    format!(
        "{{\"type\":\"about:blank\",\"title\":\"Unprocessable Entity\",\"status\":422,\"detail\":{},\"errors\":{}}}",
        serde_json::to_string(message).unwrap(),
        serde_json::to_string(errors).unwrap(),
    )
    .into_bytes()
}

fn check(error: &dyn ApiError, message: &str, errors: &FieldErrors) {
    let what = String::from_utf8_lossy(&error.body()).into_owned();
    assert_eq!(error.message(), message);
    assert_eq!(
        error.body(),
        json_body(message, Some(errors), None),
        "{what}"
    );
    assert_eq!(
        error.to_response().into_body(),
        json_body(message, Some(errors), None),
        "{what}"
    );
    let problem = error.to_response_in(Format::ProblemJson);
    assert_eq!(problem.headers()[CONTENT_TYPE], "application/problem+json");
    assert_eq!(problem.into_body(), problem_body(message, errors), "{what}");
}

#[test]
fn a_fixed_message_with_field_errors_is_serde_jsons_body() {
    for errors in field_errors() {
        let message = "a \"fixed\" message\n é";
        let error = Written::Fixed {
            errors: errors.clone(),
        };
        check(&error, message, &errors);
        check(&Wrapper::Inner(error), message, &errors);
    }
}

#[test]
fn an_integers_only_message_with_field_errors_is_serde_jsons_body() {
    for errors in field_errors() {
        for (n, m) in [(0, 0), (u64::MAX, i64::MIN), (7, -1)] {
            let message = format!("{n} of {m} \"items\"");
            let error = Written::Counted {
                n,
                m,
                errors: errors.clone(),
            };
            check(&error, &message, &errors);
            check(&Wrapper::Inner(error), &message, &errors);
        }
    }
}

#[test]
fn a_display_that_fails_halfway_leaves_what_it_wrote_everywhere() {
    let error = Written::Failing(Failing);
    assert_eq!(error.message(), "x ha\"lf");
    assert_eq!(error.body(), json_body("x ha\"lf", None, None));
    let problem: serde_json::Value =
        serde_json::from_slice(error.to_response_in(Format::ProblemJson).body()).unwrap();
    assert_eq!(problem["detail"], "x ha\"lf");

    let oauth = Written::FailingOAuth(Failing);
    assert_eq!(oauth.message(), "bad ha\"lf");
    let response = oauth.to_response();
    assert_eq!(
        response.body().as_ref(),
        json_body("bad ha\"lf", None, Some("invalid_request")).as_slice()
    );
    // RFC 6750 §3: invalid_request on a 400 sends a challenge; its
    // description is the body's.
    assert_eq!(
        response.headers()["www-authenticate"],
        "Bearer error=\"invalid_request\", error_description=\"bad ha'lf\""
    );
}
