//! Code generation from a model that the checks have passed: it may assume
//! every variant has a valid status and consistent attributes.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::{Ident, LitStr, Member, Type};

use crate::ast::{Input, Variant};
use crate::attr::StatusValue;
use crate::generics::Bounds;
use crate::message::{Segment, Template};
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
        // Located at the variant (where a missing `Display` is reported),
        // resolved at the call site: the call names `self` and `__out`,
        // which a variant from a `macro_rules!` caller's tokens could not.
        .map(|variant| variant.ident.span().resolved_at(Span::call_site()));
    if display_span.is_some() {
        bounds.require_self(&self_ty, quote!(::core::fmt::Display));
    }
    let plans: Vec<Plan> = input
        .variants
        .iter()
        .map(|variant| Plan::new(input, variant, &mut bounds))
        .collect();
    let methods = Methods {
        plans: &plans,
        display_span,
    };
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
    let openapi = openapi_hook(input, &self_ty, where_clause);
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

/// The OpenAPI hook (`derive/src/expand_openapi.rs`), when the runtime's
/// `utoipa` feature has turned on the derive's.
#[cfg(feature = "utoipa")]
fn openapi_hook(
    input: &Input<'_>,
    self_ty: &TokenStream,
    where_clause: &TokenStream,
) -> TokenStream {
    crate::expand_openapi::hook(input, self_ty, where_clause)
}

/// Without the `utoipa` feature: no hook, and none of the work of its
/// facts on every variant.
#[cfg(not(feature = "utoipa"))]
fn openapi_hook(_: &Input<'_>, _: &TokenStream, _: &TokenStream) -> TokenStream {
    TokenStream::new()
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
    /// The same path as source text.
    path_text: String,
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
    /// Whether the expression was lexed from source text, where the names
    /// of the fields' bindings have the call site's hygiene: its arm's
    /// pattern binds them with that hygiene too (see [`binding_at`]).
    from_text: bool,
}

impl Expr {
    fn of(tokens: TokenStream) -> Expr {
        Expr {
            tokens,
            fields: Vec::new(),
            from_text: false,
        }
    }
}

/// A variant with a status of its own.
struct Own {
    /// The facts that do not depend on the value: an element of one of the
    /// type's `static` arrays.
    facts: FixedFacts,
    /// `__api_status_message(__out)`, when the message interpolates fields.
    write_message: Option<Expr>,
    /// Whether the message is the value's `Display`, which one call for
    /// every such variant writes.
    display: bool,
    field_errors: Option<Expr>,
    /// The seconds of a `#[retry_after]` field.
    retry_after_field: Option<Expr>,
    has_oauth: bool,
    has_retry_after: bool,
}

