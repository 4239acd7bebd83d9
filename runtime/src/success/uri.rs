//! The percent-encoding of a `location` or link: every byte RFC 3986 does
//! not allow in a URI reference, so that no input can break a header line,
//! a `<…>` of a `link`, or a JSON string.

use percent_encoding::{utf8_percent_encode, AsciiSet, CONTROLS};

/// What is encoded: every byte but letters, digits, `-._~:/?#[]@!$&'()*+,;=`
/// and `%` (RFC 3986 §2.2, §2.3: the unreserved and reserved characters,
/// plus `%` itself). `CONTROLS` covers 0x00–0x1F and 0x7F; `utf8_percent_encode`
/// encodes every non-ASCII byte on its own; the printable ASCII left are
/// these ten.
const NOT_IN_URI_REFERENCE: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'<')
    .add(b'>')
    .add(b'\\')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

/// `uri` with every byte outside a URI reference's characters
/// percent-encoded (`%0D`, `%20`, `%22`, `%C3%A9`, upper-case hex). An
/// existing `%` stays as it is, so an already encoded URI is not encoded
/// twice; the price is that a `%` followed by two hex digits in the input
/// (`%41`) decodes as the byte it encodes (`A`), not as itself.
///
/// The result is visible ASCII without `"`, `\`, `<` or `>`: always a valid
/// header value, never breaks out of `<…>` or a JSON string.
pub(crate) fn encode(uri: String) -> String {
    let mut chunks = utf8_percent_encode(&uri, NOT_IN_URI_REFERENCE);
    match chunks.next() {
        // One chunk that is the input itself (same address and length, not
        // an escape such as the static "%22"): nothing to encode, so the
        // input is kept without a copy.
        Some(first) if std::ptr::eq(first, uri.as_str()) => uri,
        Some(first) => {
            let mut encoded = String::with_capacity(uri.len() + 8);
            encoded.push_str(first);
            encoded.extend(chunks);
            encoded
        }
        None => uri,
    }
}

#[cfg(test)]
mod tests {
    use super::encode;

    #[test]
    fn encodes_exactly_what_a_uri_reference_does_not_allow() {
        let allowed = "azAZ09-._~:/?#[]@!$&'()*+,;=%";
        assert_eq!(encode(allowed.to_owned()), allowed);
        assert_eq!(
            encode("/a b\"<>\\^`{|}\r\n\t\u{7f}é".to_owned()),
            "/a%20b%22%3C%3E%5C%5E%60%7B%7C%7D%0D%0A%09%7F%C3%A9"
        );
        // A lone byte to encode is one escape chunk, not the input.
        assert_eq!(encode("\"".to_owned()), "%22");
        assert_eq!(encode(" ".to_owned()), "%20");
        assert_eq!(encode(String::new()), "");
        assert_eq!(encode("é".to_owned()), "%C3%A9");
    }
}
