//! Section 12, feature `xml`: Rails' `Hash#to_xml` shape and RFC 9457
//! appendix B's problem+xml, well-formed for any message and field name,
//! read back by an independent XML parser (roxmltree).
#![cfg(feature = "xml")]

mod support;

use std::borrow::Cow;

use api_status::http::header::CONTENT_TYPE;
use api_status::http::StatusCode;
use api_status::{ApiError, FieldErrors, Format, OAuthErrorCode};
use proptest::prelude::*;
use support::AccountError;

fn body(error: &impl ApiError, format: Format) -> String {
    let response = error.to_response_in(format);
    assert_eq!(response.headers()[CONTENT_TYPE], format.content_type());
    String::from_utf8(response.body().to_vec()).unwrap()
}

fn invalid() -> AccountError {
    let mut errors = FieldErrors::new();
    errors
        .add("name", "can't be blank")
        .add("name", "can't be a number")
        .add("customer_id", "is <invalid> & \"odd\"");
    AccountError::Invalid { errors }
}

#[test]
fn rails_hash_to_xml_shape() {
    assert_eq!(
        body(&invalid(), Format::Xml),
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <hash>\n  \
           <message>the account could not be saved</message>\n  \
           <errors>\n    \
             <name type=\"array\">\n      \
               <name>can't be blank</name>\n      \
               <name>can't be a number</name>\n    \
             </name>\n    \
             <customer-id type=\"array\">\n      \
               <customer-id>is &lt;invalid&gt; &amp; \"odd\"</customer-id>\n    \
             </customer-id>\n  \
           </errors>\n\
         </hash>\n"
    );
    assert_eq!(
        body(&AccountError::BadCredentials, Format::Xml),
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <hash>\n  \
           <message>the provided authorization grant is invalid</message>\n  \
           <error>invalid_grant</error>\n  \
           <error-description>the provided authorization grant is invalid</error-description>\n\
         </hash>\n"
    );
    assert_eq!(
        body(&AccountError::NotFound { id: 7 }, Format::Xml),
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<hash>\n  <message>account 7 not found</message>\n</hash>\n"
    );
}

#[test]
fn rfc_9457_appendix_b_shape() {
    assert_eq!(
        body(&invalid(), Format::ProblemXml),
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <problem xmlns=\"urn:ietf:rfc:7807\">\n  \
           <type>about:blank</type>\n  \
           <title>Unprocessable Entity</title>\n  \
           <status>422</status>\n  \
           <detail>the account could not be saved</detail>\n  \
           <errors>\n    \
             <name>\n      \
               <i>can't be blank</i>\n      \
               <i>can't be a number</i>\n    \
             </name>\n    \
             <customer_id>\n      \
               <i>is &lt;invalid&gt; &amp; \"odd\"</i>\n    \
             </customer_id>\n  \
           </errors>\n\
         </problem>\n"
    );
}

#[test]
fn a_field_without_messages() {
    let errors: FieldErrors = serde_json::from_str(r#"{"tags":[]}"#).unwrap();
    let error = AccountError::Invalid { errors };
    assert!(body(&error, Format::Xml).contains("\n    <tags type=\"array\"/>\n"));
    assert!(body(&error, Format::ProblemXml).contains("\n    <tags>\n    </tags>\n"));
}

#[test]
fn names_that_are_not_xml_names() {
    let mut errors = FieldErrors::new();
    for name in [
        "items[0].name",
        "first name",
        "1st",
        "<x>",
        "a:b",
        "é",
        "-x",
        "\"q\"\n",
        "a-b",
        "a_b",
    ] {
        errors.add(name, "bad");
    }
    let problem_xml = body(
        &AccountError::Invalid {
            errors: errors.clone(),
        },
        Format::ProblemXml,
    );
    let xml = body(&AccountError::Invalid { errors }, Format::Xml);
    // Dasherized, `a-b` would read back as `a_b`: its own `-` keeps it in
    // the attribute, while `a_b` is `<a-b>`. problem+xml keeps names as
    // they are, so `a-b` is plain there.
    assert!(
        xml.contains("<field name=\"a-b\" type=\"array\">\n      <field>bad</field>"),
        "{xml}"
    );
    assert!(
        xml.contains("<a-b type=\"array\">\n      <a-b>bad</a-b>"),
        "{xml}"
    );
    assert!(
        problem_xml.contains("<a-b>\n      <i>bad</i>\n    </a-b>"),
        "{problem_xml}"
    );
    assert!(
        problem_xml.contains("<a_b>\n      <i>bad</i>\n    </a_b>"),
        "{problem_xml}"
    );
    assert!(
        xml.contains("<field name=\"items[0].name\" type=\"array\">\n      <field>bad</field>"),
        "{xml}"
    );
    assert!(
        xml.contains("<field name=\"&lt;x&gt;\" type=\"array\">"),
        "{xml}"
    );
    assert!(
        xml.contains("<field name=\"&quot;q&quot;&#10;\" type=\"array\">"),
        "{xml}"
    );
    roxmltree::Document::parse(&xml).unwrap();
}

#[derive(Debug, thiserror::Error, ApiError)]
enum CreditError {
    #[error("out of credit")]
    #[status(forbidden)]
    #[problem(
        type = "https://example.com/probs/out-of-credit",
        title = "You do not have enough credit."
    )]
    #[message("your balance is {balance} & the cost is 50")]
    OutOfCredit { balance: u32 },

    #[error("token {0} expired")]
    #[status(unauthorized)]
    #[oauth(invalid_token)]
    #[message("token \"{0}\" expired")]
    Expired(String),
}

