use api_status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
pub enum AuthError {
    #[error("the provided authorization grant is invalid")]
    #[status(bad_request)]
    #[oauth("invalid_grant")]
    BadGrant,
}

fn main() {}
