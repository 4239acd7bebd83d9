use api_status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
pub enum AccountError {
    #[error("the account could not be saved")]
    #[status(unprocessable_entity)]
    Invalid {
        #[field_errors]
        errors: Vec<String>,
    },
}

fn main() {}
