use api_status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[status(forbidden)]
#[problem(type = "https://example.com/probs/credit")]
pub enum CreditError {
    #[error("out of credit")]
    OutOfCredit,
}

fn main() {}
