//! `WWW-Authenticate` and `Retry-After`, as section 5 of the contract gives them.

use std::time::Duration;

use api_status::http::header::{RETRY_AFTER, WWW_AUTHENTICATE};
use api_status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum AuthError {
    #[error("sign in first")]
    #[status(unauthorized)]
    SignIn,

    #[error("the access token expired")]
    #[status(unauthorized)]
    #[oauth(invalid_token)]
    Expired,

    #[error("token {0} expired")]
    #[status(unauthorized)]
    #[oauth(invalid_token)]
    ExpiredNamed(String),

    #[error("the request is missing a parameter")]
    #[status(bad_request)]
    #[oauth(invalid_request)]
    MissingParameter,

    #[error("the token lacks the admin scope")]
    #[status(forbidden)]
    #[oauth(insufficient_scope)]
    Scope,

    #[error("the grant type is not supported")]
    #[status(bad_request)]
    #[oauth(unsupported_grant_type)]
    GrantType,

    #[error("the client may not use this grant")]
    #[status(forbidden)]
    #[oauth(unauthorized_client)]
    Client,

    #[error("ÜÖ… ✓")]
    #[status(unauthorized)]
    #[oauth(invalid_client)]
    NothingPrintable,

    // Literal messages: challenges that do not depend on the value, which
    // the runtime writes on the variant's first response and keeps.
    #[error("token {0} expired")]
    #[status(unauthorized)]
    #[oauth(invalid_token)]
    #[message("the access token expired")]
    ExpiredFixed(String),

    #[error("grant {0} refused")]
    #[status(bad_request)]
    #[oauth(unsupported_grant_type)]
    #[message("the grant type is not supported")]
    GrantTypeFixed(String),
}

fn challenge(error: &AuthError) -> Option<String> {
    let response = error.to_response();
    let values: Vec<_> = response
        .headers()
        .get_all(WWW_AUTHENTICATE)
        .iter()
        .collect();
    assert!(values.len() <= 1, "one challenge at most");
    values
        .first()
        .map(|value| value.to_str().unwrap().to_owned())
}

