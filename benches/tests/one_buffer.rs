//! Section 7: a body that depends on the value is serialized once, into one
//! buffer sized up front; a body that does not is not serialized at all.
//! Counted for the body of every `api-status` case (`ApiError::body`) with
//! the counting allocator, installed in this test binary only.

use api_status_benches::cases::{Fixtures, CASES};
use api_status_benches::counting::{self, Allocator};

#[global_allocator]
static ALLOCATOR: Allocator = counting::ALLOCATOR;

/// One test function, so that no other test allocates while one counts.
#[test]
fn static_bodies_allocate_nothing_and_written_ones_one_buffer_of_room_enough() {
    let fixtures = Fixtures::new();
    let (mut served, mut written) = (0, 0);
    for case in CASES {
        let Some(body) = case.body else {
            continue;
        };
        let what = format!("{} {}", case.group, case.name);
        let counts = counting::per_call(100, || body(&fixtures));
        let bytes = body(&fixtures);
        // The groups whose message does not depend on the value: their
        // bodies are computed by the macro (section 7).
        let is_static = matches!(
            case.group,
            "static_4xx" | "static_5xx" | "oauth_401" | "transparent_static"
        );
        if is_static {
            // Served from the binary: no allocation at all.
            assert_eq!(counts.allocations, 0.0, "{what}: {counts:?}");
            assert_eq!(counts.bytes, 0.0, "{what}");
            served += 1;
        } else {
            // One buffer, never grown (a growth would count again), with
            // room for the whole body.
            assert_eq!(counts.allocations, 1.0, "{what}: {counts:?}");
            assert!(counts.bytes >= bytes.len() as f64, "{what}: {counts:?}");
            written += 1;
        }
    }
    // Every case with a body was seen: five static, seven written.
    assert_eq!((served, written), (5, 7), "cases with a body");
}
