use api_status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
pub enum AccountError {
    #[error("billing failed")]
    #[status(transparent)]
    Billing,
}

fn main() {}
