//! `status!(name)`: a status of any class by its Rails name, its
//! `http::StatusCode` constant's name in snake case, or its number, checked
//! against the same table as `#[status]` (`status.rs`) and expanded to a
//! constant.

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::ext::IdentExt;
use syn::parse::{ParseStream, Parser};
use syn::{Ident, LitInt, LitStr};

use crate::status;

/// What `status!` says when its input is not a status at all.
const EXPECTED: &str =
    "expected a status: `status!(created)`, `status!(not_found)` or `status!(201)`";

/// Expands `status!(...)`: the `StatusCode` constant, or a compile error
/// spanned at the offending tokens.
pub fn expand(input: TokenStream) -> TokenStream {
    match parse.parse2(input) {
        Ok(code) => quote! {
            {
                const __API_STATUS: ::api_status::http::StatusCode =
                    ::api_status::__private::status_const(#code);
                __API_STATUS
            }
        },
        Err(error) => error.to_compile_error(),
    }
}

/// Reads one name or number and returns its code, checked to be in
/// `100..=999` (so that `StatusCode::from_u16` accepts it).
fn parse(input: ParseStream) -> syn::Result<u16> {
    if input.is_empty() {
        return Err(syn::Error::new(Span::call_site(), EXPECTED));
    }
    let code = if input.peek(LitInt) {
        let number: LitInt = input.parse()?;
        by_number(&number)?
    } else if input.peek(Ident::peek_any) {
        let name = input.call(Ident::parse_any)?;
        by_name(&name)?
    } else if input.peek(LitStr) {
        let name: LitStr = input.parse()?;
        return Err(syn::Error::new(
            name.span(),
            format_args!(
                "write the status name without quotes: `status!({})`",
                name.value()
            ),
        ));
    } else {
        return Err(input.error(EXPECTED));
    };
    if !input.is_empty() {
        return Err(input.error("`status!` takes one status: `status!(created)`"));
    }
    Ok(code)
}

/// The code of a name, or the unknown-name error with its suggestion.
fn by_name(name: &Ident) -> syn::Result<u16> {
    let text = name.unraw().to_string();
    status::lookup_any(&text).ok_or_else(|| {
        syn::Error::new(
            name.span(),
            status::unknown_message(
                &text,
                status::nearest_any(&text),
                "use a Rails status name such as `created` or `not_found`, or a number in 100..=999",
            ),
        )
    })
}

/// The code of a number in `100..=999`.
fn by_number(number: &LitInt) -> syn::Result<u16> {
    match number.base10_parse::<u16>() {
        Ok(code) if (100..=999).contains(&code) => Ok(code),
        _ => Err(syn::Error::new(
            number.span(),
            format_args!(
                "`{}` is not a status code: a status is a number in 100..=999, or a name such as `created`",
                number.base10_digits()
            ),
        )),
    }
}
