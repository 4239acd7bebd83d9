use api_status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[error("billing failed")]
#[status(payment_required)]
pub struct BillingError;

#[derive(Debug, thiserror::Error, ApiError)]
pub enum AccountError {
    #[error("billing failed for account {1}")]
    #[status(transparent)]
    Billing(BillingError, u64),
}

fn main() {}
