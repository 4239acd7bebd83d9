use api_status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
pub enum AccountError {
    #[error("account moved")]
    #[status(moved_permanently)]
    Moved,
}

fn main() {}
