use api_status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
pub enum AccountError {
    #[error("account {id} not found")]
    #[status(not_found)]
    #[message("account {account_id} not found")]
    NotFound { id: u64, region: String },
}

fn main() {}
