//! Interleaved timings: a cross-check of the criterion figures that holds up
//! on a noisy shared machine.
//!
//! Criterion measures one case after another, a few seconds each, so a load
//! that comes and goes on the machine lands on some cases and not on others.
//! Here the cases of a group take turns: each round times one batch of every
//! case (about a millisecond each, the starting case rotating), and each
//! ratio is the median over the rounds of the ratio within a round, so both
//! sides of a ratio always share the machine's state.
//!
//! `cargo bench -p api-status-benches --bench paired` (`ROUNDS`, default 201;
//! `RUNS=3` for three whole runs, every group once in each before the next
//! run starts, reported as the median of the runs and their range;
//! `GROUP=interpolated` for one group, `CASE=api_status` for one case and
//! `BATCH=10000` for a fixed batch, as under a profiler)

use std::hint::black_box;
use std::time::{Duration, Instant};

use api_status_benches::cases::{self, Case, Fixtures, CASES};

/// The time one batch should take.
const BATCH_TARGET: Duration = Duration::from_millis(1);

fn main() {
    let rounds: usize = env_number("ROUNDS").unwrap_or(201);
    let runs: usize = env_number("RUNS").unwrap_or(1).max(1);
    let only = std::env::var("GROUP").ok();
    let only_case = std::env::var("CASE").ok();
    let fixtures = Fixtures::new();
    let groups: Vec<&str> = cases::groups()
        .into_iter()
        .filter(|group| only.as_deref().is_none_or(|only| only == *group))
        .collect();
    // Per run, per case of every group: (median ns, × baseline, × floor).
    let mut results: Vec<Vec<Vec<[Option<f64>; 3]>>> = vec![Vec::new(); groups.len()];
    for _ in 0..runs {
        for (slot, group) in groups.iter().enumerate() {
            let in_group = cases_of(group, only_case.as_deref());
            results[slot].push(run_group(&in_group, &fixtures, rounds));
        }
    }
    if runs > 1 {
        println!(
            "{runs} runs; each figure is the median of the runs' figures, their range in brackets."
        );
        println!();
    }
    println!("| group | case | median (ns) | × baseline | × floor |");
    println!("| --- | --- | ---: | ---: | ---: |");
    for (slot, group) in groups.iter().enumerate() {
        for (index, case) in cases_of(group, only_case.as_deref()).iter().enumerate() {
            let column = |figure: usize, decimals: usize| {
                let values: Vec<f64> = results[slot]
                    .iter()
                    .filter_map(|run| run[index][figure])
                    .collect();
                summary(values, decimals)
            };
            println!(
                "| {group} | {} | {} | {} | {} |",
                case.name,
                column(0, 1),
                column(1, 2),
                column(2, 2),
            );
        }
    }
}

/// The cases of `group` (only `only_case`, if given).
fn cases_of<'a>(group: &str, only_case: Option<&str>) -> Vec<&'a Case> {
    CASES
        .iter()
        .filter(|case| case.group == group)
        .filter(|case| only_case.is_none_or(|only| only == case.name))
        .collect()
}

/// One interleaved run of a group: for each case, its median time per call
/// and its ratios to the group's `baseline` (or `inner`) and `floor`.
fn run_group(in_group: &[&Case], fixtures: &Fixtures, rounds: usize) -> Vec<[Option<f64>; 3]> {
    let batches: Vec<u32> = in_group
        .iter()
        .map(|case| batch_size(case, fixtures))
        .collect();
    let mut samples = vec![Vec::with_capacity(rounds); in_group.len()];
    for round in 0..rounds {
        for turn in 0..in_group.len() {
            let index = (round + turn) % in_group.len();
            samples[index].push(time_batch(in_group[index], fixtures, batches[index]));
        }
    }
    let position = |name: &str| in_group.iter().position(|case| case.name == name);
    let floor = position("floor");
    let reference = position("baseline").or_else(|| position("inner"));
    (0..in_group.len())
        .map(|index| {
            let ratio = |to: Option<usize>| {
                to.map(|to| {
                    let ratios = samples[index].iter().zip(&samples[to]).map(|(a, b)| a / b);
                    median(ratios.collect())
                })
            };
            [
                Some(median(samples[index].clone())),
                ratio(reference),
                ratio(floor),
            ]
        })
        .collect()
}

/// `median`, or `median (low–high)` over several runs; `–` for none.
fn summary(values: Vec<f64>, decimals: usize) -> String {
    match values.len() {
        0 => "–".to_owned(),
        1 => format!("{:.*}", decimals, values[0]),
        _ => {
            let low = values.iter().copied().fold(f64::INFINITY, f64::min);
            let high = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            format!(
                "{:.*} ({:.*}–{:.*})",
                decimals,
                median(values),
                decimals,
                low,
                decimals,
                high
            )
        }
    }
}

/// A whole number from the environment.
fn env_number<T: std::str::FromStr>(name: &str) -> Option<T> {
    std::env::var(name)
        .ok()
        .and_then(|value| value.parse().ok())
}

/// Nanoseconds per call, over one batch of `calls` calls.
fn time_batch(case: &Case, fixtures: &Fixtures, calls: u32) -> f64 {
    let run = case.run;
    let start = Instant::now();
    for _ in 0..calls {
        black_box(run(black_box(fixtures)));
    }
    start.elapsed().as_nanos() as f64 / f64::from(calls)
}

/// The number of calls that takes about [`BATCH_TARGET`].
fn batch_size(case: &Case, fixtures: &Fixtures) -> u32 {
    if let Some(calls) = env_number("BATCH") {
        return calls;
    }
    let per_call = time_batch(case, fixtures, 10_000).max(1.0);
    (BATCH_TARGET.as_nanos() as f64 / per_call).clamp(10.0, 1_000_000.0) as u32
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    let middle = values.len() / 2;
    if values.len() % 2 == 1 {
        values[middle]
    } else {
        (values[middle - 1] + values[middle]) / 2.0
    }
}
