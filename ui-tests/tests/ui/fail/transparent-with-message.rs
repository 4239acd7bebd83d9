use api_status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[error("billing failed")]
#[status(payment_required)]
pub struct BillingError;

#[derive(Debug, thiserror::Error, ApiError)]
pub enum AccountError {
    #[error(transparent)]
    #[status(transparent)]
    #[message("billing failed")]
    Billing(BillingError),
}

fn main() {}
