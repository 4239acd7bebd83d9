//! `#[problem(type = "…", title = "…")]`: its parsing, the check that `type`
//! is a URI reference, and the problem+json body of a variant whose body
//! does not depend on its data, computed while the macro expands. The rules
//! are the runtime's (`runtime/src/negotiate/problem.rs`); the runtime's
//! tests compare both on the same variants.

use syn::{Attribute, LitStr, Meta};

use crate::attr::Problem;
use crate::ctxt::Ctxt;

/// Reads `#[problem(type = "…", title = "…")]`, recording every mistake.
pub fn parse<'a>(cx: &Ctxt, attr: &'a Attribute) -> Problem<'a> {
    let mut problem = Problem {
        original: attr,
        problem_type: None,
        title: None,
    };
    if !matches!(&attr.meta, Meta::List(list) if !list.tokens.is_empty()) {
        cx.error_spanned_by(
            attr,
            "expected `#[problem(type = \"https://example.com/probs/...\", title = \"...\")]`, with either key or both",
        );
        return problem;
    }
    let mut seen_type = false;
    let mut seen_title = false;
    let parsed = attr.parse_nested_meta(|meta| {
        let key = if meta.path.is_ident("type") {
            "type"
        } else if meta.path.is_ident("title") {
            "title"
        } else {
            let name = meta
                .path
                .get_ident()
                .map_or_else(|| String::from("this key"), |ident| format!("`{ident}`"));
            return Err(meta.error(format_args!(
                "unknown key {name} in `#[problem]`: expected `type = \"...\"` or `title = \"...\"`"
            )));
        };
        let value: LitStr = meta
            .value()
            .and_then(|value| value.parse())
            .map_err(|_| meta.error(format_args!("expected `{key} = \"...\"`, a string")))?;
        let seen = if key == "type" { &mut seen_type } else { &mut seen_title };
        if *seen {
            cx.error_spanned_by(
                &meta.path,
                format_args!("duplicate `{key}` in `#[problem]`: give it once"),
            );
            return Ok(());
        }
        *seen = true;
        if key == "title" {
            problem.title = Some(value.value());
            return Ok(());
        }
        let text = value.value();
        match uri_reference_error(&text) {
            None => problem.problem_type = Some(text),
            Some(error) => cx.error_spanned_by(
                &value,
                format_args!(
                    "`#[problem(type = ...)]` must be a URI reference (RFC 3986), e.g. \"https://example.com/probs/out-of-credit\": {error}"
                ),
            ),
        }
        Ok(())
    });
    if let Err(error) = parsed {
        cx.syn_error(error);
    }
    problem
}

/// Why `text` is not a URI reference (RFC 3986 §4.1), if it is not: only
/// unreserved and reserved characters, and `%` followed by two hex digits.
fn uri_reference_error(text: &str) -> Option<String> {
    if text.is_empty() {
        return Some(String::from(
            "it is empty; leave `type` out for the default, `about:blank`",
        ));
    }
    let bytes = text.as_bytes();
    for (index, c) in text.char_indices() {
        let allowed = c.is_ascii_alphanumeric() || "-._~:/?#[]@!$&'()*+,;=".contains(c);
        if allowed {
            continue;
        }
        if c == '%' {
            let hex = |at: usize| bytes.get(at).is_some_and(u8::is_ascii_hexdigit);
            if hex(index + 1) && hex(index + 2) {
                continue;
            }
            return Some(format!(
                "`%` at byte {index} is not followed by two hex digits"
            ));
        }
        let what = match c {
            ' ' => String::from("a space"),
            c if c.is_control() => format!("the control character {c:?}"),
            c => format!("`{c}`"),
        };
        return Some(format!(
            "{what} at byte {index} is not allowed there; percent-encode it"
        ));
    }
    None
}

/// The start of every problem+json body of a variant, up to the detail's
/// opening quote: `{"type":"…","title":"…","status":404,"detail":"`.
pub fn problem_prefix(problem_type: &str, title: &str, status: u16) -> String {
    let mut out = String::with_capacity(problem_type.len() + title.len() * 2 + 48);
    out.push_str("{\"type\":\"");
    crate::wire::escape_into(&mut out, problem_type);
    out.push_str("\",\"title\":\"");
    crate::wire::escape_into(&mut out, title);
    out.push_str("\",\"status\":");
    out.push_str(&status.to_string());
    out.push_str(",\"detail\":\"");
    out
}

/// The problem+json body of a variant whose message is fixed and that has
/// no field errors: `type`, `title`, `status`, `detail`, and for an OAuth
/// code `error` and `error_description`.
pub fn static_problem_body(
    problem_type: &str,
    title: &str,
    status: u16,
    message: &str,
    oauth_code: Option<&str>,
) -> String {
    crate::wire::body_after(
        problem_prefix(problem_type, title, status),
        message,
        oauth_code,
    )
}

/// The default title: the reason phrase, as the runtime's
/// `http::StatusCode::canonical_reason`, else "Client Error" or "Server
/// Error".
pub fn default_title(code: u16) -> &'static str {
    match crate::status::reason_phrase(code) {
        Some(reason) => reason,
        None if code >= 500 => "Server Error",
        None => "Client Error",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uri_references() {
        for good in [
            "about:blank",
            "https://example.com/probs/out-of-credit",
            "/probs/x?y=1#z",
            "tag:x,2024:%20a",
            "urn:example:e",
        ] {
            assert_eq!(uri_reference_error(good), None, "{good}");
        }
        for bad in [
            "",
            "has space",
            "tab\there",
            "é",
            "50%",
            "%zz",
            "<x>",
            "a\"b",
            "a\\b",
        ] {
            assert!(uri_reference_error(bad).is_some(), "{bad}");
        }
    }

    #[test]
    fn static_problem_body_is_compact_and_ordered() {
        let body = static_problem_body("about:blank", "Not Found", 404, "no \"x\"", None);
        assert_eq!(
            body,
            r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"no \"x\""}"#
        );
    }
}
