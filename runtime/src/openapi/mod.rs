//! OpenAPI from the same annotations (feature `utoipa`, utoipa 5).
//!
//! Every `#[derive(ApiError)]` type implements `utoipa::IntoResponses`: one
//! response per status, whose description is the reason phrase followed by
//! each variant's name and doc comment; an `application/json` schema
//! (`message`, plus `errors`, or `error` and `error_description`, where a
//! variant of that status sends them) with one example per variant; an
//! `application/problem+json` schema beside it (RFC 9457); and the
//! `WWW-Authenticate` and `Retry-After` headers where a variant sends them.
//! A transparent variant splices in its inner type's responses.
//! [`Merge`] joins several types' responses status by status;
//! `success.rs` documents the success types (`Created<T>`, `Accepted<T>`,
//! the redirects), `conditional.rs` `Conditional<T>`.
//!
//! The schemas are built with utoipa's builders at run time, once per
//! document; the derive itself emits no utoipa macro (see
//! `openapi_hook.rs`).

mod conditional;
mod facts;
mod merge;
mod schema;
mod success;
#[doc(hidden)]
pub mod support;

use std::marker::PhantomData;

use utoipa::IntoResponses;

#[cfg(doc)]
use crate::Rejection;

pub use support::ResponseMap;

/// Several error types' responses as one `utoipa::IntoResponses` (feature
/// `utoipa`).
///
/// With the feature, every `#[derive(ApiError)]` type (and [`Rejection`])
/// implements `utoipa::IntoResponses`: one response per status, described by
/// the reason phrase and each variant's name and doc comment, with an
/// `application/json` object schema (`message`; `errors`, `error` and
/// `error_description` where a variant of that status sends them), one
/// example per variant (its exact body when the macro computed it), an
/// `application/problem+json` schema beside it, and the `WWW-Authenticate`
/// and `Retry-After` headers where a variant sends them. A transparent
/// variant splices in its field's responses (`Box<T>` and `&T` as `T`; a
/// hand-written `ApiError` without `IntoResponses` as a `default` response
/// with the general body schema; a generic field `E` with an
/// `E: IntoResponses` bound on the impl).
///
/// `Merge` is for a
/// handler that can fail in more ways than one type says: a status that
/// two types share becomes one response, its schemas, examples and headers
/// merged (listing two types side by side in `responses(...)` would keep
/// only the last one's response for that status).
///
/// ```
/// use api_status::{ApiError, Merge, Rejection};
/// use utoipa::IntoResponses;
///
/// #[derive(Debug, thiserror::Error, ApiError)]
/// pub enum UserError {
///     /// No user has this id.
///     #[error("user {id} not found")]
///     #[status(not_found)]
///     NotFound { id: u64 },
/// }
///
/// // `#[utoipa::path(get, path = "/users/{id}", responses(Merge<(UserError, Rejection)>))]`
/// let responses = Merge::<(UserError, Rejection)>::responses();
/// let json = serde_json::to_value(&responses["404"]).unwrap();
/// let examples = &json["content"]["application/json"]["examples"];
/// assert_eq!(examples["NotFound"]["value"]["message"], "user {id} not found");
/// assert_eq!(examples["NotFound (Rejection)"]["value"]["message"], "No resource exists at this path");
/// assert!(responses.contains_key("415")); // from `Rejection` alone
/// ```
pub struct Merge<T>(PhantomData<T>);

macro_rules! merge_tuples {
    ($(($($name:ident),+))*) => {$(
        impl<$($name: IntoResponses),+> IntoResponses for Merge<($($name,)+)> {
            fn responses() -> ResponseMap {
                let mut responses = ResponseMap::new();
                $(merge::merge_maps(&mut responses, $name::responses(), support::short_type_name::<$name>());)+
                responses
            }
        }
    )*};
}

merge_tuples! {
    (A)
    (A, B)
    (A, B, C)
    (A, B, C, D)
    (A, B, C, D, E)
    (A, B, C, D, E, F)
    (A, B, C, D, E, F, G)
    (A, B, C, D, E, F, G, H)
    (A, B, C, D, E, F, G, H, I)
    (A, B, C, D, E, F, G, H, I, J)
    (A, B, C, D, E, F, G, H, I, J, K)
    (A, B, C, D, E, F, G, H, I, J, K, L)
}
