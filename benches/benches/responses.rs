//! The timings: every case of `api_status_benches::cases::CASES`, a criterion
//! group per response, so each case is measured next to the hand-written
//! floor and baseline and the peers in the same run.
//!
//! `cargo bench -p api-status-benches --bench responses -- --warm-up-time 1 --measurement-time 3 --sample-size 50`

use std::hint::black_box;

use api_status_benches::cases::{self, Fixtures, CASES};
use criterion::{criterion_group, criterion_main, Criterion};

fn responses(c: &mut Criterion) {
    let fixtures = Fixtures::new();
    for group in cases::groups() {
        let mut measured = c.benchmark_group(group);
        for case in CASES.iter().filter(|case| case.group == group) {
            let run = case.run;
            measured.bench_function(case.name, |b| b.iter(|| run(black_box(&fixtures))));
        }
        measured.finish();
    }
}

criterion_group!(benches, responses);
criterion_main!(benches);
