//! Error types declared through `macro_rules!`: with fragments (`$m:meta`,
//! `$v:vis`, `$t:ty`, `$name:ident`), which reach the derive as the
//! compiler passes fragments on, and with the variants passed as tokens to
//! a macro that adds the derive. Each answers as the same type written by
//! hand (contract section 3: the attributes mean what they say wherever
//! the type is written).

use api_status::ApiError;

/// A struct whose attributes, visibilities and field types are fragments.
macro_rules! error_struct {
    ($(#[$meta:meta])* $vis:vis struct $name:ident($field_vis:vis $ty:ty);) => {
        #[derive(Debug, thiserror::Error, ApiError)]
        $(#[$meta])*
        $vis struct $name($field_vis $ty);
    };
}

error_struct! {
    #[error("internal")]
    #[status(not_found)]
    #[message("no item {0}")]
    pub struct NoItem(pub u64);
}

error_struct! {
    #[error("internal")]
    #[status(conflict)]
    #[message("{0} is taken")]
    struct Taken(String);
}

/// An enum whose variants' attributes and named fields' types are
/// fragments.
macro_rules! error_enum {
    ($name:ident { $($(#[$meta:meta])* $variant:ident { $($field:ident: $ty:ty),* }),* $(,)? }) => {
        #[derive(Debug, thiserror::Error, ApiError)]
        enum $name {
            $($(#[$meta])* $variant { $($field: $ty),* }),*
        }
    };
}

error_enum!(Quota {
    #[error("too many")]
    #[status(too_many_requests)]
    #[message("at most {limit} per {window}")]
    #[retry_after(30)]
    Exceeded { limit: u32, window: String },
    #[error("bad")]
    #[status(unprocessable_entity)]
    Invalid { code: u8 },
});

#[test]
fn a_struct_of_fragments_answers_as_written_by_hand() {
    let error = NoItem(7);
    assert_eq!(error.status(), 404);
    assert_eq!(error.body(), br#"{"message":"no item 7"}"#.as_slice());
    let error = Taken("ann".into());
    assert_eq!(error.status(), 409);
    assert_eq!(error.body(), br#"{"message":"ann is taken"}"#.as_slice());
}

#[test]
fn an_enum_of_fragments_answers_as_written_by_hand() {
    let error = Quota::Exceeded {
        limit: 5,
        window: "minute".into(),
    };
    let response = error.to_response();
    assert_eq!(response.status(), 429);
    assert_eq!(response.headers()["retry-after"], "30");
    assert_eq!(
        response.body().as_ref(),
        br#"{"message":"at most 5 per minute"}"#
    );
    // A 4xx without `#[message]`: its `Display`.
    assert_eq!(
        Quota::Invalid { code: 1 }.body(),
        br#"{"message":"bad"}"#.as_slice()
    );
}

/// An error enum declared through a `macro_rules!` that adds the derive:
/// the variants, and their fields' names, come from the macro's caller,
/// the derive from the macro. The arms of an all-integer message (written
/// by the derive as source text) must still find the fields.
macro_rules! api_error {
    ($name:ident { $($body:tt)* }) => {
        #[derive(Debug, thiserror::Error, ApiError)]
        enum $name { $($body)* }
    };
}

api_error!(Wrapped {
    #[error("too big")]
    #[status(payload_too_large)]
    #[message("at most {limit} bytes, got {got}")]
    TooBig { limit: u64, got: u64 },

    #[error("bad")]
    #[status(bad_request)]
    #[message("item {0} of {1}")]
    Item(u32, u32),

    #[error("named")]
    #[status(conflict)]
    #[message("{name} is taken ({tries} tries)")]
    Taken { name: String, tries: u8 },
});

#[test]
fn a_message_of_an_enum_declared_by_a_macro_finds_its_fields() {
    let cases = [
        (
            Wrapped::TooBig { limit: 10, got: 12 },
            "at most 10 bytes, got 12",
        ),
        (Wrapped::Item(3, 4), "item 3 of 4"),
        (
            Wrapped::Taken {
                name: "ann".into(),
                tries: 2,
            },
            "ann is taken (2 tries)",
        ),
    ];
    for (error, message) in cases {
        assert_eq!(error.message(), message);
        assert_eq!(
            error.body(),
            serde_json::json!({ "message": message })
                .to_string()
                .as_bytes()
        );
    }
}
