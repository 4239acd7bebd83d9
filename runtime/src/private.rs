//! Support for the code `#[derive(ApiError)]` generates. Not public API: the
//! names here may change in any release.

use std::fmt;
use std::time::Duration;

pub use std::borrow::Cow;

use http::StatusCode;

use crate::{FieldErrors, IntoFieldErrors};

#[path = "lookup.rs"]
mod lookup;
pub use lookup::{
    inner, own, Challenge, Extra, Fixed, Full, Lookup, Status, MESSAGE_DISPLAY, MESSAGE_FIXED,
    MESSAGE_FORMATTED,
};

pub use crate::message_sink::{
    display_arg, write_message, Arg, Digits, IntegerArg, MessageSink, SinkWriter,
};

#[path = "probe.rs"]
pub mod probe;
pub use crate::__detail as detail;
pub use crate::report::Detail;

/// A `Cow<'a, str>`.
pub type CowStr<'a> = Cow<'a, str>;

/// The status for a code the derive or `status!` has checked to be in
/// `100..=999`, as a
/// constant. (The fallback is never reached: `from_u16` accepts every such
/// code.)
#[inline]
pub const fn status_const(code: u16) -> StatusCode {
    match StatusCode::from_u16(code) {
        Ok(status) => status,
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

/// The public message of a 4xx without `#[message]`: its `Display`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` has a 4xx variant without `#[message(\"...\")]`, so its public message is its `Display`, which it does not implement",
    label = "`{Self}` does not implement `Display`",
    note = "implement `Display` (e.g. `#[derive(thiserror::Error)]` with `#[error(\"...\")]` on each variant), or give the variant a `#[message(\"...\")]`"
)]
pub trait DisplayMessage {
    /// Writes the `Display` of `self`.
    fn write_display(&self, out: &mut MessageSink<'_>);
}

impl<T: fmt::Display + ?Sized> DisplayMessage for T {
    #[inline]
    fn write_display(&self, out: &mut MessageSink<'_>) {
        out.args(format_args!("{self}"));
    }
}

/// The field errors of a `#[field_errors]` field.
#[inline]
pub fn field_errors<T: IntoFieldErrors + ?Sized>(field: &T) -> Option<Cow<'_, FieldErrors>> {
    Some(field.field_errors())
}

/// A value a `#[retry_after]` field can hold: whole seconds.
#[diagnostic::on_unimplemented(
    message = "a `#[retry_after]` field must be a `u64` of seconds or a `std::time::Duration`, not `{Self}`",
    label = "`{Self}` is not a `u64` or a `Duration`"
)]
pub trait RetryAfterSeconds {
    /// The delay in whole seconds, rounded up, saturating.
    fn retry_after_seconds(&self) -> u64;
}

impl RetryAfterSeconds for u64 {
    #[inline]
    fn retry_after_seconds(&self) -> u64 {
        *self
    }
}

impl RetryAfterSeconds for Duration {
    #[inline]
    fn retry_after_seconds(&self) -> u64 {
        let whole = self.as_secs();
        if self.subsec_nanos() > 0 {
            whole.saturating_add(1)
        } else {
            whole
        }
    }
}

impl<T: RetryAfterSeconds + ?Sized> RetryAfterSeconds for &T {
    #[inline]
    fn retry_after_seconds(&self) -> u64 {
        (**self).retry_after_seconds()
    }
}

/// The `Retry-After` seconds of a `#[retry_after]` field.
#[inline]
pub fn retry_after_seconds<T: RetryAfterSeconds + ?Sized>(field: &T) -> u64 {
    field.retry_after_seconds()
}

pub use crate::impl_framework_traits;

/// What `actix_web::ResponseError` needs of a derived type, checked with a
/// readable message by the impls [`impl_framework_traits!`] generates.
#[cfg(feature = "actix-web")]
pub use crate::frameworks::ActixWebError;
/// actix-web, for the impls [`impl_framework_traits!`] generates.
#[cfg(feature = "actix-web")]
pub use ::actix_web;
/// axum, for the impls [`impl_framework_traits!`] generates.
#[cfg(feature = "axum")]
pub use ::axum;

pub use crate::impl_openapi;
/// The runtime side of [`impl_openapi!`].
#[cfg(feature = "utoipa")]
pub use crate::openapi::support as openapi;
/// utoipa, for the impls [`impl_openapi!`] generates.
#[cfg(feature = "utoipa")]
pub use ::utoipa;
