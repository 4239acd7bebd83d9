//! Parsing of the attributes: `#[status]`, `#[message]`, `#[oauth]` and
//! `#[retry_after]` on a type or variant, `#[field_errors]` and
//! `#[retry_after]` on a field. Attributes the derive does not own are left
//! alone. Every error is recorded in the [`Ctxt`] and parsing goes on.

use proc_macro2::{Span, TokenStream, TokenTree};
use syn::ext::IdentExt;
use syn::parse::ParseStream;
use syn::spanned::Spanned;
use syn::{Attribute, Ident, Lit, LitInt, LitStr, Meta};

use crate::ctxt::Ctxt;
use crate::status::{self, Lookup};
use crate::symbol::{
    Symbol, ATTRIBUTES, FIELD_ERRORS, MESSAGE, OAUTH, PROBLEM, RETRY_AFTER, STATUS, TRANSPARENT,
};

/// The OAuth 2.0 error codes of RFC 6749 §5.2 and RFC 6750 §3.1, with the
/// name of their `api_status::OAuthErrorCode` variant.
pub const OAUTH_CODES: [(&str, &str); 8] = [
    ("invalid_request", "InvalidRequest"),
    ("invalid_client", "InvalidClient"),
    ("invalid_grant", "InvalidGrant"),
    ("unauthorized_client", "UnauthorizedClient"),
    ("unsupported_grant_type", "UnsupportedGrantType"),
    ("invalid_scope", "InvalidScope"),
    ("invalid_token", "InvalidToken"),
    ("insufficient_scope", "InsufficientScope"),
];

/// The attributes of a type or a variant.
#[derive(Default)]
pub struct Attrs<'a> {
    pub status: Option<Status<'a>>,
    pub message: Option<Message<'a>>,
    pub oauth: Option<OAuth<'a>>,
    pub retry_after: Option<RetryAfter<'a>>,
    pub problem: Option<Problem<'a>>,
    /// `#[field_errors]` written here instead of on a field.
    pub misplaced_field_errors: Option<&'a Attribute>,
}

/// `#[status(...)]`.
pub struct Status<'a> {
    pub original: &'a Attribute,
    pub value: StatusValue,
}

/// What a `#[status(...)]` says.
#[derive(Copy, Clone, PartialEq)]
pub enum StatusValue {
    /// A 4xx or 5xx code.
    Code(u16),
    /// `#[status(transparent)]`.
    Transparent,
    /// A mistake, already reported: counts as present, so no "missing
    /// status" error follows it.
    Invalid,
}

/// `#[message("...")]`.
pub struct Message<'a> {
    pub original: &'a Attribute,
    pub format: LitStr,
}

/// `#[oauth(code)]`.
pub struct OAuth<'a> {
    pub original: &'a Attribute,
    /// The wire code and the variant of `OAuthErrorCode`, `None` if unknown.
    pub code: Option<(&'static str, &'static str)>,
}

/// `#[retry_after(seconds)]`.
pub struct RetryAfter<'a> {
    pub original: &'a Attribute,
    pub seconds: Option<u64>,
}

/// `#[problem(type = "...", title = "...")]`.
pub struct Problem<'a> {
    pub original: &'a Attribute,
    /// The problem type, checked to be a URI reference.
    pub problem_type: Option<String>,
    pub title: Option<String>,
}

/// The attributes of a field.
#[derive(Default)]
pub struct FieldAttrs<'a> {
    pub field_errors: Option<&'a Attribute>,
    pub retry_after: Option<&'a Attribute>,
}

/// Reads the attributes of a type or a variant.
pub fn parse_container<'a>(cx: &Ctxt, attrs: &'a [Attribute]) -> Attrs<'a> {
    let mut out = Attrs::default();
    for attr in attrs {
        let Some(name) = ours(attr) else {
            continue;
        };
        if name == STATUS {
            let status = Status {
                original: attr,
                value: parse_status(cx, attr),
            };
            set_once(cx, &mut out.status, status, STATUS, attr);
        } else if name == MESSAGE {
            if !matches!(attr.meta, Meta::List(_)) {
                cx.error_spanned_by(
                    attr,
                    "expected the public message in parentheses: `#[message(\"account not found\")]`",
                );
                continue;
            }
            match parse_message(attr) {
                Ok(format) => set_once(
                    cx,
                    &mut out.message,
                    Message {
                        original: attr,
                        format,
                    },
                    MESSAGE,
                    attr,
                ),
                Err(error) => cx.syn_error(error),
            }
        } else if name == OAUTH {
            let oauth = OAuth {
                original: attr,
                code: parse_oauth(cx, attr),
            };
            set_once(cx, &mut out.oauth, oauth, OAUTH, attr);
        } else if name == RETRY_AFTER {
            let retry_after = RetryAfter {
                original: attr,
                seconds: parse_seconds(cx, attr),
            };
            set_once(cx, &mut out.retry_after, retry_after, RETRY_AFTER, attr);
        } else if name == PROBLEM {
            let problem = crate::wire_problem::parse(cx, attr);
            set_once(cx, &mut out.problem, problem, PROBLEM, attr);
        } else if name == FIELD_ERRORS {
            out.misplaced_field_errors = Some(attr);
        }
    }
    out
}

