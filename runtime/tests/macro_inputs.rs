//! Error types declared through `macro_rules!` fragments (`$m:meta`,
//! `$v:vis`, `$t:ty`, `$name:ident`), which reach the derive as the
//! compiler passes fragments on: each answers as the same type written by
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
