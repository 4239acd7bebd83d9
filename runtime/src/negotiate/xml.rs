//! The XML encodings of an error body (feature `xml`).
//!
//! `application/xml` follows Rails' `Hash#to_xml` for
//! `{message:, errors: {name: [...]}}` (or `error`, `error_description`):
//!
//! ```text
//! <?xml version="1.0" encoding="UTF-8"?>
//! <hash>
//!   <message>The account could not be saved</message>
//!   <errors>
//!     <customer-id type="array">
//!       <customer-id>is invalid</customer-id>
//!     </customer-id>
//!   </errors>
//! </hash>
//! ```
//!
//! Keys are dasherized (`_` becomes `-`) as Rails does; each message of a
//! field is an element named like the field (Rails would singularize an
//! English plural; field names are not English words, so they are kept as
//! they are), and a field without messages is `<name type="array"/>`.
//!
//! `application/problem+xml` follows RFC 9457 appendix B: root
//! `<problem xmlns="urn:ietf:rfc:7807">`, the members `type`, `title`,
//! `status`, `detail` as elements, `errors` with one element per field and
//! each message in an `<i>` element (the appendix's rule for arrays), and
//! `error`, `error_description`.
//!
//! Both are always well-formed, whatever the message or the field name:
//!
//! - A field name that is not a plain XML name (after dasherizing, for the
//!   Rails shape) becomes `<field name="…">`, with the original name in the
//!   attribute, escaped: spaces, a leading digit or `-`, `items[0].name`,
//!   `<`, a `:`, anything outside ASCII. A plain name is ASCII, starts with
//!   a letter or `_`, and goes on with letters, digits, `-`, `_` and `.`;
//!   in the Rails shape it has no `-` of its own (dasherized, `a-b` would
//!   read back as `a_b`). So a reader gets the name back from the `name`
//!   attribute when there is one, else from the element's name (with `-`
//!   turned back into `_` in the Rails shape).
//! - Text escapes `&`, `<`, `>` and a carriage return (`&#13;`, which a
//!   parser would otherwise turn into a line feed); attributes also `"`,
//!   tab and line feed.
//! - Characters XML 1.0 does not allow at all (control characters other
//!   than tab, line feed and carriage return; U+FFFE and U+FFFF) cannot be
//!   escaped, and are replaced by U+FFFD REPLACEMENT CHARACTER.
//!
//! Written by hand: the escaping is a few lines, and an XML writer crate
//! would still leave the choice of names and the replacement of the
//! characters XML forbids to this module.

use bytes::Bytes;

use crate::json::MessageBuf;
use crate::{ApiError, FieldErrors};

const DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

/// The `application/xml` body: Rails' `Hash#to_xml` shape.
pub(crate) fn encode_hash<E: ApiError + ?Sized>(error: &E) -> Bytes {
    let mut message = MessageBuf::new();
    // A `Display` that failed on its own leaves what it wrote.
    let _ = error.write_message(&mut message);
    let message = message.as_str();
    let mut out = String::with_capacity(128 + message.len());
    out.push_str(DECLARATION);
    out.push_str("<hash>\n");
    element(&mut out, "message", message);
    match error.oauth_error() {
        Some(code) => {
            element(&mut out, "error", code.as_str());
            if let Some(description) = crate::oauth_error_description(message) {
                element(&mut out, "error-description", &description);
            }
        }
        None => {
            if let Some(errors) = error.field_errors() {
                field_errors(&mut out, &errors, Shape::Rails);
            }
        }
    }
    out.push_str("</hash>\n");
    Bytes::from(out)
}

