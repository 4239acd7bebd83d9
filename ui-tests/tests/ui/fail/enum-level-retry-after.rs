use api_status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[status(service_unavailable)]
#[retry_after(120)]
pub enum AccountError {
    #[error("down for maintenance")]
    Maintenance,
}

fn main() {}
