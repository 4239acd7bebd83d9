//! What the client is never told reaches the operator: one `tracing` event
//! per error response (feature `tracing`).
//!
//! Every function that builds an error response calls [`emit`] exactly once:
//! a derived variant's response (`Lookup::to_response`), the trait's default
//! (`headers::build_response`, for hand-written impls) and
//! [`Rejection`](crate::Rejection)'s. A transparent variant's response is its
//! inner error's, so only the inner emits. Without the feature [`emit`] is an
//! empty function: nothing is computed, nothing is called.
//!
//! The event, target `api_status` (fields in this order: `message` first,
//! as formatters such as `tracing_subscriber::fmt` print it first anyway):
//!
//! | field | value |
//! | --- | --- |
//! | level | ERROR for a 5xx, DEBUG for a 4xx |
//! | `message` | the public message, as the body says it |
//! | `status` | the status code, a number |
//! | `error` | `Type::Variant` (`Type` for a struct); for a hand-written impl, its type's name |
//! | `display` | a 5xx's `Display`, where its type implements it |
//! | `source` | the `source()` chain, joined with `": "`, where the type implements `std::error::Error` and has a source (any status: a [`Rejection`](crate::Rejection) keeps the framework's or serde's error there) |

use std::error::Error;
#[cfg(feature = "tracing")]
use std::fmt;
use std::fmt::Display;

/// What the derive's probe found out about a value: its `Display` and its
/// `std::error::Error`, where its type implements them. Empty without the
/// `tracing` feature, or for a type that implements neither.
#[derive(Clone, Copy, Default)]
pub struct Detail<'a> {
    /// The value's `Display`.
    pub display: Option<&'a dyn Display>,
    /// The value as an error, whose `source()` chain the event carries.
    pub error: Option<&'a dyn Error>,
}

impl Detail<'_> {
    /// Nothing known.
    pub const NONE: Detail<'static> = Detail {
        display: None,
        error: None,
    };
}

/// Emits the event of one error response: `error` answered with `status`.
/// Every function that builds an error response calls it once; its `error`
/// field is `error`'s `__api_status_name()` (the variant's `Type::Variant`,
/// an inner error's for a transparent one, `Rejection::Kind`, or a
/// hand-written impl's type name).
#[cfg(feature = "tracing")]
#[inline]
pub(crate) fn emit<E: crate::ApiError + ?Sized>(error: &E, status: http::StatusCode) {
    // On the path of every response, the one check when no subscriber
    // wants the event: the global maximum level, a load and a compare (the
    // first test `enabled!` makes too), before the variant's name or the
    // callsite are looked at.
    let max = tracing::level_filters::LevelFilter::current();
    if max == tracing::level_filters::LevelFilter::OFF {
        return;
    }
    let level = match status.is_server_error() {
        true => tracing::Level::ERROR,
        false => tracing::Level::DEBUG,
    };
    if level > max {
        return;
    }
    emit_event(error, status);
}

/// [`emit`] once a subscriber may want the event.
#[cfg(feature = "tracing")]
#[inline(never)]
fn emit_event<E: crate::ApiError + ?Sized>(error: &E, status: http::StatusCode) {
    let code = status.as_u16();
    let name = error.__api_status_name();
    if status.is_server_error() {
        // Fields are evaluated only when a subscriber wants the event.
        if tracing::enabled!(target: "api_status", tracing::Level::ERROR) {
            let detail = error.__api_status_detail();
            let source = detail.error.and_then(|error| error.source()).map(Chain);
            tracing::event!(
                target: "api_status",
                tracing::Level::ERROR,
                message = %Message(error),
                status = code,
                error = name,
                display = detail.display.map(tracing::field::display),
                source = source.map(tracing::field::display),
            );
        }
    } else if tracing::enabled!(target: "api_status", tracing::Level::DEBUG) {
        let detail = error.__api_status_detail();
        let source = detail.error.and_then(|error| error.source()).map(Chain);
        tracing::event!(
            target: "api_status",
            tracing::Level::DEBUG,
            message = %Message(error),
            status = code,
            error = name,
            source = source.map(tracing::field::display),
        );
    }
}

/// Without the `tracing` feature: nothing.
#[cfg(not(feature = "tracing"))]
#[inline(always)]
pub(crate) fn emit<E: crate::ApiError + ?Sized>(_: &E, _: http::StatusCode) {}

/// The name of a hand-written impl's type, for its event: the last path
/// segment of `type_name` (`RateLimited`, `Wrapper<Inner>`).
pub(crate) fn type_name<E: ?Sized>() -> &'static str {
    let full = std::any::type_name::<E>();
    // Only the path before the first `<` names the type's own module.
    let head = full.split('<').next().unwrap_or(full);
    match head.rfind("::") {
        Some(at) => full.get(at + 2..).unwrap_or(full),
        None => full,
    }
}

/// The public message, written without an intermediate `String`.
#[cfg(feature = "tracing")]
struct Message<'a, E: ?Sized>(&'a E);

#[cfg(feature = "tracing")]
impl<E: crate::ApiError + ?Sized> Display for Message<'_, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.write_message(f)
    }
}

/// An error and its sources, joined with `": "`.
#[cfg(feature = "tracing")]
#[derive(Clone, Copy)]
struct Chain<'a>(&'a (dyn Error + 'static));

#[cfg(feature = "tracing")]
impl Display for Chain<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut next = Some(self.0);
        let mut separator = "";
        // A cycle of sources would never end; no real chain is this deep.
        let mut depth = 0;
        while let (Some(error), true) = (next, depth < 64) {
            write!(f, "{separator}{error}")?;
            separator = ": ";
            next = error.source();
            depth += 1;
        }
        Ok(())
    }
}
