use api_status::{ApiError, FieldErrors};

#[derive(Debug, thiserror::Error, ApiError)]
pub enum AccountError {
    #[error("the account could not be saved")]
    #[status(internal_server_error)]
    Invalid {
        #[field_errors]
        errors: FieldErrors,
    },
}

fn main() {}
