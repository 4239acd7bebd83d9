use api_status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
pub enum AccountError {
    #[error("account {id} not found")]
    #[status(not_found)]
    NotFound {
        #[status(gone)]
        id: u64,
        #[problem(title = "Gone")]
        name: String,
    },
}

fn main() {}
