//! Allocation counts, for the allocation report and the allocation bounds
//! test.
//!
//! The counting allocator is `stats_alloc`'s instrumented system allocator,
//! rather than one written here: it forwards every call to [`System`] and
//! adds to atomic counters, and using it takes no `unsafe` code, so this
//! crate, like every crate of the workspace, forbids it. A target that
//! wants counts installs it:
//!
//! ```
//! use api_status_benches::counting::{self, Allocator};
//!
//! #[global_allocator]
//! static ALLOCATOR: Allocator = counting::ALLOCATOR;
//!
//! let counts = counting::per_call(10, || vec![0u8; 100]);
//! assert_eq!(counts.allocations, 1.0);
//! assert_eq!(counts.bytes, 100.0);
//! ```
//!
//! It is installed only by the `allocs` bench target and the `one_buffer`
//! test, never by the timed benchmarks, so the atomics do not skew the
//! timings. Without it, every count is zero. (The runtime's
//! `allocation_bounds` test installs `stats_alloc` itself: the runtime
//! cannot depend on this crate.)
//!
//! [`System`]: std::alloc::System

use std::alloc::System;

use stats_alloc::{StatsAlloc, INSTRUMENTED_SYSTEM};

/// The type of the counting global allocator.
pub type Allocator = &'static StatsAlloc<System>;

/// The counting global allocator, for `#[global_allocator]`.
pub const ALLOCATOR: Allocator = &INSTRUMENTED_SYSTEM;

/// Allocations and bytes requested, as counted so far (or per call, from
/// [`per_call`]).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Counts {
    /// Calls to `alloc`, `alloc_zeroed` and `realloc`.
    pub allocations: f64,
    /// Bytes those calls asked for (for a `realloc`, what it grew by).
    pub bytes: f64,
}

/// The counters now. They only move when [`ALLOCATOR`] is the global
/// allocator.
pub fn snapshot() -> Counts {
    let stats = INSTRUMENTED_SYSTEM.stats();
    Counts {
        allocations: (stats.allocations + stats.reallocations) as f64,
        // A growing `realloc` adds what it grew by to `bytes_allocated`.
        bytes: stats.bytes_allocated as f64,
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
