//! One error, the client's format: JSON, problem+json (RFC 9457) and, with
//! the feature `xml`, Rails-style XML and problem+xml, chosen by the
//! request's `Accept`.
//!
//! [`ApiError::to_response_for`](crate::ApiError::to_response_for) answers a
//! request in the format it prefers; [`Format::from_request`] is the choice
//! alone. Status, `WWW-Authenticate` and `Retry-After` are the same in every
//! format, and every negotiated response carries `vary: accept`.

mod accept;
mod problem;
mod response;
#[cfg(any(feature = "axum", feature = "actix-web"))]
pub(crate) mod scope;
#[cfg(feature = "xml")]
mod xml;

pub(crate) use problem::{default_title, encode_problem, encode_problem_after};
pub(crate) use response::{respond, respond_with, with_vary};

use http::{HeaderMap, HeaderValue};

/// A format an error can answer in, in the server's order of preference.
///
/// ```
/// use api_status::http::{header::ACCEPT, HeaderMap, HeaderValue};
/// use api_status::Format;
///
/// let mut headers = HeaderMap::new();
/// assert_eq!(Format::from_request(&headers), Format::Json);
///
/// headers.insert(ACCEPT, HeaderValue::from_static("application/problem+json, */*;q=0.1"));
/// assert_eq!(Format::from_request(&headers), Format::ProblemJson);
/// assert_eq!(Format::ProblemJson.content_type(), "application/problem+json");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Format {
    /// `application/json`: `{"message":…}`, the default.
    #[default]
    Json,
    /// `application/problem+json` (RFC 9457): `type`, `title`, `status`,
    /// `detail`, then `errors` or `error` and `error_description`.
    ProblemJson,
    /// `application/xml` (also chosen for `text/xml`): Rails' `Hash#to_xml`
    /// shape. Offered only with the feature `xml`; without it, this format
    /// answers as [`Json`](Format::Json).
    Xml,
    /// `application/problem+xml` (RFC 9457 appendix B). Offered only with the
    /// feature `xml`; without it, this format answers as
    /// [`ProblemJson`](Format::ProblemJson).
    ProblemXml,
}

impl Format {
    /// The format the request's `Accept` prefers (RFC 9110 §12.5.1): the
    /// most specific matching range decides each format's quality, `q=0`
    /// excludes, ties go to the order of [`Format`]'s variants. No
    /// `Accept`, or nothing acceptable: [`Json`](Format::Json), never a 406.
    pub fn from_request(request_headers: &HeaderMap) -> Format {
        accept::choose(
            request_headers
                .get_all(http::header::ACCEPT)
                .iter()
                .map(HeaderValue::as_bytes),
        )
    }

    /// The `content-type` of a response in this format.
    pub fn content_type(self) -> &'static str {
        match self.offered() {
            Format::Json => "application/json",
            Format::ProblemJson => "application/problem+json",
            Format::Xml => "application/xml",
            Format::ProblemXml => "application/problem+xml",
        }
    }

    /// Whether this build can answer in this format.
    fn is_offered(self) -> bool {
        cfg!(feature = "xml") || matches!(self, Format::Json | Format::ProblemJson)
    }

    /// The format this build answers in when asked for `self`.
    pub(crate) fn offered(self) -> Format {
        match self {
            Format::Xml if !self.is_offered() => Format::Json,
            Format::ProblemXml if !self.is_offered() => Format::ProblemJson,
            format => format,
        }
    }

    /// [`content_type`](Format::content_type) as a header value, from
    /// constants: `from_static` on a value known only at run time would
    /// check its bytes on every response.
    pub(crate) fn content_type_value(self) -> HeaderValue {
        const JSON: HeaderValue = HeaderValue::from_static("application/json");
        const PROBLEM_JSON: HeaderValue = HeaderValue::from_static("application/problem+json");
        const XML: HeaderValue = HeaderValue::from_static("application/xml");
        const PROBLEM_XML: HeaderValue = HeaderValue::from_static("application/problem+xml");
        match self.offered() {
            Format::Json => JSON,
            Format::ProblemJson => PROBLEM_JSON,
            Format::Xml => XML,
            Format::ProblemXml => PROBLEM_XML,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Format;

    #[test]
    fn each_content_type_value_is_its_content_type() {
        for format in [
            Format::Json,
            Format::ProblemJson,
            Format::Xml,
            Format::ProblemXml,
        ] {
            assert_eq!(format.content_type_value(), format.content_type());
        }
    }
}
