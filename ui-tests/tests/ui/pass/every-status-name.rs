//! Every status name `#[status(...)]` accepts, with its code.
use api_status::ApiError;
use serde_json::{json, Value};

#[derive(Debug, ApiError)]
pub enum Every {
    #[status(bad_request)]
    #[message("bad_request")]
    BadRequest,

    #[status(unauthorized)]
    #[message("unauthorized")]
    Unauthorized,

    #[status(payment_required)]
    #[message("payment_required")]
    PaymentRequired,

    #[status(forbidden)]
    #[message("forbidden")]
    Forbidden,

    #[status(not_found)]
    #[message("not_found")]
    NotFound,

    #[status(method_not_allowed)]
    #[message("method_not_allowed")]
    MethodNotAllowed,

    #[status(not_acceptable)]
    #[message("not_acceptable")]
    NotAcceptable,

    #[status(proxy_authentication_required)]
    #[message("proxy_authentication_required")]
    ProxyAuthenticationRequired,

    #[status(request_timeout)]
    #[message("request_timeout")]
    RequestTimeout,

    #[status(conflict)]
    #[message("conflict")]
    Conflict,

    #[status(gone)]
    #[message("gone")]
    Gone,

    #[status(length_required)]
    #[message("length_required")]
    LengthRequired,

    #[status(precondition_failed)]
    #[message("precondition_failed")]
    PreconditionFailed,

    #[status(content_too_large)]
    #[message("content_too_large")]
    ContentTooLarge,

    #[status(payload_too_large)]
    #[message("payload_too_large")]
    PayloadTooLarge,

    #[status(request_entity_too_large)]
    #[message("request_entity_too_large")]
    RequestEntityTooLarge,

    #[status(uri_too_long)]
    #[message("uri_too_long")]
    UriTooLong,

    #[status(request_uri_too_long)]
    #[message("request_uri_too_long")]
    RequestUriTooLong,

    #[status(unsupported_media_type)]
    #[message("unsupported_media_type")]
    UnsupportedMediaType,

    #[status(range_not_satisfiable)]
    #[message("range_not_satisfiable")]
    RangeNotSatisfiable,

    #[status(requested_range_not_satisfiable)]
    #[message("requested_range_not_satisfiable")]
    RequestedRangeNotSatisfiable,

    #[status(expectation_failed)]
    #[message("expectation_failed")]
    ExpectationFailed,

    #[status(im_a_teapot)]
    #[message("im_a_teapot")]
    ImATeapot,

    #[status(misdirected_request)]
    #[message("misdirected_request")]
    MisdirectedRequest,

    #[status(unprocessable_content)]
    #[message("unprocessable_content")]
    UnprocessableContent,

    #[status(unprocessable_entity)]
    #[message("unprocessable_entity")]
    UnprocessableEntity,

    #[status(locked)]
    #[message("locked")]
    Locked,

    #[status(failed_dependency)]
    #[message("failed_dependency")]
    FailedDependency,

    #[status(too_early)]
    #[message("too_early")]
    TooEarly,

    #[status(upgrade_required)]
    #[message("upgrade_required")]
    UpgradeRequired,

    #[status(precondition_required)]
    #[message("precondition_required")]
    PreconditionRequired,

    #[status(too_many_requests)]
    #[message("too_many_requests")]
    TooManyRequests,

    #[status(request_header_fields_too_large)]
    #[message("request_header_fields_too_large")]
    RequestHeaderFieldsTooLarge,

    #[status(unavailable_for_legal_reasons)]
    #[message("unavailable_for_legal_reasons")]
    UnavailableForLegalReasons,

    #[status(internal_server_error)]
    #[message("internal_server_error")]
    InternalServerError,

    #[status(not_implemented)]
    #[message("not_implemented")]
    NotImplemented,

    #[status(bad_gateway)]
    #[message("bad_gateway")]
    BadGateway,

    #[status(service_unavailable)]
    #[message("service_unavailable")]
    ServiceUnavailable,

    #[status(gateway_timeout)]
    #[message("gateway_timeout")]
    GatewayTimeout,

    #[status(http_version_not_supported)]
    #[message("http_version_not_supported")]
    HttpVersionNotSupported,

    #[status(variant_also_negotiates)]
    #[message("variant_also_negotiates")]
    VariantAlsoNegotiates,

