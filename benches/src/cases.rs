//! The benchmark cases: groups of functions that each build one response,
//! and the values they read ([`Fixtures`], built once, outside the timing).

use api_status::bytes::Bytes;
use api_status::http::header::ACCEPT;
use api_status::http::{HeaderMap, HeaderValue, Response, StatusCode};
use api_status::{ApiError, FieldErrors};

use crate::errors::{AppError, PaymentRequired, UserNotFound};
use crate::hand;
use crate::peers::{self, PeerError, PeerPaymentRequired, PeerUserNotFound};

/// Everything the cases read, built once.
#[derive(Debug)]
pub struct Fixtures {
    /// The user id of the interpolated messages.
    pub id: u64,
    /// The OAuth client of the interpolated OAuth message.
    pub client: u64,
    /// 2 fields, 3 messages.
    pub fields_2: FieldErrors,
    /// 50 fields, one message each.
    pub fields_50: FieldErrors,
    /// [`AppError::StaticNotFound`].
    pub static_not_found: AppError,
    /// [`AppError::Unavailable`].
    pub unavailable: AppError,
    /// [`AppError::Interpolated`].
    pub interpolated: AppError,
    /// [`AppError::DisplayNotFound`].
    pub display_not_found: AppError,
    /// [`AppError::Invalid`] with [`Fixtures::fields_2`].
    pub invalid_2: AppError,
    /// [`AppError::Invalid`] with [`Fixtures::fields_50`].
    pub invalid_50: AppError,
    /// [`AppError::BadCredentials`].
    pub bad_credentials: AppError,
    /// [`AppError::TokenExpired`].
    pub token_expired: AppError,
    /// [`AppError::Billing`].
    pub billing: AppError,
    /// [`AppError::Lookup`].
    pub lookup: AppError,
    /// The inner error of [`Fixtures::billing`].
    pub payment_required: PaymentRequired,
    /// The inner error of [`Fixtures::lookup`].
    pub user_not_found: UserNotFound,
    /// [`PeerError::StaticNotFound`].
    pub peer_static_not_found: PeerError,
    /// [`PeerError::Unavailable`].
    pub peer_unavailable: PeerError,
    /// [`PeerError::Interpolated`].
    pub peer_interpolated: PeerError,
    /// [`PeerError::DisplayNotFound`].
    pub peer_display_not_found: PeerError,
    /// [`PeerError::Billing`].
    pub peer_billing: PeerError,
    /// [`PeerError::Lookup`].
    pub peer_lookup: PeerError,
    /// The inner error of [`Fixtures::peer_billing`].
    pub peer_payment_required: PeerPaymentRequired,
    /// The inner error of [`Fixtures::peer_lookup`].
    pub peer_user_not_found: PeerUserNotFound,
    /// Request headers with axios' default `Accept`, which picks JSON.
    pub accept_json: HeaderMap,
    /// Request headers asking for problem+json.
    pub accept_problem: HeaderMap,
}

impl Fixtures {
    /// The values every case reads.
    pub fn new() -> Fixtures {
        let id = 7_340_021;
        let client = 1_024;
        let mut fields_2 = FieldErrors::new();
        fields_2
            .add("name", "can't be blank")
            .add("customer_id", "is invalid")
            .add("name", "can't be a number");
        let fields_50: FieldErrors = (0..50)
            .map(|index| (format!("field_{index:02}"), "can't be blank"))
            .collect();
        Fixtures {
            id,
            client,
            static_not_found: AppError::StaticNotFound,
            unavailable: AppError::Unavailable("connection reset by 10.0.0.7".to_owned()),
            interpolated: AppError::Interpolated { id },
            display_not_found: AppError::DisplayNotFound { id },
            invalid_2: AppError::Invalid {
                errors: fields_2.clone(),
            },
            invalid_50: AppError::Invalid {
                errors: fields_50.clone(),
            },
            bad_credentials: AppError::BadCredentials,
            token_expired: AppError::TokenExpired { client },
            billing: AppError::Billing(PaymentRequired),
            lookup: AppError::Lookup(UserNotFound { id }),
            payment_required: PaymentRequired,
            user_not_found: UserNotFound { id },
            peer_static_not_found: PeerError::StaticNotFound,
            peer_unavailable: PeerError::Unavailable("connection reset by 10.0.0.7".to_owned()),
            peer_interpolated: PeerError::Interpolated { id },
            peer_display_not_found: PeerError::DisplayNotFound { id },
            peer_billing: PeerError::Billing(PeerPaymentRequired),
            peer_lookup: PeerError::Lookup(PeerUserNotFound { id }),
            peer_payment_required: PeerPaymentRequired,
            peer_user_not_found: PeerUserNotFound { id },
            fields_2,
            fields_50,
            accept_json: accept("application/json, text/plain, */*"),
            accept_problem: accept("application/problem+json"),
        }
    }
}

