//! The checks that involve more than one attribute: each a small function
//! that records what it finds. Mistakes inside one attribute are reported
//! while parsing (`attr.rs`).

use crate::ast::{Input, Variant};
use crate::attr::StatusValue;
use crate::ctxt::Ctxt;
use crate::symbol::{FIELD_ERRORS, MESSAGE, OAUTH, PROBLEM, RETRY_AFTER};

/// Runs every check on a parsed input.
pub fn check(cx: &Ctxt, input: &Input<'_>) {
    if input.is_enum {
        enum_attributes(cx, input);
    }
    for variant in &input.variants {
        let status = input.status_of(variant);
        misplaced_field_errors(cx, variant);
        missing_status(cx, input, variant, status);
        if status == Some(StatusValue::Transparent) {
            transparent(cx, input, variant);
            continue;
        }
        let code = match status {
            Some(StatusValue::Code(code)) => Some(code),
            _ => None,
        };
        field_errors(cx, variant, code);
        oauth(cx, variant, code);
        retry_after(cx, variant, code);
    }
}

/// 12: on an enum itself only `#[status(code)]` is allowed.
fn enum_attributes(cx: &Ctxt, input: &Input<'_>) {
    let attrs = &input.attrs;
    if let Some(status) = &attrs.status {
        if status.value == StatusValue::Transparent {
            cx.error_spanned_by(
                status.original,
                "`#[status(transparent)]` goes on a variant (or a newtype struct), not on an enum; on an enum, `#[status(...)]` sets the status of the variants that have none",
            );
        }
    }
    let misplaced = [
        (attrs.message.as_ref().map(|a| a.original), MESSAGE),
        (attrs.oauth.as_ref().map(|a| a.original), OAUTH),
        (attrs.retry_after.as_ref().map(|a| a.original), RETRY_AFTER),
        (attrs.problem.as_ref().map(|a| a.original), PROBLEM),
    ];
    for (attr, name) in misplaced {
        if let Some(attr) = attr {
            cx.error_spanned_by(
                attr,
                format_args!(
                    "`#[{name}]` is not allowed on an enum: only `#[status(...)]` is; put `#[{name}]` on the variants it is for"
                ),
            );
        }
    }
}

/// `#[field_errors]` written on a variant or type instead of on a field.
fn misplaced_field_errors(cx: &Ctxt, variant: &Variant<'_>) {
    if let Some(attr) = variant.attrs.misplaced_field_errors {
        cx.error_spanned_by(
            attr,
            format_args!(
                "`#[{FIELD_ERRORS}]` goes on the field that holds the validation messages, e.g. `Invalid {{ #[field_errors] errors: FieldErrors }}`"
            ),
        );
    }
}

/// 1: a variant with no status of its own and none on the enum.
fn missing_status(
    cx: &Ctxt,
    input: &Input<'_>,
    variant: &Variant<'_>,
    status: Option<StatusValue>,
) {
    if status.is_some() {
        return;
    }
    let ident = variant.ident;
    if input.is_enum {
        cx.error_spanned_by(
            ident,
            format_args!(
                "variant `{ident}` has no HTTP status: add `#[status(...)]` to it, e.g. `#[status(not_found)]` or `#[status(422)]`, or give the enum a default `#[status(...)]`"
            ),
        );
    } else {
        cx.error_spanned_by(
            ident,
            format_args!(
                "`{ident}` has no HTTP status: add `#[status(...)]` to it, e.g. `#[status(not_found)]` or `#[status(422)]`"
            ),
        );
    }
}

