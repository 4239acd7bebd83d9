use api_status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
pub enum AccountError {
    #[error("account created")]
    #[status(201)]
    Created,
}

fn main() {}
