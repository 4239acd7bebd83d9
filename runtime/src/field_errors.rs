//! [`FieldErrors`], the per-field validation messages of a 422, and the
//! [`IntoFieldErrors`] trait a `#[field_errors]` field implements.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::hash::{BuildHasher, RandomState};

use hashbrown::HashTable;

use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Validation messages by field name, in the order the fields were first
/// added: the `errors` member of a body.
///
/// ```
/// use api_status::FieldErrors;
///
/// let mut errors = FieldErrors::new();
/// errors
///     .add("name", "can't be blank")
///     .add("customer_id", "is invalid")
///     .add("name", "can't be a number");
///
/// assert_eq!(errors.len(), 2);
/// let fields: Vec<_> = errors.iter().collect();
/// assert_eq!(fields[0], ("name", &["can't be blank".to_owned(), "can't be a number".to_owned()][..]));
/// assert_eq!(
///     serde_json::to_string(&errors).unwrap(),
///     r#"{"name":["can't be blank","can't be a number"],"customer_id":["is invalid"]}"#,
/// );
/// ```
// A `Vec` of pairs, in insertion order, plus a hash index of the fields that
// is built only once there are more than `INDEXED_FROM` of them. A validation
// failure names a handful of fields, where a linear scan beats hashing
// (measured: `indexmap::IndexMap` makes adding to a 2- to 10-field set about
// 1.7x slower); a hostile or bulk request can name 100,000, where the scan
// would be quadratic. The index is `hashbrown`'s `HashTable` of positions into
// the `Vec` (the design of `indexmap` itself), keyed with std's randomly
// seeded SipHash, since field names come from requests.
/// Validation messages by field name, in the order the fields were first
/// added: the `errors` member of a body.
///
/// ```
/// use api_status::FieldErrors;
///
/// let mut errors = FieldErrors::new();
/// errors
///     .add("name", "can't be blank")
///     .add("customer_id", "is invalid")
///     .add("name", "can't be a number");
///
/// assert_eq!(errors.len(), 2);
/// let fields: Vec<_> = errors.iter().collect();
/// assert_eq!(fields[0], ("name", &["can't be blank".to_owned(), "can't be a number".to_owned()][..]));
/// assert_eq!(
///     serde_json::to_string(&errors).unwrap(),
///     r#"{"name":["can't be blank","can't be a number"],"customer_id":["is invalid"]}"#,
/// );
/// ```
///
/// Adding n messages costs O(n) in total, however many fields they name.
#[derive(Clone, Default)]
pub struct FieldErrors {
    fields: Vec<(String, Vec<String>)>,
    index: Option<Box<Index>>,
}

/// Past this many fields, lookups go through an [`Index`].
const INDEXED_FROM: usize = 16;

/// The positions of the fields in [`FieldErrors::fields`], by field name.
#[derive(Clone)]
struct Index {
    hasher: RandomState,
    positions: HashTable<usize>,
}

impl Index {
    /// The index of `fields`, whose names are distinct.
    fn of(fields: &[(String, Vec<String>)]) -> Index {
        let mut index = Index {
            hasher: RandomState::new(),
            positions: HashTable::with_capacity(fields.len()),
        };
        for (position, (name, _)) in fields.iter().enumerate() {
            index.insert(fields, name, position);
        }
        index
    }

    /// Where `field` is in `fields`, if it is there.
    fn find(&self, fields: &[(String, Vec<String>)], field: &str) -> Option<usize> {
        let hash = self.hasher.hash_one(field);
        self.positions
            .find(hash, |&position| {
                fields.get(position).is_some_and(|(name, _)| name == field)
            })
            .copied()
    }

    /// Records that `field`, not yet indexed, is at `position` (of
    /// `fields`, or just past its end).
    fn insert(&mut self, fields: &[(String, Vec<String>)], field: &str, position: usize) {
        let hasher = &self.hasher;
        let rehash = |&position: &usize| {
            fields
                .get(position)
                .map_or(0, |(name, _)| hasher.hash_one(name.as_str()))
        };
        self.positions
            .insert_unique(hasher.hash_one(field), position, rehash);
    }
}

