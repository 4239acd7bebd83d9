use api_status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
pub enum CreditError {
    #[error("out of credit")]
    #[status(forbidden)]
    #[problem(kind = "https://example.com/probs/out-of-credit")]
    OutOfCredit,

    #[error("not a string")]
    #[status(forbidden)]
    #[problem(title = 5)]
    NotAString,

    #[error("bare")]
    #[status(forbidden)]
    #[problem]
    Bare,
}

fn main() {}
