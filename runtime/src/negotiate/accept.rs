//! Reading `Accept` (RFC 9110 §12.5.1) and choosing a [`Format`].
//!
//! Written by hand over the header's bytes, without allocating: the rules
//! take about a hundred lines, and the crates that parse `Accept` build a
//! `Vec` of owned media types per request, which would cost more than the
//! error response itself. The tests check it against `headers-accept`.
//!
//! - Each field line is a comma-separated list (commas inside quoted
//!   parameter values do not split it); every field line counts.
//! - A member that does not parse (no `/`, a bad token, a bad `q`, a
//!   parameter without `=`) is skipped; the others still count.
//! - A range with a parameter other than `q` matches only a representation
//!   with that parameter (RFC 9110 §12.5.1): none of ours has one, so such a
//!   range never matches.
//! - For each format, the most specific matching range decides its quality
//!   (`type/subtype` over `type/*` over `*/*`; the highest `q` among equally
//!   specific ones); `q=0` excludes it.
//! - XML is acceptable as `application/xml` or `text/xml`, but always
//!   answers `application/xml`: when that type is excluded (`q=0`), XML is
//!   not chosen through `text/xml` or `text/*` either.
//! - The format with the highest quality wins; ties go to the server's order
//!   ([`Format`]'s). Nothing acceptable, no `Accept`: JSON.

use super::Format;

/// The media types the server offers, each with its format, in the server's
/// order of preference.
const OFFERS: [(&[u8], &[u8], Format); 5] = [
    (b"application", b"json", Format::Json),
    (b"application", b"problem+json", Format::ProblemJson),
    (b"application", b"xml", Format::Xml),
    (b"text", b"xml", Format::Xml),
    (b"application", b"problem+xml", Format::ProblemXml),
];

/// Where `application/xml` and `text/xml` are in [`OFFERS`].
const XML_SLOT: usize = 2;
const TEXT_XML_SLOT: usize = 3;

/// For one offered media type: the specificity (2 for `type/subtype`, 1 for
/// `type/*`, 0 for `*/*`) and the quality (thousandths) of the best range
/// that matched it.
type Best = Option<(u8, u16)>;

/// The format the request's `Accept` prefers among those this build
/// offers (`xml` ones only with the `xml` feature).
/// The values are the request's `Accept` field lines, as bytes (so that
/// actix-web's `http` 0.2 headers are read the same way).
pub(crate) fn choose<'a>(mut values: impl Iterator<Item = &'a [u8]>) -> Format {
    let Some(first) = values.next() else {
        return Format::Json;
    };
    let second = values.next();
    if second.is_none() {
        if let Some(format) = common(first) {
            return format;
        }
    }
    let mut best: [Best; 5] = [None; 5];
    for value in std::iter::once(first).chain(second).chain(values) {
        for member in split_members(value) {
            if let Some(range) = parse_range(member) {
                range.rank(&mut best);
            }
        }
    }
    // The XML format is offered as `text/xml` too, but always answers
    // `application/xml`: a client that excluded that type with `q=0` does
    // not get it through `text/*` (RFC 9110 §12.4.2).
    if matches!(best[XML_SLOT], Some((_, 0))) {
        best[TEXT_XML_SLOT] = None;
    }
    let mut chosen = Format::Json;
    let mut chosen_q = 0;
    for (slot, (_, _, format)) in best.iter().zip(OFFERS) {
        if !format.is_offered() {
            continue;
        }
        if let Some((_, q)) = *slot {
            // Strictly greater: a tie keeps the format the server prefers.
            if q > chosen_q {
                chosen = format;
                chosen_q = q;
            }
        }
    }
    chosen
}

/// One media range of `Accept`.
struct Range<'a> {
    ty: &'a [u8],
    subtype: &'a [u8],
    /// Thousandths: 1000 unless a `q` says otherwise.
    q: u16,
    /// Whether a parameter other than `q` narrows it.
    has_params: bool,
}

