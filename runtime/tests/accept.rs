//! Section 12: the choice of format by `Accept` (RFC 9110 §12.5.1), case by
//! case and against an independent parser, `headers-accept`.

use api_status::http::header::ACCEPT;
use api_status::http::{HeaderMap, HeaderValue};
use api_status::Format;
use proptest::prelude::*;

fn choose(lines: &[&str]) -> Format {
    let mut headers = HeaderMap::new();
    for line in lines {
        headers.append(ACCEPT, HeaderValue::from_str(line).unwrap());
    }
    Format::from_request(&headers)
}

/// With the feature `xml`, the XML formats; without it, nothing acceptable:
/// JSON.
const XML: Format = if cfg!(feature = "xml") {
    Format::Xml
} else {
    Format::Json
};
const PROBLEM_XML: Format = if cfg!(feature = "xml") {
    Format::ProblemXml
} else {
    Format::Json
};

#[test]
fn no_accept_is_json() {
    // RFC 9110 §12.5.1: "A request without any Accept header field implies
    // that the user agent will accept any media type in response."
    assert_eq!(choose(&[]), Format::Json);
}

#[test]
fn wildcards_go_to_the_servers_first_choice() {
    // RFC 9110 §12.5.1: `*/*` and `type/*` match every type (of that type);
    // equal qualities leave the choice to the server.
    assert_eq!(choose(&["*/*"]), Format::Json);
    assert_eq!(choose(&["application/*"]), Format::Json);
    assert_eq!(choose(&["text/*"]), XML);
}

#[test]
fn an_exact_type_is_chosen() {
    assert_eq!(choose(&["application/json"]), Format::Json);
    assert_eq!(choose(&["application/problem+json"]), Format::ProblemJson);
    assert_eq!(choose(&["application/xml"]), XML);
    assert_eq!(choose(&["text/xml"]), XML);
    assert_eq!(choose(&["application/problem+xml"]), PROBLEM_XML);
    // RFC 9110 §8.3.1: type and subtype are case-insensitive.
    assert_eq!(choose(&["Application/Problem+JSON"]), Format::ProblemJson);
}

#[test]
fn q_values_rank_the_formats() {
    // RFC 9110 §12.4.2: the highest quality wins.
    assert_eq!(
        choose(&["application/json;q=0.5, application/problem+json"]),
        Format::ProblemJson
    );
    assert_eq!(
        choose(&["application/json;q=0.9, application/problem+json;q=0.8"]),
        Format::Json
    );
    assert_eq!(
        choose(&["*/*;q=0.1, application/problem+json;q=0.2"]),
        Format::ProblemJson
    );
    // RFC 9110 §12.4.2: "q" is case-insensitive, OWS around ";" allowed.
    assert_eq!(
        choose(&["application/json ; Q=0.1 , application/problem+json ;q=0.11"]),
        Format::ProblemJson
    );
    // Three decimals are significant.
    assert_eq!(
        choose(&["application/json;q=0.001, application/problem+json;q=0.002"]),
        Format::ProblemJson
    );
}

#[test]
fn ties_go_to_the_servers_order() {
    // RFC 9110 §12.5.1 leaves equal qualities to the server: JSON first.
    assert_eq!(
        choose(&["application/problem+json, application/json"]),
        Format::Json
    );
    assert_eq!(
        choose(&["application/problem+json;q=0.5, application/json;q=0.5"]),
        Format::Json
    );
}

#[test]
fn the_most_specific_range_decides() {
    // RFC 9110 §12.5.1: "the most specific reference has precedence".
    assert_eq!(
        choose(&["application/json;q=0, application/*"]),
        Format::ProblemJson
    );
    assert_eq!(
        choose(&["*/*;q=0.9, application/json;q=0.1"]),
        Format::ProblemJson
    );
    assert_eq!(
        choose(&["application/*;q=0.2, */*;q=1, application/problem+json;q=0.3"]),
        if cfg!(feature = "xml") {
            Format::Xml
        } else {
            Format::ProblemJson
        }
    );
}

#[test]
fn q_zero_excludes() {
    // RFC 9110 §12.4.2: "a value of 0 means not acceptable".
    assert_eq!(choose(&["application/json;q=0"]), Format::Json);
    assert_eq!(
        choose(&["application/problem+json;q=0, application/json;q=0, */*"]),
        XML
    );
    // XML answers `application/xml` even when `text/xml` picked it: a client
    // that excluded `application/xml` does not get it through `text/*`.
    assert_eq!(choose(&["application/xml;q=0, text/*"]), Format::Json);
    assert_eq!(choose(&["application/xml;q=0, text/xml"]), Format::Json);
    assert_eq!(choose(&["application/xml;q=0.5, text/*"]), XML);
}

#[test]
fn nothing_acceptable_is_json_never_406() {
    // RFC 9110 §12.5.1: the server may disregard the header rather than
    // answer 406; an error keeps its status.
    assert_eq!(choose(&["text/html"]), Format::Json);
    assert_eq!(choose(&["image/png, text/html;q=0.5"]), Format::Json);
    assert_eq!(choose(&[""]), Format::Json);
    assert_eq!(choose(&["*/*;q=0"]), Format::Json);
}

#[test]
fn every_field_line_counts() {
    // RFC 9110 §5.3: several field lines are one comma-separated list.
    assert_eq!(
        choose(&["application/json;q=0.1", "application/problem+json"]),
        Format::ProblemJson
    );
    assert_eq!(
        choose(&["text/html", "application/problem+json;q=0.4"]),
        Format::ProblemJson
    );
}

