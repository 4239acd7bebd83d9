use api_status::ApiError;

#[derive(ApiError)]
#[status(bad_request)]
pub union Bits {
    int: u32,
    float: f32,
}

fn main() {}
