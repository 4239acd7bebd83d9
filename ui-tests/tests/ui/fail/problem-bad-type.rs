use api_status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
pub enum CreditError {
    #[error("out of credit")]
    #[status(forbidden)]
    #[problem(type = "https://example.com/probs/out of credit")]
    OutOfCredit,

    #[error("bad escape")]
    #[status(bad_request)]
    #[problem(type = "https://example.com/probs/50%")]
    BadEscape,

    #[error("control")]
    #[status(bad_request)]
    #[problem(type = "https://example.com/\n")]
    Control,
}

fn main() {}
