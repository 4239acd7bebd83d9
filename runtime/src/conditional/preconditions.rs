//! [`Preconditions`]: the conditional headers of a request, and their
//! evaluation in the order of RFC 9110 section 13.2.2.

use std::time::{SystemTime, UNIX_EPOCH};

use http::header::{IF_MATCH, IF_MODIFIED_SINCE, IF_NONE_MATCH, IF_UNMODIFIED_SINCE};
use http::{HeaderMap, HeaderName, Method};

use super::{EntityTag, Validators};

/// The outcome of [`Preconditions::evaluate`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Precondition {
    /// Every condition holds (or there is none): perform the method.
    Proceed,
    /// 304 Not Modified: a `GET` or `HEAD` whose cached representation is
    /// still current.
    NotModified,
    /// 412 Precondition Failed: the representation is not the one the
    /// client expects.
    Failed,
}

/// `If-Match` or `If-None-Match`: `*`, or a list of entity tags.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Condition {
    /// `*`: any current representation.
    Any,
    /// The valid tags of the list, in order; empty when every member was
    /// malformed.
    Tags(Vec<EntityTag>),
}

impl Condition {
    /// Whether any listed tag matches `current` under `eq`, or `*` and a
    /// representation exists.
    fn matches(&self, validators: &Validators, eq: fn(&EntityTag, &EntityTag) -> bool) -> bool {
        match self {
            Condition::Any => validators.exists(),
            Condition::Tags(tags) => match (validators.exists(), validators.entity_tag()) {
                (true, Some(current)) => tags.iter().any(|tag| eq(tag, current)),
                _ => false,
            },
        }
    }
}

/// The conditional headers of a request (RFC 9110 section 13.1): read once
/// with [`from_request`](Preconditions::from_request), evaluated against the
/// current representation's [`Validators`].
///
/// ```
/// use api_status::http::{HeaderMap, Method};
/// use api_status::{EntityTag, Precondition, Preconditions, Validators};
///
/// let mut headers = HeaderMap::new();
/// headers.insert("if-none-match", r#"W/"v6", "v7""#.parse().unwrap());
/// let preconditions = Preconditions::from_request(&Method::GET, &headers);
///
/// let current = Validators::new().etag(EntityTag::strong("v7").unwrap());
/// assert_eq!(preconditions.evaluate(&current), Precondition::NotModified);
///
/// let changed = Validators::new().etag(EntityTag::strong("v8").unwrap());
/// assert_eq!(preconditions.evaluate(&changed), Precondition::Proceed);
/// ```
///
/// Reading follows RFC 9110: every field line of a header counts, lists are
/// split on commas outside quotes, a malformed member is ignored (a header
/// whose every member is malformed is an empty list: `If-Match` is then
/// false and `If-None-Match` true), and a date that is not one valid
/// HTTP-date (in any of the three formats of section 5.6.7) is ignored, as
/// is a date header sent on several field lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preconditions {
    method: Method,
    if_match: Option<Condition>,
    if_none_match: Option<Condition>,
    /// Whole seconds since the epoch (an HTTP-date has no fraction).
    if_modified_since: Option<u64>,
    if_unmodified_since: Option<u64>,
}

impl Preconditions {
    /// Reads `If-Match`, `If-None-Match`, `If-Modified-Since` and
    /// `If-Unmodified-Since` from a request's method and headers.
    pub fn from_request(method: &Method, headers: &HeaderMap) -> Preconditions {
        Preconditions {
            method: method.clone(),
            if_match: condition(headers, &IF_MATCH),
            if_none_match: condition(headers, &IF_NONE_MATCH),
            if_modified_since: date(headers, &IF_MODIFIED_SINCE),
            if_unmodified_since: date(headers, &IF_UNMODIFIED_SINCE),
        }
    }

    /// The request's method.
    pub fn method(&self) -> &Method {
        &self.method
    }

    /// Whether the request has any conditional header this type reads.
    pub fn is_empty(&self) -> bool {
        self.if_match.is_none()
            && self.if_none_match.is_none()
            && self.if_modified_since.is_none()
            && self.if_unmodified_since.is_none()
    }

