use api_status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
pub enum AccountError {
    #[error("account is locked")]
    #[status(locked)]
    Locked {
        #[retry_after]
        seconds: u64,
    },
}

fn main() {}
