//! The names of the attributes the derive reads, spelled once.

use std::fmt::{self, Display};

/// An attribute name.
#[derive(Copy, Clone, PartialEq, Eq)]
pub struct Symbol(pub &'static str);

pub const STATUS: Symbol = Symbol("status");
pub const MESSAGE: Symbol = Symbol("message");
pub const OAUTH: Symbol = Symbol("oauth");
pub const RETRY_AFTER: Symbol = Symbol("retry_after");
pub const FIELD_ERRORS: Symbol = Symbol("field_errors");
pub const TRANSPARENT: Symbol = Symbol("transparent");
pub const PROBLEM: Symbol = Symbol("problem");

/// The attributes the derive declares (`TRANSPARENT` is a value, not one).
pub const ATTRIBUTES: [Symbol; 6] = [STATUS, MESSAGE, OAUTH, RETRY_AFTER, FIELD_ERRORS, PROBLEM];

impl Display for Symbol {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.0)
    }
}
