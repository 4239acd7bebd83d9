use api_status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[error("token expired")]
#[status(unauthorized)]
pub struct TokenError;

#[derive(Debug, thiserror::Error, ApiError)]
pub enum AccountError {
    #[error(transparent)]
    #[status(transparent)]
    #[oauth(invalid_token)]
    Token(TokenError),
}

fn main() {}