/// Request headers with one `Accept`.
fn accept(value: &'static str) -> HeaderMap {
    let mut headers = HeaderMap::new();
    headers.insert(ACCEPT, HeaderValue::from_static(value));
    headers
}

impl Default for Fixtures {
    fn default() -> Self {
        Fixtures::new()
    }
}

/// One way of building one group's response.
#[derive(Debug, Clone, Copy)]
pub struct Case {
    /// The group: one response, built several ways.
    pub group: &'static str,
    /// Who builds it: `floor`, `baseline`, `api_status`, `inner`,
    /// `api_error`, `api_error_inner` or `http_api_problem`.
    pub name: &'static str,
    /// Builds the response.
    pub run: fn(&Fixtures) -> Response<Bytes>,
    /// For an `api-status` case, its body alone (`ApiError::body`).
    pub body: Option<fn(&Fixtures) -> Bytes>,
    /// Whether the response is byte for byte the group's floor (status,
    /// headers and body); false only for `http-api-problem`'s own format.
    pub same_response: bool,
}

const fn case(
    group: &'static str,
    name: &'static str,
    run: fn(&Fixtures) -> Response<Bytes>,
) -> Case {
    Case {
        group,
        name,
        run,
        body: None,
        same_response: true,
    }
}

const fn derived(
    group: &'static str,
    name: &'static str,
    run: fn(&Fixtures) -> Response<Bytes>,
    body: fn(&Fixtures) -> Bytes,
) -> Case {
    Case {
        group,
        name,
        run,
        body: Some(body),
        same_response: true,
    }
}

const fn problem(group: &'static str, run: fn(&Fixtures) -> Response<Bytes>) -> Case {
    Case {
        group,
        name: "http_api_problem",
        run,
        body: None,
        same_response: false,
    }
}

/// A negotiated response: the group's status, its own headers (`vary`) and,
/// for problem+json, its own body.
const fn negotiated(
    group: &'static str,
    name: &'static str,
    run: fn(&Fixtures) -> Response<Bytes>,
) -> Case {
    Case {
        group,
        name,
        run,
        body: None,
        same_response: false,
    }
}

const NOT_FOUND_BODY: &[u8] = br#"{"message":"user not found"}"#;
const UNAVAILABLE_BODY: &[u8] = br#"{"message":"Service Unavailable"}"#;
const INTERPOLATED_BODY: &[u8] = br#"{"message":"user 7340021 not found"}"#;
const PAYMENT_BODY: &[u8] = br#"{"message":"payment required"}"#;
const FIELDS_2_BODY: &[u8] = br#"{"message":"the account could not be saved","errors":{"name":["can't be blank","can't be a number"],"customer_id":["is invalid"]}}"#;
const FIELDS_50_BODY: &[u8] = concat!(
    r#"{"message":"the account could not be saved","errors":{"#,
    r#""field_00":["can't be blank"],"field_01":["can't be blank"],"field_02":["can't be blank"],"field_03":["can't be blank"],"field_04":["can't be blank"],"#,
    r#""field_05":["can't be blank"],"field_06":["can't be blank"],"field_07":["can't be blank"],"field_08":["can't be blank"],"field_09":["can't be blank"],"#,
    r#""field_10":["can't be blank"],"field_11":["can't be blank"],"field_12":["can't be blank"],"field_13":["can't be blank"],"field_14":["can't be blank"],"#,
    r#""field_15":["can't be blank"],"field_16":["can't be blank"],"field_17":["can't be blank"],"field_18":["can't be blank"],"field_19":["can't be blank"],"#,
    r#""field_20":["can't be blank"],"field_21":["can't be blank"],"field_22":["can't be blank"],"field_23":["can't be blank"],"field_24":["can't be blank"],"#,
    r#""field_25":["can't be blank"],"field_26":["can't be blank"],"field_27":["can't be blank"],"field_28":["can't be blank"],"field_29":["can't be blank"],"#,
    r#""field_30":["can't be blank"],"field_31":["can't be blank"],"field_32":["can't be blank"],"field_33":["can't be blank"],"field_34":["can't be blank"],"#,
    r#""field_35":["can't be blank"],"field_36":["can't be blank"],"field_37":["can't be blank"],"field_38":["can't be blank"],"field_39":["can't be blank"],"#,
    r#""field_40":["can't be blank"],"field_41":["can't be blank"],"field_42":["can't be blank"],"field_43":["can't be blank"],"field_44":["can't be blank"],"#,
    r#""field_45":["can't be blank"],"field_46":["can't be blank"],"field_47":["can't be blank"],"field_48":["can't be blank"],"field_49":["can't be blank"]"#,
    "}}"
)
.as_bytes();
const GRANT_MESSAGE: &str = "the provided authorization grant is invalid";
const GRANT_BODY: &[u8] = br#"{"message":"the provided authorization grant is invalid","error":"invalid_grant","error_description":"the provided authorization grant is invalid"}"#;
const GRANT_CHALLENGE: &str = r#"Bearer error="invalid_grant", error_description="the provided authorization grant is invalid""#;
/// The challenge as a `const`, so that no case validates it at run time.
const GRANT_CHALLENGE_VALUE: HeaderValue = HeaderValue::from_static(GRANT_CHALLENGE);
const TOKEN_BODY: &[u8] = br#"{"message":"the access token of client 1024 expired","error":"invalid_token","error_description":"the access token of client 1024 expired"}"#;
const TOKEN_CHALLENGE: HeaderValue = HeaderValue::from_static(
    r#"Bearer error="invalid_token", error_description="the access token of client 1024 expired""#,
);

