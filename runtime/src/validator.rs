//! `IntoFieldErrors` for [validator](https://docs.rs/validator)'s
//! `ValidationErrors` (feature `validator`; validator 0.20 and 0.21).

use std::borrow::Cow;

use ::validator::{ValidationError, ValidationErrors, ValidationErrorsKind};

use crate::{FieldErrors, IntoFieldErrors};

/// The errors of a `validator::Validate` run, by field.
///
/// Nested structs and lists are flattened into paths: `address.city`,
/// `items[0].name`. A message is the error's own `message` when it has one;
/// otherwise a readable text for its `code`: `length` "has the wrong
/// length", `email` "is not a valid email", `required` "is required",
/// `range` "is out of range", `url` "is not a valid URL", `must_match`
/// "does not match", `regex` "is not in the expected format", `contains`,
/// `does_not_contain`, `credit_card`, `non_control_character` and `ip`
/// likewise; any other code (a custom validator's) is sent as it is.
///
/// `validator` keeps its fields in a hash map, which has no order, so the
/// fields come sorted by name at each level (list items by index), and the
/// same errors always give the same bytes.
///
/// `ValidationErrors` has an inherent method `field_errors` of its own, which
/// a method call picks first: call this one as
/// `IntoFieldErrors::field_errors(&errors)`. (A `#[field_errors]` field
/// needs no call at all.)
///
/// ```
/// use api_status::IntoFieldErrors;
/// use validator::{ValidationError, ValidationErrors};
///
/// let mut address = ValidationErrors::new();
/// address.add("city", ValidationError::new("length"));
/// let mut errors = ValidationErrors::new();
/// errors.add("email", ValidationError::new("email"));
/// errors.add("name", ValidationError::new("taken").with_message("is already taken".into()));
/// let errors = ValidationErrors::merge(Err(errors), "address", Err(address)).unwrap_err();
///
/// assert_eq!(
///     serde_json::to_string(&IntoFieldErrors::field_errors(&errors)).unwrap(),
///     r#"{"address.city":["has the wrong length"],"email":["is not a valid email"],"name":["is already taken"]}"#,
/// );
/// ```
impl IntoFieldErrors for ValidationErrors {
    fn field_errors(&self) -> Cow<'_, FieldErrors> {
        let mut out = FieldErrors::new();
        flatten(self, "", &mut out);
        Cow::Owned(out)
    }
}

/// Adds the errors of `errors`, whose fields sit under `prefix`, to `out`.
fn flatten(errors: &ValidationErrors, prefix: &str, out: &mut FieldErrors) {
    let mut fields: Vec<_> = errors.errors().iter().collect();
    fields.sort_unstable_by(|a, b| a.0.cmp(b.0));
    for (field, kind) in fields {
        let field: &str = field.as_ref();
        let path = if prefix.is_empty() {
            field.to_owned()
        } else {
            format!("{prefix}.{field}")
        };
        match kind {
            ValidationErrorsKind::Field(list) => {
                for error in list {
                    out.add(path.as_str(), message(error));
                }
            }
            ValidationErrorsKind::Struct(inner) => flatten(inner, &path, out),
            ValidationErrorsKind::List(items) => {
                for (index, inner) in items {
                    flatten(inner, &format!("{path}[{index}]"), out);
                }
            }
        }
    }
}

/// The error's message, or a readable text for its code.
fn message(error: &ValidationError) -> String {
    match &error.message {
        Some(message) => message.clone().into_owned(),
        None => code_text(&error.code).to_owned(),
    }
}

/// A readable text for a validator code; an unknown code as it is.
fn code_text(code: &str) -> &str {
    match code {
        "length" => "has the wrong length",
        "email" => "is not a valid email",
        "required" | "required_nested" => "is required",
        "range" => "is out of range",
        "url" => "is not a valid URL",
        "must_match" => "does not match",
        "regex" => "is not in the expected format",
        "contains" => "does not contain the required text",
        "does_not_contain" => "contains text that is not allowed",
        "credit_card" => "is not a valid credit card number",
        "non_control_character" => "contains control characters",
        "ip" => "is not a valid IP address",
        other => other,
    }
}
