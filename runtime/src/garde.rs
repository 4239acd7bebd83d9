//! `IntoFieldErrors` for [garde](https://docs.rs/garde)'s `Report`
//! (feature `garde`; garde 0.22 and 0.23).

use std::borrow::Cow;

use ::garde::Report;

use crate::{FieldErrors, IntoFieldErrors};

/// The errors of a `garde::Validate` run, by path, in the order garde found
/// them. Paths are written as garde prints them: `name`, `address.city`,
/// `items[0].name`; an error of the value as a whole has the empty path `""`.
/// Each message is garde's.
///
/// ```
/// use api_status::IntoFieldErrors;
/// use garde::{Error, Path, Report};
///
/// let mut report = Report::new();
/// report.append(Path::new("items").join(0).join("name"), Error::new("length is lower than 1"));
/// report.append(Path::new("address").join("city"), Error::new("not a valid city"));
///
/// assert_eq!(
///     serde_json::to_string(&report.field_errors()).unwrap(),
///     r#"{"items[0].name":["length is lower than 1"],"address.city":["not a valid city"]}"#,
/// );
/// ```
impl IntoFieldErrors for Report {
    fn field_errors(&self) -> Cow<'_, FieldErrors> {
        Cow::Owned(
            self.iter()
                .map(|(path, error)| (path.to_string(), error.message()))
                .collect(),
        )
    }
}
