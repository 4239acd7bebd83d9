//! Every case of a group builds the same response as the group's floor
//! (status, headers, body bytes), so the benchmarks compare like with like.
//! Only `http-api-problem`, whose format differs, is checked for its status
//! and a valid JSON body. No timing is asserted here.

use api_status_benches::cases::{groups, Fixtures, CASES};

#[test]
fn every_case_builds_its_groups_response() {
    let fixtures = Fixtures::new();
    for group in groups() {
        let mut in_group = CASES.iter().filter(|case| case.group == group);
        let floor = in_group.next().expect("a group has cases");
        assert_eq!(floor.name, "floor", "{group}: the floor comes first");
        let expected = (floor.run)(&fixtures);
        serde_json::from_slice::<serde_json::Value>(expected.body()).expect("the floor is JSON");
        for case in in_group {
            let response = (case.run)(&fixtures);
            let label = format!("{group}/{}", case.name);
            assert_eq!(response.status(), expected.status(), "{label}");
            if case.same_response {
                assert_eq!(response.headers(), expected.headers(), "{label}");
                assert_eq!(response.body(), expected.body(), "{label}");
            } else {
                serde_json::from_slice::<serde_json::Value>(response.body()).expect(&label);
            }
            if let Some(body) = case.body {
                assert_eq!(body(&fixtures), expected.body(), "{label}: body()");
            }
        }
    }
}

/// A negotiated JSON response is the group's floor with `vary: accept`,
/// header for header and byte for byte.
#[test]
fn negotiated_json_is_the_floor_with_vary() {
    let fixtures = Fixtures::new();
    for group in groups()
        .into_iter()
        .filter(|group| group.starts_with("negotiate_"))
    {
        let run = |name: &str| {
            let case = CASES
                .iter()
                .find(|case| case.group == group && case.name == name)
                .unwrap_or_else(|| panic!("{group} has a {name} case"));
            (case.run)(&fixtures)
        };
        let expected = run("floor_vary");
        assert_eq!(
            expected.headers().get("vary").map(|v| v.as_bytes()),
            Some(&b"accept"[..])
        );
        for name in ["json_by_accept", "vary_only"] {
            let response = run(name);
            let label = format!("{group}/{name}");
            assert_eq!(response.status(), expected.status(), "{label}");
            assert_eq!(response.headers(), expected.headers(), "{label}");
            assert_eq!(response.body(), expected.body(), "{label}");
        }
    }
}
