//! Reading a JSON request body: [`from_json_slice`], whose JSON of the wrong
//! shape answers with the offending field's path, as validation errors do.

use serde::de::DeserializeOwned;

use crate::rejection::{kind_of, RejectionKind};
use crate::{FieldErrors, Rejection};

/// Deserializes a JSON request body, or says why not as a [`Rejection`]:
/// 400 [`MalformedJson`](Rejection::MalformedJson) for a syntax error, an
/// early end or trailing characters; 422
/// [`UnprocessableJson`](Rejection::UnprocessableJson) for JSON of the wrong
/// shape, with an `errors` member that names the offending field by its
/// path, in the style of the `validator` and `garde` flattening (`email`,
/// `address.city`, `items[0].name`):
///
/// | what is wrong | `errors` |
/// | --- | --- |
/// | a missing field | `{"email":["is required"]}` |
/// | a value of the wrong type | `{"age":["has the wrong type"]}` |
/// | an unknown field under `#[serde(deny_unknown_fields)]` | `{"nickname":["is not allowed"]}` |
/// | a field given twice | `{"name":["is given more than once"]}` |
/// | anything else (a number out of range, an unknown enum variant, a wrong length, a custom error) | `{"age":["is invalid"]}` |
///
/// The words are ours: serde's text (type names, the expected fields, line
/// and column) is kept as the rejection's source, for the logs only. A
/// mismatch of the whole document (an array where an object was expected)
/// has no field to name, and leaves `errors` out.
///
/// Paths come from [`serde_path_to_error`]; the kind of mistake from the
/// standard wording of `serde::de::Error`'s provided constructors
/// (`missing field`, `invalid type`, `unknown field`, `duplicate field`),
/// which every `#[derive(Deserialize)]` uses: serde_json does not expose it
/// otherwise.
///
/// ```
/// use api_status::ApiError;
///
/// #[derive(Debug, serde::Deserialize)]
/// struct Address { city: String }
/// #[derive(Debug, serde::Deserialize)]
/// struct NewUser { email: String, address: Address }
///
/// let rejection = api_status::from_json_slice::<NewUser>(br#"{"address":{"city":7}}"#).unwrap_err();
/// assert_eq!(rejection.status(), 422);
/// assert_eq!(
///     rejection.body(),
///     r#"{"message":"The request body has missing fields or fields of the wrong type","errors":{"address.city":["has the wrong type"]}}"#,
/// );
///
/// let rejection = api_status::from_json_slice::<NewUser>(br#"{"address":{"city":"Paris"}}"#).unwrap_err();
/// assert_eq!(
///     rejection.body(),
///     r#"{"message":"The request body has missing fields or fields of the wrong type","errors":{"email":["is required"]}}"#,
/// );
/// ```
pub fn from_json_slice<T: DeserializeOwned>(body: &[u8]) -> Result<T, Rejection> {
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    let value = match serde_path_to_error::deserialize(&mut deserializer) {
        Ok(value) => value,
        Err(error) => return Err(rejection(error)),
    };
    // Trailing characters after the value: a syntax error.
    deserializer.end().map_err(Rejection::from)?;
    Ok(value)
}

/// The rejection of a failed deserialization, with the field by its path.
fn rejection(error: serde_path_to_error::Error<serde_json::Error>) -> Rejection {
    let kind = kind_of(error.inner());
    let errors = match kind {
        RejectionKind::UnprocessableJson => field_errors(&error),
        _ => None,
    };
    let rejection = Rejection::new(kind);
    let rejection = match errors {
        Some(errors) => rejection.with_field_errors(errors),
        None => rejection,
    };
    rejection.with_cause(error)
}

/// The one field error of JSON of the wrong shape, or `None` when no field
/// is to blame.
pub(crate) fn field_errors(
    error: &serde_path_to_error::Error<serde_json::Error>,
) -> Option<FieldErrors> {
    let mut path = String::new();
    for segment in error.path() {
        match segment {
            serde_path_to_error::Segment::Seq { index } => {
                path.push('[');
                path.push_str(&index.to_string());
                path.push(']');
            }
            serde_path_to_error::Segment::Map { key: name }
            | serde_path_to_error::Segment::Enum { variant: name } => push_field(&mut path, name),
            // A segment the path cannot name (inside an untagged or
            // flattened value): the fields around it still locate it.
            serde_path_to_error::Segment::Unknown => {}
        }
    }
    let message = serde_message(error.inner());
    let message = message.as_str();
    let wording = if let Some(field) = quoted_after(message, "missing field `") {
        // Reported by the struct, so the path ends at the struct: the
        // missing field is named in the message.
        push_field(&mut path, field);
        "is required"
    } else if let Some(field) = quoted_after(message, "duplicate field `") {
        push_field(&mut path, field);
        "is given more than once"
    } else if message.starts_with("invalid type: ") {
        "has the wrong type"
    } else if message.starts_with("unknown field `") {
        // The path already ends at the unknown field itself.
        "is not allowed"
    } else {
        "is invalid"
    };
    if path.is_empty() {
        return None;
    }
    let mut errors = FieldErrors::new();
    errors.add(path, wording);
    Some(errors)
}

/// Appends `.name` (or `name` at the start) to a path.
fn push_field(path: &mut String, name: &str) {
    if !path.is_empty() {
        path.push('.');
    }
    path.push_str(name);
}

/// serde's message inside a `serde_json` error, without the ` at line L
/// column C` that serde_json appends.
fn serde_message(error: &serde_json::Error) -> String {
    let text = error.to_string();
    let position = format!(" at line {} column {}", error.line(), error.column());
    match text.strip_suffix(&position) {
        Some(message) => message.to_owned(),
        None => text,
    }
}

/// `name` in a message of the form ``{prefix}name` ``: a field name that
/// serde quotes with backticks, when the message is exactly that.
fn quoted_after<'a>(message: &'a str, prefix: &str) -> Option<&'a str> {
    message.strip_prefix(prefix)?.strip_suffix('`')
}

/// Whether a `Content-Type` value says JSON: `application/json` or
/// `application/<anything>+json`, any case, parameters allowed. The rule of
/// axum's `Json` extractor, written out rather than parsed with the `mime`
/// crate for one comparison; actix-web's and the hyper example's agree.
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub(crate) fn is_json_content_type(value: Option<&[u8]>) -> bool {
    let Some(value) = value.and_then(|value| std::str::from_utf8(value).ok()) else {
        return false;
    };
    let essence = value.split(';').next().unwrap_or_default().trim();
    let Some((kind, subtype)) = essence.split_once('/') else {
        return false;
    };
    kind.eq_ignore_ascii_case("application")
        && (subtype.eq_ignore_ascii_case("json")
            || subtype
                .get(subtype.len().saturating_sub(5)..)
                .is_some_and(|suffix| suffix.eq_ignore_ascii_case("+json")))
}
