use api_status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
pub enum AuthError {
    #[error("no such client")]
    #[status(404)]
    #[oauth(invalid_client)]
    UnknownClient,
}

fn main() {}
