use api_status::http::StatusCode;

const NOT_FOUND: StatusCode = api_status::status!(not_fonud);
const ACCEPTED: StatusCode = api_status::status!(acepted);

fn main() {
    let _ = (NOT_FOUND, ACCEPTED);
}
