//! README.md's table "What a client receives" shows, for each status, the
//! headers and the exact body a client gets from the quickstart's errors:
//! this checks every row against the responses themselves, so the README
//! stays true.

use api_status::ApiError;
use api_status_examples::quickstart::examples;

/// One row of the table: the status code, the `name: value` headers it
/// lists besides `content-type`, and the body.
struct Row {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

/// The rows of the table under "## What a client receives".
fn readme_rows() -> Vec<Row> {
    let readme = include_str!("../../README.md");
    let section = readme
        .split("## What a client receives")
        .nth(1)
        .expect("README.md has a section \"What a client receives\"");
    let section = section.split("\n## ").next().unwrap_or(section);
    section
        .lines()
        .filter(|line| line.starts_with("| 4") || line.starts_with("| 5"))
        .map(|line| {
            let cells: Vec<&str> = line
                .trim()
                .trim_matches('|')
                .split('|')
                .map(str::trim)
                .collect();
            assert_eq!(cells.len(), 3, "a row has status, headers, body: {line}");
            let status = cells[0][..3]
                .parse()
                .expect("the row starts with a status code");
            let headers = code_spans(cells[1])
                .into_iter()
                .map(|header| {
                    let (name, value) = header.split_once(": ").expect("`name: value`");
                    (name.to_owned(), value.to_owned())
                })
                .collect();
            let body = code_spans(cells[2])
                .into_iter()
                .next()
                .expect("a body in backticks");
            Row {
                status,
                headers,
                body: body.to_owned(),
            }
        })
        .collect()
}

/// The `code spans` of a Markdown table cell.
fn code_spans(cell: &str) -> Vec<&str> {
    cell.split('`').skip(1).step_by(2).collect()
}

#[test]
fn the_readme_shows_exactly_what_a_client_receives() {
    let rows = readme_rows();
    let errors = examples();
    assert_eq!(
        rows.len(),
        errors.len(),
        "one row per error of the quickstart"
    );
    for (row, error) in rows.iter().zip(&errors) {
        let response = error.to_response();
        assert_eq!(response.status(), row.status, "{error:?}");
        assert_eq!(response.headers()["content-type"], "application/json");
        assert_eq!(
            std::str::from_utf8(response.body()).unwrap(),
            row.body,
            "the README's body for {}",
            row.status
        );
        let mut extra: Vec<(String, String)> = response
            .headers()
            .iter()
            .filter(|(name, _)| *name != "content-type")
            .map(|(name, value)| (name.to_string(), value.to_str().unwrap().to_owned()))
            .collect();
        extra.sort();
        let mut listed = row.headers.clone();
        listed.sort();
        assert_eq!(extra, listed, "the README's headers for {}", row.status);
    }
}

/// README's "Logging" shows the lines `tracing_subscriber::fmt` prints for
/// the users API's 502 and for a 422 of JSON of the wrong shape (without
/// timestamps): this produces them and compares.
#[test]
fn the_readme_shows_what_the_logs_receive() {
    use std::io::Write;
    use std::sync::{Arc, Mutex};

    #[derive(Clone, Default)]
    struct Buffer(Arc<Mutex<Vec<u8>>>);
    impl Write for Buffer {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    let buffer = Buffer::default();
    let writer = buffer.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::DEBUG)
        .without_time()
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    tracing::subscriber::with_default(subscriber, || {
        let _ = api_status_examples::upstream().unwrap_err().to_response();
        let _ =
            api_status::from_json_slice::<api_status_examples::NewUser>(br#"{"name":1,"email":2}"#)
                .unwrap_err()
                .to_response();
    });
    let logged = String::from_utf8(buffer.0.lock().unwrap().clone()).unwrap();
    // `fmt` pads the level to five characters.
    let logged: Vec<String> = logged
        .lines()
        .map(|line| line.trim_start().to_owned())
        .collect();

    let readme = include_str!("../../README.md");
    let section = readme
        .split("## Logging")
        .nth(1)
        .expect("README.md has a section \"Logging\"");
    let shown: Vec<&str> = section
        .split("```text\n")
        .nth(1)
        .and_then(|block| block.split("```").next())
        .expect("the section shows the log lines in a text block")
        .lines()
        .collect();
    assert_eq!(logged, shown);
}
