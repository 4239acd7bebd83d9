//! The allocation report: allocations and bytes per response for every case,
//! counted by a global allocator installed here only, and, when criterion
//! results of the `responses` bench exist, their medians and ratios, as a
//! Markdown table.
//!
//! `cargo bench -p api-status-benches --bench allocs`

use std::path::PathBuf;

use api_status_benches::cases::{self, Case, Fixtures, CASES};
use api_status_benches::counting::{self, Allocator};

#[global_allocator]
static ALLOCATOR: Allocator = counting::ALLOCATOR;

/// Calls per count: the figures are averages, exact for deterministic code.
const CALLS: u32 = 1_000;

fn main() {
    let fixtures = Fixtures::new();
    let criterion = criterion_dir();
    println!("| group | case | median (ns) | × baseline | × floor | allocations | bytes | body allocations | body bytes |");
    println!("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for group in cases::groups() {
        let in_group: Vec<&Case> = CASES.iter().filter(|case| case.group == group).collect();
        let median_of = |name: &str| median(&criterion, group, name);
        let floor = median_of("floor");
        let reference = median_of("baseline").or_else(|| median_of("inner"));
        for case in in_group {
            let run = case.run;
            let counts = counting::per_call(CALLS, || run(&fixtures));
            let body = case
                .body
                .map(|body| counting::per_call(CALLS, || body(&fixtures)));
            let median = median_of(case.name);
            let ratio = |to: Option<f64>| match (median, to) {
                (Some(median), Some(to)) => format!("{:.2}", median / to),
                _ => "–".to_owned(),
            };
            println!(
                "| {group} | {} | {} | {} | {} | {} | {} | {} | {} |",
                case.name,
                median.map_or("–".to_owned(), |m| format!("{m:.1}")),
                ratio(reference),
                ratio(floor),
                trim(counts.allocations),
                trim(counts.bytes),
                body.map_or("–".to_owned(), |b| trim(b.allocations)),
                body.map_or("–".to_owned(), |b| trim(b.bytes)),
            );
        }
    }
}

/// A count without a needless fraction.
fn trim(value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        format!("{value:.2}")
    }
}

/// Where criterion keeps its results: `$CRITERION_HOME`, else
/// `$CARGO_TARGET_DIR/criterion`, else the workspace's `target/criterion`.
fn criterion_dir() -> PathBuf {
    if let Some(home) = std::env::var_os("CRITERION_HOME") {
        return PathBuf::from(home);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target"));
    target.join("criterion")
}

/// The median of the last criterion run of one case, in nanoseconds.
fn median(criterion: &std::path::Path, group: &str, name: &str) -> Option<f64> {
    let path = criterion.join(group).join(name).join("new/estimates.json");
    let text = std::fs::read_to_string(path).ok()?;
    let estimates: serde_json::Value = serde_json::from_str(&text).ok()?;
    estimates["median"]["point_estimate"].as_f64()
}
