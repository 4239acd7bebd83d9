use api_status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
pub enum AccountError {
    #[error("account not found")]
    #[status(600)]
    NotFound,

    #[error("account gone")]
    #[status(70000)]
    Gone,
}

fn main() {}
