//! [`ConditionalGetLayer`]: the layer and its configuration.

use tower_layer::Layer;

use super::ConditionalGet;
use crate::conditional::automatic::DEFAULT_MAX_BODY_SIZE;

/// Automatic ETags and 304s for a tower service: see the
/// [module docs](crate::tower). Cheap to clone.
///
/// ```
/// use api_status::tower::ConditionalGetLayer;
///
/// // Hash bodies of up to 64 KiB only.
/// let layer = ConditionalGetLayer::new().max_body_size(64 * 1024);
/// # let _ = layer;
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConditionalGetLayer {
    max_body_size: u64,
}

impl ConditionalGetLayer {
    /// The layer with the default limit: bodies of at most 1 MiB are hashed.
    pub fn new() -> ConditionalGetLayer {
        ConditionalGetLayer {
            max_body_size: DEFAULT_MAX_BODY_SIZE,
        }
    }

    /// The largest body, in bytes, that gets an automatic ETag; larger
    /// ones pass through untouched.
    pub fn max_body_size(mut self, bytes: u64) -> ConditionalGetLayer {
        self.max_body_size = bytes;
        self
    }
}

impl Default for ConditionalGetLayer {
    fn default() -> Self {
        ConditionalGetLayer::new()
    }
}

impl<S> Layer<S> for ConditionalGetLayer {
    type Service = ConditionalGet<S>;

    fn layer(&self, inner: S) -> ConditionalGet<S> {
        ConditionalGet::new(inner, self.max_body_size)
    }
}
