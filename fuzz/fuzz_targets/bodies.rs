//! Bodies (contract sections 4, 5 and 15): any bytes that parse as an
//! `ErrorBody` or a `FieldErrors` answer again through a derived error and
//! parse back equal, with valid headers; a description is at most 1,000
//! bytes and the same in the header and the body.
#![no_main]

use api_status::{ApiError, ErrorBody, FieldErrors, MAX_ERROR_DESCRIPTION};
use libfuzzer_sys::fuzz_target;

#[derive(Debug, thiserror::Error, ApiError)]
enum Echo {
    #[error("{message}")]
    #[status(unprocessable_entity)]
    Invalid {
        message: String,
        #[field_errors]
        errors: FieldErrors,
    },

    #[error("{0}")]
    #[status(not_found)]
    Plain(String),

    #[error("{0}")]
    #[status(unauthorized)]
    #[oauth(invalid_token)]
    Token(String),
}

fuzz_target!(|data: &[u8]| {
    if let Ok(errors) = serde_json::from_slice::<FieldErrors>(data) {
        let again = serde_json::to_vec(&errors).expect("FieldErrors serializes");
        let parsed: FieldErrors = serde_json::from_slice(&again).expect("its own JSON parses");
        assert_eq!(parsed, errors);
        for (field, messages) in &errors {
            assert_eq!(errors.get(field), Some(messages));
        }
    }

    let Ok(body) = serde_json::from_slice::<ErrorBody>(data) else {
        return;
    };
    let errors = body.errors.clone().unwrap_or_default();
    for error in [
        Echo::Invalid {
            message: body.message.clone(),
            errors: errors.clone(),
        },
        Echo::Plain(body.message.clone()),
        Echo::Token(body.message.clone()),
    ] {
        let response = error.to_response();
        for value in response.headers().values() {
            // Visible ASCII and spaces only: no header line can be injected.
            assert!(value.as_bytes().iter().all(|&b| b == b' ' || b.is_ascii_graphic()));
        }
        let answer: ErrorBody =
            serde_json::from_slice(response.body()).expect("every body is an ErrorBody");
        assert_eq!(answer.message, body.message);
        match error {
            Echo::Invalid { .. } => assert_eq!(answer.errors.as_ref(), Some(&errors)),
            Echo::Plain(_) => assert_eq!(answer, ErrorBody::new(body.message.clone())),
            Echo::Token(_) => {
                let description = answer.error_description.as_deref();
                assert!(description.map_or(0, str::len) <= MAX_ERROR_DESCRIPTION);
                let challenge = response.headers()["www-authenticate"].to_str().unwrap();
                let expected = match description {
                    Some(d) => format!(r#"Bearer error="invalid_token", error_description="{d}""#),
                    None => r#"Bearer error="invalid_token""#.to_owned(),
                };
                assert_eq!(challenge, expected);
            }
        }
    }
});