impl FieldErrors {
    /// An empty set: serialized as `{}`.
    pub const fn new() -> Self {
        FieldErrors {
            fields: Vec::new(),
            index: None,
        }
    }

    /// A set from `(field, messages)` pairs whose fields are distinct.
    fn from_distinct(fields: Vec<(String, Vec<String>)>) -> Self {
        let index = (fields.len() > INDEXED_FROM).then(|| Box::new(Index::of(&fields)));
        FieldErrors { fields, index }
    }

    /// Adds `message` to `field`'s list, after the messages it already has;
    /// a field seen for the first time goes after every other field.
    pub fn add(&mut self, field: impl Into<String>, message: impl Into<String>) -> &mut Self {
        self.messages_mut(field.into()).push(message.into());
        self
    }

    /// Where `field` is, if it has messages.
    #[inline]
    fn position(&self, field: &str) -> Option<usize> {
        match &self.index {
            Some(index) => index.find(&self.fields, field),
            None => self.fields.iter().position(|(name, _)| name == field),
        }
    }

    /// The message list of `field`, appended empty if the field is new.
    #[inline]
    fn messages_mut(&mut self, field: String) -> &mut Vec<String> {
        let position = match self.position(&field) {
            Some(position) => position,
            None => {
                let position = self.fields.len();
                if let Some(index) = &mut self.index {
                    index.insert(&self.fields, &field, position);
                }
                self.fields.push((field, Vec::new()));
                if self.index.is_none() && self.fields.len() > INDEXED_FROM {
                    self.index = Some(Box::new(Index::of(&self.fields)));
                }
                position
            }
        };
        // Found by `position`, or just pushed: always in bounds.
        &mut self.fields[position].1
    }

    /// Whether no field has a message.
    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }

    /// The number of fields (not of messages).
    pub fn len(&self) -> usize {
        self.fields.len()
    }

    /// The messages of one field, if it has any.
    ///
    /// ```
    /// let errors: api_status::FieldErrors = [("email", "is taken")].into_iter().collect();
    /// assert_eq!(errors.get("email"), Some(&["is taken".to_owned()][..]));
    /// assert_eq!(errors.get("name"), None);
    /// ```
    pub fn get(&self, field: &str) -> Option<&[String]> {
        let position = self.position(field)?;
        self.fields
            .get(position)
            .map(|(_, messages)| messages.as_slice())
    }

    /// Each field with its messages, in insertion order.
    pub fn iter(&self) -> Iter<'_> {
        Iter {
            inner: self.fields.iter(),
        }
    }
}

/// The iterator of [`FieldErrors::iter`].
#[derive(Debug, Clone)]
pub struct Iter<'a> {
    inner: std::slice::Iter<'a, (String, Vec<String>)>,
}

impl<'a> Iterator for Iter<'a> {
    type Item = (&'a str, &'a [String]);

    fn next(&mut self) -> Option<Self::Item> {
        self.inner
            .next()
            .map(|(field, messages)| (field.as_str(), messages.as_slice()))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }
}

impl ExactSizeIterator for Iter<'_> {}

impl<'a> IntoIterator for &'a FieldErrors {
    type Item = (&'a str, &'a [String]);
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

impl<K: Into<String>, V: Into<String>> FromIterator<(K, V)> for FieldErrors {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut errors = FieldErrors::new();
        errors.extend(iter);
        errors
    }
}

impl<K: Into<String>, V: Into<String>> Extend<(K, V)> for FieldErrors {
    fn extend<I: IntoIterator<Item = (K, V)>>(&mut self, iter: I) {
        for (field, message) in iter {
            self.add(field, message);
        }
    }
}

