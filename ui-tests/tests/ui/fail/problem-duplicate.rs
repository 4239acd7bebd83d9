use api_status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
pub enum CreditError {
    #[error("out of credit")]
    #[status(forbidden)]
    #[problem(type = "https://example.com/probs/out-of-credit")]
    #[problem(title = "You do not have enough credit.")]
    OutOfCredit,

    #[error("twice")]
    #[status(forbidden)]
    #[problem(title = "One", title = "Two")]
    Twice,
}

fn main() {}
