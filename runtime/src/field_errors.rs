//! [`FieldErrors`], the per-field validation messages of a 422, and the
//! [`IntoFieldErrors`] trait a `#[field_errors]` field implements.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::hash::BuildHasher;

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
// A `Vec` of pairs, not a hash map: a validation failure names a handful of
// fields, where a linear scan beats hashing, and insertion order comes free
// without a dependency such as `indexmap`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldErrors {
    fields: Vec<(String, Vec<String>)>,
}

impl FieldErrors {
    /// An empty set: serialized as `{}`.
    pub const fn new() -> Self {
        FieldErrors { fields: Vec::new() }
    }

    /// Adds `message` to `field`'s list, after the messages it already has;
    /// a field seen for the first time goes after every other field.
    pub fn add(&mut self, field: impl Into<String>, message: impl Into<String>) -> &mut Self {
        self.messages_mut(field.into()).push(message.into());
        self
    }

    /// The message list of `field`, appended empty if the field is new.
    fn messages_mut(&mut self, field: String) -> &mut Vec<String> {
        let index = match self.fields.iter().position(|(name, _)| *name == field) {
            Some(index) => index,
            None => {
                self.fields.push((field, Vec::new()));
                self.fields.len() - 1
            }
        };
        &mut self.fields[index].1
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
        self.fields
            .iter()
            .find(|(name, _)| name == field)
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
    FieldErrors {
        fields: lists
            .into_iter()
            .map(|(field, messages)| (field.clone(), messages.clone()))
            .collect(),
    }
}
