//! [`StackBuf`]: the bytes of a message, on the stack while they fit.

/// Room on the stack for a message; a longer one moves to the heap.
pub(crate) const STACK_MESSAGE: usize = 128;

/// Bytes collected on the stack, moved to a `Vec` only when they outgrow
/// [`STACK_MESSAGE`].
pub(crate) struct StackBuf {
    stack: [u8; STACK_MESSAGE],
    len: usize,
    heap: Option<Vec<u8>>,
}

impl StackBuf {
    /// An empty buffer.
    #[inline]
    pub(crate) fn new() -> Self {
        StackBuf {
            stack: [0; STACK_MESSAGE],
            len: 0,
            heap: None,
        }
    }

    /// Appends `bytes`: on the stack while they fit (the common case,
    /// inlined into the sinks), else on the heap.
    #[inline]
    pub(crate) fn push(&mut self, bytes: &[u8]) {
        if self.heap.is_none() {
            let end = self.len + bytes.len();
            if let Some(room) = self.stack.get_mut(self.len..end) {
                room.copy_from_slice(bytes);
                self.len = end;
                return;
            }
        }
        self.push_to_heap(bytes);
    }

    /// [`push`](StackBuf::push) once the bytes no longer fit on the stack.
    #[cold]
    #[inline(never)]
    fn push_to_heap(&mut self, bytes: &[u8]) {
        match &mut self.heap {
            Some(heap) => heap.extend_from_slice(bytes),
            None => {
                let end = self.len + bytes.len();
                let mut heap = Vec::with_capacity(2 * end);
                heap.extend_from_slice(self.stack.get(..self.len).unwrap_or_default());
                heap.extend_from_slice(bytes);
                self.heap = Some(heap);
            }
        }
    }

    /// The bytes pushed so far.
    #[inline]
    pub(crate) fn as_bytes(&self) -> &[u8] {
        match &self.heap {
            Some(heap) => heap,
            None => self.stack.get(..self.len).unwrap_or_default(),
        }
    }

    /// Drops what follows the first `len` bytes.
    pub(crate) fn truncate(&mut self, len: usize) {
        match &mut self.heap {
            Some(heap) => heap.truncate(len),
            None => self.len = self.len.min(len),
        }
    }
}
