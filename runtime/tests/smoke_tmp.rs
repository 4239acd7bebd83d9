use api_status::{ApiError, FieldErrors};

#[derive(Debug, thiserror::Error, ApiError)]
#[error("billing")]
#[status(payment_required)]
pub struct BillingError;

#[derive(Debug, thiserror::Error, ApiError)]
pub enum AccountError {
    #[error("account {id} not found")]
    #[status(not_found)]
    NotFound { id: u64 },

    #[error("the account could not be saved")]
    #[status(unprocessable_entity)]
    Invalid { #[field_errors] errors: FieldErrors },

    #[error("the provided authorization grant is invalid")]
    #[status(unauthorized)]
    #[oauth(invalid_grant)]
    BadCredentials,

    #[error("database error: {0}")]
    #[status(internal_server_error)]
    Database(#[source] std::io::Error),

    #[error("down for maintenance")]
    #[status(service_unavailable)]
    #[message("We are down for maintenance, please retry shortly")]
    #[retry_after(120)]
    Maintenance,

    #[error(transparent)]
    #[status(transparent)]
    Billing(BillingError),

    #[error("x")]
    #[status(429)]
    #[message("user {0:?} slow {1:?}")]
    Slow(u32, #[retry_after] std::time::Duration),
}

#[test]
fn smoke() {
    let cases = vec![
        AccountError::NotFound { id: 7 },
        AccountError::Invalid { errors: [("name", "can't be blank"), ("name", "x")].into_iter().collect() },
        AccountError::BadCredentials,
        AccountError::Database(std::io::Error::other("secret")),
        AccountError::Maintenance,
        AccountError::Billing(BillingError),
        AccountError::Slow(3, std::time::Duration::from_millis(1500)),
    ];
    for c in cases {
        let r = c.to_response();
        println!("{} {:?} {}", r.status(), r.headers(), String::from_utf8_lossy(r.body()));
    }
}
