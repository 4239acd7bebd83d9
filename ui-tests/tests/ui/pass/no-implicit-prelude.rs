//! The generated code names everything by absolute path: it compiles in a
//! `#[no_implicit_prelude]` module, next to local items that shadow the
//! prelude's names, and with the derive imported under another name.

#[no_implicit_prelude]
mod bare {
    #[derive(::std::fmt::Debug, ::api_status::ApiError)]
    pub enum AccountError {
        #[status(not_found)]
        #[message("account {id} not found")]
        NotFound { id: u64 },

        #[status(unprocessable_entity)]
        #[message("the account could not be saved")]
        Invalid {
            #[field_errors]
            errors: ::api_status::FieldErrors,
        },

        #[status(unauthorized)]
        #[oauth(invalid_token)]
        #[message("the access token expired")]
        Expired,

        #[status(too_many_requests)]
        #[message("slow down")]
        Slow(#[retry_after] ::std::time::Duration),

        #[status(conflict)]
        Conflict(u32),

        #[status(internal_server_error)]
        Database,

        #[status(transparent)]
        Inner(Inner),
    }

    impl ::std::fmt::Display for AccountError {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            f.write_str("account error")
        }
    }

    #[derive(::std::fmt::Debug, ::api_status::ApiError)]
    #[status(bad_request)]
    #[message("inner")]
    pub struct Inner;

    #[derive(::std::fmt::Debug, ::api_status::ApiError)]
    pub enum Generic<T: ::std::fmt::Debug>
    where
        T: ::std::fmt::Display,
    {
        #[status(gone)]
        #[message("{0} is gone")]
        Gone(T),
    }
}

mod shadowed {
    #![allow(dead_code, non_camel_case_types, unused_macros)]

    // Every prelude name the generated code could reach for, taken.
    pub struct Option;
    pub struct Result;
    pub struct String;
    pub struct Some;
    pub struct None;
    pub struct Ok;
    pub struct Err;
    pub struct Box;
    pub struct Vec;
    pub struct Cow;
    pub struct u16;
    pub trait Display {}
    pub trait From {}
    pub trait Into {}
    pub trait ApiError {}
    pub mod http {}
    pub mod bytes {}
    pub mod serde_json {}
    macro_rules! format {
        ($($t:tt)*) => {
            compile_error!("the local `format!` was used")
        };
    }
    macro_rules! format_args {
        ($($t:tt)*) => {
            compile_error!("the local `format_args!` was used")
        };
    }
    macro_rules! unreachable {
        ($($t:tt)*) => {
            compile_error!("the local `unreachable!` was used")
        };
    }

    use api_status::ApiError as Problem;

    #[derive(Debug, thiserror::Error, Problem)]
    pub enum AccountError {
        #[error("account {id} not found")]
        #[status(not_found)]
        #[message("account {id} not found")]
        NotFound { id: u64 },

        #[error("account {0} is locked")]
        #[status(locked)]
        Locked(u64),

        #[error("invalid")]
        #[status(unprocessable_entity)]
        Invalid {
            #[field_errors]
            errors: api_status::FieldErrors,
        },

        #[error("the provided authorization grant is invalid")]
        #[status(bad_request)]
        #[oauth(invalid_grant)]
        BadGrant,

        #[error("down")]
        #[status(service_unavailable)]
        #[retry_after(120)]
        Down,
    }
}

use api_status::http::{header, StatusCode};
use api_status::ApiError;
use serde_json::{json, Value};

fn body(error: &impl ApiError) -> Value {
    serde_json::from_slice(&error.body()).unwrap()
}

fn main() {
    use bare::AccountError as Bare;

    let not_found = Bare::NotFound { id: 7 };
    assert_eq!(not_found.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        body(&not_found),
        json!({ "message": "account 7 not found" })
    );

    let mut errors = api_status::FieldErrors::new();
    errors.add("name", "can't be blank");
    let invalid = Bare::Invalid { errors };
    assert_eq!(
        body(&invalid),
        json!({ "message": "the account could not be saved", "errors": { "name": ["can't be blank"] } }),
    );

    let expired = Bare::Expired.to_response();
    assert_eq!(expired.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        expired.headers()[header::WWW_AUTHENTICATE],
        "Bearer error=\"invalid_token\", error_description=\"the access token expired\"",
    );

    let slow = Bare::Slow(std::time::Duration::from_secs(3)).to_response();
    assert_eq!(slow.headers()[header::RETRY_AFTER], "3");

    assert_eq!(
        body(&Bare::Conflict(1)),
        json!({ "message": "account error" })
    );
    assert_eq!(
        body(&Bare::Database),
        json!({ "message": "Internal Server Error" })
    );
    assert_eq!(Bare::Inner(bare::Inner).status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        body(&bare::Generic::Gone(5)),
        json!({ "message": "5 is gone" })
    );

    use shadowed::AccountError as Shadowed;

    assert_eq!(
        body(&Shadowed::NotFound { id: 1 }),
        json!({ "message": "account 1 not found" })
    );
    let locked = Shadowed::Locked(2).to_response();
    assert_eq!(locked.status().as_u16(), 423);
    assert_eq!(&locked.body()[..], br#"{"message":"account 2 is locked"}"#);
    assert_eq!(
        body(&Shadowed::Invalid {
            errors: Default::default()
        }),
        json!({ "message": "invalid", "errors": {} }),
    );
    let grant = Shadowed::BadGrant.to_response();
    assert_eq!(grant.status(), StatusCode::BAD_REQUEST);
    assert!(grant.headers().get(header::WWW_AUTHENTICATE).is_none());
    assert_eq!(
        serde_json::from_slice::<Value>(grant.body()).unwrap(),
        json!({
            "message": "the provided authorization grant is invalid",
            "error": "invalid_grant",
            "error_description": "the provided authorization grant is invalid",
        }),
    );
    let down = Shadowed::Down.to_response();
    assert_eq!(down.headers()[header::RETRY_AFTER], "120");
    assert_eq!(&down.body()[..], br#"{"message":"Service Unavailable"}"#);
}
