//! The status names `#[status(...)]` and `status!(...)` accept, their codes
//! and reason phrases, and the "did you mean" for a name neither knows: one
//! table for both.

/// Every error status name: Rack 3's `SYMBOL_TO_STATUS_CODE` (4xx and 5xx),
/// Rack's obsolete aliases, the Rails-era names, and the snake-case names of
/// `http::StatusCode`'s constants. Several names share a code.
const ERROR_NAMES: &[(&str, u16)] = &[
    ("bad_request", 400),
    ("unauthorized", 401),
    ("payment_required", 402),
    ("forbidden", 403),
    ("not_found", 404),
    ("method_not_allowed", 405),
    ("not_acceptable", 406),
    ("proxy_authentication_required", 407),
    ("request_timeout", 408),
    ("conflict", 409),
    ("gone", 410),
    ("length_required", 411),
    ("precondition_failed", 412),
    ("content_too_large", 413),
    ("payload_too_large", 413),
    ("request_entity_too_large", 413),
    ("uri_too_long", 414),
    ("request_uri_too_long", 414),
    ("unsupported_media_type", 415),
    ("range_not_satisfiable", 416),
    ("requested_range_not_satisfiable", 416),
    ("expectation_failed", 417),
    ("im_a_teapot", 418),
    ("misdirected_request", 421),
    ("unprocessable_content", 422),
    ("unprocessable_entity", 422),
    ("locked", 423),
    ("failed_dependency", 424),
    ("too_early", 425),
    ("upgrade_required", 426),
    ("precondition_required", 428),
    ("too_many_requests", 429),
    ("request_header_fields_too_large", 431),
    ("unavailable_for_legal_reasons", 451),
    ("internal_server_error", 500),
    ("not_implemented", 501),
    ("bad_gateway", 502),
    ("service_unavailable", 503),
    ("gateway_timeout", 504),
    ("http_version_not_supported", 505),
    ("variant_also_negotiates", 506),
    ("insufficient_storage", 507),
    ("loop_detected", 508),
    ("bandwidth_limit_exceeded", 509),
    ("not_extended", 510),
    ("network_authentication_required", 511),
];

/// The 1xx, 2xx and 3xx names of the same sources (every Rack 3 symbol of
/// those classes and every `http::StatusCode` constant): `status!` takes
/// them; `#[status]` knows them, so that its error can say which code a
/// name is, but never takes one as an error's status. Rack's 306 `(Unused)`
/// has no name that is a Rust identifier, so it is reachable by number only.
const OTHER_NAMES: &[(&str, u16)] = &[
    ("continue", 100),
    ("switching_protocols", 101),
    ("processing", 102),
    ("early_hints", 103),
    ("ok", 200),
    ("created", 201),
    ("accepted", 202),
    ("non_authoritative_information", 203),
    ("no_content", 204),
    ("reset_content", 205),
    ("partial_content", 206),
    ("multi_status", 207),
    ("already_reported", 208),
    ("im_used", 226),
    ("multiple_choices", 300),
    ("moved_permanently", 301),
    ("found", 302),
    ("see_other", 303),
    ("not_modified", 304),
    ("use_proxy", 305),
    ("temporary_redirect", 307),
    ("permanent_redirect", 308),
];

/// What a status name stands for.
pub enum Lookup {
    /// A 4xx or 5xx code.
    Error(u16),
    /// A known name whose code is not an error's.
    NotAnError(u16),
    /// No such name; the nearest known error name, if one is close.
    Unknown(Option<&'static str>),
}

/// Looks up a status name.
pub fn lookup(name: &str) -> Lookup {
    if let Some(&(_, code)) = ERROR_NAMES.iter().find(|(known, _)| *known == name) {
        return Lookup::Error(code);
    }
    if let Some(&(_, code)) = OTHER_NAMES.iter().find(|(known, _)| *known == name) {
        return Lookup::NotAnError(code);
    }
    Lookup::Unknown(nearest(name, ERROR_NAMES.iter().map(|(known, _)| *known)))
}

/// The code of any known name, of any class: what `status!` accepts.
pub fn lookup_any(name: &str) -> Option<u16> {
    ERROR_NAMES
        .iter()
        .chain(OTHER_NAMES)
        .find(|(known, _)| *known == name)
        .map(|&(_, code)| code)
}

/// The known name of any class nearest to `name`, if one is close.
pub fn nearest_any(name: &str) -> Option<&'static str> {
    nearest(
        name,
        ERROR_NAMES
            .iter()
            .chain(OTHER_NAMES)
            .map(|(known, _)| *known),
    )
}