    /// Evaluates the preconditions against the current representation, in
    /// the order of RFC 9110 section 13.2.2:
    ///
    /// 1. `If-Match` (strong comparison; `*` is true when a representation
    ///    exists): false gives [`Failed`](Precondition::Failed);
    /// 2. otherwise `If-Unmodified-Since` (ignored without a modification
    ///    date): a later modification gives `Failed`;
    /// 3. `If-None-Match` (weak comparison): a match gives
    ///    [`NotModified`](Precondition::NotModified) for `GET` and `HEAD`,
    ///    `Failed` for every other method;
    /// 4. otherwise, for `GET` and `HEAD` only, `If-Modified-Since`: no
    ///    modification since gives `NotModified`;
    /// 5. [`Proceed`](Precondition::Proceed).
    pub fn evaluate(&self, validators: &Validators) -> Precondition {
        let get_or_head = self.method == Method::GET || self.method == Method::HEAD;
        // RFC 9110 §13.2.2 step 1, §13.1.1.
        if let Some(if_match) = &self.if_match {
            if !if_match.matches(validators, EntityTag::strong_eq) {
                return Precondition::Failed;
            }
        } else if let (Some(date), Some(modified)) =
            (self.if_unmodified_since, validators.modified_seconds())
        {
            // Step 2, §13.1.4: false when modified after the date.
            if modified > date {
                return Precondition::Failed;
            }
        }
        // Step 3, §13.1.2.
        if let Some(if_none_match) = &self.if_none_match {
            if if_none_match.matches(validators, EntityTag::weak_eq) {
                return if get_or_head {
                    Precondition::NotModified
                } else {
                    Precondition::Failed
                };
            }
        } else if let (true, Some(date), Some(modified)) = (
            get_or_head,
            self.if_modified_since,
            validators.modified_seconds(),
        ) {
            // Step 4, §13.1.3: false when not modified since the date.
            if modified <= date {
                return Precondition::NotModified;
            }
        }
        Precondition::Proceed
    }

    /// The `If-Match` and `If-Unmodified-Since` parts left out: what the
    /// automatic ETag middleware evaluates, which answers only 304s.
    #[cfg(any(feature = "tower", feature = "actix-web"))]
    pub(crate) fn cache_validation_only(mut self) -> Preconditions {
        self.if_match = None;
        self.if_unmodified_since = None;
        self
    }
}

/// `If-Match` or `If-None-Match`: every field line, members split on commas
/// outside quotes; `None` when the header is absent.
fn condition(headers: &HeaderMap, name: &HeaderName) -> Option<Condition> {
    let mut lines = headers.get_all(name).iter().peekable();
    lines.peek()?;
    let mut tags = Vec::new();
    for line in lines {
        // A value that is not visible ASCII has no valid member.
        let Ok(line) = line.to_str() else { continue };
        for member in members(line) {
            if member == "*" {
                return Some(Condition::Any);
            }
            if let Ok(tag) = member.parse::<EntityTag>() {
                tags.push(tag);
            }
        }
    }
    Some(Condition::Tags(tags))
}

/// The members of a list (RFC 9110 section 5.6.1): split on commas outside
/// double quotes, optional whitespace trimmed, empty members skipped.
fn members(line: &str) -> impl Iterator<Item = &str> {
    let mut rest = line;
    std::iter::from_fn(move || loop {
        if rest.is_empty() {
            return None;
        }
        let mut quoted = false;
        let end = rest
            .char_indices()
            .find(|&(_, c)| {
                if c == '"' {
                    quoted = !quoted;
                }
                c == ',' && !quoted
            })
            .map_or(rest.len(), |(index, _)| index);
        let member = rest.get(..end).unwrap_or_default();
        rest = rest.get(end + 1..).unwrap_or_default();
        let member = member.trim_matches([' ', '\t']);
        if !member.is_empty() {
            return Some(member);
        }
    })
}

/// `If-Modified-Since` or `If-Unmodified-Since`: exactly one field line
/// holding one valid HTTP-date, as whole seconds since the epoch.
fn date(headers: &HeaderMap, name: &HeaderName) -> Option<u64> {
    let mut lines = headers.get_all(name).iter();
    let line = lines.next()?;
    if lines.next().is_some() {
        // RFC 9110 §13.1.3, §13.1.4: more than one member is ignored.
        return None;
    }
    let time: SystemTime = httpdate::parse_http_date(line.to_str().ok()?.trim()).ok()?;
    time.duration_since(UNIX_EPOCH)
        .ok()
        .map(|since| since.as_secs())
}
