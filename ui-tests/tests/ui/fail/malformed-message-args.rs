use api_status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
pub enum AccountError {
    #[error("account {0} not found")]
    #[status(not_found)]
    #[message("account {} not found", id)]
    NotFound(u64),
}

fn main() {}
