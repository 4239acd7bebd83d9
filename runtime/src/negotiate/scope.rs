//! How an error inside a handler learns the request's format.
//!
//! `IntoResponse::into_response` (axum) and `ResponseError::error_response`
//! (actix-web) see the error, not the request. The `Negotiate` layer and
//! middleware choose the format from `Accept` once per request and scope it
//! in a task-local around the inner service's future; the derived impls
//! read it there. The alternative, an owned description of the error in the
//! response's extensions that the layer renders again, would cost every
//! error response an allocation and the extension map even without the
//! layer; the task-local costs one thread-local read, and nothing at all on
//! the plain `to_response` path.

use super::Format;

tokio::task_local! {
    /// The format chosen by `Negotiate` for the request being served.
    static FORMAT: Format;
}

/// The format `Negotiate` chose for the current request, if a `Negotiate`
/// serves it.
#[inline]
pub(crate) fn current() -> Option<Format> {
    FORMAT.try_with(|format| *format).ok()
}

/// The future of the inner service, with `format` scoped over every poll.
pub(crate) type Scoped<F> = tokio::task::futures::TaskLocalFuture<Format, F>;

/// Calls the inner service (`call`) and runs its future with `format`
/// scoped: both the call itself and every poll of the future see it.
#[inline]
pub(crate) fn scoped<F: std::future::Future>(
    format: Format,
    call: impl FnOnce() -> F,
) -> Scoped<F> {
    let future = FORMAT.sync_scope(format, call);
    FORMAT.scope(format, future)
}

/// The format of a request from its `Accept` values, as bytes.
#[inline]
pub(crate) fn choose<'a>(values: impl Iterator<Item = &'a [u8]>) -> Format {
    super::accept::choose(values)
}