/// The one wording of an unknown status name, for `#[status]` and
/// `status!` alike: "unknown status `not_fonud`; did you mean `not_found`?",
/// or, with nothing close, `otherwise` after the semicolon.
pub fn unknown_message(name: &str, suggestion: Option<&str>, otherwise: &str) -> String {
    match suggestion {
        Some(known) => format!("unknown status `{name}`; did you mean `{known}`?"),
        None => format!("unknown status `{name}`; {otherwise}"),
    }
}

/// The reason phrase `http::StatusCode::canonical_reason` gives for `code`.
pub fn reason_phrase(code: u16) -> Option<&'static str> {
    Some(match code {
        100 => "Continue",
        101 => "Switching Protocols",
        102 => "Processing",
        103 => "Early Hints",
        200 => "OK",
        201 => "Created",
        202 => "Accepted",
        203 => "Non Authoritative Information",
        204 => "No Content",
        205 => "Reset Content",
        206 => "Partial Content",
        207 => "Multi-Status",
        208 => "Already Reported",
        226 => "IM Used",
        300 => "Multiple Choices",
        301 => "Moved Permanently",
        302 => "Found",
        303 => "See Other",
        304 => "Not Modified",
        305 => "Use Proxy",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        400 => "Bad Request",
        401 => "Unauthorized",
        402 => "Payment Required",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        406 => "Not Acceptable",
        407 => "Proxy Authentication Required",
        408 => "Request Timeout",
        409 => "Conflict",
        410 => "Gone",
        411 => "Length Required",
        412 => "Precondition Failed",
        413 => "Payload Too Large",
        414 => "URI Too Long",
        415 => "Unsupported Media Type",
        416 => "Range Not Satisfiable",
        417 => "Expectation Failed",
        418 => "I'm a teapot",
        421 => "Misdirected Request",
        422 => "Unprocessable Entity",
        423 => "Locked",
        424 => "Failed Dependency",
        425 => "Too Early",
        426 => "Upgrade Required",
        428 => "Precondition Required",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        451 => "Unavailable For Legal Reasons",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        505 => "HTTP Version Not Supported",
        506 => "Variant Also Negotiates",
        507 => "Insufficient Storage",
        508 => "Loop Detected",
        510 => "Not Extended",
        511 => "Network Authentication Required",
        _ => return None,
    })
}

/// `code` with its reason phrase, for messages: "201 Created".
pub fn describe(code: u16) -> String {
    match reason_phrase(code) {
        Some(reason) => format!("{code} {reason}"),
        None => code.to_string(),
    }
}

/// Whether `code` is a client or server error.
pub fn is_error(code: u16) -> bool {
    (400..=599).contains(&code)
}

/// The candidate closest to `name` by edit distance (with transpositions),
/// if it is close enough to be what was meant.
pub fn nearest<'a>(name: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (name.chars().count() / 3).max(2);
    candidates
        .map(|candidate| (edit_distance(name, candidate), candidate))
        .filter(|(distance, _)| *distance <= limit)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

