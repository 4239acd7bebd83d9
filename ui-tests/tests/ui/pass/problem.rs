//! `#[problem]` on variants and on a struct, in a `#[no_implicit_prelude]`
//! module next to local items that shadow the prelude's names.

#[no_implicit_prelude]
mod bare {
    pub struct Option;
    pub struct String;
    pub struct Result;

    #[derive(::std::fmt::Debug, ::api_status::ApiError)]
    pub enum CreditError {
        #[status(forbidden)]
        #[message("balance {balance}, but that costs {cost}")]
        #[problem(type = "https://example.com/probs/out-of-credit", title = "You do not have enough credit.")]
        OutOfCredit { balance: u32, cost: u32 },

        #[status(payment_required)]
        #[message("card expired")]
        #[problem(title = "Card expired")]
        CardExpired,

        #[status(unauthorized)]
        #[oauth(invalid_token)]
        #[message("the access token expired")]
        #[problem(type = "/probs/token#expired%20now")]
        Expired,
    }

    #[derive(::std::fmt::Debug, ::api_status::ApiError)]
    #[status(conflict)]
    #[message("conflict")]
    #[problem(type = "urn:example:conflict")]
    pub struct Conflict;
}

fn main() {
    use api_status::{ApiError, Format};
    let body = bare::CreditError::CardExpired.problem_body();
    assert_eq!(
        &body[..],
        br#"{"type":"about:blank","title":"Card expired","status":402,"detail":"card expired"}"#
    );
    assert_eq!(bare::Conflict.problem_type(), "urn:example:conflict");
    let response = bare::CreditError::Expired.to_response_in(Format::ProblemJson);
    assert_eq!(response.headers()["www-authenticate"], r#"Bearer error="invalid_token", error_description="the access token expired""#);
}