#[test]
fn every_401_carries_a_bearer_challenge() {
    assert_eq!(challenge(&AuthError::SignIn).as_deref(), Some("Bearer"));
    assert_eq!(
        challenge(&AuthError::Expired).as_deref(),
        Some(r#"Bearer error="invalid_token", error_description="the access token expired""#)
    );
    assert_eq!(
        challenge(&AuthError::ExpiredNamed("a\"b".into())).as_deref(),
        Some(r#"Bearer error="invalid_token", error_description="token a'b expired""#)
    );
}

/// A challenge that does not depend on the value (a literal `#[message]`,
/// or no OAuth code) is written on the variant's first response and kept:
/// every later response, from any thread, by any method, carries the same
/// one, whatever the value's fields.
#[test]
fn a_fixed_challenge_is_the_same_on_every_response_and_thread() {
    const EXPIRED: &str =
        r#"Bearer error="invalid_token", error_description="the access token expired""#;
    let answers: Vec<[Option<String>; 4]> = std::thread::scope(|scope| {
        let threads: Vec<_> = (0..8)
            .map(|thread| {
                scope.spawn(move || {
                    let error = AuthError::ExpiredFixed(format!("token-{thread}"));
                    let method = error
                        .www_authenticate()
                        .map(|value| value.to_str().unwrap().to_owned());
                    let sign_in = AuthError::SignIn
                        .www_authenticate()
                        .map(|value| value.to_str().unwrap().to_owned());
                    [
                        challenge(&error),
                        method,
                        challenge(&AuthError::SignIn),
                        sign_in,
                    ]
                })
            })
            .collect();
        threads
            .into_iter()
            .map(|thread| thread.join().unwrap())
            .collect()
    });
    for [header, method, sign_in_header, sign_in_method] in answers {
        assert_eq!(header.as_deref(), Some(EXPIRED));
        assert_eq!(method.as_deref(), Some(EXPIRED));
        assert_eq!(sign_in_header.as_deref(), Some("Bearer"));
        assert_eq!(sign_in_method.as_deref(), Some("Bearer"));
    }
    // A status that sends none (RFC 6750 §3: `unsupported_grant_type` is
    // RFC 6749's, not one of its own codes), kept as none.
    for grant in ["a", "b"] {
        let error = AuthError::GrantTypeFixed(grant.into());
        assert_eq!(error.www_authenticate(), None);
        assert_eq!(challenge(&error), None);
    }
    // The value-dependent ones answer as before beside them.
    assert_eq!(challenge(&AuthError::GrantType), None);
}

#[test]
fn the_description_is_omitted_when_nothing_printable_is_left() {
    let error = AuthError::NothingPrintable;
    assert_eq!(
        challenge(&error).as_deref(),
        Some(r#"Bearer error="invalid_client""#)
    );
    let body: serde_json::Value = serde_json::from_slice(error.to_response().body()).unwrap();
    assert_eq!(body["message"], "ÜÖ… ✓");
    assert_eq!(body["error"], "invalid_client");
    assert!(body.get("error_description").is_none());
}

#[test]
fn a_400_or_403_is_challenged_only_for_the_codes_of_rfc_6750() {
    assert_eq!(
        challenge(&AuthError::MissingParameter).as_deref(),
        Some(
            r#"Bearer error="invalid_request", error_description="the request is missing a parameter""#
        )
    );
    assert_eq!(
        challenge(&AuthError::Scope).as_deref(),
        Some(
            r#"Bearer error="insufficient_scope", error_description="the token lacks the admin scope""#
        )
    );
    assert_eq!(challenge(&AuthError::GrantType), None);
    assert_eq!(challenge(&AuthError::Client), None);
    assert_eq!(AuthError::GrantType.to_response().status(), 400);
    assert_eq!(AuthError::Client.to_response().status(), 403);
}

#[test]
fn the_header_and_the_body_carry_the_same_description() {
    for error in [
        AuthError::Expired,
        AuthError::ExpiredNamed("x\n\\y".into()),
        AuthError::Scope,
    ] {
        let response = error.to_response();
        let body: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
        let description = body["error_description"].as_str().unwrap();
        let header = response.headers()[WWW_AUTHENTICATE].to_str().unwrap();
        assert!(
            header.ends_with(&format!("error_description=\"{description}\"")),
            "{header}"
        );
    }
}

#[derive(Debug, thiserror::Error, ApiError)]
enum Busy {
    #[error("slow down")]
    #[status(too_many_requests)]
    Seconds {
        #[retry_after]
        wait: u64,
    },
    #[error("slow down")]
    #[status(too_many_requests)]
    Duration(#[retry_after] Duration),
    #[error("back soon")]
    #[status(service_unavailable)]
    #[retry_after(30)]
    Fixed,
    #[error("slow down")]
    #[status(too_many_requests)]
    NoHint,
}

fn retry_after(error: &Busy) -> Option<String> {
    error
        .to_response()
        .headers()
        .get(RETRY_AFTER)
        .map(|value| value.to_str().unwrap().to_owned())
}

#[test]
fn retry_after_in_whole_seconds_rounded_up_and_saturating() {
    assert_eq!(
        retry_after(&Busy::Seconds { wait: 7 }).as_deref(),
        Some("7")
    );
    assert_eq!(
        retry_after(&Busy::Seconds { wait: u64::MAX }).as_deref(),
        Some("18446744073709551615")
    );
    assert_eq!(
        retry_after(&Busy::Duration(Duration::from_secs(2))).as_deref(),
        Some("2")
    );
    assert_eq!(
        retry_after(&Busy::Duration(Duration::from_millis(2001))).as_deref(),
        Some("3")
    );
    assert_eq!(
        retry_after(&Busy::Duration(Duration::from_nanos(1))).as_deref(),
        Some("1")
    );
    assert_eq!(
        retry_after(&Busy::Duration(Duration::ZERO)).as_deref(),
        Some("0")
    );
    assert_eq!(
        retry_after(&Busy::Duration(Duration::MAX)).as_deref(),
        Some("18446744073709551615")
    );
    assert_eq!(retry_after(&Busy::Fixed).as_deref(), Some("30"));
    assert_eq!(retry_after(&Busy::NoHint), None);
}

#[test]
fn other_responses_carry_only_content_type() {
    let response = Busy::NoHint.to_response();
    let names: Vec<_> = response
        .headers()
        .keys()
        .map(|name| name.as_str())
        .collect();
    assert_eq!(names, ["content-type"]);
}
