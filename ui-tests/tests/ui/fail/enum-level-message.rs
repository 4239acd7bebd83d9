use api_status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[status(bad_request)]
#[message("something went wrong")]
pub enum AccountError {
    #[error("account not found")]
    NotFound,
}

fn main() {}
