use api_status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[status(bad_request)]
#[oauth(invalid_request)]
pub enum AuthError {
    #[error("the request is malformed")]
    Malformed,
}

fn main() {}