impl Plan {
    fn new(input: &Input<'_>, variant: &Variant<'_>, bounds: &mut Bounds) -> Plan {
        let kind = match (input.status_of(variant), variant.fields.as_slice()) {
            (Some(StatusValue::Code(code)), _) => {
                PlanKind::Own(Box::new(Own::new(input, variant, code, bounds)))
            }
            (_, [field]) => {
                let ty = &*crate::parse::parsed(field.ty);
                bounds.require(ty, quote!(::api_status::ApiError));
                let binding = binding(&field.member);
                PlanKind::Transparent {
                    lookup: Expr {
                        tokens: quote_spanned!(type_span(ty)=> ::api_status::__private::inner::<#ty>(#binding)),
                        fields: vec![field.member.clone()],
                        from_text: false,
                    },
                    to_response: Expr {
                        tokens: quote!(<#ty as ::api_status::ApiError>::to_response(#binding)),
                        fields: vec![field.member.clone()],
                        from_text: false,
                    },
                }
            }
            // The checks let only a transparent variant with one field reach
            // this match, so this arm is never taken; it keeps the macro free
            // of panics all the same.
            _ => PlanKind::Own(Box::new(Own::new(input, variant, 500, bounds))),
        };
        let (path, path_text) = if input.is_enum {
            let ident = variant.ident;
            // Raw in source text, which is lexed in the call site's
            // edition: a name that a macro of an older edition gave
            // (`async`, from 2015) may be a keyword there. Any name a
            // variant can have can be written raw.
            let text = format!("Self::r#{}", crate::ast::name_of(ident));
            (quote!(Self::#ident), text)
        } else {
            (quote!(Self), String::from("Self"))
        };
        Plan {
            path,
            path_text,
            kind,
        }
    }
}

impl Own {
    fn new(input: &Input<'_>, variant: &Variant<'_>, code: u16, bounds: &mut Bounds) -> Own {
        let source = plan_message(input, variant);
        let write_message = match &source {
            MessageSource::Format => Some(format_message(variant, bounds)),
            MessageSource::Literal(_) | MessageSource::Display => None,
        };
        let field_errors = variant.field_errors_field().map(|field| {
            let ty = &*crate::parse::parsed(field.ty);
            bounds.require(ty, quote!(::api_status::IntoFieldErrors));
            let binding = binding(&field.member);
            Expr {
                tokens: quote_spanned!(type_span(ty)=> ::api_status::__private::field_errors::<#ty>(#binding)),
                fields: vec![field.member.clone()],
                from_text: false,
            }
        });
        let retry_after_field = variant
            .retry_after_field()
            .filter(|_| variant.attrs.retry_after.is_none())
            .map(|field| {
                let ty = &*crate::parse::parsed(field.ty);
                bounds.require(ty, quote!(::api_status::__private::RetryAfterSeconds));
                let binding = binding(&field.member);
                Expr {
                    tokens: quote_spanned!(type_span(ty)=> ::api_status::__private::retry_after_seconds::<#ty>(#binding)),
                    fields: vec![field.member.clone()],
                    from_text: false,
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
        let oauth_wire = oauth_code.map(|(wire, _)| wire);
        // The bodies are fixed when the message is and no field errors
        // join it.
        let fixed_message = message.filter(|_| field_errors.is_none());
        let body = fixed_message.map(|text| wire::static_body(text, oauth_wire));
        // Whether the variant sends a challenge and whether it depends on
        // the value; the runtime writes it (and decides, for an OAuth code,
        // whether its status sends one at all).
        let challenge = match (oauth_code, message) {
            (None, _) if code == 401 => ChallengeFact::Fixed,
            (None, _) => ChallengeFact::None,
            (Some(_), Some(_)) => ChallengeFact::Fixed,
            (Some(_), None) => ChallengeFact::Formatted,
        };

        // As the source spells them, without a raw identifier's `r#`.
        let name = match input.is_enum {
            true => format!("{}::{}", input.name, crate::ast::name_of(variant.ident)),
            false => input.name.clone(),
        };
        // problem+json (RFC 9457): `about:blank` and the reason phrase
        // unless `#[problem]` says otherwise; the body fixed when the JSON
        // body is.
        let problem = variant.attrs.problem.as_ref();
        let problem_type = problem
            .and_then(|problem| problem.problem_type.clone())
            .unwrap_or_else(|| String::from(ABOUT_BLANK));
        let problem_title = problem.and_then(|problem| problem.title.clone());
        let title = problem_title
            .as_deref()
            .unwrap_or_else(|| wire_problem::default_title(code));
        let problem_body = fixed_message.map(|text| {
            wire_problem::static_problem_body(&problem_type, title, code, text, oauth_wire)
        });

        let extra = ExtraFacts {
            problem_prefix: problem
                .map(|_| wire_problem::problem_prefix(&problem_type, title, code)),
            problem_type,
            problem_title,
            oauth_variant: oauth_code.map(|(_, variant_name)| variant_name),
            retry_after: retry_after_seconds,
            retry_after_field: retry_after_field.is_some(),
            challenge,
        };
        let facts = FixedFacts {
            code,
            name,
            message: message.map(str::to_owned),
            message_source: match source {
                MessageSource::Literal(_) => MESSAGE_FIXED,
                MessageSource::Format => MESSAGE_FORMATTED,
                MessageSource::Display => MESSAGE_DISPLAY,
            },
            body,
            problem_body,
            extra: (!extra.is_none()).then_some(extra),
        };
        Own {
            facts,
            write_message,
            display: matches!(source, MessageSource::Display),
            field_errors,
            has_oauth: oauth_code.is_some(),
            has_retry_after: retry_after_seconds.is_some() || retry_after_field.is_some(),
            retry_after_field,
        }
    }
}

/// The default problem type.
const ABOUT_BLANK: &str = "about:blank";

/// The runtime's `MESSAGE_FIXED`: the message is `Fixed::message`.
const MESSAGE_FIXED: u8 = 0;
/// The runtime's `MESSAGE_FORMATTED`: `__api_status_message` interpolates it.
const MESSAGE_FORMATTED: u8 = 1;
/// The runtime's `MESSAGE_DISPLAY`: the value's `Display`.
const MESSAGE_DISPLAY: u8 = 2;

/// What the macro knows of a variant whose status is its own, whatever the
/// value: it becomes the runtime's `Fixed` (or, with extra facts, `Full`),
/// in a `static` array (shared with the variants whose facts are the same),
/// and its name an element of the array of names.
struct FixedFacts {
    code: u16,
    /// `Type::Variant`, or `Type` for a struct, for the `tracing` event: in
    /// the array of names, not in the `Fixed`.
    name: String,
    /// The message, when it is fixed.
    message: Option<String>,
    /// `MESSAGE_FIXED`, `MESSAGE_FORMATTED` or `MESSAGE_DISPLAY`.
    message_source: u8,
    /// The JSON body, when it does not depend on the value.
    body: Option<String>,
    /// The problem+json body, when it does not depend on the value.
    problem_body: Option<String>,
    /// The facts few variants have, when this one has any.
    extra: Option<ExtraFacts>,
}

/// The runtime's `Extra`: the facts few variants have.
struct ExtraFacts {
    /// The `OAuthErrorCode` variant of `#[oauth]`.
    oauth_variant: Option<&'static str>,
    retry_after: Option<u64>,
    retry_after_field: bool,
    /// The runtime's `Challenge` variant.
    challenge: ChallengeFact,
    /// `#[problem(type)]`, or `about:blank`.
    problem_type: String,
    /// `#[problem(title)]`.
    problem_title: Option<String>,
    /// The problem+json body up to the detail's opening quote, for a
    /// `#[problem]`.
    problem_prefix: Option<String>,
}

/// The runtime's `Challenge`: whether a variant sends a `WWW-Authenticate`
/// challenge, and whether it depends on the value.
#[derive(Clone, Copy)]
enum ChallengeFact {
    None,
    Fixed,
    Formatted,
}

impl ExtraFacts {
    /// Whether these are the runtime's `Extra::NONE`.
    fn is_none(&self) -> bool {
        self.oauth_variant.is_none()
            && self.retry_after.is_none()
            && !self.retry_after_field
            && matches!(self.challenge, ChallengeFact::None)
            && self.problem_type == ABOUT_BLANK
            && self.problem_title.is_none()
            && self.problem_prefix.is_none()
    }

    /// Appends the facts as the source text of an `Extra` expression.
    fn write_source(&self, out: &mut String) {
        out.push_str("Extra{oauth: ");
        match self.oauth_variant {
            Some(variant_name) => {
                let _ = write!(out, "{SOME}(::api_status::OAuthErrorCode::{variant_name})");
            }
            None => out.push_str(NONE),
        }
        out.push_str(",retry_after: ");
        match self.retry_after {
            Some(seconds) => {
                let _ = write!(out, "{SOME}({seconds}u64)");
            }
            None => out.push_str(NONE),
        }
        let _ = write!(
            out,
            ",retry_after_field: {},challenge: ",
            self.retry_after_field
        );
        out.push_str(match self.challenge {
            ChallengeFact::None => "Challenge::None",
            ChallengeFact::Fixed => "Challenge::fixed()",
            ChallengeFact::Formatted => "Challenge::Formatted",
        });
        let _ = write!(
            out,
            ",problem_type: {:?},problem_title: ",
            self.problem_type
        );
        write_option_str(out, self.problem_title.as_deref());
        out.push_str(",problem_prefix: ");
        write_option_str(out, self.problem_prefix.as_deref());
        out.push('}');
    }
}

/// What makes two variants' plain facts the same: all of them but the
/// name.
type FactsKey<'a> = (u16, Option<&'a str>, Option<&'a str>, Option<&'a str>, u8);

impl FixedFacts {
    /// The facts two plain variants share when they are the same.
    fn key(&self) -> FactsKey<'_> {
        (
            self.code,
            self.message.as_deref(),
            self.body.as_deref(),
            self.problem_body.as_deref(),
            self.message_source,
        )
    }

    /// Appends the facts every variant has as the source text of a `Fixed`
    /// expression, its status named by the constant [`status_const`]
    /// declares.
    fn write_source(&self, out: &mut String) {
        let _ = write!(
            out,
            "Fixed{{status:{},message:{:?},body:{:?},problem_body:{:?},message_source:{}u8}}",
            status_const(self.code),
            self.message.as_deref().unwrap_or_default(),
            self.body.as_deref().unwrap_or_default(),
            self.problem_body.as_deref().unwrap_or_default(),
            self.message_source,
        );
    }
}

/// `::core::option::Option::Some`, in generated source text.
const SOME: &str = "::core::option::Option::Some";
/// `::core::option::Option::None`, in generated source text.
const NONE: &str = "::core::option::Option::None";

/// Appends an `Option<&'static str>` as source text.
fn write_option_str(out: &mut String, value: Option<&str>) {
    match value {
        Some(text) => {
            let _ = write!(out, "{SOME}({text:?})");
        }
        None => out.push_str(NONE),
    }
}

/// Turns generated source text into tokens, spanned at the call site as
/// `quote!` spans them. Inside the compiler, its own lexer reads the text:
/// `proc_macro2`'s `FromStr` would first check it with a lexer of its own,
/// which costs the macro more than building the tokens one by one.
///
/// The text is the macro's own: fixed templates around literals escaped by
/// `{:?}` (a valid Rust string literal), integers and identifiers, so it
/// always lexes, which every derive in the test suite checks. Were it not
/// to, the compiler would stop with its own internal error (rustc 1.95
/// reports a text its `from_str` cannot lex that way, rather than returning
/// the error); outside the compiler, the macro's `compile_error!`.
fn source_tokens(source: &str) -> TokenStream {
    let tokens = match proc_macro::is_available() {
        true => source
            .parse::<proc_macro::TokenStream>()
            .map(TokenStream::from)
            .ok(),
        // Outside a macro expansion (the crate's own unit tests).
        false => source.parse::<TokenStream>().ok(),
    };
    tokens.unwrap_or_else(|| {
        quote!(::core::compile_error!(
            "api-status: internal error: generated code did not lex; please report it"
        );)
    })
}

/// The local constant that holds the runtime's `Status` of `code` (the
/// `StatusCode` and the default problem+json prefix), one for each status
/// the type uses: `__API_STATUS_404`. A path to a constant costs the
/// compiler less in each element of the array than a call (which const
/// evaluation interprets) or a path through `StatusCode`, and the prefix is
/// spelled once for all the variants of a status.
fn status_const(code: u16) -> String {
    format!("__API_STATUS_{code}")
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
    let mut integers = Vec::new();
    for arg in &template.args {
        if let Some(field) = variant
            .fields
            .iter()
            .find(|field| field.member == arg.member)
        {
            if is_integer(field.ty) {
                integers.push(arg.member.clone());
            }
            if bounds.is_generic(field.ty) {
                let format_trait = Ident::new(arg.format_trait.name(), Span::call_site());
                bounds.require(field.ty, quote!(::core::fmt::#format_trait));
            }
        }
        if !fields.contains(&arg.member) {
            fields.push(arg.member.clone());
        }
    }
    match integer_pieces(template, &integers) {
        Some(source) => Expr {
            tokens: source_tokens(&source),
            fields,
            from_text: true,
        },
        None => Expr {
            tokens: message_writes(template, &integers, span),
            fields,
            from_text: false,
        },
    }
}

/// The whole message in one `MessageSink::pieces` call, as source text,
/// when every field it interpolates is an integer without a format spec:
/// its size is then known before it is written (the JSON of the literal
/// segments, computed here, and the integers' digits, each in a `Digits`
/// temporary of the same statement), so the JSON body is written straight
/// into a buffer of its exact size. `None` for any other message.
///
/// Source text, lexed by the compiler, costs the macro less than building
/// the tokens one by one. Only here: a call that can fail to compile (a
/// field that is not `Display`) is built as tokens, so that the compiler's
/// error points at the field in the variant's pattern; from source text,
/// it would point at the derive. (So would the error of a field whose type
/// is spelled like an integer and is not one: a type of the user's named
/// `u64`.) The arm binds the fields with the call site's hygiene, as the
/// text names them ([`Expr::from_text`]).
fn integer_pieces(template: &Template, integers: &[Member]) -> Option<String> {
    let mut out = String::from("::api_status::__private::MessageSink::pieces(__out,&[");
    for segment in &template.segments {
        match segment {
            Segment::Literal(text) => {
                let _ = write!(out, "({text:?},{:?}),", json_of(text));
            }
            Segment::Arg { index, spec: None } => {
                let arg = template.args.get(*index)?;
                if !integers.contains(&arg.member) {
                    return None;
                }
                let _ = write!(
                    out,
                    "::api_status::__private::IntegerArg::piece(&::api_status::__private::Arg({}),&mut ::api_status::__private::Digits::new()),",
                    binding_name(&arg.member)
                );
            }
            Segment::Arg { spec: Some(_), .. } => return None,
        }
    }
    out.push_str("])");
    Some(out)
}

/// The statements that write any other `#[message]`, each literal segment
/// handed over with the field that follows it, in one call: each call is a
/// basic block and borrows `__out` once more in the generated function,
/// which the compiler checks as a whole.
fn message_writes(template: &Template, integers: &[Member], span: Span) -> TokenStream {
    let mut writes = Vec::with_capacity(template.segments.len());
    let mut pending: Option<(&str, String)> = None;
    for segment in &template.segments {
        match segment {
            Segment::Literal(text) => pending = Some((text, json_of(text))),
            Segment::Arg { index, spec } => {
                let Some(arg) = template.args.get(*index) else {
                    continue;
                };
                let binding = binding(&arg.member);
                match spec {
                    // An integer's digits, without `core::fmt`.
                    None if integers.contains(&arg.member) => {
                        let (text, json) = pending.take().unwrap_or_default();
                        writes.push(quote!(::api_status::__private::IntegerArg::write_arg(&::api_status::__private::Arg(#binding), __out, #text, #json)));
                    }
                    // Any other field: its `Display`, through a function
                    // whose bound gives a field that is not `Display` the
                    // compiler's own error (one call, cheaper to compile
                    // than a `format_args!` in every arm).
                    None => {
                        let (text, json) = pending.take().unwrap_or_default();
                        writes.push(quote!(::api_status::__private::display_arg(#binding, __out, #text, #json)));
                    }
                    // A format spec: through `format_args!`, spanned at the
                    // `#[message]` literal.
                    Some(spec) => {
                        writes.extend(
                            pending
                                .take()
                                .map(|(text, json)| literal_write(text, &json)),
                        );
                        let format = LitStr::new(&format!("{{:{spec}}}"), span);
                        writes.push(quote!(::api_status::__private::MessageSink::args(
                            __out,
                            ::core::format_args!(#format, #binding)
                        )));
                    }
                }
            }
        }
    }
    writes.extend(pending.map(|(text, json)| literal_write(text, &json)));
    quote!({ #(#writes;)* })
}

/// A literal segment escaped as a JSON string's contents, once, by the
/// macro.
fn json_of(text: &str) -> String {
    let mut json = String::with_capacity(text.len());
    wire::escape_into(&mut json, text);
    json
}

/// Whether a field's type is written as a primitive integer, or a reference
/// to one: its digits are then written by `itoa`, without `core::fmt`.
/// Decided from the tokens, so that every other field, a generic one or an
/// alias included, goes through `Display` (and, when it has none, gets the
/// compiler's own error).
pub(crate) fn is_integer(ty: &Type) -> bool {
    const INTEGERS: [&str; 12] = [
        "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize",
    ];
    let ty = match ty {
        // Not `&mut`: the runtime writes the digits of an integer or of a
        // shared reference to one.
        Type::Reference(reference) if reference.mutability.is_none() => &*reference.elem,
        ty => ty,
    };
    match ty {
        Type::Path(path) if path.qself.is_none() => path
            .path
            .get_ident()
            .is_some_and(|ident| INTEGERS.iter().any(|name| ident == name)),
        _ => false,
    }
}

/// The name of the local a field is bound to in a match arm: `__field_id`
/// (for `r#id` too), `__field_0`. The one spelling of it, for tokens
/// ([`binding`], [`binding_at`]) and for source text alike.
fn binding_name(member: &Member) -> String {
    match member {
        Member::Named(ident) => format!("__field_{}", crate::ast::name_of(ident)),
        Member::Unnamed(index) => format!("__field_{}", index.index),
    }
}

/// The call that hands a literal segment of a `#[message]` to `__out`, as
/// written and JSON-escaped.
fn literal_write(text: &str, json: &str) -> TokenStream {
    quote!(::api_status::__private::MessageSink::literal(__out, #text, #json))
}

/// `path { field: __field_field, .. }`: a pattern that binds `fields`.
fn pattern(path: &TokenStream, expr: &Expr) -> TokenStream {
    let bindings = expr.fields.iter().map(|member| {
        let binding = match expr.from_text {
            true => binding_at(member, Span::call_site()),
            false => binding(member),
        };
        quote!(#member: #binding)
    });
    quote!(#path { #(#bindings,)* .. })
}

/// [`binding`] with the hygiene of `span`: the call site's, for an
/// expression lexed from source text. (A named field's own binding has the
/// field's name's, which a `macro_rules!` around the type may give another
/// context than the derive's call site.)
fn binding_at(member: &Member, span: Span) -> Ident {
    Ident::new(&binding_name(member), span)
}

/// The local a field is bound to in a match arm, spanned at the field's
/// name (where a bound the field does not meet is reported), or at the call
/// site for a tuple field.
fn binding(member: &Member) -> Ident {
    let span = match member {
        Member::Named(ident) => ident.span(),
        Member::Unnamed(_) => Span::call_site(),
    };
    binding_at(member, span)
}

fn type_span(ty: &Type) -> Span {
    syn::spanned::Spanned::span(ty)
}

/// The generated methods: one `match` from the value to its variant's
/// `Lookup`, and `match`es only over the variants that read their fields.
struct Methods<'a> {
    plans: &'a [Plan],
    /// Where a missing `Display` is reported: the first variant whose
    /// message it is, if any.
    display_span: Option<Span>,
}

/// The call that answers from the variant's `Lookup`.
const LOOKUP: &str = "__api_status_lookup";

impl Methods<'_> {
    /// The inherent method that finds a value's `Lookup`: the facts of
    /// every variant with its own status in `static` arrays (one item for
    /// the compiler to check, not one per variant): `__API_STATUS_FIXED`
    /// (each plain facts once), then `__API_STATUS_FULL` for the variants
    /// with extra facts, and `__API_STATUS_NAMES`; and a `match` from the
    /// variant to its number (its facts' index and its name's), a literal
    /// in each arm (a transparent variant's arm returns its field's
    /// `Lookup`). All of it but the transparent arms is source text, lexed
    /// once.
    fn lookup_fn(&self) -> TokenStream {
        let lookup = Ident::new(LOOKUP, Span::call_site());
        let owns = || {
            self.plans.iter().filter_map(|plan| match &plan.kind {
                PlanKind::Own(own) => Some(&own.facts),
                PlanKind::Transparent { .. } => None,
            })
        };
        if owns().next().is_none() {
            // Every variant is transparent: its arm returns.
            let body = self.dispatch_indexed(|_, plan| match &plan.kind {
                PlanKind::Transparent { lookup, .. } => Some(lookup.clone()),
                PlanKind::Own(_) => None,
            });
            return quote! {
                #[doc(hidden)]
                #[inline]
                fn #lookup(&self) -> ::api_status::__private::Lookup<'_> {
                    #body
                }
            };
        }
        // The constants and arrays are literals only, written as source
        // text and lexed once: on a large enum, building them token by
        // token was the better part of the macro's own running time.
        let mut data = String::new();
        let mut codes: Vec<u16> = owns().map(|facts| facts.code).collect();
        codes.sort_unstable();
        codes.dedup();
        for code in codes {
            let problem_prefix =
                wire_problem::problem_prefix(ABOUT_BLANK, wire_problem::default_title(code), code);
            let _ = write!(
                data,
                "const {}:Status=Status{{code: ::api_status::__private::status_const({code}u16),problem_prefix:{problem_prefix:?}}};",
                status_const(code),
            );
        }
        // The plain facts, each once: variants whose facts are the same
        // (the same status and a message formatted from their fields or
        // their `Display`, say) share an element. Then the facts with
        // extra ones, one for each such variant.
        // A `BTreeMap`: cheaper than hashing, in the unoptimized build
        // cargo makes of proc macros.
        let mut shared: BTreeMap<FactsKey<'_>, usize> = BTreeMap::new();
        let mut plain: Vec<&FixedFacts> = Vec::new();
        let mut facts_of: Vec<usize> = Vec::new();
        for facts in owns() {
            if facts.extra.is_some() {
                continue;
            }
            let index = *shared.entry(facts.key()).or_insert_with(|| {
                plain.push(facts);
                plain.len() - 1
            });
            facts_of.push(index);
        }
        let full: Vec<&FixedFacts> = owns().filter(|facts| facts.extra.is_some()).collect();
        let (plain_count, full_count) = (plain.len(), full.len());
        if plain_count > 0 {
            let _ = write!(data, "static __API_STATUS_FIXED:[Fixed;{plain_count}]=[");
            for facts in &plain {
                facts.write_source(&mut data);
                data.push(',');
            }
            data.push_str("];");
        }
        if full_count > 0 {
            let _ = write!(data, "static __API_STATUS_FULL:[Full;{full_count}]=[");
            for facts in &full {
                if let Some(extra) = &facts.extra {
                    data.push_str("Full{fixed: ");
                    facts.write_source(&mut data);
                    data.push_str(",extra: ");
                    extra.write_source(&mut data);
                    data.push_str("},");
                }
            }
            data.push_str("];");
        }
        let _ = write!(
            data,
            "static __API_STATUS_NAMES:[&str;{}]=[",
            facts_of.len() + full_count
        );
        // Each variant's number, in a `match`: its facts' index (the plain
        // ones first, then the ones with extra facts) in the low 32 bits,
        // its own index in the names above it. The arms of the variants
        // with a status of their own bind nothing and are source text too;
        // a transparent variant's arm returns its field's `Lookup`.
        let (mut next_name, mut next_plain, mut next_full) = (0u64, 0usize, plain_count);
        let mut own_arms = String::new();
        let mut transparent_arms = TokenStream::new();
        for plan in self.plans {
            match &plan.kind {
                PlanKind::Own(own) => {
                    let facts = match own.facts.extra {
                        None => {
                            next_plain += 1;
                            facts_of.get(next_plain - 1).copied().unwrap_or_default()
                        }
                        Some(_) => {
                            next_full += 1;
                            next_full - 1
                        }
                    };
                    let _ = write!(data, "{:?},", own.facts.name);
                    let number = next_name << 32 | facts as u64;
                    let _ = write!(own_arms, "{}{{..}}=>{number}u64,", plan.path_text);
                    next_name += 1;
                }
                PlanKind::Transparent { lookup, .. } => {
                    let pattern = pattern(&plan.path, lookup);
                    let tokens = &lookup.tokens;
                    transparent_arms.extend(quote!(#pattern => return #tokens,));
                }
            }
        }
        data.push_str("];");
        let data = source_tokens(&data);
        let own_arms = source_tokens(&own_arms);
        let plain_ref = match plain_count {
            0 => quote!(&[]),
            _ => quote!(&__API_STATUS_FIXED),
        };
        let full_ref = match full_count {
            0 => quote!(&[]),
            _ => quote!(&__API_STATUS_FULL),
        };
        quote! {
            #[doc(hidden)]
            #[inline]
            fn #lookup(&self) -> ::api_status::__private::Lookup<'_> {
                // The short names of the data's source text, in a block of
                // their own: the `match` below names the user's types (a
                // transparent field's), which they must not shadow.
                let (__plain, __full, __names) = {
                    #[allow(unused_imports)]
                    use ::api_status::__private::{Challenge, Extra, Fixed, Full, Status};
                    #data
                    (#plain_ref, #full_ref, &__API_STATUS_NAMES)
                };
                let __number: u64 = match self {
                    #own_arms
                    #transparent_arms
                };
                ::api_status::__private::own(__plain, __full, __names, __number)
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
            PlanKind::Own(own) => own.write_message.is_some() || own.display,
            PlanKind::Transparent { .. } => false,
        });
        let (write_message, message_pieces) = if !formatted {
            (
                quote!(#lookup.write_message(__out)),
                quote!(#lookup.write_message_to(__out)),
            )
        } else {
            // Every `Display` message is written by one call, after the
            // arms of the interpolated ones, rather than an arm each.
            let default = match self.display_span {
                Some(span) => {
                    let display = quote_spanned!(span=> ::api_status::__private::DisplayMessage::write_display(self, __out));
                    quote! {{
                        let __lookup = #lookup;
                        if __lookup.is_display() {
                            #display
                        } else {
                            __lookup.write_message_to(__out)
                        }
                    }}
                }
                None => quote!(#lookup.write_message_to(__out)),
            };
            let pieces = self.dispatch(|plan| own(plan, |own| own.write_message.clone()), default);
            (
                quote!(::api_status::__private::write_message(self, __out)),
                pieces,
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
                                from_text: seconds.from_text,
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
            let pattern = pattern(&plan.path, &expr);
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
