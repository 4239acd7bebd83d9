//! `Location` and `Link` (contract section 10): any string gives a valid
//! header of visible ASCII, percent-encoded exactly where RFC 3986 does not
//! allow a byte; its decoding is the input when the input has no `%`; the
//! JSON link holds the same string; nothing breaks out of `<…>`.
#![no_main]

use api_status::{Accepted, Created, MovedPermanently, PermanentRedirect};
use libfuzzer_sys::fuzz_target;

/// The bytes RFC 3986 allows in a URI reference, plus `%` (section 10).
fn allowed(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || b"-._~:/?#[]@!$&'()*+,;=%".contains(&byte)
}

/// `%XX` decoded, by hand: an oracle independent of the encoder's crate.
fn decode(encoded: &str) -> Vec<u8> {
    let bytes = encoded.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        let hex = |at: usize| bytes.get(at).and_then(|&b| (b as char).to_digit(16));
        match (bytes[index], hex(index + 1), hex(index + 2)) {
            (b'%', Some(high), Some(low)) => {
                out.push((high * 16 + low) as u8);
                index += 3;
            }
            (byte, _, _) => {
                out.push(byte);
                index += 1;
            }
        }
    }
    out
}

fn check_uri(encoded: &str, input: &str) {
    assert!(encoded.bytes().all(allowed), "{encoded:?}");
    if !input.contains('%') {
        assert_eq!(decode(encoded), input.as_bytes());
    }
}

fuzz_target!(|input: &str| {
    let created = Created::new(input, serde_json::json!({"id": 1})).to_response();
    let location = created.headers()["location"]
        .to_str()
        .expect("visible ASCII");
    check_uri(location, input);
    let body: serde_json::Value = serde_json::from_slice(created.body()).expect("JSON body");
    assert_eq!(body["links"]["self"], location);

    for response in [
        MovedPermanently::to(input).to_response(),
        PermanentRedirect::to(input).to_response(),
    ] {
        assert_eq!(response.headers()["location"], location);
        assert!(response.body().is_empty());
    }

    let accepted = Accepted::new(())
        .status_link(input)
        .self_link(input)
        .to_response();
    let link = accepted.headers()["link"].to_str().expect("visible ASCII");
    let expected = format!("<{location}>; rel=\"status\", <{location}>; rel=\"self\"");
    assert_eq!(link, expected);
    let body: serde_json::Value = serde_json::from_slice(accepted.body()).expect("JSON body");
    assert_eq!(body["links"]["status"], location);
});
