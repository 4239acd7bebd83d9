//! The JSON body of a success response: the value as `serde_json` writes
//! it, with a `links` member appended to an object that has none.

use std::fmt;

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::Serialize;

/// What a body that cannot be serialized is: the response is then the 500
/// of [`Rejection::Internal`](crate::Rejection::Internal).
pub(crate) struct Unserializable;

/// Whether `null` becomes `{"links":{…}}` (an `Accepted` of `()`), or stays
/// `null` (a `Created` of `()`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Null {
    Stays,
    BecomesLinks,
}

/// `body` as compact JSON; when that is an object without a `links` member,
/// `"links":{"rel":"url",…}` is appended as its last member. `links` holds
/// percent-encoded URLs (see `uri.rs`): visible ASCII without `"` or `\`,
/// written into the JSON string as they are.
///
/// The object is serialized once by `serde_json` (member order as the
/// `Serialize` impl writes it, nothing reordered); its last `}` is then
/// replaced by the links. Whether it already has a `links` member is read
/// from the written bytes by a scan of the top-level keys that skips every
/// value (no `serde_json::Value` is built).
pub(crate) fn encode<T: Serialize + ?Sized>(
    body: &T,
    links: &[(&str, &str)],
    null: Null,
) -> Result<Vec<u8>, Unserializable> {
    let mut out = serde_json::to_vec(body).map_err(|_| Unserializable)?;
    if null == Null::BecomesLinks && out == b"null" {
        out.clear();
        out.extend_from_slice(b"{}");
    }
    if out.first() != Some(&b'{') || has_links_member(&out) {
        return Ok(out);
    }
    // An object: `{}` or `{…}`; `serde_json` writes no whitespace.
    out.pop();
    if out.len() > 1 {
        out.push(b',');
    }
    out.extend_from_slice(b"\"links\":{");
    for (index, (rel, url)) in links.iter().enumerate() {
        if index > 0 {
            out.push(b',');
        }
        out.push(b'"');
        out.extend_from_slice(rel.as_bytes());
        out.extend_from_slice(b"\":\"");
        out.extend_from_slice(url.as_bytes());
        out.push(b'"');
    }
    out.extend_from_slice(b"}}");
    Ok(out)
}

/// Whether the JSON object `json` has a top-level member named `links`
/// (however its name is escaped). `false` for anything unreadable, which
/// `serde_json`'s own output never is.
fn has_links_member(json: &[u8]) -> bool {
    let mut deserializer = serde_json::Deserializer::from_slice(json);
    deserializer.deserialize_map(FindLinks).unwrap_or(false)
}

/// Visits an object's keys, skipping the values, until it meets `links`.
struct FindLinks;

impl<'de> Visitor<'de> for FindLinks {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        // Read to the end: `serde_json` checks that the object was.
        let mut found = false;
        while let Some(IsLinks(links)) = map.next_key()? {
            found |= links;
            map.next_value::<IgnoredAny>()?;
        }
        Ok(found)
    }
}

/// A key, read only as far as "is it `links`?", without allocating.
struct IsLinks(bool);

impl<'de> de::Deserialize<'de> for IsLinks {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(IsLinksVisitor)
    }
}

struct IsLinksVisitor;

impl Visitor<'_> for IsLinksVisitor {
    type Value = IsLinks;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<IsLinks, E> {
        Ok(IsLinks(key == "links"))
    }
}
