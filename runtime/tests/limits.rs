//! Section 15: hostile sizes cost linear time, and never make an invalid or
//! oversized header. Nothing here measures time (the scaling figures are in
//! `benches/benches/scaling.rs`); these tests build the hostile sizes and
//! check the results, and would take minutes where a path is quadratic.

use std::borrow::Cow;

use api_status::http::StatusCode;
use api_status::{ApiError, ErrorBody, FieldErrors, OAuthErrorCode, MAX_ERROR_DESCRIPTION};
use proptest::prelude::*;

/// A bulk endpoint's size: 100,000 failing items.
const MANY: usize = 100_000;

#[derive(Debug, thiserror::Error, ApiError)]
enum BulkError {
    #[error("the items could not be saved")]
    #[status(unprocessable_entity)]
    Invalid {
        #[field_errors]
        errors: FieldErrors,
    },

    #[error("{0}")]
    #[status(unauthorized)]
    #[oauth(invalid_token)]
    Token(String),
}

fn item_field(index: usize) -> String {
    format!("items[{index}].name")
}

#[test]
fn a_hundred_thousand_fields_build_answer_and_parse_back() {
    let mut errors = FieldErrors::new();
    for index in 0..MANY {
        errors.add(item_field(index), "can't be blank");
    }
    // A second message for every field, in a second pass: each lookup finds
    // a field among 100,000.
    for index in (0..MANY).rev() {
        errors.add(item_field(index), "is invalid");
    }
    assert_eq!(errors.len(), MANY);
    assert_eq!(
        errors.get(&item_field(MANY / 2)),
        Some(&["can't be blank".to_owned(), "is invalid".to_owned()][..])
    );
    assert_eq!(errors.get("items[100000].name"), None);

    let response = BulkError::Invalid {
        errors: errors.clone(),
    }
    .to_response();
    assert_eq!(response.status(), 422);

    let body: ErrorBody = serde_json::from_slice(response.body()).unwrap();
    let parsed = body.errors.unwrap();
    assert_eq!(parsed, errors);
    // Insertion order: the first pass's order, not the second's.
    let names: Vec<&str> = parsed.iter().map(|(name, _)| name).take(3).collect();
    assert_eq!(names, ["items[0].name", "items[1].name", "items[2].name"]);

    /// The `errors` member alone, parsed straight from the bytes.
    #[derive(serde::Deserialize)]
    struct ErrorsOnly {
        errors: FieldErrors,
    }
    let alone: ErrorsOnly = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(alone.errors, errors);
}

#[test]
fn a_hundred_thousand_messages_for_one_field_stay_in_order() {
    let errors: FieldErrors = (0..MANY)
        .map(|index| ("name", format!("message {index}")))
        .collect();
    assert_eq!(errors.len(), 1);
    let messages = errors.get("name").unwrap();
    assert_eq!(messages.len(), MANY);
    assert_eq!(messages[MANY - 1], format!("message {}", MANY - 1));
}

