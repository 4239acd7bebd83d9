//! trybuild cases for `api-status`: the compile errors of `#[derive(ApiError)]`
//! and the shapes it accepts; see `tests/ui`.
#![forbid(unsafe_code)]
