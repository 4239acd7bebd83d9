use api_status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
pub enum AccountError {
    #[error("down for maintenance")]
    #[status(service_unavailable)]
    #[retry_after("soon")]
    Maintenance,
}

fn main() {}
