use api_status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[error("billing failed")]
#[status(payment_required)]
pub struct BillingError;

#[derive(Debug, thiserror::Error, ApiError)]
#[status(transparent)]
pub enum AccountError {
    #[error(transparent)]
    Billing(BillingError),

    #[error("account is locked")]
    Locked,
}

fn main() {}