/// Reads the attributes of a field, reporting the ones that belong on the
/// variant instead.
pub fn parse_field<'a>(cx: &Ctxt, attrs: &'a [Attribute]) -> FieldAttrs<'a> {
    let mut out = FieldAttrs::default();
    for attr in attrs {
        let Some(name) = ours(attr) else {
            continue;
        };
        if name == FIELD_ERRORS {
            require_bare(cx, attr, FIELD_ERRORS);
            set_once(cx, &mut out.field_errors, attr, FIELD_ERRORS, attr);
        } else if name == RETRY_AFTER {
            if let Meta::List(_) | Meta::NameValue(_) = attr.meta {
                cx.error_spanned_by(
                    attr,
                    "on a field, write `#[retry_after]` without a value: the field's value is the delay; `#[retry_after(120)]` goes on the variant",
                );
            }
            set_once(cx, &mut out.retry_after, attr, RETRY_AFTER, attr);
        } else {
            cx.error_spanned_by(
                attr,
                format_args!("`#[{name}]` goes on the variant or the type, not on a field"),
            );
        }
    }
    out
}

/// The attribute's name when it is one of the derive's, read once: each
/// comparison of a path with a name would ask the compiler for the
/// identifier's text again, and a large enum has thousands of attributes.
fn ours(attr: &Attribute) -> Option<Symbol> {
    let name = attr.path().get_ident()?.to_string();
    ATTRIBUTES.into_iter().find(|symbol| symbol.0 == name)
}

/// Stores `value` in `slot`, or reports a duplicate at the second attribute.
fn set_once<T>(cx: &Ctxt, slot: &mut Option<T>, value: T, name: Symbol, attr: &Attribute) {
    if slot.is_some() {
        cx.error_spanned_by(
            attr,
            format_args!("duplicate `#[{name}]` attribute: there can be only one; remove this one or the first"),
        );
    } else {
        *slot = Some(value);
    }
}

/// Reports arguments given to an attribute that takes none.
fn require_bare(cx: &Ctxt, attr: &Attribute, name: Symbol) {
    if !matches!(attr.meta, Meta::Path(_)) {
        cx.error_spanned_by(attr, format_args!("`#[{name}]` takes no arguments"));
    }
}

/// The span of an attribute's arguments, or of the attribute itself when it
/// has none.
fn args_span(attr: &Attribute) -> Span {
    match &attr.meta {
        Meta::List(list) => list.tokens.span(),
        Meta::NameValue(pair) => pair.value.span(),
        Meta::Path(path) => path.span(),
    }
}

/// Reads `#[status(name)]`, `#[status(422)]` or `#[status(transparent)]`.
fn parse_status(cx: &Ctxt, attr: &Attribute) -> StatusValue {
    const EXPECTED: &str =
        "expected a status in parentheses: `#[status(not_found)]`, `#[status(422)]` or `#[status(transparent)]`";
    match &attr.meta {
        Meta::List(list) if !list.tokens.is_empty() => {}
        _ => {
            cx.error_spanned_by(attr, EXPECTED);
            return StatusValue::Invalid;
        }
    }
    if let Some(value) = one_status(attr) {
        return value;
    }
    // Anything else, through syn, for its error.
    let parsed = attr.parse_args_with(|input: ParseStream| {
        let value = if input.peek(LitInt) {
            let number: LitInt = input.parse()?;
            status_by_number(&number)
        } else if input.peek(Ident::peek_any) {
            let name = input.call(Ident::parse_any)?;
            status_by_name(&name)
        } else if input.peek(LitStr) {
            let name: LitStr = input.parse()?;
            return Err(syn::Error::new(
                name.span(),
                format_args!(
                    "write the status name without quotes: `#[status({})]`",
                    name.value()
                ),
            ));
        } else {
            return Err(input.error(EXPECTED));
        };
        if !input.is_empty() {
            return Err(input.error(
                "`#[status]` takes one status: `#[status(not_found)]`; a variant has one status",
            ));
        }
        Ok(value)
    });
    match parsed {
        Ok(Ok(value)) => value,
        Ok(Err(error)) | Err(error) => {
            cx.syn_error(error);
            StatusValue::Invalid
        }
    }
}

/// The string literal of a `#[message(...)]` written as a list.
fn parse_message(attr: &Attribute) -> syn::Result<LitStr> {
    if let Meta::List(list) = &attr.meta {
        if let Some(format) = one_string(&list.tokens) {
            return Ok(format);
        }
    }
    // Anything else, through syn, for its error.
    attr.parse_args_with(|input: ParseStream| {
        if !input.peek(LitStr) {
            return Err(input.error("expected a string literal: `#[message(\"...\")]`"));
        }
        let format: LitStr = input.parse()?;
        if !input.is_empty() {
            return Err(input.error(
                "`#[message]` takes one string literal; name fields inside it, e.g. `#[message(\"user {id} not found\")]`",
            ));
        }
        Ok(format)
    })
}

