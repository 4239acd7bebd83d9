use api_status::{ApiError, FieldErrors};

#[derive(Debug, thiserror::Error, ApiError)]
pub enum AccountError {
    #[error("invalid")]
    #[status(transparent)]
    Invalid(#[field_errors] FieldErrors),
}

fn main() {}