/// Every case, grouped; within a group the `floor` comes first.
pub const CASES: &[Case] = &[
    // Section 12: the same errors answered by `Accept`, against the plain
    // JSON `to_response` (the `baseline` of these groups): a negotiated JSON
    // answer (axios' `Accept`) and a problem+json one. `floor_vary` is the
    // floor with `vary: accept`: what the header alone costs, whoever
    // writes the response.
    case("negotiate_static_4xx", "floor", |_| {
        hand::floor(StatusCode::NOT_FOUND, NOT_FOUND_BODY)
    }),
    case("negotiate_static_4xx", "baseline", |f| {
        f.static_not_found.to_response()
    }),
    negotiated("negotiate_static_4xx", "floor_vary", |_| {
        hand::floor_vary(StatusCode::NOT_FOUND, NOT_FOUND_BODY)
    }),
    negotiated("negotiate_static_4xx", "json_by_accept", |f| {
        f.static_not_found.to_response_for(&f.accept_json)
    }),
    negotiated("negotiate_static_4xx", "problem_json", |f| {
        f.static_not_found.to_response_for(&f.accept_problem)
    }),
    // The two costs of `json_by_accept`, apart: `vary` alone (the format
    // given, no `Accept` read), and reading `Accept` alone (no `vary`).
    negotiated("negotiate_static_4xx", "vary_only", |f| {
        f.static_not_found.to_response_in(api_status::Format::Json)
    }),
    negotiated("negotiate_static_4xx", "accept_only", |f| {
        std::hint::black_box(api_status::Format::from_request(&f.accept_json));
        f.static_not_found.to_response()
    }),
    case("negotiate_interpolated", "floor", |_| {
        hand::floor(StatusCode::NOT_FOUND, INTERPOLATED_BODY)
    }),
    case("negotiate_interpolated", "baseline", |f| {
        f.interpolated.to_response()
    }),
    negotiated("negotiate_interpolated", "floor_vary", |_| {
        hand::floor_vary(StatusCode::NOT_FOUND, INTERPOLATED_BODY)
    }),
    negotiated("negotiate_interpolated", "json_by_accept", |f| {
        f.interpolated.to_response_for(&f.accept_json)
    }),
    negotiated("negotiate_interpolated", "problem_json", |f| {
        f.interpolated.to_response_for(&f.accept_problem)
    }),
    negotiated("negotiate_interpolated", "vary_only", |f| {
        f.interpolated.to_response_in(api_status::Format::Json)
    }),
    case("negotiate_field_errors_2", "floor", |_| {
        hand::floor(StatusCode::UNPROCESSABLE_ENTITY, FIELDS_2_BODY)
    }),
    case("negotiate_field_errors_2", "baseline", |f| {
        f.invalid_2.to_response()
    }),
    negotiated("negotiate_field_errors_2", "floor_vary", |_| {
        hand::floor_vary(StatusCode::UNPROCESSABLE_ENTITY, FIELDS_2_BODY)
    }),
    negotiated("negotiate_field_errors_2", "json_by_accept", |f| {
        f.invalid_2.to_response_for(&f.accept_json)
    }),
    negotiated("negotiate_field_errors_2", "problem_json", |f| {
        f.invalid_2.to_response_for(&f.accept_problem)
    }),
    negotiated("negotiate_field_errors_2", "vary_only", |f| {
        f.invalid_2.to_response_in(api_status::Format::Json)
    }),
    // A literal `#[message]` on a 404.
    case("static_4xx", "floor", |_| {
        hand::floor(StatusCode::NOT_FOUND, NOT_FOUND_BODY)
    }),
    case("static_4xx", "baseline", |_| {
        hand::message(StatusCode::NOT_FOUND, "user not found")
    }),
    derived(
        "static_4xx",
        "api_status",
        |f| f.static_not_found.to_response(),
        |f| f.static_not_found.body(),
    ),
    case("static_4xx", "api_error", |f| {
        peers::api_error_response(&f.peer_static_not_found)
    }),
    problem("static_4xx", |_| {
        peers::problem_detail(StatusCode::NOT_FOUND, "user not found")
    }),
    // A 503 whose message is the reason phrase.
    case("static_5xx", "floor", |_| {
        hand::floor(StatusCode::SERVICE_UNAVAILABLE, UNAVAILABLE_BODY)
    }),
    case("static_5xx", "baseline", |_| {
        let status = StatusCode::SERVICE_UNAVAILABLE;
        hand::message(status, status.canonical_reason().unwrap_or("Server Error"))
    }),
    derived(
        "static_5xx",
        "api_status",
        |f| f.unavailable.to_response(),
        |f| f.unavailable.body(),
    ),
    case("static_5xx", "api_error", |f| {
        peers::api_error_response(&f.peer_unavailable)
    }),
    problem("static_5xx", |_| {
        peers::problem_title(StatusCode::SERVICE_UNAVAILABLE)
    }),
    // `#[message("user {id} not found")]`.
    case("interpolated", "floor", |_| {
        hand::floor(StatusCode::NOT_FOUND, INTERPOLATED_BODY)
    }),
    // The floor with its body copied into a buffer of its own: the least a
    // body written at run time costs (one allocation, one copy), whoever
    // writes it.
    case("interpolated", "floor_alloc", |_| {
        hand::floor_owned(StatusCode::NOT_FOUND, INTERPOLATED_BODY.to_vec())
    }),
    case("interpolated", "baseline", |f| {
        hand::message(StatusCode::NOT_FOUND, &format!("user {} not found", f.id))
    }),
    derived(
        "interpolated",
        "api_status",
        |f| f.interpolated.to_response(),
        |f| f.interpolated.body(),
    ),
    case("interpolated", "api_error", |f| {
        peers::api_error_response(&f.peer_interpolated)
    }),
    problem("interpolated", |f| {
        peers::problem_detail(StatusCode::NOT_FOUND, format!("user {} not found", f.id))
    }),
    // A 404 whose message is thiserror's `#[error("user {id} not found")]`.
    case("display_4xx", "floor", |_| {
        hand::floor(StatusCode::NOT_FOUND, INTERPOLATED_BODY)
    }),
    case("display_4xx", "baseline", |f| {
        hand::message(StatusCode::NOT_FOUND, &f.display_not_found.to_string())
    }),
    derived(
        "display_4xx",
        "api_status",
        |f| f.display_not_found.to_response(),
        |f| f.display_not_found.body(),
    ),
    case("display_4xx", "api_error", |f| {
        peers::api_error_response(&f.peer_display_not_found)
    }),
    problem("display_4xx", |f| {
        peers::problem_detail(StatusCode::NOT_FOUND, f.display_not_found.to_string())
    }),
    // A 422 with 2 fields and 3 messages.
    case("field_errors_2", "floor", |_| {
        hand::floor(StatusCode::UNPROCESSABLE_ENTITY, FIELDS_2_BODY)
    }),
    case("field_errors_2", "baseline", |f| {
        hand::field_errors(
            StatusCode::UNPROCESSABLE_ENTITY,
            "the account could not be saved",
            &f.fields_2,
        )
    }),
    derived(
        "field_errors_2",
        "api_status",
        |f| f.invalid_2.to_response(),
        |f| f.invalid_2.body(),
    ),
    problem("field_errors_2", |f| {
        peers::problem_field_errors(
            StatusCode::UNPROCESSABLE_ENTITY,
            "the account could not be saved",
            &f.fields_2,
        )
    }),
    // A 422 with 50 fields.
    case("field_errors_50", "floor", |_| {
        hand::floor(StatusCode::UNPROCESSABLE_ENTITY, FIELDS_50_BODY)
    }),
    case("field_errors_50", "baseline", |f| {
        hand::field_errors(
            StatusCode::UNPROCESSABLE_ENTITY,
            "the account could not be saved",
            &f.fields_50,
        )
    }),
    derived(
        "field_errors_50",
        "api_status",
        |f| f.invalid_50.to_response(),
        |f| f.invalid_50.body(),
    ),
    problem("field_errors_50", |f| {
        peers::problem_field_errors(
            StatusCode::UNPROCESSABLE_ENTITY,
            "the account could not be saved",
            &f.fields_50,
        )
    }),
    // A 401 `#[oauth(invalid_grant)]` with a literal message.
    case("oauth_401", "floor", |_| {
        hand::floor_with_challenge(StatusCode::UNAUTHORIZED, GRANT_BODY, GRANT_CHALLENGE_VALUE)
    }),
    case("oauth_401", "baseline", |_| {
        let challenge = GRANT_CHALLENGE_VALUE;
        hand::oauth(
            StatusCode::UNAUTHORIZED,
            GRANT_MESSAGE,
            "invalid_grant",
            challenge,
        )
    }),
    derived(
        "oauth_401",
        "api_status",
        |f| f.bad_credentials.to_response(),
        |f| f.bad_credentials.body(),
    ),
    problem("oauth_401", |_| {
        let challenge = GRANT_CHALLENGE_VALUE;
        peers::problem_oauth(
            StatusCode::UNAUTHORIZED,
            GRANT_MESSAGE,
            "invalid_grant",
            challenge,
        )
    }),
    // A 401 `#[oauth(invalid_token)]` with an interpolated message.
    case("oauth_401_interpolated", "floor", |_| {
        hand::floor_with_challenge(StatusCode::UNAUTHORIZED, TOKEN_BODY, TOKEN_CHALLENGE)
    }),
    case("oauth_401_interpolated", "baseline", |f| {
        let message = format!("the access token of client {} expired", f.client);
        let challenge = format!("Bearer error=\"invalid_token\", error_description=\"{message}\"");
        let challenge = HeaderValue::from_str(&challenge).expect("printable ASCII");
        hand::oauth(
            StatusCode::UNAUTHORIZED,
            &message,
            "invalid_token",
            challenge,
        )
    }),
    derived(
        "oauth_401_interpolated",
        "api_status",
        |f| f.token_expired.to_response(),
        |f| f.token_expired.body(),
    ),
    problem("oauth_401_interpolated", |f| {
        let message = format!("the access token of client {} expired", f.client);
        let challenge = format!("Bearer error=\"invalid_token\", error_description=\"{message}\"");
        let challenge = HeaderValue::from_str(&challenge).expect("printable ASCII");
        peers::problem_oauth(
            StatusCode::UNAUTHORIZED,
            &message,
            "invalid_token",
            challenge,
        )
    }),
    // `#[status(transparent)]` around a static-body error, against the inner
    // error alone.
    case("transparent_static", "floor", |_| {
        hand::floor(StatusCode::PAYMENT_REQUIRED, PAYMENT_BODY)
    }),
    derived(
        "transparent_static",
        "inner",
        |f| f.payment_required.to_response(),
        |f| f.payment_required.body(),
    ),
    derived(
        "transparent_static",
        "api_status",
        |f| f.billing.to_response(),
        |f| f.billing.body(),
    ),
    case("transparent_static", "api_error_inner", |f| {
        peers::api_error_response(&f.peer_payment_required)
    }),
    case("transparent_static", "api_error", |f| {
        peers::api_error_response(&f.peer_billing)
    }),
    // `#[status(transparent)]` around an interpolated message.
    case("transparent_interpolated", "floor", |_| {
        hand::floor(StatusCode::NOT_FOUND, INTERPOLATED_BODY)
    }),
    derived(
        "transparent_interpolated",
        "inner",
        |f| f.user_not_found.to_response(),
        |f| f.user_not_found.body(),
    ),
    derived(
        "transparent_interpolated",
        "api_status",
        |f| f.lookup.to_response(),
        |f| f.lookup.body(),
    ),
    case("transparent_interpolated", "api_error_inner", |f| {
        peers::api_error_response(&f.peer_user_not_found)
    }),
    case("transparent_interpolated", "api_error", |f| {
        peers::api_error_response(&f.peer_lookup)
    }),
];

/// The names of the groups, in the order of [`CASES`].
pub fn groups() -> Vec<&'static str> {
    let mut groups: Vec<&'static str> = Vec::new();
    for case in CASES {
        if !groups.contains(&case.group) {
            groups.push(case.group);
        }
    }
    groups
}
