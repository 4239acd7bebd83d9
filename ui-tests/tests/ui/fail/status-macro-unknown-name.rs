use api_status::http::StatusCode;

const NOT_FOUND: StatusCode = api_status::status!(not_fonud);

fn main() {
    let _ = NOT_FOUND;
}
