use api_status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
pub enum AccountError {
    #[error("slow down")]
    #[status(too_many_requests)]
    RateLimited {
        #[retry_after(60)]
        seconds: u64,
    },
}

fn main() {}
