use api_status::ApiError;

#[derive(Debug, ApiError)]
#[status(conflict)]
pub struct Conflict {
    pub id: u64,
}

fn main() {}