/// 7: a transparent variant has exactly one field and nothing of its own.
fn transparent(cx: &Ctxt, input: &Input<'_>, variant: &Variant<'_>) {
    let Some(status) = variant
        .attrs
        .status
        .as_ref()
        .or(input.attrs.status.as_ref())
    else {
        return;
    };
    if variant.fields.len() != 1 {
        cx.error_spanned_by(
            status.original,
            format_args!(
                "`#[status(transparent)]` needs exactly one field, the inner error, but `{}` has {}",
                variant.ident,
                variant.fields.len()
            ),
        );
    }
    let attrs = &variant.attrs;
    let conflicts = [
        (attrs.message.as_ref().map(|a| a.original), MESSAGE),
        (attrs.oauth.as_ref().map(|a| a.original), OAUTH),
        (attrs.retry_after.as_ref().map(|a| a.original), RETRY_AFTER),
        (attrs.problem.as_ref().map(|a| a.original), PROBLEM),
    ];
    for (attr, name) in conflicts {
        if let Some(attr) = attr {
            cx.error_spanned_by(
                attr,
                format_args!(
                    "`#[{name}]` cannot be combined with `#[status(transparent)]`: a transparent variant's status, message, body and headers all come from its inner error"
                ),
            );
        }
    }
    for field in &variant.fields {
        let marks = [
            (field.attrs.field_errors, FIELD_ERRORS),
            (field.attrs.retry_after, RETRY_AFTER),
        ];
        for (attr, name) in marks {
            if let Some(attr) = attr {
                cx.error_spanned_by(
                    attr,
                    format_args!(
                        "`#[{name}]` cannot be combined with `#[status(transparent)]`: a transparent variant's body and headers all come from its inner error"
                    ),
                );
            }
        }
    }
}

/// 5 and 12: one `#[field_errors]` field per variant, on a 4xx only.
fn field_errors(cx: &Ctxt, variant: &Variant<'_>, code: Option<u16>) {
    let mut marked = variant
        .fields
        .iter()
        .filter_map(|field| field.attrs.field_errors.map(|attr| (field, attr)));
    let Some((_, first)) = marked.next() else {
        return;
    };
    for (_, attr) in marked {
        cx.error_spanned_by(
            attr,
            format_args!(
                "`{}` has a second `#[field_errors]` field: a variant has one, which holds the messages of every field",
                variant.ident
            ),
        );
    }
    if let Some(code) = code.filter(|code| *code >= 500) {
        cx.error_spanned_by(
            first,
            format_args!(
                "`#[field_errors]` is for a client's mistakes (4xx), but `{}` is {}: validation errors are usually `#[status(unprocessable_entity)]`",
                variant.ident,
                crate::status::describe(code)
            ),
        );
    }
}

/// 8: `#[oauth]` on 400, 401 or 403 only, and not with `#[field_errors]`.
fn oauth(cx: &Ctxt, variant: &Variant<'_>, code: Option<u16>) {
    let Some(oauth) = &variant.attrs.oauth else {
        return;
    };
    if let Some(code) = code.filter(|code| ![400, 401, 403].contains(code)) {
        cx.error_spanned_by(
            oauth.original,
            format_args!(
                "`#[oauth]` is for 400 Bad Request, 401 Unauthorized or 403 Forbidden (RFC 6749 §5.2, RFC 6750 §3.1), but `{}` is {}",
                variant.ident,
                crate::status::describe(code)
            ),
        );
    }
    if let Some(attr) = variant
        .field_errors_field()
        .and_then(|field| field.attrs.field_errors)
    {
        cx.error_spanned_by(
            attr,
            format_args!(
                "`{}` has `#[oauth]`, whose body carries `error` and `error_description` instead of `errors`: remove `#[field_errors]` or `#[oauth]`",
                variant.ident
            ),
        );
    }
}

/// 9: `Retry-After` on 429 or 503 only, from the attribute or one field.
fn retry_after(cx: &Ctxt, variant: &Variant<'_>, code: Option<u16>) {
    let mut fields = variant
        .fields
        .iter()
        .filter_map(|field| field.attrs.retry_after);
    let field = fields.next();
    for second in fields {
        cx.error_spanned_by(
            second,
            format_args!(
                "`{}` has a second `#[retry_after]` field: a response has one `Retry-After`",
                variant.ident
            ),
        );
    }
    let attribute = variant.attrs.retry_after.as_ref().map(|a| a.original);
    if let (Some(attribute), Some(_)) = (attribute, field) {
        cx.error_spanned_by(
            attribute,
            format_args!(
                "`{}` has both `#[retry_after(...)]` and a `#[retry_after]` field: keep one, the fixed delay or the field's",
                variant.ident
            ),
        );
    }
    let Some(first) = attribute.or(field) else {
        return;
    };
    if let Some(code) = code.filter(|code| ![429, 503].contains(code)) {
        cx.error_spanned_by(
            first,
            format_args!(
                "`Retry-After` is sent with 429 Too Many Requests or 503 Service Unavailable, but `{}` is {}",
                variant.ident,
                crate::status::describe(code)
            ),
        );
    }
}
