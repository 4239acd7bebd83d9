//! The names of the attributes the derive reads, spelled once.

use std::fmt::{self, Display};

use syn::{Ident, Path};

/// An attribute name.
#[derive(Copy, Clone)]
pub struct Symbol(pub &'static str);

pub const STATUS: Symbol = Symbol("status");
pub const MESSAGE: Symbol = Symbol("message");
pub const OAUTH: Symbol = Symbol("oauth");
pub const RETRY_AFTER: Symbol = Symbol("retry_after");
pub const FIELD_ERRORS: Symbol = Symbol("field_errors");
pub const TRANSPARENT: Symbol = Symbol("transparent");
pub const PROBLEM: Symbol = Symbol("problem");

impl PartialEq<Symbol> for Ident {
    fn eq(&self, word: &Symbol) -> bool {
        self == word.0
    }
}

impl PartialEq<Symbol> for Path {
    fn eq(&self, word: &Symbol) -> bool {
        self.is_ident(word.0)
    }
}

impl Display for Symbol {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.0)
    }
}
