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

    // Integers only: written straight into a body of its exact size, the
    // literal segments escaped by the macro.
    #[error("counted")]
    #[status(unprocessable_entity)]
    #[message("\"{n}\" of {m}\t{n}")]
    Counted {
        n: u64,
        m: i64,
        #[field_errors]
        errors: FieldErrors,
    },

    // A fixed message that needs escapes, with field errors after it.
    #[error("fixed")]
    #[status(unprocessable_entity)]
    #[message("a \"fixed\" message\n")]
    Fixed {
        #[field_errors]
        errors: FieldErrors,
    },
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
    // Integers from the input, for the interpolated messages.
    let n = data
        .iter()
        .fold(0u64, |n, &b| n.wrapping_mul(257).wrapping_add(u64::from(b)));
    let m = i64::from_ne_bytes(n.rotate_left(17).to_ne_bytes());
    for (error, message) in [
        (
            Echo::Counted {
                n,
                m,
                errors: errors.clone(),
            },
            format!("\"{n}\" of {m}\t{n}"),
        ),
        (
            Echo::Fixed {
                errors: errors.clone(),
            },
            "a \"fixed\" message\n".to_owned(),
        ),
    ] {
        assert_eq!(error.message(), message);
        // Byte for byte serde_json's: members in order, compact.
        let mut expected = ErrorBody::new(message);
        expected.errors = Some(errors.clone());
        assert_eq!(error.body(), serde_json::to_vec(&expected).unwrap());
    }
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
            assert!(value
                .as_bytes()
                .iter()
                .all(|&b| b == b' ' || b.is_ascii_graphic()));
        }
        let answer: ErrorBody =
            serde_json::from_slice(response.body()).expect("every body is an ErrorBody");
        assert_eq!(answer.message, body.message);
        match error {
            Echo::Invalid { .. } => assert_eq!(answer.errors.as_ref(), Some(&errors)),
            Echo::Plain(_) => assert_eq!(answer, ErrorBody::new(body.message.clone())),
            Echo::Counted { .. } | Echo::Fixed { .. } => {}
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
