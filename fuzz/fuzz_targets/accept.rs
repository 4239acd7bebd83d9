//! `Accept` (contract section 12): any field lines pick one of the offered
//! formats, never panic, and agree with a slow reference written plainly
//! here from RFC 9110 §12.5.1 (§5.6.1 lists, §5.6.2 tokens, §5.6.4 quoted
//! strings, §5.6.6 parameters, §12.4.2 qvalues).
#![no_main]

use api_status::http::{header::ACCEPT, HeaderMap, HeaderValue};
use api_status::Format;
use libfuzzer_sys::fuzz_target;

/// The server's formats in its order of preference, with their media types.
const OFFERS: [(Format, &[&str]); 4] = [
    (Format::Json, &["application/json"]),
    (Format::ProblemJson, &["application/problem+json"]),
    (Format::Xml, &["application/xml", "text/xml"]),
    (Format::ProblemXml, &["application/problem+xml"]),
];

/// §5.6.2: tchar.
fn is_token(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".as_bytes().contains(&b))
}

/// Splits `s` at `separator` where it is not inside a quoted string.
fn split_unquoted(s: &[u8], separator: u8) -> Vec<&[u8]> {
    let (mut parts, mut start, mut quoted, mut escaped) = (Vec::new(), 0, false, false);
    for (i, &b) in s.iter().enumerate() {
        if escaped {
            escaped = false;
        } else if quoted && b == b'\\' {
            escaped = true;
        } else if b == b'"' {
            quoted = !quoted;
        } else if b == separator && !quoted {
            parts.push(&s[start..i]);
            start = i + 1;
        }
    }
    parts.push(&s[start..]);
    parts
}

fn trim(s: &[u8]) -> &[u8] {
    let is_ows = |b: &u8| *b == b' ' || *b == b'\t';
    let start = s.iter().position(|b| !is_ows(b)).unwrap_or(s.len());
    let end = s.iter().rposition(|b| !is_ows(b)).map_or(start, |i| i + 1);
    &s[start..end.max(start)]
}

/// §5.6.4: a whole quoted string (the reference does not check qdtext).
fn is_quoted_string(s: &str) -> bool {
    let Some(inner) = s.strip_prefix('"').and_then(|s| s.strip_suffix('"')) else {
        return false;
    };
    let mut escaped = false;
    for c in inner.chars() {
        match (escaped, c) {
            (true, _) => escaped = false,
            (false, '\\') => escaped = true,
            (false, '"') => return false,
            _ => {}
        }
    }
    !escaped
}

/// §12.4.2: qvalue, in thousandths.
fn qvalue(s: &str) -> Option<u32> {
    let (whole, fraction) = s.split_once('.').unwrap_or((s, ""));
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let thousandths: u32 = format!("{fraction:0<3}").parse().ok()?;
    match whole {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

/// A media range: type, subtype, weight, and whether it has a parameter
/// other than the weight (then it matches none of the offered types, which
/// have none).
struct Range {
    ty: String,
    subtype: String,
    q: u32,
    narrowed: bool,
}

fn parse(member: &[u8]) -> Option<Range> {
    let mut parts = split_unquoted(member, b';').into_iter();
    let media = std::str::from_utf8(trim(parts.next()?)).ok()?;
    let (ty, subtype) = media.split_once('/')?;
    if !is_token(ty) || !is_token(subtype) || (ty == "*" && subtype != "*") {
        return None;
    }
    let mut range = Range {
        ty: ty.to_ascii_lowercase(),
        subtype: subtype.to_ascii_lowercase(),
        q: 1000,
        narrowed: false,
    };
    for parameter in parts {
        let parameter = std::str::from_utf8(trim(parameter)).ok()?;
        let (name, value) = parameter.split_once('=')?;
        if !is_token(name) || !(is_token(value) || is_quoted_string(value)) {
            return None;
        }
        if name.eq_ignore_ascii_case("q") {
            range.q = qvalue(value)?;
        } else {
            range.narrowed = true;
        }
    }
    Some(range)
}

/// How specific `range` is for `media_type`, if it matches: `*/*` 0,
/// `type/*` 1, `type/subtype` 2.
fn specificity(range: &Range, media_type: &str) -> Option<u8> {
    let (ty, subtype) = media_type.split_once('/')?;
    match (range.ty.as_str(), range.subtype.as_str()) {
        _ if range.narrowed => None,
        ("*", "*") => Some(0),
        (t, "*") if t == ty => Some(1),
        (t, s) if t == ty && s == subtype => Some(2),
        _ => None,
    }
}

fn reference(lines: &[&[u8]]) -> Format {
    let ranges: Vec<Range> = lines
        .iter()
        .flat_map(|line| split_unquoted(line, b','))
        .map(trim)
        .filter(|member| !member.is_empty())
        .filter_map(parse)
        .collect();
    // A media type's weight, if a range matches it: the most specific
    // matching range decides (the highest weight among equally specific).
    let weight = |media_type: &str| -> Option<u32> {
        let matching: Vec<(u8, u32)> = ranges
            .iter()
            .filter_map(|range| Some((specificity(range, media_type)?, range.q)))
            .collect();
        let most = matching.iter().map(|(s, _)| *s).max()?;
        matching
            .iter()
            .filter(|(s, _)| *s == most)
            .map(|(_, q)| *q)
            .max()
    };
    // Each format's quality: its best media type's. A format answers as its
    // first media type, so when that one is excluded (`q=0`, §12.4.2) the
    // format is not acceptable through another (`text/xml` for XML).
    let quality = |types: &[&str]| -> u32 {
        if types.first().and_then(|first| weight(first)) == Some(0) {
            return 0;
        }
        types
            .iter()
            .filter_map(|media_type| weight(media_type))
            .max()
            .unwrap_or(0)
    };
    let mut chosen = (Format::Json, 0);
    for (format, types) in OFFERS {
        let q = quality(types);
        if q > chosen.1 {
            chosen = (format, q);
        }
    }
    chosen.0
}

fuzz_target!(|data: &[u8]| {
    // Up to three field lines, separated by newlines in the input.
    let lines: Vec<&[u8]> = data.split(|&b| b == b'\n').take(3).collect();
    let mut headers = HeaderMap::new();
    let mut kept = Vec::new();
    for line in &lines {
        if let Ok(value) = HeaderValue::from_bytes(line) {
            headers.append(ACCEPT, value);
            kept.push(*line);
        }
    }
    let chosen = Format::from_request(&headers);
    let expected = if kept.is_empty() {
        Format::Json
    } else {
        reference(&kept)
    };
    assert_eq!(
        chosen,
        expected,
        "{:?}",
        kept.iter()
            .map(|l| String::from_utf8_lossy(l))
            .collect::<Vec<_>>()
    );
});
