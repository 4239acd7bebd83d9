//! The errors of a small accounts API, and the responses a client receives
//! for each: status line, headers, body.
//!
//! ```text
//! cargo run -p api-status-examples --example quickstart
//! ```
//!
//! The error type is in `examples/src/quickstart.rs`.

use api_status_examples::quickstart::{examples, render};

fn main() {
    for error in examples() {
        println!("# {error:?}");
        println!("{}", render(&error.into()));
    }
}
