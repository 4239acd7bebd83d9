//! The OpenAPI hook: one call of the runtime's `impl_openapi!` with what
//! the macro knows of each variant (its name, doc comment, status, body
//! shape, headers, and its body or message for an example). The runtime's
//! `utoipa` feature turns on the derive's (this module), and the call into
//! `utoipa::IntoResponses`; without it, nothing is emitted and this module
//! is not compiled. No utoipa macro is emitted.
//!
//! The call, in brackets: the impl generics, the type, the where clause,
//! the transparent fields' types that mention a type parameter (they get an
//! `IntoResponses` bound; `T` for `Box<T>` and `&T`), then the facts of
//! every variant as one string literal, and a probe per transparent field
//! for its type's responses:
//!
//! ```text
//! impl [<T>] [Type<T>] [where ...] [T,] "o8:NotFound3:doc..." [(&&Probe::<T>::new()).inner_responses()]
//! ```
//!
//! One literal rather than tokens per variant: a large enum costs the build
//! a few bytes of string per variant, not a dozen tokens to match, when the
//! feature is off. The encoding (`runtime/src/openapi/facts.rs` reads it):
//! per variant, `o` (own status) or `i` (transparent), then fields as
//! netstrings, `<byte length>:<text>`: for `o`, the name, the doc comment,
//! the status, the flags (`f` field errors, `r` Retry-After), the OAuth
//! code, the body when the macro computed it, the message, and the
//! `#[problem]` type and title (empty for the defaults); for `i`,
//! the name and the doc comment.

use std::fmt::Write;

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::quote;
use syn::{
    Attribute, Data, Expr, ExprLit, GenericArgument, Lit, LitStr, Meta, PathArguments, Type,
};

use crate::ast::{Input, Variant};
use crate::attr::StatusValue;
use crate::expand::{plan_message, MessageSource};
use crate::generics::Bounds;
use crate::wire;