impl Serialize for FieldErrors {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.fields.len()))?;
        for (field, messages) in &self.fields {
            map.serialize_entry(field, messages)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for FieldErrors {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct FieldErrorsVisitor;

        impl<'de> Visitor<'de> for FieldErrorsVisitor {
            type Value = FieldErrors;

            fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
                formatter.write_str("an object of field names to arrays of messages")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<FieldErrors, A::Error> {
                let mut errors = FieldErrors::new();
                while let Some((field, messages)) = map.next_entry::<String, Vec<String>>()? {
                    errors.messages_mut(field).extend(messages);
                }
                Ok(errors)
            }
        }

        deserializer.deserialize_map(FieldErrorsVisitor)
    }
}

/// A type that a `#[field_errors]` field can hold: anything that can say
/// which fields failed validation, and why.
///
/// Implemented for [`FieldErrors`], for `HashMap<String, Vec<String>>` (fields
/// sorted by name, since a hash map has no order of its own) and for
/// `BTreeMap<String, Vec<String>>`.
///
/// ```
/// use std::borrow::Cow;
/// use api_status::{FieldErrors, IntoFieldErrors};
///
/// struct Blank(&'static str);
///
/// impl IntoFieldErrors for Blank {
///     fn field_errors(&self) -> Cow<'_, FieldErrors> {
///         Cow::Owned([(self.0, "can't be blank")].into_iter().collect())
///     }
/// }
///
/// assert_eq!(Blank("name").field_errors().get("name").unwrap()[0], "can't be blank");
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be used as a `#[field_errors]` field",
    label = "`{Self}` does not implement `api_status::IntoFieldErrors`",
    note = "use `api_status::FieldErrors`, a `HashMap<String, Vec<String>>` or a `BTreeMap<String, Vec<String>>`, or implement `api_status::IntoFieldErrors` for `{Self}`"
)]
pub trait IntoFieldErrors {
    /// The messages by field, borrowed when `self` already is a [`FieldErrors`].
    fn field_errors(&self) -> Cow<'_, FieldErrors>;
}

impl IntoFieldErrors for FieldErrors {
    fn field_errors(&self) -> Cow<'_, FieldErrors> {
        Cow::Borrowed(self)
    }
}

impl<S: BuildHasher> IntoFieldErrors for HashMap<String, Vec<String>, S> {
    fn field_errors(&self) -> Cow<'_, FieldErrors> {
        let mut sorted: Vec<_> = self.iter().collect();
        sorted.sort_unstable_by(|a, b| a.0.cmp(b.0));
        Cow::Owned(from_lists(sorted))
    }
}

impl IntoFieldErrors for BTreeMap<String, Vec<String>> {
    fn field_errors(&self) -> Cow<'_, FieldErrors> {
        Cow::Owned(from_lists(self))
    }
}

impl<T: IntoFieldErrors + ?Sized> IntoFieldErrors for &T {
    fn field_errors(&self) -> Cow<'_, FieldErrors> {
        (**self).field_errors()
    }
}

impl<T: IntoFieldErrors + ?Sized> IntoFieldErrors for Box<T> {
    fn field_errors(&self) -> Cow<'_, FieldErrors> {
        (**self).field_errors()
    }
}

/// Builds a [`FieldErrors`] from `(field, messages)` pairs whose fields are
/// already distinct.
fn from_lists<'a>(lists: impl IntoIterator<Item = (&'a String, &'a Vec<String>)>) -> FieldErrors {
    FieldErrors::from_distinct(
        lists
            .into_iter()
            .map(|(field, messages)| (field.clone(), messages.clone()))
            .collect(),
    )
}

/// Equal when the same fields have the same messages, in the same order.
impl PartialEq for FieldErrors {
    fn eq(&self, other: &Self) -> bool {
        self.fields == other.fields
    }
}

impl Eq for FieldErrors {}

impl fmt::Debug for FieldErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}