/// The optimal string alignment distance: insertions, deletions,
/// substitutions and swaps of neighbours, each costing one.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    let mut table = vec![0usize; (a.len() + 1) * width];
    for i in 0..=a.len() {
        table[i * width] = i;
    }
    for (j, cell) in table.iter_mut().enumerate().take(width) {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (table[(i - 1) * width + j] + 1)
                .min(table[i * width + j - 1] + 1)
                .min(table[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(table[(i - 2) * width + j - 2] + 1);
            }
            table[i * width + j] = best;
        }
    }
    table[a.len() * width + b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reason_phrases_match_http() {
        for code in 100..=599u16 {
            let expected = http::StatusCode::from_u16(code)
                .ok()
                .and_then(|status| status.canonical_reason());
            assert_eq!(reason_phrase(code), expected, "reason phrase of {code}");
        }
    }

    #[test]
    fn every_name_has_the_code_rack_or_http_gives_it() {
        let http_constants = [
            ("bad_request", http::StatusCode::BAD_REQUEST),
            ("payload_too_large", http::StatusCode::PAYLOAD_TOO_LARGE),
            ("uri_too_long", http::StatusCode::URI_TOO_LONG),
            (
                "range_not_satisfiable",
                http::StatusCode::RANGE_NOT_SATISFIABLE,
            ),
            ("im_a_teapot", http::StatusCode::IM_A_TEAPOT),
            (
                "unprocessable_entity",
                http::StatusCode::UNPROCESSABLE_ENTITY,
            ),
            ("too_early", http::StatusCode::TOO_EARLY),
            ("not_extended", http::StatusCode::NOT_EXTENDED),
            (
                "network_authentication_required",
                http::StatusCode::NETWORK_AUTHENTICATION_REQUIRED,
            ),
        ];
        for (name, status) in http_constants {
            assert!(
                matches!(lookup(name), Lookup::Error(code) if code == status.as_u16()),
                "{name}"
            );
        }
        for &(name, code) in ERROR_NAMES {
            assert!(is_error(code), "{name}");
            assert!(
                name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
                "{name}"
            );
        }
        for &(name, code) in OTHER_NAMES {
            assert!(!is_error(code), "{name}");
        }
    }

    #[test]
    fn every_reason_phrase_of_a_4xx_or_5xx_in_snake_case_is_a_name() {
        // Each snake-cased canonical reason is an accepted name, except
        // where http and Rack spell one differently ("I'm a teapot").
        for code in 400..=599u16 {
            if let Some(reason) = reason_phrase(code) {
                let name: String = reason
                    .chars()
                    .filter(|c| *c != '\'')
                    .map(|c| {
                        if c == ' ' || c == '-' {
                            '_'
                        } else {
                            c.to_ascii_lowercase()
                        }
                    })
                    .collect();
                assert!(
                    matches!(lookup(&name), Lookup::Error(c) if c == code),
                    "{name}"
                );
            }
        }
    }

    /// Every `http::StatusCode` constant, by its name.
    macro_rules! http_constants {
        ($($name:ident)*) => {
            [$((stringify!($name), http::StatusCode::$name)),*]
        };
    }

    #[test]
    fn every_http_constant_in_snake_case_is_a_name_of_its_code() {
        let constants = http_constants!(
            CONTINUE SWITCHING_PROTOCOLS PROCESSING EARLY_HINTS
            OK CREATED ACCEPTED NON_AUTHORITATIVE_INFORMATION NO_CONTENT RESET_CONTENT
            PARTIAL_CONTENT MULTI_STATUS ALREADY_REPORTED IM_USED
            MULTIPLE_CHOICES MOVED_PERMANENTLY FOUND SEE_OTHER NOT_MODIFIED USE_PROXY
            TEMPORARY_REDIRECT PERMANENT_REDIRECT
            BAD_REQUEST UNAUTHORIZED PAYMENT_REQUIRED FORBIDDEN NOT_FOUND METHOD_NOT_ALLOWED
            NOT_ACCEPTABLE PROXY_AUTHENTICATION_REQUIRED REQUEST_TIMEOUT CONFLICT GONE
            LENGTH_REQUIRED PRECONDITION_FAILED PAYLOAD_TOO_LARGE URI_TOO_LONG
            UNSUPPORTED_MEDIA_TYPE RANGE_NOT_SATISFIABLE EXPECTATION_FAILED IM_A_TEAPOT
            MISDIRECTED_REQUEST UNPROCESSABLE_ENTITY LOCKED FAILED_DEPENDENCY TOO_EARLY
            UPGRADE_REQUIRED PRECONDITION_REQUIRED TOO_MANY_REQUESTS
            REQUEST_HEADER_FIELDS_TOO_LARGE UNAVAILABLE_FOR_LEGAL_REASONS
            INTERNAL_SERVER_ERROR NOT_IMPLEMENTED BAD_GATEWAY SERVICE_UNAVAILABLE
            GATEWAY_TIMEOUT HTTP_VERSION_NOT_SUPPORTED VARIANT_ALSO_NEGOTIATES
            INSUFFICIENT_STORAGE LOOP_DETECTED NOT_EXTENDED NETWORK_AUTHENTICATION_REQUIRED
        );
        // Every code http names has a constant in the list above.
        let named = (100..=999u16)
            .filter(|code| reason_phrase(*code).is_some())
            .count();
        assert_eq!(constants.len(), named);
        for (constant, status) in constants {
            let name = constant.to_ascii_lowercase();
            assert_eq!(lookup_any(&name), Some(status.as_u16()), "{name}");
        }
    }

    #[test]
    fn every_rack_3_symbol_is_a_name_of_its_code() {
        // Rack 3's HTTP_STATUS_CODES; SYMBOL_TO_STATUS_CODE is each message
        // downcased with whitespace and `-` turned into `_`. (306 "(Unused)"
        // gives no identifier.)
        let rack: &[(u16, &str)] = &[
            (100, "Continue"),
            (101, "Switching Protocols"),
            (102, "Processing"),
            (103, "Early Hints"),
            (200, "OK"),
            (201, "Created"),
            (202, "Accepted"),
            (203, "Non-Authoritative Information"),
            (204, "No Content"),
            (205, "Reset Content"),
            (206, "Partial Content"),
            (207, "Multi-Status"),
            (208, "Already Reported"),
            (226, "IM Used"),
            (300, "Multiple Choices"),
            (301, "Moved Permanently"),
            (302, "Found"),
            (303, "See Other"),
            (304, "Not Modified"),
            (305, "Use Proxy"),
            (307, "Temporary Redirect"),
            (308, "Permanent Redirect"),
            (400, "Bad Request"),
            (401, "Unauthorized"),
            (402, "Payment Required"),
            (403, "Forbidden"),
            (404, "Not Found"),
            (405, "Method Not Allowed"),
            (406, "Not Acceptable"),
            (407, "Proxy Authentication Required"),
            (408, "Request Timeout"),
            (409, "Conflict"),
            (410, "Gone"),
            (411, "Length Required"),
            (412, "Precondition Failed"),
            (413, "Content Too Large"),
            (414, "URI Too Long"),
            (415, "Unsupported Media Type"),
            (416, "Range Not Satisfiable"),
            (417, "Expectation Failed"),
            (421, "Misdirected Request"),
            (422, "Unprocessable Content"),
            (423, "Locked"),
            (424, "Failed Dependency"),
            (425, "Too Early"),
            (426, "Upgrade Required"),
            (428, "Precondition Required"),
            (429, "Too Many Requests"),
            (431, "Request Header Fields Too Large"),
            (451, "Unavailable for Legal Reasons"),
            (500, "Internal Server Error"),
            (501, "Not Implemented"),
            (502, "Bad Gateway"),
            (503, "Service Unavailable"),
            (504, "Gateway Timeout"),
            (505, "HTTP Version Not Supported"),
            (506, "Variant Also Negotiates"),
            (507, "Insufficient Storage"),
            (508, "Loop Detected"),
            (511, "Network Authentication Required"),
        ];
        let obsolete: &[(&str, u16)] = &[
            ("payload_too_large", 413),
            ("unprocessable_entity", 422),
            ("bandwidth_limit_exceeded", 509),
            ("not_extended", 510),
        ];
        for &(code, message) in rack {
            let symbol: String = message
                .chars()
                .map(|c| match c {
                    ' ' | '-' => '_',
                    c => c.to_ascii_lowercase(),
                })
                .collect();
            assert_eq!(lookup_any(&symbol), Some(code), "{symbol}");
        }
        for &(symbol, code) in obsolete {
            assert_eq!(lookup_any(symbol), Some(code), "{symbol}");
        }
    }

    #[test]
    fn status_macro_suggests_names_of_every_class() {
        assert_eq!(nearest_any("not_fonud"), Some("not_found"));
        assert_eq!(nearest_any("craeted"), Some("created"));
        assert_eq!(nearest_any("moved_permanantly"), Some("moved_permanently"));
        assert_eq!(nearest_any("teapot_bananas"), None);
        assert_eq!(
            unknown_message("not_fonud", Some("not_found"), "unused"),
            "unknown status `not_fonud`; did you mean `not_found`?"
        );
    }

    #[test]
    fn suggests_the_nearest_name() {
        assert!(matches!(
            lookup("not_fonud"),
            Lookup::Unknown(Some("not_found"))
        ));
        assert!(matches!(
            lookup("unprocessible_entity"),
            Lookup::Unknown(Some("unprocessable_entity"))
        ));
        assert!(matches!(lookup("teapot_bananas"), Lookup::Unknown(None)));
        assert!(matches!(lookup("ok"), Lookup::NotAnError(200)));
    }
}
