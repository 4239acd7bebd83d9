use api_status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
pub enum AccountError {
    #[error("account {id} not found")]
    #[status(not_fonud)]
    NotFound { id: u64 },

    #[error("account is locked")]
    Locked,

    #[error("account {id} is suspended")]
    #[status(forbidden)]
    #[message("account {account} is suspended")]
    Suspended { id: u64 },

    #[error("the provided authorization grant is invalid")]
    #[status(unauthorized)]
    #[oauth(invalid_grnt)]
    BadCredentials,

    #[error("account moved")]
    #[status(moved_permanently)]
    Moved,

    #[error("conflict")]
    #[status(conflict)]
    #[retry_after(30)]
    Conflict,

    #[error("out of credit")]
    #[status(forbidden)]
    #[problem(type = "https://example.com/probs/out of credit")]
    OutOfCredit,

    #[error("gone")]
    #[status(gone)]
    #[problem(titel = "Gone")]
    Gone,
}

fn main() {
    let response = AccountError::Locked.to_response();
    let _status = response.status();
}
