//! The bytes of a body that does not depend on the value, computed while the
//! macro expands. The rules are the runtime's (`runtime/src/json.rs` and
//! `oauth.rs`); the runtime's tests compare both on the same messages.

/// The runtime's `api_status::MAX_ERROR_DESCRIPTION`: every character of a
/// description is one ASCII byte, so this many characters.
const MAX_ERROR_DESCRIPTION: usize = 1000;

/// `{"message":"..."}`, or with `error` and `error_description` for an
/// OAuth code.
pub fn static_body(message: &str, oauth_code: Option<&str>) -> String {
    let mut out = String::with_capacity(message.len() * 2 + 64);
    out.push_str("{\"message\":\"");
    body_after(out, message, oauth_code)
}

/// Every static body, JSON and problem+json alike, as the runtime's
/// `json::encode_after`: `out` holds the start up to the message's opening
/// quote; then the message escaped and, for an OAuth code, `error` and
/// `error_description`.
pub fn body_after(mut out: String, message: &str, oauth_code: Option<&str>) -> String {
    escape_into(&mut out, message);
    out.push('"');
    if let Some(code) = oauth_code {
        out.push_str(",\"error\":\"");
        out.push_str(code);
        out.push('"');
        if let Some(description) = oauth_error_description(message) {
            out.push_str(",\"error_description\":\"");
            out.push_str(&description);
            out.push('"');
        }
    }
    out.push('}');
    out
}

/// Appends `s` as JSON string contents, escaped as `serde_json` does.
pub fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{08}' => out.push_str("\\b"),
            '\u{0C}' => out.push_str("\\f"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
}

/// RFC 6749's `error_description`: `"` to `'`, `\` to `/`, control
/// characters to a space, other characters outside printable ASCII dropped,
/// at most 1,000 bytes (the runtime's `MAX_ERROR_DESCRIPTION`); `None` if
/// only spaces are left.
pub fn oauth_error_description(message: &str) -> Option<String> {
    let description: String = message
        .chars()
        .filter_map(|c| match c {
            '"' => Some('\''),
            '\\' => Some('/'),
            c if c.is_control() => Some(' '),
            ' '..='~' => Some(c),
            _ => None,
        })
        .take(MAX_ERROR_DESCRIPTION)
        .collect();
    (!description.trim_start_matches(' ').is_empty()).then_some(description)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_json() {
        let body = static_body("a \"b\" \\ \n\t\u{1}é", None);
        assert_eq!(body, "{\"message\":\"a \\\"b\\\" \\\\ \\n\\t\\u0001é\"}");
    }

    #[test]
    fn oauth_body() {
        let body = static_body("bad \"grant\"", Some("invalid_grant"));
        assert_eq!(
            body,
            r#"{"message":"bad \"grant\"","error":"invalid_grant","error_description":"bad 'grant'"}"#
        );
    }
}
