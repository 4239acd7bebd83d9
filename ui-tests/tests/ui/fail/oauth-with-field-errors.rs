use api_status::{ApiError, FieldErrors};

#[derive(Debug, thiserror::Error, ApiError)]
pub enum AuthError {
    #[error("the request is malformed")]
    #[status(bad_request)]
    #[oauth(invalid_request)]
    Malformed {
        #[field_errors]
        errors: FieldErrors,
    },
}

fn main() {}
