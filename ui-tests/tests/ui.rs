//! Every compile error `#[derive(ApiError)]` produces (`tests/ui/fail`, each
//! with its expected `.stderr`) and the inputs it must accept (`tests/ui/pass`).

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/fail/*.rs");
    cases.pass("tests/ui/pass/*.rs");
}