/// The `application/problem+xml` body of RFC 9457 appendix B.
pub(crate) fn encode_problem<E: ApiError + ?Sized>(error: &E) -> Bytes {
    let mut message = MessageBuf::new();
    let _ = error.write_message(&mut message);
    let detail = message.as_str();
    let mut out = String::with_capacity(192 + detail.len());
    out.push_str(DECLARATION);
    out.push_str("<problem xmlns=\"urn:ietf:rfc:7807\">\n");
    element(&mut out, "type", error.problem_type());
    element(&mut out, "title", error.problem_title());
    element(&mut out, "status", error.status().as_str());
    element(&mut out, "detail", detail);
    match error.oauth_error() {
        Some(code) => {
            element(&mut out, "error", code.as_str());
            if let Some(description) = crate::oauth_error_description(detail) {
                element(&mut out, "error_description", &description);
            }
        }
        None => {
            if let Some(errors) = error.field_errors() {
                field_errors(&mut out, &errors, Shape::Problem);
            }
        }
    }
    out.push_str("</problem>\n");
    Bytes::from(out)
}

/// Which document the field errors go into.
#[derive(Clone, Copy, PartialEq)]
enum Shape {
    /// `<name type="array"><name>…</name></name>`, names dasherized.
    Rails,
    /// `<name><i>…</i></name>`.
    Problem,
}

/// `  <errors>` with one element per field.
fn field_errors(out: &mut String, errors: &FieldErrors, shape: Shape) {
    out.push_str("  <errors>\n");
    for (field, messages) in errors.iter() {
        let dasherized;
        let key = match shape {
            Shape::Rails => {
                dasherized = field.replace('_', "-");
                dasherized.as_str()
            }
            Shape::Problem => field,
        };
        // In the Rails shape, a name with a `-` of its own is not plain:
        // from `<a-b>` a reader could not tell it from `a_b`.
        let plain = is_plain_name(key) && !(shape == Shape::Rails && field.contains('-'));
        let name = if plain { key } else { "field" };
        out.push_str("    <");
        out.push_str(name);
        if !plain {
            out.push_str(" name=\"");
            escape(out, field, true);
            out.push('"');
        }
        if shape == Shape::Rails {
            out.push_str(" type=\"array\"");
            if messages.is_empty() {
                out.push_str("/>\n");
                continue;
            }
        }
        out.push_str(">\n");
        let item = match shape {
            Shape::Rails => name,
            Shape::Problem => "i",
        };
        for message in messages {
            out.push_str("      <");
            out.push_str(item);
            out.push('>');
            escape(out, message, false);
            out.push_str("</");
            out.push_str(item);
            out.push_str(">\n");
        }
        out.push_str("    </");
        out.push_str(name);
        out.push_str(">\n");
    }
    out.push_str("  </errors>\n");
}

/// `  <name>text</name>` and a line feed.
fn element(out: &mut String, name: &str, text: &str) {
    out.push_str("  <");
    out.push_str(name);
    out.push('>');
    escape(out, text, false);
    out.push_str("</");
    out.push_str(name);
    out.push_str(">\n");
}

/// Whether `name` can be an element's name as it is: ASCII, a letter or `_`
/// first, then letters, digits, `-`, `_` and `.`.
fn is_plain_name(name: &str) -> bool {
    let mut bytes = name.bytes();
    match bytes.next() {
        Some(first) if first.is_ascii_alphabetic() || first == b'_' => {}
        _ => return false,
    }
    bytes.all(|byte| byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.'))
}

/// Appends `text` escaped for character data or, with `attribute`, for a
/// double-quoted attribute value; characters XML 1.0 forbids become U+FFFD.
fn escape(out: &mut String, text: &str, attribute: bool) {
    let mut start = 0;
    for (index, c) in text.char_indices() {
        let replacement = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '\r' => "&#13;",
            '"' if attribute => "&quot;",
            '\t' if attribute => "&#9;",
            '\n' if attribute => "&#10;",
            '\t' | '\n' => continue,
            '\u{0}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}' => "\u{FFFD}",
            _ => continue,
        };
        out.push_str(text.get(start..index).unwrap_or_default());
        out.push_str(replacement);
        start = index + c.len_utf8();
    }
    out.push_str(text.get(start..).unwrap_or_default());
}
