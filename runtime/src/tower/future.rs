//! [`ResponseFuture`]: what [`ConditionalGet`](super::ConditionalGet)'s
//! `call` returns.

use std::future::Future;
use std::pin::Pin;

/// The response future of [`ConditionalGet`](super::ConditionalGet). Boxed:
/// it awaits the inner service, then, for a response it hashes, the
/// body's frames, and one `async` block says that more plainly than a
/// hand-written state machine.
pub type ResponseFuture<T, E> = Pin<Box<dyn Future<Output = Result<T, E>> + Send>>;
