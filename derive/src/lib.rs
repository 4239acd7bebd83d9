//! The derive macro of [`api-status`](https://docs.rs/api-status):
//! `#[derive(ApiError)]`. Depend on `api-status`, which re-exports it, rather
//! than on this crate: the generated code names `::api_status`.
//!
//! The pipeline: `parse.rs` reads the input into syn's tree (walking the
//! tokens itself for the common shapes), `ast.rs` builds a model of it
//! (attributes in `attr.rs`, `#[message]` strings in `message.rs`),
//! `check.rs` finds the mistakes that involve several attributes,
//! `expand.rs` generates code from a valid model, and on any error
//! `fallback.rs` emits every error together with a stub impl. `status!`
//! (`status_macro.rs`) reads the same status table (`status.rs`).
#![forbid(unsafe_code)]

mod ast;
mod attr;
mod check;
mod ctxt;
mod expand;
#[cfg(feature = "utoipa")]
mod expand_openapi;
mod fallback;
mod generics;
mod message;
mod parse;
mod status;
mod status_macro;
mod symbol;
mod wire;
mod wire_problem;

use proc_macro::TokenStream;
use syn::DeriveInput;

/// Derives `api_status::ApiError`, `From<T> for http::Response<Bytes>` and,
/// with the runtime's framework features, the frameworks' response traits.
/// The attributes are documented in the `api-status` crate.
#[proc_macro_derive(
    ApiError,
    attributes(status, message, oauth, retry_after, field_errors, problem)
)]
pub fn derive_api_error(input: TokenStream) -> TokenStream {
    match parse::derive_input(input.into()) {
        Ok(input) => derive(&input).into(),
        Err(error) => error.to_compile_error().into(),
    }
}

/// `status!(name)`: the `http::StatusCode` of a Rails status name of any
/// class (`created`, `moved_permanently`, `not_found`), of an
/// `http::StatusCode` constant's name in snake case, or of a number in
/// 100..=999, as a constant expression. Unknown names are a compile error
/// with the nearest known name suggested. Documented and re-exported as
/// `api_status::status!`.
#[proc_macro]
pub fn status(input: TokenStream) -> TokenStream {
    status_macro::expand(input.into()).into()
}

fn derive(input: &DeriveInput) -> proc_macro2::TokenStream {
    let cx = ctxt::Ctxt::default();
    let model = ast::Input::from_syn(&cx, input);
    if let Some(model) = &model {
        check::check(&cx, model);
    }
    match (cx.check(), model) {
        (Ok(()), Some(model)) => expand::derive(&model),
        (Err(errors), _) => fallback::expand(input, errors),
        (Ok(()), None) => fallback::expand(input, proc_macro2::TokenStream::new()),
    }
}
