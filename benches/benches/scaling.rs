//! Section 15: hostile sizes cost linear time. Times adding, answering
//! (`to_response`) and parsing (`ErrorBody`) 1,000, 10,000 and 100,000
//! field errors, and prints the ratio from one size to the next: about 10
//! for a linear path, about 100 for a quadratic one.
//!
//! Also times the small case (2, 5 and 10 fields) against a plain `Vec`
//! searched from the start, the `FieldErrors` of before the hash index, in
//! the same run: the index must not make the common 422 slower.
//!
//! `cargo bench -p api-status-benches --bench scaling` (`ROUNDS`, default 15;
//! `SIZE=10000` runs each path once at that size only, for an instruction
//! count under `valgrind --tool=callgrind`, which caches and a busy machine
//! do not sway; `PATH_NAME=to_response` for one path)

use std::hint::black_box;
use std::time::Instant;

use api_status::{ApiError, ErrorBody, FieldErrors};

#[derive(Debug, thiserror::Error, ApiError)]
#[error("the items could not be saved")]
#[status(unprocessable_entity)]
struct BulkError {
    #[field_errors]
    errors: FieldErrors,
}

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

fn main() {
    let rounds: usize = std::env::var("ROUNDS")
        .ok()
        .and_then(|rounds| rounds.parse().ok())
        .unwrap_or(15);
    let sizes: Vec<usize> = match std::env::var("SIZE")
        .ok()
        .and_then(|size| size.parse().ok())
    {
        Some(size) => vec![size],
        None => SIZES.to_vec(),
    };
    let rounds = if sizes.len() == 1 { 1 } else { rounds };
    let names: Vec<String> = (0..sizes.iter().copied().max().unwrap_or(0))
        .map(|index| format!("items[{index}].name"))
        .collect();

    println!("| path | 1k fields (ms) | 10k (ms) | 100k (ms) | 10k / 1k | 100k / 10k |");
    println!("| --- | ---: | ---: | ---: | ---: | ---: |");
    let paths: [(&str, &dyn Fn(usize) -> f64); 4] = [
        ("add, distinct fields", &|n| time(|| build(&names[..n]))),
        ("add, every field twice", &|n| {
            time(|| {
                let mut errors = build(&names[..n]);
                for name in names[..n].iter().rev() {
                    errors.add(name.as_str(), "is invalid");
                }
                errors
            })
        }),
        ("to_response", &|n| {
            let error = BulkError {
                errors: build(&names[..n]),
            };
            time(|| error.to_response())
        }),
        ("parse ErrorBody", &|n| {
            let body = BulkError {
                errors: build(&names[..n]),
            }
            .to_response()
            .into_body();
            time(|| serde_json::from_slice::<ErrorBody>(&body).map(|body| body.errors))
        }),
    ];
    let only_path = std::env::var("PATH_NAME").ok();
    for (name, path) in paths {
        if only_path.as_deref().is_some_and(|only| only != name) {
            continue;
        }
        // Sizes take turns, so that both sides of a ratio share the
        // machine's state.
        let mut samples = vec![Vec::with_capacity(rounds); sizes.len()];
        for round in 0..rounds {
            for turn in 0..sizes.len() {
                let index = (round + turn) % sizes.len();
                samples[index].push(path(sizes[index]));
            }
        }
        let medians: Vec<f64> = samples.into_iter().map(median).collect();
        if let [only] = medians[..] {
            println!("| {name} | {only:.3} ms at {} fields |", sizes[0]);
            continue;
        }
        println!(
            "| {name} | {:.3} | {:.3} | {:.3} | {:.1} | {:.1} |",
            medians[0],
            medians[1],
            medians[2],
            medians[1] / medians[0],
            medians[2] / medians[1],
        );
    }

    if sizes.len() == 1 {
        return;
    }
    println!();
    println!("| small case | FieldErrors (ns per add) | Vec scan (ns per add) | ratio |");
    println!("| --- | ---: | ---: | ---: |");
    for fields in [2, 5, 10] {
        let adds = 100_000 / fields;
        let mut ours = Vec::with_capacity(rounds);
        let mut scan = Vec::with_capacity(rounds);
        for _ in 0..rounds {
            // Each field twice: one new field, one repeat.
            ours.push(time(|| {
                for _ in 0..adds / fields {
                    let mut errors = FieldErrors::new();
                    for name in &names[..fields] {
                        errors.add(name.as_str(), "can't be blank");
                        errors.add(names[0].as_str(), "is invalid");
                    }
                    black_box(errors);
                }
            }));
            scan.push(time(|| {
                for _ in 0..adds / fields {
                    let mut errors = VecScan::default();
                    for name in &names[..fields] {
                        errors.add(name.as_str(), "can't be blank");
                        errors.add(names[0].as_str(), "is invalid");
                    }
                    black_box(errors);
                }
            }));
        }
        let per_add = |ms: f64| ms * 1e6 / (2 * (adds / fields) * fields) as f64;
        let (ours, scan) = (per_add(median(ours)), per_add(median(scan)));
        println!(
            "| {fields} fields | {ours:.1} | {scan:.1} | {:.2} |",
            ours / scan
        );
    }
}

fn build(names: &[String]) -> FieldErrors {
    let mut errors = FieldErrors::new();
    for name in names {
        errors.add(name.as_str(), "can't be blank");
    }
    errors
}

/// The `FieldErrors` of before section 15: a list searched from the start.
#[derive(Default)]
struct VecScan {
    fields: Vec<(String, Vec<String>)>,
}

impl VecScan {
    fn add(&mut self, field: impl Into<String>, message: impl Into<String>) {
        let field = field.into();
        match self.fields.iter_mut().find(|(name, _)| *name == field) {
            Some((_, messages)) => messages.push(message.into()),
            None => self.fields.push((field, vec![message.into()])),
        }
    }
}

/// Milliseconds `run` takes once.
fn time<T>(run: impl FnOnce() -> T) -> f64 {
    let start = Instant::now();
    black_box(run());
    start.elapsed().as_secs_f64() * 1e3
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}
