use api_status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[error("account not found")]
pub struct NotFound {
    pub id: u64,
}

fn main() {}
