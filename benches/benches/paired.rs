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
//! `GROUP=interpolated` for one group, `CASE=api_status` for one case and
//! `BATCH=10000` for a fixed batch, as under a profiler)

use std::hint::black_box;
use std::time::{Duration, Instant};

use api_status_benches::cases::{self, Case, Fixtures, CASES};

/// The time one batch should take.
const BATCH_TARGET: Duration = Duration::from_millis(1);

fn main() {
    let rounds: usize = std::env::var("ROUNDS")
        .ok()
        .and_then(|rounds| rounds.parse().ok())
        .unwrap_or(201);
    let only = std::env::var("GROUP").ok();
    let only_case = std::env::var("CASE").ok();
    let fixtures = Fixtures::new();
    println!("| group | case | median (ns) | × baseline | × floor |");
    println!("| --- | --- | ---: | ---: | ---: |");
    for group in cases::groups() {
        if only.as_deref().is_some_and(|only| only != group) {
            continue;
        }
        let in_group: Vec<&Case> = CASES
            .iter()
            .filter(|case| case.group == group)
            .filter(|case| only_case.as_deref().is_none_or(|only| only == case.name))
            .collect();
        let batches: Vec<u32> = in_group
            .iter()
            .map(|case| batch_size(case, &fixtures))
            .collect();
        let mut samples = vec![Vec::with_capacity(rounds); in_group.len()];
        for round in 0..rounds {
            for turn in 0..in_group.len() {
                let index = (round + turn) % in_group.len();
                samples[index].push(time_batch(in_group[index], &fixtures, batches[index]));
            }
        }
        let position = |name: &str| in_group.iter().position(|case| case.name == name);
        let floor = position("floor");
        let reference = position("baseline").or_else(|| position("inner"));
        for (index, case) in in_group.iter().enumerate() {
            let ratio = |to: Option<usize>| {
                to.map_or("–".to_owned(), |to| {
                    let ratios = samples[index].iter().zip(&samples[to]).map(|(a, b)| a / b);
                    format!("{:.2}", median(ratios.collect()))
                })
            };
            println!(
                "| {group} | {} | {:.1} | {} | {} |",
                case.name,
                median(samples[index].clone()),
                ratio(reference),
                ratio(floor),
            );
        }
    }
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
    if let Some(calls) = std::env::var("BATCH")
        .ok()
        .and_then(|calls| calls.parse().ok())
    {
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
