//! XML (contract section 12, feature `xml`): any message and any field
//! names give `application/xml` and `application/problem+xml` documents that
//! a real XML parser (roxmltree) accepts, in which the message, the field
//! names and their messages read back as given, but for the characters
//! XML 1.0 forbids, which become U+FFFD as the module documents.
#![no_main]

use api_status::{ApiError, FieldErrors, Format};
use libfuzzer_sys::fuzz_target;

#[derive(Debug, thiserror::Error, ApiError)]
enum Failure {
    #[error("{0}")]
    #[status(unprocessable_entity)]
    #[problem(type = "https://example.com/problems/invalid", title = "Invalid")]
    Invalid(String, #[field_errors] FieldErrors),

    #[error("{0}")]
    #[status(unauthorized)]
    #[oauth(invalid_token)]
    Token(String),
}

/// XML 1.0 §2.2's Char production.
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

fn readable(s: &str) -> String {
    s.chars()
        .map(|c| if xml_char(c) { c } else { '\u{FFFD}' })
        .collect()
}

/// The module's rule: ASCII, a letter or `_` first, then letters, digits,
/// `-`, `_` and `.`.
fn plain(name: &str) -> bool {
    let mut bytes = name.bytes();
    bytes
        .next()
        .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
        && bytes.all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b))
}

/// A field as the document must show it: as an element's own name (the
/// name, dasherized in the Rails shape) when that is a plain name (and, in
/// the Rails shape, has no `-` of its own, which would read back as `_`),
/// else in a `name` attribute, as given but for the characters XML forbids.
fn shown(name: &str, dasherized: bool) -> String {
    let key = if dasherized {
        name.replace('_', "-")
    } else {
        name.to_owned()
    };
    if plain(&key) && !(dasherized && name.contains('-')) {
        format!("element {key}")
    } else {
        format!("attribute {}", readable(name))
    }
}

/// How a field element shows its name.
fn field_name(node: roxmltree::Node) -> String {
    match (node.tag_name().name(), node.attribute("name")) {
        ("field", Some(name)) => format!("attribute {name}"),
        (element, _) => format!("element {element}"),
    }
}

/// The child elements of `node`.
fn elements<'a, 'input>(node: roxmltree::Node<'a, 'input>) -> Vec<roxmltree::Node<'a, 'input>> {
    node.children().filter(|child| child.is_element()).collect()
}

fn text(node: roxmltree::Node) -> String {
    node.text().unwrap_or_default().to_owned()
}

fuzz_target!(|input: (String, Vec<(String, Vec<String>)>)| {
    let (message, fields) = input;
    let mut errors = FieldErrors::new();
    for (field, messages) in &fields {
        for text in messages {
            errors.add(field.as_str(), text.as_str());
        }
    }
    let error = Failure::Invalid(message.clone(), errors.clone());

    for format in [Format::Xml, Format::ProblemXml] {
        let response = error.to_response_in(format);
        let body = std::str::from_utf8(response.body()).expect("UTF-8");
        let document = roxmltree::Document::parse(body).expect("well-formed XML");
        let root = document.root_element();
        let child = |name: &str| {
            elements(root)
                .into_iter()
                .find(|c| c.tag_name().name() == name)
        };
        let (message_element, dasherized) = match format {
            Format::Xml => ("message", true),
            _ => ("detail", false),
        };
        assert_eq!(
            text(child(message_element).expect("the message")),
            readable(&message)
        );
        let read: Vec<(String, Vec<String>)> = elements(child("errors").expect("errors"))
            .into_iter()
            .map(|field| {
                let messages = elements(field).into_iter().map(text).collect();
                (field_name(field), messages)
            })
            .collect();
        let expected: Vec<(String, Vec<String>)> = errors
            .iter()
            .map(|(name, messages)| {
                (
                    shown(name, dasherized),
                    messages.iter().map(|m| readable(m)).collect(),
                )
            })
            .collect();
        assert_eq!(read, expected);
    }

    let token = Failure::Token(message.clone()).to_response_in(Format::Xml);
    let body = std::str::from_utf8(token.body()).expect("UTF-8");
    roxmltree::Document::parse(body).expect("well-formed XML");
});
