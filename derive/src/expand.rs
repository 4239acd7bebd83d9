//! Code generation from a model that the checks have passed: it may assume
//! every variant has a valid status and consistent attributes.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::{Ident, LitByteStr, LitStr, Member, Type};

use crate::ast::{Input, Variant};
use crate::attr::StatusValue;
use crate::generics::Bounds;
use crate::{status, wire};

/// The impls for a valid input: `ApiError`, `From<T> for Response<Bytes>`
/// and the framework traits the runtime's features enable.
pub fn derive(input: &Input<'_>) -> TokenStream {
    let generics = &input.original.generics;
    let ident = &input.original.ident;
    let (_, ty_generics, _) = generics.split_for_impl();
    let self_ty = quote!(#ident #ty_generics);
    let mut bounds = Bounds::new(generics);
    let display_span = input
        .variants
        .iter()
        .find(|variant| matches!(plan_message(input, variant), MessageSource::Display))
        .map(|variant| variant.ident.span());
    if display_span.is_some() {
        bounds.require_self(&self_ty, quote!(::core::fmt::Display));
    }
    let plans: Vec<Plan> = input
        .variants
        .iter()
        .map(|variant| Plan::new(input, variant, &mut bounds, display_span))
        .collect();
    let methods = Methods { plans: &plans };
    let api_error = methods.api_error_body();
    let where_clause = bounds.where_clause(generics);
    finish(input, api_error, &where_clause)
}

/// Wraps the body of the `ApiError` impl with the impl itself, the `From`
/// impl and the framework hook. Shared with the fallback.
pub fn finish(
    input: &Input<'_>,
    api_error_body: TokenStream,
    where_clause: &TokenStream,
) -> TokenStream {
    let generics = &input.original.generics;
    let ident = &input.original.ident;
    let (impl_generics, ty_generics, _) = generics.split_for_impl();
    let self_ty = quote!(#ident #ty_generics);
    quote! {
        #[automatically_derived]
        impl #impl_generics ::api_status::ApiError for #self_ty #where_clause {
            #api_error_body
        }

        #[automatically_derived]
        impl #impl_generics ::core::convert::From<#self_ty>
            for ::api_status::http::Response<::api_status::bytes::Bytes>
            #where_clause
        {
            #[inline]
            fn from(error: #self_ty) -> Self {
                ::api_status::ApiError::to_response(&error)
            }
        }

        ::api_status::__private::impl_framework_traits! {
            impl [#impl_generics] [#self_ty] [#where_clause]
        }
    }
}

/// Where a variant's public message comes from.
enum MessageSource {
    /// A fixed text: a literal `#[message]`, or a 5xx reason phrase.
    Literal(String),
    /// A `#[message]` that interpolates fields.
    Format,
    /// The value's `Display` (4xx without `#[message]`).
    Display,
}

fn plan_message(input: &Input<'_>, variant: &Variant<'_>) -> MessageSource {
    if let Some(template) = &variant.template {
        return match &template.literal {
            Some(literal) => MessageSource::Literal(literal.clone()),
            None => MessageSource::Format,
        };
    }
    match input.status_of(variant) {
        Some(StatusValue::Code(code)) if code >= 500 => MessageSource::Literal(
            status::reason_phrase(code)
                .unwrap_or("Server Error")
                .to_owned(),
        ),
        _ => MessageSource::Display,
    }
}

/// Everything the methods need to know about one variant.
struct Plan {
    /// `Self::Variant` or, for a struct, `Self`.
    path: TokenStream,
    kind: PlanKind,
}

enum PlanKind {
    /// Everything comes from the one field; `api` is
    /// `<FieldType as ::api_status::ApiError>`, so that a field type without
    /// the trait is reported at the type.
    Transparent {
        inner: Member,
        api: TokenStream,
    },
    Own(Box<Own>),
}

/// An expression and the fields it reads.
#[derive(Clone)]
struct Expr {
    tokens: TokenStream,
    fields: Vec<Member>,
}

impl Expr {
    fn of(tokens: TokenStream) -> Expr {
        Expr {
            tokens,
            fields: Vec::new(),
        }
    }
}

struct Own {
    code: u16,
    /// `message()`.
    message: Expr,
    /// `write_message(__out)`.
    write_message: Expr,
    /// Whether the message is formatted (from fields or `Display`) rather
    /// than fixed.
    dynamic_message: bool,
    field_errors: Option<Expr>,
    oauth: Option<TokenStream>,
    retry_after: Option<Expr>,
    /// The JSON body, when it does not depend on the value.
    static_body: Option<Vec<u8>>,
    /// The challenge of an OAuth error with a fixed message: `Some(None)`
    /// when the status sends none.
    static_challenge: Option<Option<String>>,
}

impl Plan {
    fn new(
        input: &Input<'_>,
        variant: &Variant<'_>,
        bounds: &mut Bounds,
        display_span: Option<Span>,
    ) -> Plan {
        let kind = match (input.status_of(variant), variant.fields.as_slice()) {
            (Some(StatusValue::Code(code)), _) => PlanKind::Own(Box::new(Own::new(
                input,
                variant,
                code,
                bounds,
                display_span,
            ))),
            (_, [field]) => {
                bounds.require(field.ty, quote!(::api_status::ApiError));
                let ty = field.ty;
                PlanKind::Transparent {
                    inner: field.member.clone(),
                    api: quote!(<#ty as ::api_status::ApiError>),
                }
            }
            // The checks let only a transparent variant with one field reach
            // this match, so this arm is never taken; it keeps the macro free
            // of panics all the same.
            _ => PlanKind::Own(Box::new(Own::new(
                input,
                variant,
                500,
                bounds,
                display_span,
            ))),
        };
        let path = if input.is_enum {
            let ident = variant.ident;
            quote!(Self::#ident)
        } else {
            quote!(Self)
        };
        Plan { path, kind }
    }
}

impl Own {
    fn new(
        input: &Input<'_>,
        variant: &Variant<'_>,
        code: u16,
        bounds: &mut Bounds,
        display_span: Option<Span>,
    ) -> Own {
        let source = plan_message(input, variant);
        let (message, write_message) = match &source {
            MessageSource::Literal(text) => (
                Expr::of(quote!(::api_status::__private::Cow::Borrowed(#text))),
                Expr::of(quote!(::core::fmt::Write::write_str(__out, #text))),
            ),
            MessageSource::Format => format_message(variant, bounds),
            MessageSource::Display => {
                let span = display_span.unwrap_or_else(|| variant.ident.span());
                (
                    Expr::of(
                        quote_spanned!(span=> ::api_status::__private::DisplayMessage::display_string(self)),
                    ),
                    Expr::of(
                        quote_spanned!(span=> ::api_status::__private::DisplayMessage::write_display(self, __out)),
                    ),
                )
            }
        };
        let field_errors = variant.field_errors_field().map(|field| {
            let ty = field.ty;
            bounds.require(ty, quote!(::api_status::IntoFieldErrors));
            let binding = binding(&field.member);
            Expr {
                tokens: quote_spanned!(type_span(ty)=> ::api_status::__private::field_errors::<#ty>(#binding)),
                fields: vec![field.member.clone()],
            }
        });
        let oauth_code = variant.attrs.oauth.as_ref().and_then(|oauth| oauth.code);
        let oauth = oauth_code.map(|(_, variant_name)| {
            let variant_name = Ident::new(variant_name, Span::call_site());
            quote!(::api_status::OAuthErrorCode::#variant_name)
        });
        let retry_after = match (&variant.attrs.retry_after, variant.retry_after_field()) {
            (Some(attr), _) => attr.seconds.map(|seconds| Expr::of(quote!(#seconds))),
            (None, Some(field)) => {
                let ty = field.ty;
                bounds.require(ty, quote!(::api_status::__private::RetryAfterSeconds));
                let binding = binding(&field.member);
                Some(Expr {
                    tokens: quote_spanned!(type_span(ty)=> ::api_status::__private::retry_after_seconds::<#ty>(#binding)),
                    fields: vec![field.member.clone()],
                })
            }
            (None, None) => None,
        };
        let literal = match &source {
            MessageSource::Literal(text) if field_errors.is_none() => Some(text.as_str()),
            _ => None,
        };
        let static_body =
            literal.map(|text| wire::static_body(text, oauth_code.map(|(wire, _)| wire)));
        let static_challenge = match (literal, oauth_code) {
            (Some(text), Some((wire, _))) => {
                Some(challenged(code, wire).then(|| wire::static_challenge(wire, text)))
            }
            _ => None,
        };
        Own {
            code,
            message,
            write_message,
            dynamic_message: !matches!(source, MessageSource::Literal(_)),
            field_errors,
            oauth,
            retry_after,
            static_body,
            static_challenge,
        }
    }
}

/// Whether an OAuth error with this status and code sends a challenge: every
/// 401; a 400 or 403 for RFC 6750's codes.
fn challenged(code: u16, wire: &str) -> bool {
    code == 401
        || matches!(
            wire,
            "invalid_request" | "invalid_token" | "insufficient_scope"
        )
}

/// `message()` and `write_message()` for a `#[message]` that interpolates.
fn format_message(variant: &Variant<'_>, bounds: &mut Bounds) -> (Expr, Expr) {
    let (Some(template), Some(attr)) = (&variant.template, &variant.attrs.message) else {
        return (Expr::of(TokenStream::new()), Expr::of(TokenStream::new()));
    };
    let format = LitStr::new(&template.positional, attr.format.span());
    let mut args = Vec::with_capacity(template.args.len());
    let mut fields = Vec::with_capacity(template.args.len());
    for arg in &template.args {
        if let Some(field) = variant
            .fields
            .iter()
            .find(|field| field.member == arg.member)
        {
            let format_trait = Ident::new(arg.format_trait.name(), Span::call_site());
            bounds.require(field.ty, quote!(::core::fmt::#format_trait));
        }
        args.push(binding(&arg.member));
        if !fields.contains(&arg.member) {
            fields.push(arg.member.clone());
        }
    }
    (
        Expr {
            tokens: quote!(::api_status::__private::format_message(
                ::core::format_args!(#format #(, #args)*)
            )),
            fields: fields.clone(),
        },
        Expr {
            tokens: quote!(::core::fmt::Write::write_fmt(
                __out,
                ::core::format_args!(#format #(, #args)*)
            )),
            fields,
        },
    )
}

/// The local a field is bound to in a match arm: `__field_id`, `__field_0`.
fn binding(member: &Member) -> Ident {
    match member {
        Member::Named(ident) => format_ident!("__field_{}", ident),
        Member::Unnamed(index) => format_ident!("__field_{}", index.index),
    }
}

fn type_span(ty: &Type) -> Span {
    syn::spanned::Spanned::span(ty)
}

/// The methods of the `ApiError` impl, one `match` each.
struct Methods<'a> {
    plans: &'a [Plan],
}

impl Methods<'_> {
    fn api_error_body(&self) -> TokenStream {
        let any_transparent = self
            .plans
            .iter()
            .any(|plan| matches!(plan.kind, PlanKind::Transparent { .. }));
        let any = |has: fn(&Own) -> bool| {
            any_transparent
                || self.plans.iter().any(|plan| match &plan.kind {
                    PlanKind::Own(own) => has(own),
                    PlanKind::Transparent { .. } => false,
                })
        };
        let none = quote!(::core::option::Option::None);

        let status = self.method(
            quote!(fn status(&self) -> ::api_status::http::StatusCode),
            |api, inner| quote!(#api::status(#inner)),
            |own| {
                let code = own.code;
                Some(Expr::of(quote!(::api_status::__private::status(#code))))
            },
            None,
        );
        let message = self.method(
            quote!(fn message(&self) -> ::api_status::__private::Cow<'_, str>),
            |api, inner| quote!(#api::message(#inner)),
            |own| Some(own.message.clone()),
            None,
        );
        // A fixed message is written by the trait's default, from `message()`.
        let write_message = any(|own| own.dynamic_message).then(|| {
            self.method(
                quote!(fn write_message(&self, __out: &mut dyn ::core::fmt::Write) -> ::core::fmt::Result),
                |api, inner| quote!(#api::write_message(#inner, __out)),
                |own| own.dynamic_message.then(|| own.write_message.clone()),
                Some(quote!(::core::fmt::Write::write_str(__out, &::api_status::ApiError::message(self)))),
            )
        });
        let field_errors = any(|own| own.field_errors.is_some()).then(|| {
            self.method(
                quote!(fn field_errors(&self) -> ::core::option::Option<::api_status::__private::Cow<'_, ::api_status::FieldErrors>>),
                |api, inner| quote!(#api::field_errors(#inner)),
                |own| own.field_errors.clone(),
                Some(none.clone()),
            )
        });
        let oauth_error = any(|own| own.oauth.is_some()).then(|| {
            self.method(
                quote!(fn oauth_error(&self) -> ::core::option::Option<::api_status::OAuthErrorCode>),
                |api, inner| quote!(#api::oauth_error(#inner)),
                |own| {
                    own.oauth
                        .as_ref()
                        .map(|code| Expr::of(quote!(::core::option::Option::Some(#code))))
                },
                Some(none.clone()),
            )
        });
        let retry_after = any(|own| own.retry_after.is_some()).then(|| {
            self.method(
                quote!(fn retry_after(&self) -> ::core::option::Option<u64>),
                |api, inner| quote!(#api::retry_after(#inner)),
                |own| {
                    own.retry_after.as_ref().map(|seconds| {
                        let tokens = &seconds.tokens;
                        Expr {
                            tokens: quote!(::core::option::Option::Some(#tokens)),
                            fields: seconds.fields.clone(),
                        }
                    })
                },
                Some(none.clone()),
            )
        });
        let www_authenticate = any(|own| own.static_challenge.is_some()).then(|| {
            self.method(
                quote!(fn www_authenticate(&self) -> ::core::option::Option<::api_status::http::HeaderValue>),
                |api, inner| quote!(#api::www_authenticate(#inner)),
                |own| match &own.static_challenge {
                    Some(Some(challenge)) => Some(Expr::of(quote! {
                        ::core::option::Option::Some(::api_status::http::HeaderValue::from_static(#challenge))
                    })),
                    Some(None) => Some(Expr::of(none.clone())),
                    None => None,
                },
                Some(quote!(::api_status::__private::challenge(self))),
            )
        });
        let body = self.method(
            quote!(fn body(&self) -> ::api_status::bytes::Bytes),
            |api, inner| quote!(#api::body(#inner)),
            |own| {
                own.static_body.as_ref().map(|bytes| {
                    let bytes = LitByteStr::new(bytes, Span::call_site());
                    Expr::of(quote!(::api_status::bytes::Bytes::from_static(#bytes)))
                })
            },
            Some(quote!(::api_status::__private::encode_body(self))),
        );
        let to_response = any_transparent.then(|| {
            self.method(
                quote!(fn to_response(&self) -> ::api_status::http::Response<::api_status::bytes::Bytes>),
                |api, inner| quote!(#api::to_response(#inner)),
                |_| None,
                Some(quote!(::api_status::__private::build_response(self))),
            )
        });
        quote! {
            #status
            #message
            #write_message
            #field_errors
            #oauth_error
            #retry_after
            #www_authenticate
            #body
            #to_response
        }
    }

    /// One method: a `match self` with an arm per variant that has
    /// something of its own to say, binding only the fields its expression
    /// reads. Variants that say the same thing without reading a field share
    /// one arm, and those that `own` leaves to `default` share a final `_`:
    /// fewer arms for the compiler to check on a large enum.
    fn method(
        &self,
        signature: TokenStream,
        transparent: impl Fn(&TokenStream, &Ident) -> TokenStream,
        own: impl Fn(&Own) -> Option<Expr>,
        default: Option<TokenStream>,
    ) -> TokenStream {
        if self.plans.is_empty() {
            return quote! {
                #[inline]
                #signature {
                    match *self {}
                }
            };
        }
        let mut arms: Vec<Arm> = Vec::new();
        let mut defaulted = false;
        for plan in self.plans {
            let path = &plan.path;
            let expr = match &plan.kind {
                PlanKind::Transparent { inner, api } => Expr {
                    tokens: transparent(api, &binding(inner)),
                    fields: vec![inner.clone()],
                },
                PlanKind::Own(data) => match (own(data), &default) {
                    (Some(expr), _) => expr,
                    (None, Some(_)) => {
                        defaulted = true;
                        continue;
                    }
                    (None, None) => Expr::of(TokenStream::new()),
                },
            };
            let bindings = expr.fields.iter().map(|member| {
                let binding = binding(member);
                quote!(#member: #binding)
            });
            let pattern = quote!(#path { #(#bindings,)* .. });
            // Only arms that bind nothing can share: the alternatives of an
            // or-pattern must bind the same names at the same types.
            let key = expr.fields.is_empty().then(|| expr.tokens.to_string());
            match arms
                .iter_mut()
                .find(|arm| arm.key.is_some() && arm.key == key)
            {
                Some(arm) => arm.patterns.push(pattern),
                None => arms.push(Arm {
                    key,
                    patterns: vec![pattern],
                    tokens: expr.tokens,
                }),
            }
        }
        let arms = arms.iter().map(|arm| {
            let (patterns, tokens) = (&arm.patterns, &arm.tokens);
            quote!(#(#patterns)|* => #tokens,)
        });
        let fallback = default
            .filter(|_| defaulted)
            .map(|default| quote!(_ => #default,));
        quote! {
            #[inline]
            #signature {
                match self {
                    #(#arms)*
                    #fallback
                }
            }
        }
    }
}

/// One arm of a generated `match`: patterns that share an expression.
struct Arm {
    /// The expression as text, when the arm binds nothing and can be shared.
    key: Option<String>,
    patterns: Vec<TokenStream>,
    tokens: TokenStream,
}
