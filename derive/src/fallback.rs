//! What an invalid input expands to besides its errors: an `ApiError` impl
//! whose methods are never called, so that code using the type compiles and
//! the user sees the real mistakes, not a cascade of "trait not implemented".

use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

use crate::ast::Input;
use crate::attr::Attrs;

/// The compile errors followed by the stub impls.
pub fn expand(input: &DeriveInput, errors: TokenStream) -> TokenStream {
    let model = Input {
        original: input,
        name: String::new(),
        is_enum: false,
        attrs: Attrs::default(),
        variants: Vec::new(),
    };
    let where_clause = match &input.generics.where_clause {
        Some(clause) => quote!(#clause),
        None => TokenStream::new(),
    };
    let stub = quote! {
        fn status(&self) -> ::api_status::http::StatusCode {
            ::core::unreachable!()
        }
        fn message(&self) -> ::api_status::__private::Cow<'_, str> {
            ::core::unreachable!()
        }
    };
    let impls = crate::expand::finish(&model, stub, &where_clause);
    quote! {
        #errors
        #impls
    }
}
