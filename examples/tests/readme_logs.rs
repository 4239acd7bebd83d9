//! README's "Logging" section against what `tracing_subscriber::fmt`
//! really prints. Alone in its binary: a test on another thread that met
//! the same event callsites at the same moment, without a subscriber, could
//! leave tracing's per-callsite interest unset for this one (seen here when
//! this test shared `readme.rs`).

use api_status::ApiError;

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
