//! The derive cannot know whether a type implements `Display` or
//! `std::error::Error`: it sees tokens, not traits. The generated
//! `__api_status_detail` asks with autoref specialization instead, through
//! [`detail!`](crate::__detail): method resolution on `&&&Probe(value)`
//! picks the first of these impls that applies,
//!
//! 1. [`ViaError`] on `&&Probe<T>` where `T: Error` (its `Display` too),
//! 2. [`ViaDisplay`] on `&Probe<T>` where `T: Display`,
//! 3. [`ViaNothing`] on `Probe<T>`, for any `T`.
//!
//! The choice is made where the impl is written, from what is known there:
//! for a concrete type, its real impls. For a generic type it is what its
//! where-clause proves: `Wrapper<T>` whose `Display` needs `T: Display` gets
//! the third impl unless the derive's impl already requires `Self: Display`
//! (it does when a 4xx variant's message is its `Display`), or the type's
//! `Display`/`Error` impls have no bounds on `T`.
//!
//! Without the `tracing` feature the macro expands to
//! [`Detail::NONE`](crate::__private::Detail::NONE) and none of this is
//! compiled into the user's code.

use std::error::Error;
use std::fmt::Display;

use crate::report::Detail;

/// The value being asked about.
pub struct Probe<'a, T: ?Sized>(pub &'a T);

/// The first choice: a `std::error::Error` (and so `Display`).
pub trait ViaError<'a> {
    /// The value's `Display` and `Error`.
    fn api_status_detail(&self) -> Detail<'a>;
}

impl<'a, T: Error> ViaError<'a> for &&Probe<'a, T> {
    #[inline]
    fn api_status_detail(&self) -> Detail<'a> {
        Detail {
            display: Some(self.0),
            error: Some(self.0),
        }
    }
}

/// The second choice: `Display` only.
pub trait ViaDisplay<'a> {
    /// The value's `Display`.
    fn api_status_detail(&self) -> Detail<'a>;
}

impl<'a, T: Display> ViaDisplay<'a> for &Probe<'a, T> {
    #[inline]
    fn api_status_detail(&self) -> Detail<'a> {
        Detail {
            display: Some(self.0),
            error: None,
        }
    }
}

/// The last choice: neither.
pub trait ViaNothing<'a> {
    /// Nothing.
    fn api_status_detail(&self) -> Detail<'a>;
}

impl<'a, T: ?Sized> ViaNothing<'a> for Probe<'a, T> {
    #[inline]
    fn api_status_detail(&self) -> Detail<'a> {
        Detail::NONE
    }
}

/// `Detail` of `$value` (a `&T`): what the derive's `__api_status_detail`
/// expands to with the `tracing` feature.
#[cfg(feature = "tracing")]
#[doc(hidden)]
#[macro_export]
macro_rules! __detail {
    ($value:expr) => {{
        #[allow(unused_imports)]
        use $crate::__private::probe::{ViaDisplay as _, ViaError as _, ViaNothing as _};
        (&&&$crate::__private::probe::Probe($value)).api_status_detail()
    }};
}

/// Without the `tracing` feature: nothing is asked.
#[cfg(not(feature = "tracing"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __detail {
    ($value:expr) => {
        $crate::__private::Detail::NONE
    };
}
