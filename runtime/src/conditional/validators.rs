//! [`Validators`]: what the server knows of the current representation.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use http::HeaderValue;

use super::EntityTag;

/// The first second an HTTP-date cannot write (year 10000): `httpdate`
/// writes 1970 to 9999 only.
const END_OF_HTTP_DATES: u64 = 253_402_300_800;

/// The validators of the selected representation (RFC 9110 section 8.8):
/// its entity tag and its modification date, either or both, against which
/// [`Preconditions::evaluate`](crate::Preconditions::evaluate) checks a
/// request.
///
/// ```
/// use std::time::{Duration, UNIX_EPOCH};
/// use api_status::{EntityTag, Validators};
///
/// let validators = Validators::new()
///     .etag(EntityTag::strong("v7").unwrap())
///     // Compared, and sent, in whole seconds: the 0.9 s are dropped.
///     .last_modified(UNIX_EPOCH + Duration::from_millis(784_111_777_900));
/// assert_eq!(validators.etag_value().unwrap(), r#""v7""#);
/// assert_eq!(
///     validators.last_modified_value().unwrap(),
///     "Sun, 06 Nov 1994 08:49:37 GMT",
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Validators {
    exists: bool,
    etag: Option<EntityTag>,
    /// Whole seconds since the epoch, within the years HTTP-dates can say.
    last_modified: Option<u64>,
}

impl Default for Validators {
    fn default() -> Self {
        Validators::new()
    }
}

impl Validators {
    /// A representation exists; no validator yet.
    pub fn new() -> Validators {
        Validators {
            exists: true,
            etag: None,
            last_modified: None,
        }
    }

    /// The target resource has no current representation (a `PUT` that
    /// would create it): `If-Match: *` is false and `If-None-Match: *` true
    /// (RFC 9110 sections 13.1.1 and 13.1.2).
    pub fn missing() -> Validators {
        Validators {
            exists: false,
            etag: None,
            last_modified: None,
        }
    }

    /// The representation's entity tag.
    pub fn etag(mut self, etag: EntityTag) -> Validators {
        self.etag = Some(etag);
        self
    }

    /// The representation's modification date, kept in whole seconds (an
    /// HTTP-date has no fraction). A date before 1970 or after 9999, which
    /// an HTTP-date cannot say, is ignored.
    pub fn last_modified(mut self, time: SystemTime) -> Validators {
        self.last_modified = time
            .duration_since(UNIX_EPOCH)
            .ok()
            .map(|since| since.as_secs())
            .filter(|seconds| *seconds < END_OF_HTTP_DATES);
        self
    }

    /// Whether a current representation exists ([`Validators::missing`] is
    /// the one that does not).
    pub fn exists(&self) -> bool {
        self.exists
    }

    /// The entity tag, if one was given.
    pub fn entity_tag(&self) -> Option<&EntityTag> {
        self.etag.as_ref()
    }

    /// The modification date in whole seconds, if one was given.
    pub fn modified(&self) -> Option<SystemTime> {
        self.last_modified
            .map(|seconds| UNIX_EPOCH + Duration::from_secs(seconds))
    }

    /// The `etag` header value.
    pub fn etag_value(&self) -> Option<HeaderValue> {
        self.etag.as_ref().map(EntityTag::header_value)
    }

    /// The `last-modified` header value, an IMF-fixdate.
    pub fn last_modified_value(&self) -> Option<HeaderValue> {
        // Within 1970..=9999, so `httpdate` writes it without a panic, and
        // an IMF-fixdate is always a valid header value.
        self.modified()
            .and_then(|time| HeaderValue::from_str(&httpdate::fmt_http_date(time)).ok())
    }

    /// The modification date in whole seconds since the epoch.
    pub(crate) fn modified_seconds(&self) -> Option<u64> {
        self.last_modified
    }
}
