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
fn every_body_is_one_allocation_of_room_enough_or_none() {
    let fixtures = Fixtures::new();
    let (mut checked, mut written) = (0, 0);
    for case in CASES {
        let Some(body) = case.body else {
            continue;
        };
        let what = format!("{} {}", case.group, case.name);
        let counts = counting::per_call(100, || body(&fixtures));
        let bytes = body(&fixtures);
        match counts.allocations {
            // Static: served from the binary.
            0.0 => assert_eq!(counts.bytes, 0.0, "{what}"),
            // One buffer, never grown (a growth would count again), with
            // room for the whole body.
            1.0 => {
                assert!(counts.bytes >= bytes.len() as f64, "{what}: {counts:?}");
                written += 1;
            }
            _ => panic!("{what}: {counts:?} for a body of {} bytes", bytes.len()),
        }
        checked += 1;
    }
    assert!(checked >= 10, "{checked} cases with a body");
    // The counter counts: the bodies written at run time were seen.
    assert!(written >= 5, "{written} bodies written at run time");
}
