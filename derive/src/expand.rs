//! Code generation from a model that the checks have passed: it may assume
//! every variant has a valid status and consistent attributes.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::{Ident, LitByteStr, LitStr, Member, Type};

use crate::ast::{Input, Variant};
use crate::attr::StatusValue;
use crate::generics::Bounds;
use crate::message::Segment;
use crate::{status, wire, wire_problem};

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
    let lookup_fn = methods.lookup_fn();
    let where_clause = bounds.where_clause(generics);
    let (impl_generics, _, _) = generics.split_for_impl();
    let inherent = quote! {
        #[automatically_derived]
        impl #impl_generics #self_ty #where_clause {
            #lookup_fn
        }
    };
    let impls = finish(input, api_error, &where_clause);
    quote! {
        #inherent
        #impls
    }
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
    let openapi = crate::expand_openapi::hook(input, &self_ty, where_clause);
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

        #openapi
    }
}

/// Where a variant's public message comes from.
pub(crate) enum MessageSource {
    /// A fixed text: a literal `#[message]`, or a 5xx reason phrase.
    Literal(String),
    /// A `#[message]` that interpolates fields.
    Format,
    /// The value's `Display` (4xx without `#[message]`).
    Display,
}

pub(crate) fn plan_message(input: &Input<'_>, variant: &Variant<'_>) -> MessageSource {
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
    /// Everything comes from the one field, as the `Lookup` expression
    /// `lookup` (spanned at the field's type, where a missing `ApiError`
    /// is reported).
    Transparent {
        lookup: Expr,
        /// `<FieldType as ::api_status::ApiError>::to_response(field)`:
        /// the response itself without the `Lookup`'s dynamic dispatch.
        to_response: Expr,
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

/// A variant with a status of its own.
struct Own {
    /// `Fixed { .. }`: the facts that do not depend on the value, an
    /// element of the type's one `static` array of them.
    fixed: TokenStream,
    /// `__api_status_message(__out)`, when the message is formatted (from
    /// fields or `Display`) rather than fixed.
    write_message: Option<Expr>,
    field_errors: Option<Expr>,
    /// The seconds of a `#[retry_after]` field.
    retry_after_field: Option<Expr>,
    has_oauth: bool,
    has_retry_after: bool,
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
                let ty = field.ty;
                bounds.require(ty, quote!(::api_status::ApiError));
                let binding = binding(&field.member);
                PlanKind::Transparent {
                    lookup: Expr {
                        tokens: quote_spanned!(type_span(ty)=> ::api_status::__private::inner::<#ty>(#binding)),
                        fields: vec![field.member.clone()],
                    },
                    to_response: Expr {
                        tokens: quote!(<#ty as ::api_status::ApiError>::to_response(#binding)),
                        fields: vec![field.member.clone()],
                    },
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
        let write_message = match &source {
            MessageSource::Literal(_) => None,
            MessageSource::Format => Some(format_message(variant, bounds)),
            MessageSource::Display => {
                let span = display_span.unwrap_or_else(|| variant.ident.span());
                Some(Expr::of(
                    quote_spanned!(span=> ::api_status::__private::DisplayMessage::write_display(self, __out)),
                ))
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
        let retry_after_field = variant
            .retry_after_field()
            .filter(|_| variant.attrs.retry_after.is_none())
            .map(|field| {
                let ty = field.ty;
                bounds.require(ty, quote!(::api_status::__private::RetryAfterSeconds));
                let binding = binding(&field.member);
                Expr {
                    tokens: quote_spanned!(type_span(ty)=> ::api_status::__private::retry_after_seconds::<#ty>(#binding)),
                    fields: vec![field.member.clone()],
                }
            });
        let oauth_code = variant.attrs.oauth.as_ref().and_then(|oauth| oauth.code);
        let retry_after_seconds = variant
            .attrs
            .retry_after
            .as_ref()
            .and_then(|attr| attr.seconds);

        let message = match &source {
            MessageSource::Literal(text) => Some(text.as_str()),
            _ => None,
        };
        // The body is fixed when the message is and no field errors join it.
        let body = message
            .filter(|_| field_errors.is_none())
            .map(|text| wire::static_body(text, oauth_code.map(|(wire, _)| wire)));
        // The challenge is fixed unless an OAuth description is formatted.
        let challenge = match (oauth_code, message) {
            (None, _) => Some((code == 401).then(|| String::from("Bearer"))),
            (Some((wire, _)), Some(text)) => {
                Some(challenged(code, wire).then(|| wire::static_challenge(wire, text)))
            }
            (Some((wire, _)), None) if !challenged(code, wire) => Some(None),
            (Some(_), None) => None,
        };

        // As the source spells them, without a raw identifier's `r#`.
        let unraw = |ident: &Ident| ident.to_string().trim_start_matches("r#").to_owned();
        let name = match input.is_enum {
            true => format!("{}::{}", unraw(&input.original.ident), unraw(variant.ident)),
            false => unraw(&input.original.ident),
        };
        // problem+json (RFC 9457): `about:blank` and the reason phrase
        // unless `#[problem]` says otherwise; the body fixed when the JSON
        // body is.
        let problem = variant.attrs.problem.as_ref();
        let problem_type = problem
            .and_then(|problem| problem.problem_type.clone())
            .unwrap_or_else(|| String::from("about:blank"));
        let problem_title = problem
            .and_then(|problem| problem.title.clone())
            .unwrap_or_else(|| String::from(wire_problem::default_title(code)));
        let problem_prefix = wire_problem::problem_prefix(&problem_type, &problem_title, code);
        let problem_body = message.filter(|_| field_errors.is_none()).map(|text| {
            wire_problem::static_problem_body(
                &problem_type,
                &problem_title,
                code,
                text,
                oauth_code.map(|(wire, _)| wire),
            )
        });

        let fixed = FixedFacts {
            problem_prefix,
            problem_type,
            problem_title,
            problem_body,
            code,
            name: &name,
            message,
            oauth_variant: oauth_code.map(|(_, variant_name)| variant_name),
            retry_after: retry_after_seconds,
            retry_after_field: retry_after_field.is_some(),
            body,
            challenge,
        };
        let fixed = fixed.to_tokens();
        Own {
            fixed,
            write_message,
            field_errors,
            has_oauth: oauth_code.is_some(),
            has_retry_after: retry_after_seconds.is_some() || retry_after_field.is_some(),
            retry_after_field,
        }
    }
}

/// What the macro knows of a variant whose status is its own, whatever the
/// value: it becomes the runtime's `Fixed`, in a `static`.
struct FixedFacts<'a> {
    /// `#[problem(type)]`, or `about:blank`.
    problem_type: String,
    /// `#[problem(title)]`, or the reason phrase.
    problem_title: String,
    /// The problem+json body, when it does not depend on the value.
    problem_body: Option<Vec<u8>>,
    /// The problem+json body up to the detail's opening quote.
    problem_prefix: Vec<u8>,
    code: u16,
    /// `Type::Variant`, or `Type` for a struct, for the `tracing` event.
    name: &'a str,
    /// The message, when it is fixed.
    message: Option<&'a str>,
    /// The `OAuthErrorCode` variant of `#[oauth]`.
    oauth_variant: Option<&'static str>,
    retry_after: Option<u64>,
    retry_after_field: bool,
    /// The JSON body, when it does not depend on the value.
    body: Option<Vec<u8>>,
    /// The `WWW-Authenticate` value, when it does not depend on the value.
    challenge: Option<Option<String>>,
}

impl FixedFacts<'_> {
    /// The facts as a `Fixed` expression.
    fn to_tokens(&self) -> TokenStream {
        let some = |tokens: TokenStream| quote!(::core::option::Option::Some(#tokens));
        let none = quote!(::core::option::Option::None);
        let code = self.code;
        let name = self.name;
        let message = self
            .message
            .map_or(none.clone(), |text| some(quote!(#text)));
        let oauth = self.oauth_variant.map_or(none.clone(), |variant_name| {
            let variant_name = Ident::new(variant_name, Span::call_site());
            some(quote!(::api_status::OAuthErrorCode::#variant_name))
        });
        let retry_after = self
            .retry_after
            .map_or(none.clone(), |seconds| some(quote!(#seconds)));
        let retry_after_field = self.retry_after_field;
        let body = self.body.as_ref().map_or(none.clone(), |bytes| {
            let bytes = LitByteStr::new(bytes, Span::call_site());
            some(quote!(#bytes))
        });
        let challenge = self.challenge.as_ref().map_or(none.clone(), |challenge| {
            some(challenge.as_ref().map_or(none.clone(), |value| {
                some(quote!(::api_status::http::HeaderValue::from_static(#value)))
            }))
        });
        let problem_type = &self.problem_type;
        let problem_title = &self.problem_title;
        let problem_body = self.problem_body.as_ref().map_or(none.clone(), |bytes| {
            let bytes = LitByteStr::new(bytes, Span::call_site());
            some(quote!(#bytes))
        });
        let problem_prefix = LitByteStr::new(&self.problem_prefix, Span::call_site());
        quote! {
            ::api_status::__private::Fixed {
                problem_prefix: #problem_prefix,
                problem_type: #problem_type,
                problem_title: #problem_title,
                problem_body: #problem_body,
                status: ::api_status::__private::status_const(#code),
                name: #name,
                message: #message,
                oauth: #oauth,
                retry_after: #retry_after,
                retry_after_field: #retry_after_field,
                body: #body,
                challenge: #challenge,
            }
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

/// `__api_status_message(__out)` for a `#[message]` that interpolates
/// fields: each literal segment handed over as written and JSON-escaped (by
/// the macro, once), each field as itself: integers without `core::fmt`
/// (`Arg`), a format spec through `format_args!`.
fn format_message(variant: &Variant<'_>, bounds: &mut Bounds) -> Expr {
    let (Some(template), Some(attr)) = (&variant.template, &variant.attrs.message) else {
        return Expr::of(TokenStream::new());
    };
    let span = attr.format.span();
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
        if !fields.contains(&arg.member) {
            fields.push(arg.member.clone());
        }
    }
    let writes = template
        .segments
        .iter()
        .filter_map(|segment| match segment {
            Segment::Literal(text) => {
                let mut json = String::with_capacity(text.len());
                wire::escape_into(&mut json, text);
                Some(quote!(::api_status::__private::MessageSink::literal(__out, #text, #json)))
            }
            Segment::Arg { index, spec } => {
                let binding = binding(&template.args.get(*index)?.member);
                Some(match spec {
                    // Spanned at the `#[message]` literal, where a field
                    // that is not `Display` is reported.
                    None => quote_spanned!(span=> (&::api_status::__private::Arg(#binding)).write_arg(__out)),
                    Some(spec) => {
                        let format = LitStr::new(&format!("{{:{spec}}}"), span);
                        quote!(::api_status::__private::MessageSink::args(
                            __out,
                            ::core::format_args!(#format, #binding)
                        ))
                    }
                })
            }
        });
    Expr {
        tokens: quote!({ #(#writes;)* }),
        fields,
    }
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

/// The generated methods: one `match` from the value to its variant's
/// `Lookup`, and `match`es only over the variants that read their fields.
struct Methods<'a> {
    plans: &'a [Plan],
}

/// The call that answers from the variant's `Lookup`.
const LOOKUP: &str = "__api_status_lookup";

impl Methods<'_> {
    /// The inherent method that finds a value's `Lookup`: the facts of
    /// every variant with its own status in one `static` array (one item
    /// for the compiler to check, not one per variant), and a `match` from
    /// the variant to its element.
    fn lookup_fn(&self) -> TokenStream {
        let lookup = Ident::new(LOOKUP, Span::call_site());
        let facts: Vec<&TokenStream> = self
            .plans
            .iter()
            .filter_map(|plan| match &plan.kind {
                PlanKind::Own(own) => Some(&own.fixed),
                PlanKind::Transparent { .. } => None,
            })
            .collect();
        let count = facts.len();
        let mut next = 0usize;
        let indices: Vec<Option<usize>> = self
            .plans
            .iter()
            .map(|plan| match &plan.kind {
                PlanKind::Own(_) => {
                    next += 1;
                    Some(next - 1)
                }
                PlanKind::Transparent { .. } => None,
            })
            .collect();
        let body = self.dispatch_indexed(|index, plan| match &plan.kind {
            PlanKind::Transparent { lookup, .. } => Some(lookup.clone()),
            // A constant index into an array of known length: checked when
            // the user's crate compiles, never at run time.
            PlanKind::Own(_) => indices.get(index).copied().flatten().map(|index| {
                Expr::of(quote!(::api_status::__private::Lookup::Own(&__API_STATUS_FIXED[#index])))
            }),
        });
        let facts = (count > 0).then(|| {
            quote! {
                static __API_STATUS_FIXED: [::api_status::__private::Fixed; #count] = [#(#facts),*];
            }
        });
        quote! {
            #[doc(hidden)]
            #[inline]
            fn #lookup(&self) -> ::api_status::__private::Lookup<'_> {
                #facts
                #body
            }
        }
    }

    fn api_error_body(&self) -> TokenStream {
        let lookup = Ident::new(LOOKUP, Span::call_site());
        let lookup = quote!(self.#lookup());
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
        let own = |plan: &Plan, pick: fn(&Own) -> Option<Expr>| match &plan.kind {
            PlanKind::Own(own) => pick(own),
            PlanKind::Transparent { .. } => None,
        };

        // The message in pieces (`__api_status_message`), which
        // `write_message` hands as they are to its `fmt::Write`; without a
        // formatted message, both straight from the `Lookup`.
        let formatted = self.plans.iter().any(|plan| match &plan.kind {
            PlanKind::Own(own) => own.write_message.is_some(),
            PlanKind::Transparent { .. } => false,
        });
        let (write_message, message_pieces) = if !formatted {
            (
                quote!(#lookup.write_message(__out)),
                quote!(#lookup.write_message_to(__out)),
            )
        } else {
            let pieces = self.dispatch(
                |plan| own(plan, |own| own.write_message.clone()),
                quote!(#lookup.write_message_to(__out)),
            );
            (
                quote!(::api_status::__private::write_message(self, __out)),
                quote! {
                    #[allow(unused_imports)]
                    use ::api_status::__private::{DisplayArg as _, IntegerArg as _};
                    #pieces
                },
            )
        };
        let field_errors = any(|own| own.field_errors.is_some()).then(|| {
            let body = self.dispatch(
                |plan| own(plan, |own| own.field_errors.clone()),
                quote!(#lookup.field_errors()),
            );
            quote! {
                #[inline]
                fn field_errors(&self) -> ::core::option::Option<::api_status::__private::Cow<'_, ::api_status::FieldErrors>> {
                    #body
                }
            }
        });
        let oauth_error = any(|own| own.has_oauth).then(|| {
            quote! {
                #[inline]
                fn oauth_error(&self) -> ::core::option::Option<::api_status::OAuthErrorCode> {
                    #lookup.oauth_error()
                }
            }
        });
        let retry_after = any(|own| own.has_retry_after).then(|| {
            let body = self.dispatch(
                |plan| {
                    own(plan, |own| {
                        own.retry_after_field.as_ref().map(|seconds| {
                            let tokens = &seconds.tokens;
                            Expr {
                                tokens: quote!(::core::option::Option::Some(#tokens)),
                                fields: seconds.fields.clone(),
                            }
                        })
                    })
                },
                quote!(#lookup.retry_after()),
            );
            quote! {
                #[inline]
                fn retry_after(&self) -> ::core::option::Option<u64> {
                    #body
                }
            }
        });
        let to_response = self.dispatch(
            |plan| match &plan.kind {
                PlanKind::Transparent { to_response, .. } => Some(to_response.clone()),
                PlanKind::Own(_) => None,
            },
            quote!(#lookup.to_response(self)),
        );
        quote! {
            #[inline]
            fn status(&self) -> ::api_status::http::StatusCode {
                #lookup.status()
            }

            #[inline]
            fn message(&self) -> ::api_status::__private::Cow<'_, str> {
                #lookup.message(self)
            }

            #[inline]
            fn write_message(&self, __out: &mut dyn ::core::fmt::Write) -> ::core::fmt::Result {
                #write_message
            }

            #field_errors
            #oauth_error
            #retry_after

            #[inline]
            fn www_authenticate(&self) -> ::core::option::Option<::api_status::http::HeaderValue> {
                #lookup.www_authenticate(self)
            }

            #[inline]
            fn body(&self) -> ::api_status::bytes::Bytes {
                #lookup.body(self)
            }

            #[inline]
            fn to_response(&self) -> ::api_status::http::Response<::api_status::bytes::Bytes> {
                #to_response
            }

            #[doc(hidden)]
            #[inline]
            fn __api_status_detail(&self) -> ::api_status::__private::Detail<'_> {
                ::api_status::__private::detail!(self)
            }

            #[doc(hidden)]
            #[inline]
            fn __api_status_message(&self, __out: &mut ::api_status::__private::MessageSink<'_>) {
                #message_pieces
            }

            #[doc(hidden)]
            #[inline]
            fn __api_status_name(&self) -> &'static str {
                #lookup.name()
            }

            #[inline]
            fn problem_type(&self) -> &str {
                #lookup.problem_type()
            }

            #[inline]
            fn problem_title(&self) -> &str {
                #lookup.problem_title()
            }

            #[inline]
            fn problem_body(&self) -> ::api_status::bytes::Bytes {
                #lookup.problem_body(self)
            }

            #[inline]
            fn to_response_in(
                &self,
                __format: ::api_status::Format,
            ) -> ::api_status::http::Response<::api_status::bytes::Bytes> {
                #lookup.to_response_in(self, __format)
            }
        }
    }

    /// A `match self` with an arm for each variant that `arm` has something
    /// to say for, binding only the fields its expression reads; variants
    /// that say the same thing without reading a field share one arm, and
    /// the others share a final `_ => default`. Without any arm, just
    /// `default`: fewer arms for the compiler to check on a large enum.
    fn dispatch(&self, arm: impl Fn(&Plan) -> Option<Expr>, default: TokenStream) -> TokenStream {
        self.dispatch_with(|_, plan| arm(plan), default, true)
    }

    /// [`dispatch`](Methods::dispatch) with an arm for every variant,
    /// `arm` given the variant's position too, for arms that all differ:
    /// none is compared with the others (which, as text, costs the macro
    /// more than anything else on a large enum).
    fn dispatch_indexed(&self, arm: impl Fn(usize, &Plan) -> Option<Expr>) -> TokenStream {
        self.dispatch_with(arm, TokenStream::new(), false)
    }

    fn dispatch_with(
        &self,
        arm: impl Fn(usize, &Plan) -> Option<Expr>,
        default: TokenStream,
        share: bool,
    ) -> TokenStream {
        if self.plans.is_empty() {
            return quote!(match *self {});
        }
        let mut arms: Vec<Arm> = Vec::new();
        let mut defaulted = false;
        for (index, plan) in self.plans.iter().enumerate() {
            let Some(expr) = arm(index, plan) else {
                defaulted = true;
                continue;
            };
            let path = &plan.path;
            let bindings = expr.fields.iter().map(|member| {
                let binding = binding(member);
                quote!(#member: #binding)
            });
            let pattern = quote!(#path { #(#bindings,)* .. });
            // Only arms that bind nothing can share: the alternatives of an
            // or-pattern must bind the same names at the same types.
            let key = (share && expr.fields.is_empty()).then(|| expr.tokens.to_string());
            let shared = match &key {
                Some(key) => arms.iter_mut().find(|arm| arm.key.as_ref() == Some(key)),
                None => None,
            };
            match shared {
                Some(arm) => arm.patterns.push(pattern),
                None => arms.push(Arm {
                    key,
                    patterns: vec![pattern],
                    tokens: expr.tokens,
                }),
            }
        }
        if arms.is_empty() {
            return default;
        }
        let arms = arms.iter().map(|arm| {
            let (patterns, tokens) = (&arm.patterns, &arm.tokens);
            quote!(#(#patterns)|* => #tokens,)
        });
        let fallback = defaulted.then(|| quote!(_ => #default,));
        quote! {
            match self {
                #(#arms)*
                #fallback
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
