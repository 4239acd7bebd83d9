//! [`EntityTag`]: the value of an `ETag` (RFC 9110 section 8.8.3).

use std::fmt;
use std::str::FromStr;

/// An entity tag: an opaque validator of one representation, strong or weak
/// (RFC 9110 section 8.8.3).
///
/// ```
/// use api_status::EntityTag;
///
/// let strong = EntityTag::strong("v7").unwrap();
/// let weak = EntityTag::weak("v7").unwrap();
/// assert_eq!(strong.to_string(), r#""v7""#);
/// assert_eq!(weak.to_string(), r#"W/"v7""#);
/// assert_eq!(r#"W/"v7""#.parse::<EntityTag>().unwrap(), weak);
///
/// // RFC 9110 section 8.8.3.2: only two strong tags match strongly; any two
/// // tags with the same opaque value match weakly.
/// assert!(!strong.strong_eq(&weak));
/// assert!(strong.weak_eq(&weak));
///
/// // A quote or a backslash cannot be in a tag.
/// assert!(EntityTag::strong("a\"b").is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct EntityTag {
    weak: bool,
    tag: Box<str>,
}

/// A string that is not an entity tag: an opaque tag with a character
/// outside `%x21 / %x23-5B / %x5D-7E` (visible ASCII without `"` and `\`),
/// or a header value that is not `"tag"` or `W/"tag"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InvalidEntityTag;

impl fmt::Display for InvalidEntityTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("invalid entity tag: expected visible ASCII without `\"` and `\\`, quoted, optionally after `W/`")
    }
}

impl std::error::Error for InvalidEntityTag {}

/// `etagc = "!" / %x23-7E ; except "\"` with `obs-text` left out
/// (RFC 9110 section 8.8.3): a header value made of visible ASCII only.
fn is_etagc(byte: u8) -> bool {
    byte == 0x21 || (0x23..=0x7e).contains(&byte) && byte != b'\\'
}

fn check(tag: &str) -> Result<(), InvalidEntityTag> {
    if tag.bytes().all(is_etagc) {
        Ok(())
    } else {
        Err(InvalidEntityTag)
    }
}

impl EntityTag {
    /// A strong tag with the opaque value `tag` (written without quotes).
    pub fn strong(tag: &str) -> Result<EntityTag, InvalidEntityTag> {
        check(tag)?;
        Ok(EntityTag {
            weak: false,
            tag: tag.into(),
        })
    }

    /// A weak tag (`W/"…"`) with the opaque value `tag` (without quotes).
    pub fn weak(tag: &str) -> Result<EntityTag, InvalidEntityTag> {
        check(tag)?;
        Ok(EntityTag {
            weak: true,
            tag: tag.into(),
        })
    }

    /// The weak tag of a content: 32 hexadecimal digits of its 128-bit
    /// XXH3 hash. Weak, because it names the bytes a server sent, not a
    /// version of the resource that a byte-range request could rely on.
    ///
    /// ```
    /// use api_status::EntityTag;
    ///
    /// let tag = EntityTag::digest(br#"{"id":1}"#);
    /// assert!(tag.is_weak());
    /// assert_eq!(tag.tag().len(), 32);
    /// assert_eq!(tag, EntityTag::digest(br#"{"id":1}"#));
    /// assert_ne!(tag, EntityTag::digest(br#"{"id":2}"#));
    /// ```
    pub fn digest(content: &[u8]) -> EntityTag {
        let hash = xxhash_rust::xxh3::xxh3_128(content);
        EntityTag {
            weak: true,
            tag: format!("{hash:032x}").into(),
        }
    }

    /// Whether the tag is weak (`W/"…"`).
    pub fn is_weak(&self) -> bool {
        self.weak
    }

    /// The opaque tag, without quotes and without `W/`.
    pub fn tag(&self) -> &str {
        &self.tag
    }

    /// Strong comparison (RFC 9110 section 8.8.3.2): both tags are strong and
    /// their opaque values are the same. What `If-Match` uses.
    pub fn strong_eq(&self, other: &EntityTag) -> bool {
        !self.weak && !other.weak && self.tag == other.tag
    }

    /// Weak comparison (RFC 9110 section 8.8.3.2): the opaque values are the
    /// same, whether either tag is weak or not. What `If-None-Match` uses.
    pub fn weak_eq(&self, other: &EntityTag) -> bool {
        self.tag == other.tag
    }

    /// Reads one `entity-tag` at the start of `input`; returns it with the
    /// rest of the input, or `None` if `input` does not start with one.
    pub(crate) fn parse_prefix(input: &str) -> Option<(EntityTag, &str)> {
        let (weak, rest) = match input.strip_prefix("W/") {
            Some(rest) => (true, rest),
            None => (false, input),
        };
        let rest = rest.strip_prefix('"')?;
        let end = rest.find('"')?;
        let (tag, rest) = (rest.get(..end)?, rest.get(end + 1..)?);
        check(tag).ok()?;
        Some((
            EntityTag {
                weak,
                tag: tag.into(),
            },
            rest,
        ))
    }
}

/// Reads the header form: `"abc"` or `W/"abc"`, nothing before or after.
impl FromStr for EntityTag {
    type Err = InvalidEntityTag;

    fn from_str(input: &str) -> Result<EntityTag, InvalidEntityTag> {
        match EntityTag::parse_prefix(input) {
            Some((tag, "")) => Ok(tag),
            _ => Err(InvalidEntityTag),
        }
    }
}

/// Writes the header form: `"abc"` or `W/"abc"`.
impl fmt::Display for EntityTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.weak {
            f.write_str("W/")?;
        }
        write!(f, "\"{}\"", self.tag)
    }
}

impl EntityTag {
    /// The tag as a header value.
    pub(crate) fn header_value(&self) -> http::HeaderValue {
        // Only visible ASCII: always a valid value; the fallback is never
        // reached.
        http::HeaderValue::from_str(&self.to_string())
            .unwrap_or_else(|_| http::HeaderValue::from_static("\"\""))
    }
}
