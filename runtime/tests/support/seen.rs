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
    let headers = sorted(
        response
            .headers()
            .iter()
            .map(|(name, value)| (name.as_str(), value.as_bytes())),
    );
    (response.status().as_u16(), headers, response.body().clone())
}

/// Headers as owned pairs, sorted: each stack's own map compares alike.
fn sorted<'a>(headers: impl Iterator<Item = (&'a str, &'a [u8])>) -> Vec<(String, Vec<u8>)> {
    let mut headers: Vec<_> = headers
        .map(|(name, value)| (name.to_owned(), value.to_vec()))
        .collect();
    headers.sort();
    headers
}

/// An actix-web response, whose body is in memory, as seen.
#[cfg(feature = "actix-web")]
pub fn seen_actix(response: actix_web::HttpResponse) -> Seen {
    let status = response.status().as_u16();
    let headers = sorted(
        response
            .headers()
            .iter()
            .map(|(name, value)| (name.as_str(), value.as_bytes())),
    );
    let body = actix_web::body::MessageBody::try_into_bytes(response.into_body())
        .unwrap_or_else(|_| panic!("an in-memory body"));
    (status, headers, body)
}