/// `::api_status::__private::impl_openapi! { … }` for the type.
pub fn hook(input: &Input<'_>, self_ty: &TokenStream, where_clause: &TokenStream) -> TokenStream {
    let generics = &input.original.generics;
    let (impl_generics, _, _) = generics.split_for_impl();
    let bounds = Bounds::new(generics);
    let mut generic_inner = Vec::new();
    let mut probes = Vec::new();
    let mut facts = String::new();
    let raw = raw_attrs(input);
    for (index, variant) in input.variants.iter().enumerate() {
        let attrs = raw.get(index).copied().unwrap_or_default();
        let name = crate::ast::name_of(variant.ident);
        let doc = doc_comment(attrs);
        match (input.status_of(variant), variant.fields.as_slice()) {
            (Some(StatusValue::Code(code)), _) => {
                facts.push('o');
                own(&mut facts, input, variant, attrs, code, &name, &doc);
            }
            (_, [field]) => {
                let ty = field.ty;
                if bounds.is_generic(ty) {
                    let documented = pointee(ty);
                    generic_inner.push(quote!(#documented));
                }
                facts.push('i');
                netstring(&mut facts, &name);
                netstring(&mut facts, &doc);
                probes.push(quote! {
                    (&&::api_status::__private::openapi::Probe::<#ty>::new()).inner_responses()
                });
            }
            // Only a valid model reaches this function, where every variant
            // has a code or is transparent with one field.
            _ => {}
        }
    }
    let facts = LitStr::new(&facts, Span::call_site());
    quote! {
        ::api_status::__private::impl_openapi! {
            impl [#impl_generics] [#self_ty] [#where_clause]
            [#(#generic_inner,)*]
            #facts
            [#(#probes),*]
        }
    }
}

/// Appends `text` as `<byte length>:<text>`.
fn netstring(out: &mut String, text: &str) {
    let _ = write!(out, "{}:", text.len());
    out.push_str(text);
}

/// The facts of a variant with a status of its own.
fn own(
    out: &mut String,
    input: &Input<'_>,
    variant: &Variant<'_>,
    attrs: &[Attribute],
    code: u16,
    name: &str,
    doc: &str,
) {
    let field_errors = variant.field_errors_field().is_some();
    let oauth = variant
        .attrs
        .oauth
        .as_ref()
        .and_then(|oauth| oauth.code)
        .map(|(wire, _)| wire);
    let retry_after = variant.attrs.retry_after.is_some() || variant.retry_after_field().is_some();
    let (body, message) = match plan_message(input, variant) {
        MessageSource::Literal(text) if !field_errors => (wire::static_body(&text, oauth), text),
        MessageSource::Literal(text) => (String::new(), text),
        MessageSource::Format => (
            String::new(),
            variant
                .attrs
                .message
                .as_ref()
                .map(|message| message.format.value())
                .unwrap_or_default(),
        ),
        MessageSource::Display => (
            String::new(),
            error_text(attrs).unwrap_or_else(|| crate::ast::name_of(variant.ident)),
        ),
    };
    let mut flags = String::new();
    if field_errors {
        flags.push('f');
    }
    if retry_after {
        flags.push('r');
    }
    netstring(out, name);
    netstring(out, doc);
    netstring(out, &code.to_string());
    netstring(out, &flags);
    netstring(out, oauth.unwrap_or_default());
    netstring(out, &body);
    netstring(out, &message);
    // `#[problem(type, title)]`, empty for `about:blank` and the reason
    // phrase.
    let problem = variant.attrs.problem.as_ref();
    netstring(
        out,
        problem
            .and_then(|problem| problem.problem_type.as_deref())
            .unwrap_or_default(),
    );
    netstring(
        out,
        problem
            .and_then(|problem| problem.title.as_deref())
            .unwrap_or_default(),
    );
}

/// The type whose responses a transparent field of type `ty` documents:
/// `T` for `Box<T>` and `&T` (which answer as `T`), else `ty` itself.
fn pointee(ty: &Type) -> &Type {
    match ty {
        Type::Reference(reference) => pointee(&reference.elem),
        Type::Group(group) => pointee(&group.elem),
        Type::Paren(paren) => pointee(&paren.elem),
        Type::Path(path) if path.qself.is_none() => {
            let Some(last) = path.path.segments.last() else {
                return ty;
            };
            match &last.arguments {
                PathArguments::AngleBracketed(args)
                    if last.ident == "Box" && args.args.len() == 1 =>
                {
                    match args.args.first() {
                        Some(GenericArgument::Type(inner)) => pointee(inner),
                        _ => ty,
                    }
                }
                _ => ty,
            }
        }
        _ => ty,
    }
}

/// The attributes written on each variant (on the struct, for a struct),
/// in order.
fn raw_attrs<'a>(input: &Input<'a>) -> Vec<&'a [Attribute]> {
    match &input.original.data {
        Data::Enum(data) => data
            .variants
            .iter()
            .map(|variant| &variant.attrs[..])
            .collect(),
        _ => vec![&input.original.attrs[..]],
    }
}

/// The doc comment, its lines trimmed and joined by spaces.
fn doc_comment(attrs: &[Attribute]) -> String {
    let lines: Vec<String> = attrs
        .iter()
        .filter(|attr| attr.path().is_ident("doc"))
        .filter_map(|attr| match &attr.meta {
            Meta::NameValue(meta) => match &meta.value {
                Expr::Lit(ExprLit {
                    lit: Lit::Str(text),
                    ..
                }) => Some(text.value().trim().to_owned()),
                _ => None,
            },
            _ => None,
        })
        .filter(|line| !line.is_empty())
        .collect();
    lines.join(" ")
}

/// The format string of a `thiserror` `#[error("...")]`: the message of a
/// 4xx whose `Display` is its public message, as the example shows it
/// (placeholders unfilled).
fn error_text(attrs: &[Attribute]) -> Option<String> {
    // The first token only: the format string, whatever arguments follow.
    attrs
        .iter()
        .filter(|attr| attr.path().is_ident("error"))
        .find_map(|attr| match &attr.meta {
            Meta::List(list) => match list.tokens.clone().into_iter().next() {
                Some(TokenTree::Literal(literal)) => match Lit::new(literal) {
                    Lit::Str(text) => Some(text.value()),
                    _ => None,
                },
                // Anything else (a literal in an invisible group, as a
                // `macro_rules!` passing `$msg:expr` writes it): syn's parse.
                _ => attr
                    .parse_args_with(|input: syn::parse::ParseStream| {
                        let text: syn::LitStr = input.parse()?;
                        let _rest: TokenStream = input.parse()?;
                        Ok(text.value())
                    })
                    .ok(),
            },
            _ => None,
        })
}
