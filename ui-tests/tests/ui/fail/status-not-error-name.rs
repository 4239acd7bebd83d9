use api_status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
pub enum AccountError {
    #[error("account not found")]
    #[status(ok)]
    NotFound,
}

fn main() {}
