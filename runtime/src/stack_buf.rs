//! [`StackBuf`]: the bytes of a message, on the stack while they fit.
//!
//! The helpers here marked `inline(never)` in a debug build and `inline`
//! when optimized follow the rule of `message_sink`'s "Inlining".

/// Room on the stack for a message; a longer one moves to the heap.
pub(crate) const STACK_MESSAGE: usize = 128;

/// Bytes collected on the stack, moved to a `Vec` only when they outgrow
/// [`STACK_MESSAGE`].
pub(crate) struct StackBuf {
    /// Zeroed on the first push (without `unsafe`, the bytes must be
    /// initialized), in place: a buffer never pushed to, as when a message
    /// is written straight into its body, costs no zeroing.
    stack: Option<Stack>,
    /// The bytes on the stack; once they have moved to the heap, what
    /// had been pushed then (never zero: only bytes that do not fit move),
    /// so that `len == 0` alone says nothing was pushed.
    len: usize,
    heap: Option<Vec<u8>>,
}

/// The bytes on the stack, aligned as a word is: after the `Option`'s tag,
/// unaligned bytes slowed the copies and the UTF-8 check of the message.
#[repr(align(8))]
struct Stack([u8; STACK_MESSAGE]);

impl StackBuf {
    /// An empty buffer.
    #[cfg_attr(debug_assertions, inline(never))]
    #[cfg_attr(not(debug_assertions), inline)]
    pub(crate) fn new() -> Self {
        StackBuf {
            stack: None,
            len: 0,
            heap: None,
        }
    }

    /// Whether it holds no bytes, so that `as_bytes()` is empty; checked
    /// by the sinks before anything is written. (Once moved to the heap it
    /// answers `false`, even truncated to nothing.)
    #[cfg_attr(debug_assertions, inline(never))]
    #[cfg_attr(not(debug_assertions), inline)]
    pub(crate) fn is_empty(&self) -> bool {
        debug_assert!(self.len != 0 || self.heap.is_none());
        self.len == 0
    }

    /// Appends `bytes`: on the stack while they fit (the common case,
    /// inlined into the sinks), else on the heap.
    #[inline]
    pub(crate) fn push(&mut self, bytes: &[u8]) {
        if self.heap.is_none() {
            let end = self.len + bytes.len();
            let stack = self.stack.get_or_insert(Stack([0; STACK_MESSAGE]));
            if let Some(room) = stack.0.get_mut(self.len..end) {
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
                heap.extend_from_slice(self.stack_bytes());
                heap.extend_from_slice(bytes);
                self.heap = Some(heap);
                // Not zero: these bytes did not fit on the stack.
                self.len = end;
            }
        }
    }

    /// The bytes pushed so far.
    #[cfg_attr(debug_assertions, inline(never))]
    #[cfg_attr(not(debug_assertions), inline)]
    pub(crate) fn as_bytes(&self) -> &[u8] {
        match &self.heap {
            Some(heap) => heap,
            None => self.stack_bytes(),
        }
    }

    /// The bytes on the stack.
    #[cfg_attr(debug_assertions, inline(never))]
    #[cfg_attr(not(debug_assertions), inline)]
    fn stack_bytes(&self) -> &[u8] {
        match &self.stack {
            Some(stack) => stack.0.get(..self.len).unwrap_or_default(),
            None => &[],
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

#[cfg(test)]
mod tests {
    use super::{StackBuf, STACK_MESSAGE};

    #[test]
    fn a_new_buffer_is_empty_and_unzeroed() {
        let mut buf = StackBuf::new();
        assert!(buf.is_empty());
        assert!(buf.stack.is_none());
        assert_eq!(buf.as_bytes(), b"");
        buf.push(b"");
        assert!(buf.is_empty());
        assert_eq!(buf.as_bytes(), b"");
    }

    #[test]
    fn bytes_stay_on_the_stack_while_they_fit_then_move_whole() {
        let mut buf = StackBuf::new();
        buf.push(b"abc");
        buf.push(&[b'x'; STACK_MESSAGE - 3]);
        assert!(buf.heap.is_none());
        assert_eq!(buf.as_bytes().len(), STACK_MESSAGE);
        buf.push(b"!");
        assert!(buf.heap.is_some());
        assert!(!buf.is_empty());
        let mut expected = b"abc".to_vec();
        expected.extend_from_slice(&[b'x'; STACK_MESSAGE - 3]);
        expected.push(b'!');
        assert_eq!(buf.as_bytes(), expected.as_slice());
        buf.push(&[b'y'; 200]);
        expected.extend_from_slice(&[b'y'; 200]);
        assert_eq!(buf.as_bytes(), expected.as_slice());
    }

    #[test]
    fn truncate_then_push_writes_after_what_is_kept() {
        let mut buf = StackBuf::new();
        buf.push(b"hello world");
        buf.truncate(5);
        buf.push(b"!");
        assert_eq!(buf.as_bytes(), b"hello!");
        buf.truncate(0);
        assert_eq!(buf.as_bytes(), b"");
        let mut heap = StackBuf::new();
        heap.push(&[b'z'; STACK_MESSAGE + 1]);
        heap.truncate(0);
        assert_eq!(heap.as_bytes(), b"");
        heap.push(b"a");
        assert_eq!(heap.as_bytes(), b"a");
    }
}
