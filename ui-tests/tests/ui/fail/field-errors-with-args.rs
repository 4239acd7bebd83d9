use api_status::{ApiError, FieldErrors};

#[derive(Debug, thiserror::Error, ApiError)]
pub enum AccountError {
    #[error("the account could not be saved")]
    #[status(unprocessable_entity)]
    Invalid {
        #[field_errors(x)]
        errors: FieldErrors,
    },
}

fn main() {}