/// The common `#[status(...)]`, one valid name or number, read from the
/// tokens as they are (cheaper on a large enum than a parse through syn);
/// `None` for anything else, whose error the full parse gives.
fn one_status(attr: &Attribute) -> Option<StatusValue> {
    let Meta::List(list) = &attr.meta else {
        return None;
    };
    match one_token(&list.tokens)? {
        TokenTree::Ident(name) => status_by_name(&name).ok(),
        TokenTree::Literal(literal) => match Lit::new(literal) {
            Lit::Int(number) => status_by_number(&number).ok(),
            _ => None,
        },
        _ => None,
    }
}

/// The string literal that is all of `tokens`, if it is: the common
/// `#[message("...")]`, read without a parse through syn.
fn one_string(tokens: &TokenStream) -> Option<LitStr> {
    match one_token(tokens)? {
        TokenTree::Literal(literal) => match Lit::new(literal) {
            Lit::Str(text) => Some(text),
            _ => None,
        },
        _ => None,
    }
}

/// The one token tree of `tokens`, if there is exactly one.
fn one_token(tokens: &TokenStream) -> Option<TokenTree> {
    let mut trees = tokens.clone().into_iter();
    match (trees.next(), trees.next()) {
        (Some(tree), None) => Some(tree),
        _ => None,
    }
}

/// The status a name stands for, or the error that explains why it is not one.
fn status_by_name(name: &Ident) -> syn::Result<StatusValue> {
    let text = name.unraw().to_string();
    if text == TRANSPARENT.0 {
        return Ok(StatusValue::Transparent);
    }
    match status::lookup(&text) {
        Lookup::Error(code) => Ok(StatusValue::Code(code)),
        Lookup::NotAnError(code) => Err(not_an_error(name, &format!("`{text}`"), code)),
        Lookup::Unknown(suggestion) => Err(syn::Error::new(
            name.span(),
            status::unknown_message(
                &text,
                suggestion,
                "use a Rails status name such as `not_found` or `unprocessable_entity`, or a number in 400..=599",
            ),
        )),
    }
}

/// The status a number stands for, or the error that explains why it is not one.
fn status_by_number(number: &LitInt) -> syn::Result<StatusValue> {
    match number.base10_parse::<u16>() {
        Ok(code) if status::is_error(code) => Ok(StatusValue::Code(code)),
        Ok(code) if status::reason_phrase(code).is_some() => Err(not_an_error(number, &format!("`{code}`"), code)),
        _ => Err(syn::Error::new(
            number.span(),
            format_args!(
                "`{}` is not an error status: an error's status is a number in 400..=599, or a name such as `not_found`",
                number.base10_digits()
            ),
        )),
    }
}

/// "`ok` is 200 OK, not an error status".
fn not_an_error(tokens: impl quote::ToTokens, what: &str, code: u16) -> syn::Error {
    syn::Error::new_spanned(
        tokens,
        format!(
            "{what} is {}, not an error: an error's status is 4xx or 5xx, e.g. `bad_request` (400) or `internal_server_error` (500)",
            status::describe(code)
        ),
    )
}

/// Reads `#[oauth(code)]`; `None` if the code is unknown (reported).
fn parse_oauth(cx: &Ctxt, attr: &Attribute) -> Option<(&'static str, &'static str)> {
    let code = match attr.parse_args_with(Ident::parse_any) {
        Ok(code) => code,
        Err(_) => {
            cx.syn_error(syn::Error::new(
                args_span(attr),
                "expected an OAuth 2.0 error code: `#[oauth(invalid_grant)]`",
            ));
            return None;
        }
    };
    let text = code.to_string();
    if let Some(known) = OAUTH_CODES.iter().find(|(wire, _)| *wire == text) {
        return Some(*known);
    }
    let known = OAUTH_CODES.iter().map(|(wire, _)| *wire);
    let hint = match status::nearest(&text, known.clone()) {
        Some(near) => format!("did you mean `{near}`? "),
        None => String::new(),
    };
    let all: Vec<String> = known.map(|wire| format!("`{wire}`")).collect();
    cx.error_spanned_by(
        &code,
        format!(
            "unknown OAuth 2.0 error code `{text}`; {hint}the codes of RFC 6749 and RFC 6750 are {}",
            all.join(", ")
        ),
    );
    None
}

/// Reads `#[retry_after(seconds)]` on a type or variant.
fn parse_seconds(cx: &Ctxt, attr: &Attribute) -> Option<u64> {
    if let Meta::Path(_) = attr.meta {
        cx.error_spanned_by(
            attr,
            "`#[retry_after]` on a variant needs the delay in seconds: `#[retry_after(120)]`; to take it from a field, put `#[retry_after]` on the field",
        );
        return None;
    }
    match attr
        .parse_args::<LitInt>()
        .and_then(|lit| lit.base10_parse::<u64>())
    {
        Ok(seconds) => Some(seconds),
        Err(_) => {
            cx.syn_error(syn::Error::new(
                args_span(attr),
                "expected the delay in whole seconds: `#[retry_after(120)]`",
            ));
            None
        }
    }
}
