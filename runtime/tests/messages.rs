//! The public message (section 3 of the contract): `#[message]` with
//! interpolation, `Display` for a 4xx, the reason phrase for a 5xx.

use api_status::ApiError;

#[derive(Debug)]
struct Secret;

#[derive(Debug, thiserror::Error, ApiError)]
enum UserError {
    #[error("internal: user {id} missing in shard {shard}")]
    #[status(not_found)]
    #[message("user {id} not found")]
    Named { id: u64, shard: u32 },

    #[error("internal")]
    #[status(conflict)]
    #[message("{0} is taken by {1:?}; {{braces}} stay")]
    Tuple(String, &'static str),

    #[error("internal")]
    #[status(bad_request)]
    #[message("id {id:>5} hex {id:#x}")]
    Formatted { id: u32 },

    #[error("{type} is gone")]
    #[status(gone)]
    Raw { r#type: String },

    #[error("upstream said {0:?}")]
    #[status(bad_gateway)]
    Upstream(Secret),

    #[error("upstream said {0:?}")]
    #[status(bad_gateway)]
    #[message("the billing service is unavailable")]
    UpstreamExplained(Secret),

    #[error("quota")]
    #[status(bandwidth_limit_exceeded)]
    NoReasonPhrase,

    #[error("teapot")]
    #[status(599)]
    Numbered,
}

fn message_and_body(error: &UserError) -> (String, String) {
    let body = String::from_utf8(error.to_response().body().to_vec()).unwrap();
    (error.message().into_owned(), body)
}

#[test]
fn message_interpolates_named_fields_and_hides_the_rest() {
    let (message, body) = message_and_body(&UserError::Named { id: 42, shard: 9 });
    assert_eq!(message, "user 42 not found");
    assert_eq!(body, r#"{"message":"user 42 not found"}"#);
}

#[test]
fn message_interpolates_tuple_fields_with_format_specs() {
    let (message, body) = message_and_body(&UserError::Tuple("ann".into(), "bob"));
    assert_eq!(message, r#"ann is taken by "bob"; {braces} stay"#);
    assert_eq!(
        body,
        r#"{"message":"ann is taken by \"bob\"; {braces} stay"}"#
    );
    let (message, _) = message_and_body(&UserError::Formatted { id: 255 });
    assert_eq!(message, "id   255 hex 0xff");
}

#[test]
fn a_4xx_without_message_uses_display() {
    let (message, body) = message_and_body(&UserError::Raw {
        r#type: "plan".into(),
    });
    assert_eq!(message, "plan is gone");
    assert_eq!(body, r#"{"message":"plan is gone"}"#);
}

#[test]
fn a_5xx_without_message_uses_the_reason_phrase() {
    let (message, body) = message_and_body(&UserError::Upstream(Secret));
    assert_eq!(message, "Bad Gateway");
    assert_eq!(body, r#"{"message":"Bad Gateway"}"#);
    let (message, _) = message_and_body(&UserError::UpstreamExplained(Secret));
    assert_eq!(message, "the billing service is unavailable");
}

#[test]
fn a_5xx_without_a_reason_phrase_says_server_error() {
    assert_eq!(UserError::NoReasonPhrase.to_response().status(), 509);
    assert_eq!(
        message_and_body(&UserError::NoReasonPhrase).0,
        "Server Error"
    );
    assert_eq!(UserError::Numbered.to_response().status(), 599);
    assert_eq!(
        message_and_body(&UserError::Numbered).1,
        r#"{"message":"Server Error"}"#
    );
}

#[test]
fn write_message_writes_what_message_returns() {
    let errors = [
        UserError::Named { id: 1, shard: 2 },
        UserError::Tuple("a".into(), "b"),
        UserError::Raw { r#type: "t".into() },
        UserError::Upstream(Secret),
        UserError::NoReasonPhrase,
    ];
    for error in &errors {
        let mut written = String::new();
        error.write_message(&mut written).unwrap();
        assert_eq!(written, error.message());
    }
}