impl Range<'_> {
    /// Records this range's quality for each offered media type it matches
    /// more specifically (or as specifically, with a higher `q`) than the
    /// ranges before it.
    fn rank(&self, best: &mut [Best; 5]) {
        if self.has_params {
            return;
        }
        // The type is compared once, not once per offer.
        let any_type = self.ty == b"*";
        let application = !any_type && self.ty.eq_ignore_ascii_case(b"application");
        let text = !any_type && !application && self.ty.eq_ignore_ascii_case(b"text");
        if !(any_type || application || text) {
            return;
        }
        let any_subtype = self.subtype == b"*";
        for (slot, (ty, subtype, _)) in best.iter_mut().zip(OFFERS) {
            let type_matches = any_type || (application == (ty == b"application"));
            if !type_matches {
                continue;
            }
            let specificity = match (any_type, any_subtype) {
                (true, _) => 0,
                (false, true) => 1,
                (false, false) if self.subtype.eq_ignore_ascii_case(subtype) => 2,
                (false, false) => continue,
            };
            let better = match *slot {
                None => true,
                Some((s, q)) => specificity > s || (specificity == s && self.q > q),
            };
            if better {
                *slot = Some((specificity, self.q));
            }
        }
    }
}

/// The answer for the `Accept` values clients send most (curl's and
/// `fetch`'s `*/*`, axios' default, a single exact type), found by one
/// comparison instead of a parse; `None` for any other value. Each answer
/// is what the full parse gives (a test checks it).
///
/// Slice equality rather than a `match` on byte-string patterns: the
/// `match` compiles to one compare and branch per byte, `==` to a length
/// check and a few word-sized compares.
fn common(value: &[u8]) -> Option<Format> {
    if value == b"application/json, text/plain, */*"
        || value == b"*/*"
        || value == b"application/json"
    {
        Some(Format::Json)
    } else if value == b"application/problem+json" {
        Some(Format::ProblemJson)
    } else {
        None
    }
}

/// The members of one field line: split on commas outside quoted strings.
fn split_members(value: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut rest = value;
    std::iter::from_fn(move || loop {
        if rest.is_empty() {
            return None;
        }
        let mut quoted = false;
        let mut escaped = false;
        let mut end = rest.len();
        for (index, &byte) in rest.iter().enumerate() {
            if escaped {
                escaped = false;
            } else if quoted && byte == b'\\' {
                escaped = true;
            } else if byte == b'"' {
                quoted = !quoted;
            } else if byte == b',' && !quoted {
                end = index;
                break;
            }
        }
        let (member, next) = rest.split_at(end);
        rest = next.get(1..).unwrap_or_default();
        let member = trim_ows(member);
        // An empty member (`a, , b`) is allowed by the list syntax and skipped.
        if !member.is_empty() {
            return Some(member);
        }
    })
}

/// `media-range [ weight ]`: `type/subtype *( OWS ";" OWS parameter )`, or
/// `None` when it does not parse.
fn parse_range(member: &[u8]) -> Option<Range<'_>> {
    let (ty, rest) = take_token(member)?;
    let rest = rest.strip_prefix(b"/")?;
    let (subtype, mut rest) = take_token(rest)?;
    // `*/json` is not a media range.
    if ty == b"*" && subtype != b"*" {
        return None;
    }
    let mut range = Range {
        ty,
        subtype,
        q: 1000,
        has_params: false,
    };
    loop {
        rest = trim_start_ows(rest);
        if rest.is_empty() {
            return Some(range);
        }
        rest = trim_start_ows(rest.strip_prefix(b";")?);
        let (name, after) = take_token(rest)?;
        let after = after.strip_prefix(b"=")?;
        let (value, after) = take_value(after)?;
        if name.eq_ignore_ascii_case(b"q") {
            range.q = parse_q(value)?;
        } else {
            range.has_params = true;
        }
        rest = after;
    }
}

/// `qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )`, in
/// thousandths (RFC 9110 §12.4.2).
fn parse_q(value: &[u8]) -> Option<u16> {
    let (whole, fraction) = match value {
        [whole] => (*whole, &[][..]),
        [whole, b'.', fraction @ ..] if fraction.len() <= 3 => (*whole, fraction),
        _ => return None,
    };
    let mut thousandths = 0u16;
    for position in 0..3 {
        let digit = match fraction.get(position) {
            Some(digit) if digit.is_ascii_digit() => u16::from(digit - b'0'),
            Some(_) => return None,
            None => 0,
        };
        thousandths = thousandths * 10 + digit;
    }
    match whole {
        b'0' => Some(thousandths),
        b'1' if thousandths == 0 => Some(1000),
        _ => None,
    }
}