#[test]
fn malformed_members_are_skipped() {
    // RFC 9110 §12.5.1 grammar: members that do not parse are ignored; the
    // others still count.
    for line in [
        "nonsense, application/problem+json",
        "application/json;q=2, application/problem+json",
        "application/json;q=0.5000, application/problem+json;q=0.4",
        "application/json;;, application/problem+json",
        "*/json, application/problem+json",
        "application/json;x=\"unclosed, application/problem+json",
        ",,, application/problem+json ,",
    ] {
        let expected = if line.contains("unclosed") {
            // The quote runs to the end of the line: one malformed member.
            Format::Json
        } else {
            Format::ProblemJson
        };
        assert_eq!(choose(&[line]), expected, "{line}");
    }
}

#[test]
fn a_parameter_other_than_q_narrows_the_range() {
    // RFC 9110 §12.5.1: `text/plain;format=flowed` matches only that
    // representation; none of ours carries a parameter.
    assert_eq!(
        choose(&["application/problem+json;charset=utf-8"]),
        Format::Json
    );
    assert_eq!(
        choose(&["application/json;v=2, application/problem+json;q=0.5"]),
        Format::ProblemJson
    );
    // A quoted value may hold commas and semicolons.
    assert_eq!(
        choose(&["application/json;x=\"a,b;q=1\";q=0.1, application/problem+json;q=0.2"]),
        Format::ProblemJson
    );
}

/// The media types of each format, as `headers-accept` names them.
fn offered() -> Vec<(Format, Vec<&'static str>)> {
    let mut offered = vec![
        (Format::Json, vec!["application/json"]),
        (Format::ProblemJson, vec!["application/problem+json"]),
    ];
    if cfg!(feature = "xml") {
        offered.push((Format::Xml, vec!["application/xml", "text/xml"]));
        offered.push((Format::ProblemXml, vec!["application/problem+xml"]));
    }
    offered
}

/// Whether the most specific of `members` that matches `application/xml`
/// (the highest `q` among equally specific ones) has `q=0`. XML always
/// answers `application/xml`, so it is then not acceptable through
/// `text/xml` either (RFC 9110 §12.4.2: 0 means not acceptable).
fn excludes_application_xml(members: &[String]) -> bool {
    let mut best: Option<(u8, f64)> = None;
    for member in members {
        let mut parts = member.split(';');
        let range = parts.next().unwrap_or_default().trim();
        let specificity = match range {
            "application/xml" => 2,
            "application/*" => 1,
            "*/*" => 0,
            _ => continue,
        };
        let q = parts
            .find_map(|part| part.trim().strip_prefix("q="))
            .map_or(1.0, |q| q.parse::<f64>().unwrap());
        if best.is_none_or(|(s, best_q)| specificity > s || (specificity == s && q > best_q)) {
            best = Some((specificity, q));
        }
    }
    best.is_some_and(|(_, q)| q == 0.0)
}

fn range() -> impl Strategy<Value = String> {
    let ranges = prop::sample::select(vec![
        "*/*",
        "application/*",
        "text/*",
        "image/*",
        "application/json",
        "application/problem+json",
        "application/xml",
        "text/xml",
        "application/problem+xml",
        "text/html",
        "application/json;charset=utf-8",
    ]);
    let q = prop::sample::select(vec![
        "", ";q=0", ";q=0.5", ";q=1", ";q=0.001", ";q=0.999", ";q=1.0",
    ]);
    (ranges, q).prop_map(|(range, q)| format!("{range}{q}"))
}

proptest! {
    /// Which formats are acceptable at all agrees with `headers-accept`
    /// (asked about each format alone), and the chosen one is acceptable
    /// whenever one is.
    #[test]
    fn agrees_with_headers_accept(members in prop::collection::vec(range(), 1..6)) {
        let line = members.join(", ");
        let oracle: headers_accept::Accept = line.parse().unwrap();
        let chosen = choose(&[&line]);
        let mut any_acceptable = false;
        let mut json_acceptable = false;
        for (format, types) in offered() {
            let acceptable = types.iter().any(|media_type| {
                let media_type = mediatype_of(media_type);
                oracle.negotiate([&media_type]).is_some()
            }) && !(format == Format::Xml && excludes_application_xml(&members));
            any_acceptable |= acceptable;
            json_acceptable |= acceptable && format == Format::Json;
            if format == chosen && chosen != Format::Json {
                prop_assert!(acceptable, "{line}: chose {chosen:?}, which is not acceptable");
            }
            // A format the oracle excludes is chosen only as the fallback.
            if !acceptable && format == chosen {
                prop_assert_eq!(chosen, Format::Json, "{}", line);
            }
        }
        if !any_acceptable {
            prop_assert_eq!(chosen, Format::Json, "{}", line);
        }
        // JSON as a fallback only when nothing else is acceptable.
        if chosen == Format::Json && !json_acceptable {
            prop_assert!(!any_acceptable, "{line}: fell back to JSON with a format acceptable");
        }
    }

    /// Any bytes: a choice, never a panic.
    #[test]
    fn any_value_gives_a_format(value in prop::collection::vec(any::<u8>(), 0..64)) {
        if let Ok(value) = HeaderValue::from_bytes(&value) {
            let mut headers = HeaderMap::new();
            headers.insert(ACCEPT, value);
            let _ = Format::from_request(&headers);
        }
    }
}

fn mediatype_of(text: &'static str) -> mediatype::MediaType<'static> {
    mediatype::MediaType::parse(text).unwrap()
}