#[test]
fn problem_xml_with_problem_and_oauth_members() {
    // RFC 9457 appendix B, with `#[problem]`'s type and title.
    assert_eq!(
        body(
            &CreditError::OutOfCredit { balance: 30 },
            Format::ProblemXml
        ),
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <problem xmlns=\"urn:ietf:rfc:7807\">\n  \
           <type>https://example.com/probs/out-of-credit</type>\n  \
           <title>You do not have enough credit.</title>\n  \
           <status>403</status>\n  \
           <detail>your balance is 30 &amp; the cost is 50</detail>\n\
         </problem>\n"
    );
    // OAuth: `error` and `error_description` (RFC 6749's characters).
    assert_eq!(
        body(&CreditError::Expired("<t1>".to_owned()), Format::ProblemXml),
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <problem xmlns=\"urn:ietf:rfc:7807\">\n  \
           <type>about:blank</type>\n  \
           <title>Unauthorized</title>\n  \
           <status>401</status>\n  \
           <detail>token \"&lt;t1&gt;\" expired</detail>\n  \
           <error>invalid_token</error>\n  \
           <error_description>token '&lt;t1&gt;' expired</error_description>\n\
         </problem>\n"
    );
    assert_eq!(
        body(&CreditError::Expired("<t1>".to_owned()), Format::Xml),
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <hash>\n  \
           <message>token \"&lt;t1&gt;\" expired</message>\n  \
           <error>invalid_token</error>\n  \
           <error-description>token '&lt;t1&gt;' expired</error-description>\n\
         </hash>\n"
    );
}

/// A hand-written error with any message and field errors.
struct Any {
    message: String,
    errors: FieldErrors,
    oauth: bool,
}

impl ApiError for Any {
    fn status(&self) -> StatusCode {
        if self.oauth {
            StatusCode::UNAUTHORIZED
        } else {
            StatusCode::UNPROCESSABLE_ENTITY
        }
    }
    fn message(&self) -> Cow<'_, str> {
        Cow::Borrowed(&self.message)
    }
    fn field_errors(&self) -> Option<Cow<'_, FieldErrors>> {
        (!self.oauth).then_some(Cow::Borrowed(&self.errors))
    }
    fn oauth_error(&self) -> Option<OAuthErrorCode> {
        self.oauth.then_some(OAuthErrorCode::InvalidToken)
    }
}

/// What XML keeps of a text: characters XML 1.0 forbids become U+FFFD.
fn as_xml_keeps(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => c,
            '\u{0}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}' => '\u{FFFD}',
            c => c,
        })
        .collect()
}

fn child<'a>(node: roxmltree::Node<'a, 'a>, name: &str) -> roxmltree::Node<'a, 'a> {
    node.children()
        .find(|child| child.has_tag_name(name))
        .unwrap_or_else(|| panic!("no <{name}>"))
}

/// The original field name of an element: its `name` attribute, else its
/// own name (`-` back to `_` in the Rails shape).
fn field_name(node: roxmltree::Node<'_, '_>, rails: bool) -> String {
    match node.attribute("name") {
        Some(name) => name.to_owned(),
        None if rails => node.tag_name().name().replace('-', "_"),
        None => node.tag_name().name().to_owned(),
    }
}

proptest! {
    #[test]
    fn any_message_and_field_name_is_well_formed_and_reads_back(
        message in any::<String>(),
        fields in prop::collection::vec((any::<String>(), prop::collection::vec(any::<String>(), 1..3)), 0..4),
        oauth in any::<bool>(),
    ) {
        let mut errors = FieldErrors::new();
        for (name, messages) in &fields {
            for text in messages {
                errors.add(name.as_str(), text.as_str());
            }
        }
        let error = Any { message: message.clone(), errors: errors.clone(), oauth };
        for format in [Format::Xml, Format::ProblemXml] {
            let rails = format == Format::Xml;
            let xml = body(&error, format);
            let document = roxmltree::Document::parse(&xml)
                .map_err(|e| TestCaseError::fail(format!("{e}: {xml}")))?;
            let root = document.root_element();
            let detail = child(root, if rails { "message" } else { "detail" });
            prop_assert_eq!(detail.text().unwrap_or_default(), as_xml_keeps(&message));
            if oauth {
                prop_assert_eq!(child(root, "error").text(), Some("invalid_token"));
                continue;
            }
            let read: Vec<(String, Vec<String>)> = child(root, "errors")
                .children()
                .filter(|node| node.is_element())
                .map(|field| {
                    let messages = field
                        .children()
                        .filter(|node| node.is_element())
                        .map(|item| item.text().unwrap_or_default().to_owned())
                        .collect();
                    (field_name(field, rails), messages)
                })
                .collect();
            let expected: Vec<(String, Vec<String>)> = errors
                .iter()
                .map(|(name, messages)| {
                    (as_xml_keeps(name), messages.iter().map(|m| as_xml_keeps(m)).collect())
                })
                .collect();
            prop_assert_eq!(read, expected);
        }
    }
}
