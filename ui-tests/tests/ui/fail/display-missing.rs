use api_status::ApiError;

#[derive(Debug, ApiError)]
pub enum AccountError {
    #[status(not_found)]
    NotFound,

    #[status(internal_server_error)]
    Database,
}

fn main() {}
