use api_status::{ApiError, FieldErrors};

#[derive(Debug, thiserror::Error, ApiError)]
pub enum AccountError {
    #[error("the account could not be saved")]
    #[status(unprocessable_entity)]
    #[field_errors]
    Invalid { errors: FieldErrors },
}

fn main() {}
