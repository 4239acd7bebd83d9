//! What a client sees of a response, comparable across stacks: the status,
//! the headers sorted, and the body bytes. Shared by the adapters' tests
//! (`adapters.rs`, `success_adapters.rs`).
#![allow(dead_code)]

use api_status::bytes::Bytes;
use api_status::http::Response;

/// Status, sorted headers, body.
pub type Seen = (u16, Vec<(String, Vec<u8>)>, Bytes);

/// An `http` response as seen.
pub fn seen(response: Response<Bytes>) -> Seen {
    let mut headers: Vec<_> = response
        .headers()
        .iter()
        .map(|(name, value)| (name.as_str().to_owned(), value.as_bytes().to_vec()))
        .collect();
    headers.sort();
    (response.status().as_u16(), headers, response.body().clone())
}

/// An actix-web response, whose body is in memory, as seen.
#[cfg(feature = "actix-web")]
pub fn seen_actix(response: actix_web::HttpResponse) -> Seen {
    let status = response.status().as_u16();
    let mut headers: Vec<_> = response
        .headers()
        .iter()
        .map(|(name, value)| (name.as_str().to_owned(), value.as_bytes().to_vec()))
        .collect();
    headers.sort();
    let body = actix_web::body::MessageBody::try_into_bytes(response.into_body())
        .unwrap_or_else(|_| panic!("an in-memory body"));
    (status, headers, body)
}
