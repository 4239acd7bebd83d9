//! A global allocator that counts, for the allocation report.
//!
//! [`Counting`] forwards every call to [`System`] unchanged and adds to two
//! relaxed atomic counters: the number of allocations (`alloc`,
//! `alloc_zeroed` and `realloc` each count one) and the bytes requested
//! (the size of each, the new size for `realloc`). Deallocations are not
//! counted. The allocator is installed only by the `allocs` bench target
//! (`#[global_allocator] static A: Counting = Counting;`), never by the timed
//! benchmarks, so the atomics do not skew the timings.
// The only unsafe code of the workspace outside the standard library's own:
// `GlobalAlloc` is an unsafe trait with unsafe methods, and forwarding to
// `System` is an unsafe call.
#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicU64, Ordering};

static ALLOCATIONS: AtomicU64 = AtomicU64::new(0);
static BYTES: AtomicU64 = AtomicU64::new(0);

/// The counting allocator: [`System`] plus two counters.
#[derive(Debug, Clone, Copy, Default)]
pub struct Counting;

#[inline]
fn count(bytes: usize) {
    ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
    BYTES.fetch_add(bytes as u64, Ordering::Relaxed);
}

// SAFETY: every method forwards to `System` with the arguments it was given,
// so `System`'s guarantees are ours; counting touches no memory it returns.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count(layout.size());
        // SAFETY: the caller upholds `GlobalAlloc::alloc`'s contract.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count(layout.size());
        // SAFETY: the caller upholds `GlobalAlloc::alloc_zeroed`'s contract.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller upholds `GlobalAlloc::dealloc`'s contract, and
        // `ptr` came from `System` through the methods above.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count(new_size);
        // SAFETY: the caller upholds `GlobalAlloc::realloc`'s contract, and
        // `ptr` came from `System` through the methods above.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

/// Allocations and bytes requested, as counted so far (or per call, from
/// [`per_call`]).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Counts {
    /// Calls to `alloc`, `alloc_zeroed` and `realloc`.
    pub allocations: f64,
    /// Bytes those calls asked for.
    pub bytes: f64,
}

/// The counters now. They only move when [`Counting`] is the global
/// allocator.
pub fn snapshot() -> Counts {
    Counts {
        allocations: ALLOCATIONS.load(Ordering::Relaxed) as f64,
        bytes: BYTES.load(Ordering::Relaxed) as f64,
    }
}

/// The allocations and bytes of one call of `f`, averaged over `calls`
/// calls (its result dropped each time, inside the count). `calls` must be
/// at least 1.
pub fn per_call<R>(calls: u32, mut f: impl FnMut() -> R) -> Counts {
    // One call outside the count, for anything lazily initialized.
    drop(std::hint::black_box(f()));
    let before = snapshot();
    for _ in 0..calls {
        drop(std::hint::black_box(f()));
    }
    let after = snapshot();
    let calls = f64::from(calls.max(1));
    Counts {
        allocations: (after.allocations - before.allocations) / calls,
        bytes: (after.bytes - before.bytes) / calls,
    }
}
