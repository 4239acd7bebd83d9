use api_status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
pub enum AccountError {
    #[error("slow down")]
    #[status(too_many_requests)]
    #[retry_after(60)]
    RateLimited {
        #[retry_after]
        wait: std::time::Duration,
    },
}

fn main() {}
