use api_status::ApiError;

#[derive(Debug)]
pub struct Opaque;

#[derive(Debug, thiserror::Error, ApiError)]
pub enum LookupError {
    #[error("missing")]
    #[status(not_found)]
    #[message("no {what} here, {count} tried")]
    Missing { what: Opaque, count: u32 },
}

fn main() {}