/// A document that names a field twice appends, as `add` does, also past
/// the size where the index takes over.
#[test]
fn parsing_repeated_keys_appends_at_any_size() {
    let mut json = String::from("{");
    for index in 0..1000 {
        json.push_str(&format!(r#""f{}":["m{index}"],"#, index % 100));
    }
    json.push_str(r#""last":[]}"#);
    let parsed: FieldErrors = serde_json::from_str(&json).unwrap();
    assert_eq!(parsed.len(), 101);
    assert_eq!(parsed.get("f7").unwrap().len(), 10);
    assert_eq!(parsed.get("f7").unwrap()[1], "m107");
    assert_eq!(parsed.get("last"), Some(&[][..]));
}

/// Section 15: a megabyte of interpolated message gives a 1,000-byte
/// description in the header and in the body alike (RFC 6750 §3 puts the
/// body's `error_description` in the header), and the whole message in
/// `message`.
#[test]
fn a_megabyte_message_gives_a_short_challenge() {
    let message = "token expired at once, please sign in again; ".repeat(25_000);
    assert!(message.len() > 1_000_000);
    let response = BulkError::Token(message.clone()).to_response();
    let header = response.headers()["www-authenticate"].to_str().unwrap();
    assert!(
        header.len() < MAX_ERROR_DESCRIPTION + 64,
        "{}",
        header.len()
    );
    let body: ErrorBody = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(body.message, message);
    let description = body.error_description.unwrap();
    assert_eq!(description, message[..MAX_ERROR_DESCRIPTION]);
    assert_eq!(
        header,
        format!("Bearer error=\"invalid_token\", error_description=\"{description}\"")
    );
}

/// An error whose every answer is set by the test.
struct Dynamic {
    message: String,
}

impl ApiError for Dynamic {
    fn status(&self) -> StatusCode {
        StatusCode::UNAUTHORIZED
    }
    fn message(&self) -> Cow<'_, str> {
        Cow::Borrowed(&self.message)
    }
    fn oauth_error(&self) -> Option<OAuthErrorCode> {
        Some(OAuthErrorCode::InvalidGrant)
    }
}

/// Messages up to a few thousand characters, of every kind: ASCII, other
/// scripts, controls, quotes.
fn long_message() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("a".to_owned()),
            Just("é".to_owned()),
            Just("\"".to_owned()),
            Just("\\".to_owned()),
            Just("\n".to_owned()),
            Just("😀".to_owned()),
            any::<char>().prop_map(String::from),
            "[ -~]{1,40}",
        ],
        0..3000,
    )
    .prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any message of any length: header and body descriptions are equal,
    /// at most 1,000 bytes, made of RFC 6749 §5.2's characters, and the
    /// header is a valid header value; `message` is the whole text.
    #[test]
    fn descriptions_agree_within_the_limit(message in long_message()) {
        let response = Dynamic { message: message.clone() }.to_response();
        let header = response.headers()["www-authenticate"].to_str().unwrap().to_owned();
        let body: ErrorBody = serde_json::from_slice(response.body()).unwrap();
        prop_assert_eq!(&body.message, &message);
        let expected = match &body.error_description {
            Some(description) => {
                prop_assert!(description.len() <= MAX_ERROR_DESCRIPTION);
                prop_assert!(description
                    .bytes()
                    .all(|b| matches!(b, 0x20..=0x21 | 0x23..=0x5B | 0x5D..=0x7E)));
                format!("Bearer error=\"invalid_grant\", error_description=\"{description}\"")
            }
            None => "Bearer error=\"invalid_grant\"".to_owned(),
        };
        prop_assert_eq!(header, expected);
    }

    /// Adding in any order, with repeats, past the size where the index
    /// takes over: the same fields, messages and order as a plain list
    /// searched from the start.
    #[test]
    fn field_errors_match_a_linear_model(
        adds in prop::collection::vec((0u16..60, 0u8..4), 0..400),
    ) {
        let mut errors = FieldErrors::new();
        let mut model: Vec<(String, Vec<String>)> = Vec::new();
        for (field, message) in &adds {
            let (field, message) = (format!("field {field}"), format!("message {message}"));
            errors.add(field.clone(), message.clone());
            match model.iter_mut().find(|(name, _)| *name == field) {
                Some((_, messages)) => messages.push(message),
                None => model.push((field, vec![message])),
            }
        }
        let got: Vec<(String, Vec<String>)> = errors
            .iter()
            .map(|(name, messages)| (name.to_owned(), messages.to_vec()))
            .collect();
        prop_assert_eq!(&got, &model);
        for (name, messages) in &model {
            prop_assert_eq!(errors.get(name), Some(messages.as_slice()));
        }
        let rebuilt: FieldErrors = model
            .iter()
            .flat_map(|(name, messages)| messages.iter().map(move |m| (name.clone(), m.clone())))
            .collect();
        prop_assert_eq!(rebuilt, errors);
    }
}
