//! Speed and allocation measurements of `api-status`.
//!
//! Every case builds one complete `http::Response<Bytes>`: status,
//! `content-type` (and `WWW-Authenticate` where the case has one) and a JSON
//! body. Cases come in groups; in each group the same response is produced
//! by `api-status`, by hand (the "floor": a `Bytes::from_static` body; the
//! "baseline": a `#[derive(Serialize)]` struct and `serde_json::to_vec`) and,
//! where they can, by the peer crates `api-error` and `http-api-problem`.
//!
//! The criterion bench `responses` times every case of [`cases::CASES`]; the
//! bench `allocs` counts the allocations of each with [`counting::ALLOCATOR`].
//! See `BENCHMARKS.md` at the root of the repository for the figures.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod cases;
pub mod counting;
pub mod errors;
pub mod hand;
pub mod peers;