/// A parameter value: a token or a quoted string (its contents are not
/// needed, only its end).
fn take_value(input: &[u8]) -> Option<(&[u8], &[u8])> {
    if input.first() != Some(&b'"') {
        return take_token(input);
    }
    let mut escaped = false;
    for (index, &byte) in input.iter().enumerate().skip(1) {
        if escaped {
            escaped = false;
        } else if byte == b'\\' {
            escaped = true;
        } else if byte == b'"' {
            return Some(input.split_at(index + 1));
        }
    }
    None
}

/// A non-empty `token` (RFC 9110 §5.6.2) at the start of `input`, and what
/// follows it.
fn take_token(input: &[u8]) -> Option<(&[u8], &[u8])> {
    let end = input
        .iter()
        .position(|&byte| !is_tchar(byte))
        .unwrap_or(input.len());
    (end > 0).then(|| input.split_at(end))
}

/// `tchar`: visible ASCII except the delimiters `"(),/:;<=>?@[\]{}`.
#[inline]
fn is_tchar(byte: u8) -> bool {
    TCHAR[usize::from(byte)]
}

/// [`is_tchar`] for each byte.
const TCHAR: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        let b = byte as u8;
        table[byte] = b.is_ascii_alphanumeric()
            || matches!(
                b,
                b'!' | b'#'
                    | b'$'
                    | b'%'
                    | b'&'
                    | b'\''
                    | b'*'
                    | b'+'
                    | b'-'
                    | b'.'
                    | b'^'
                    | b'_'
                    | b'`'
                    | b'|'
                    | b'~'
            );
        byte += 1;
    }
    table
};

fn trim_start_ows(input: &[u8]) -> &[u8] {
    let start = input
        .iter()
        .position(|&byte| byte != b' ' && byte != b'\t')
        .unwrap_or(input.len());
    input.get(start..).unwrap_or_default()
}

fn trim_ows(input: &[u8]) -> &[u8] {
    let input = trim_start_ows(input);
    let end = input
        .iter()
        .rposition(|&byte| byte != b' ' && byte != b'\t')
        .map_or(0, |last| last + 1);
    input.get(..end).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::{choose, common, parse_q, parse_range, split_members};

    #[test]
    fn common_values_answer_as_the_parse_does() {
        for value in [
            &b"*/*"[..],
            b"application/json",
            b"application/json, text/plain, */*",
            b"application/problem+json",
        ] {
            let parsed = choose([value, b""].into_iter());
            assert_eq!(
                common(value),
                Some(parsed),
                "{:?}",
                String::from_utf8_lossy(value)
            );
        }
    }

    #[test]
    fn q_values_follow_the_grammar() {
        // RFC 9110 §12.4.2
        assert_eq!(parse_q(b"0"), Some(0));
        assert_eq!(parse_q(b"0.5"), Some(500));
        assert_eq!(parse_q(b"0.05"), Some(50));
        assert_eq!(parse_q(b"0.001"), Some(1));
        assert_eq!(parse_q(b"1"), Some(1000));
        assert_eq!(parse_q(b"1.000"), Some(1000));
        for bad in [
            &b"1.5"[..],
            b"0.0001",
            b"2",
            b".5",
            b"",
            b"0.",
            b"1.",
            b"0.a",
            b"-0",
        ] {
            let expected = match bad {
                b"0." => Some(0),
                b"1." => Some(1000),
                _ => None,
            };
            assert_eq!(parse_q(bad), expected, "{:?}", String::from_utf8_lossy(bad));
        }
    }

    #[test]
    fn members_split_outside_quotes() {
        let members: Vec<&[u8]> = split_members(br#"a/b;x="1,2", , c/d ,"#).collect();
        assert_eq!(members, [&br#"a/b;x="1,2""#[..], b"c/d"]);
    }

    #[test]
    fn malformed_ranges_do_not_parse() {
        for bad in [
            &b"json"[..],
            b"application/",
            b"/json",
            b"*/json",
            b"a/b;q",
            b"a/b;q=2",
            b"a/b c",
            b"a/b;x=\"open",
        ] {
            assert!(
                parse_range(bad).is_none(),
                "{:?}",
                String::from_utf8_lossy(bad)
            );
        }
        assert!(parse_range(b"a/b ; Q=0.5 ; x=\"y;z\"").is_some());
    }
}