    #[status(insufficient_storage)]
    #[message("insufficient_storage")]
    InsufficientStorage,

    #[status(loop_detected)]
    #[message("loop_detected")]
    LoopDetected,

    #[status(bandwidth_limit_exceeded)]
    #[message("bandwidth_limit_exceeded")]
    BandwidthLimitExceeded,

    #[status(not_extended)]
    #[message("not_extended")]
    NotExtended,

    #[status(network_authentication_required)]
    #[message("network_authentication_required")]
    NetworkAuthenticationRequired,
}

fn main() {
    let cases = [
        (Every::BadRequest, 400, "bad_request"),
        (Every::Unauthorized, 401, "unauthorized"),
        (Every::PaymentRequired, 402, "payment_required"),
        (Every::Forbidden, 403, "forbidden"),
        (Every::NotFound, 404, "not_found"),
        (Every::MethodNotAllowed, 405, "method_not_allowed"),
        (Every::NotAcceptable, 406, "not_acceptable"),
        (
            Every::ProxyAuthenticationRequired,
            407,
            "proxy_authentication_required",
        ),
        (Every::RequestTimeout, 408, "request_timeout"),
        (Every::Conflict, 409, "conflict"),
        (Every::Gone, 410, "gone"),
        (Every::LengthRequired, 411, "length_required"),
        (Every::PreconditionFailed, 412, "precondition_failed"),
        (Every::ContentTooLarge, 413, "content_too_large"),
        (Every::PayloadTooLarge, 413, "payload_too_large"),
        (
            Every::RequestEntityTooLarge,
            413,
            "request_entity_too_large",
        ),
        (Every::UriTooLong, 414, "uri_too_long"),
        (Every::RequestUriTooLong, 414, "request_uri_too_long"),
        (Every::UnsupportedMediaType, 415, "unsupported_media_type"),
        (Every::RangeNotSatisfiable, 416, "range_not_satisfiable"),
        (
            Every::RequestedRangeNotSatisfiable,
            416,
            "requested_range_not_satisfiable",
        ),
        (Every::ExpectationFailed, 417, "expectation_failed"),
        (Every::ImATeapot, 418, "im_a_teapot"),
        (Every::MisdirectedRequest, 421, "misdirected_request"),
        (Every::UnprocessableContent, 422, "unprocessable_content"),
        (Every::UnprocessableEntity, 422, "unprocessable_entity"),
        (Every::Locked, 423, "locked"),
        (Every::FailedDependency, 424, "failed_dependency"),
        (Every::TooEarly, 425, "too_early"),
        (Every::UpgradeRequired, 426, "upgrade_required"),
        (Every::PreconditionRequired, 428, "precondition_required"),
        (Every::TooManyRequests, 429, "too_many_requests"),
        (
            Every::RequestHeaderFieldsTooLarge,
            431,
            "request_header_fields_too_large",
        ),
        (
            Every::UnavailableForLegalReasons,
            451,
            "unavailable_for_legal_reasons",
        ),
        (Every::InternalServerError, 500, "internal_server_error"),
        (Every::NotImplemented, 501, "not_implemented"),
        (Every::BadGateway, 502, "bad_gateway"),
        (Every::ServiceUnavailable, 503, "service_unavailable"),
        (Every::GatewayTimeout, 504, "gateway_timeout"),
        (
            Every::HttpVersionNotSupported,
            505,
            "http_version_not_supported",
        ),
        (Every::VariantAlsoNegotiates, 506, "variant_also_negotiates"),
        (Every::InsufficientStorage, 507, "insufficient_storage"),
        (Every::LoopDetected, 508, "loop_detected"),
        (
            Every::BandwidthLimitExceeded,
            509,
            "bandwidth_limit_exceeded",
        ),
        (Every::NotExtended, 510, "not_extended"),
        (
            Every::NetworkAuthenticationRequired,
            511,
            "network_authentication_required",
        ),
    ];
    assert_eq!(cases.len(), 46);
    for (error, code, name) in cases {
        assert_eq!(error.status().as_u16(), code, "{name}");
        let response = error.to_response();
        assert_eq!(response.status().as_u16(), code, "{name}");
        let body: Value = serde_json::from_slice(response.body()).unwrap();
        assert_eq!(body, json!({ "message": name }), "{name}");
    }
}
