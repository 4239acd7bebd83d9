use api_status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
#[error("billing is closed")]
#[status(payment_required)]
pub struct BillingError;

#[derive(Debug, thiserror::Error, ApiError)]
pub enum AccountError {
    #[error(transparent)]
    #[status(transparent)]
    #[problem(title = "Billing")]
    Billing(BillingError),
}

fn main() {}
