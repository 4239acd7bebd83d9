//! An enum without variants derives: its methods are `match *self {}`.
use api_status::bytes::Bytes;
use api_status::http::{Response, StatusCode};
use api_status::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
pub enum Never {}

#[derive(Debug, thiserror::Error, ApiError)]
#[status(bad_request)]
pub enum NeverWithDefault {}

fn assert_api_error<T: ApiError>() {}

fn status_of(never: &Never) -> StatusCode {
    never.status()
}

fn into_response(never: Never) -> Response<Bytes> {
    never.into()
}

fn main() {
    assert_api_error::<Never>();
    assert_api_error::<NeverWithDefault>();
    let _: fn(&Never) -> StatusCode = status_of;
    let _: fn(Never) -> Response<Bytes> = into_response;
    let none: Option<Never> = None;
    assert!(none.map(|never| never.to_response()).is_none());
}
