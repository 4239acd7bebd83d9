use api_status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
pub enum AccountError {
    #[error("account not found")]
    #[status(not_found)]
    #[message("no such account")]
    #[message("account not found")]
    NotFound,
}

fn main() {}
