//! README.md's section "One error, the client's format" shows the same error
//! answered four ways with `curl -H 'Accept: …'`: this checks each block's
//! status, headers and body against the error's real response for that
//! `Accept`, so the README stays true.

use api_status::http::header::ACCEPT;
use api_status::http::{HeaderMap, HeaderValue};
use api_status::ApiError;
use api_status_examples::UserError;

#[test]
fn the_four_curl_blocks_are_the_real_responses() {
    let readme = include_str!("../../README.md");
    let section = readme
        .split("## One error, the client's format")
        .nth(1)
        .expect("README.md has the section");
    let section = section.split("\n## ").next().unwrap_or(section);
    let blocks: Vec<&str> = section
        .split("```text\n")
        .skip(1)
        .filter_map(|block| block.split("\n```").next())
        .filter(|block| block.starts_with("$ curl"))
        .collect();
    assert_eq!(blocks.len(), 4, "four curl blocks");
    let mut content_types = Vec::new();
    for block in blocks {
        let (head, body) = block
            .split_once("\n\n")
            .expect("headers, a blank line, the body");
        let mut lines = head.lines();
        let command = lines.next().unwrap();
        assert!(command.contains("/users/42"), "{command}");
        let accept = command
            .split("-H 'Accept: ")
            .nth(1)
            .and_then(|rest| rest.split('\'').next())
            .expect("an Accept header in the command");
        let mut request = HeaderMap::new();
        request.insert(ACCEPT, HeaderValue::from_str(accept).unwrap());
        let response = UserError::NotFound { id: 42 }.to_response_for(&request);

        let status_line = lines.next().unwrap();
        assert_eq!(
            status_line,
            format!(
                "HTTP/1.1 {} {}",
                response.status().as_u16(),
                response.status().canonical_reason().unwrap()
            )
        );
        let shown: Vec<(String, String)> = lines
            .map(|line| {
                let (name, value) = line.split_once(": ").expect("`name: value`");
                (name.to_owned(), value.to_owned())
            })
            .collect();
        let real: Vec<(String, String)> = response
            .headers()
            .iter()
            .map(|(name, value)| (name.to_string(), value.to_str().unwrap().to_owned()))
            .collect();
        assert_eq!(shown, real, "{accept}");
        // The README shows the body as a terminal prints it, without the
        // XML bodies' last line feed.
        let bytes = std::str::from_utf8(response.body()).unwrap();
        assert_eq!(body, bytes.strip_suffix('\n').unwrap_or(bytes), "{accept}");
        content_types.push(real[0].1.clone());
    }
    assert_eq!(
        content_types,
        [
            "application/json",
            "application/problem+json",
            "application/xml",
            "application/problem+xml"
        ]
    );
}
