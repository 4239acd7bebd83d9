//! The `openapi` example, started for real on 127.0.0.1 (port 0): the
//! document it serves at `/openapi.json` parses as OpenAPI 3.1 (`oas3`),
//! every schema in it is valid JSON Schema 2020-12, and every response the
//! server really sends (every error status, every rejection, the successes)
//! validates (`jsonschema`) against the schema the document gives for that
//! path, method, status and content type. The test closes every object
//! schema first (`additionalProperties: false`), so a member the document
//! does not list is a failure. Swagger UI is served from the vendored
//! build.
//!
//! Every request goes to loopback only and is bounded by a timeout.

use std::collections::BTreeSet;
use std::net::SocketAddr;

use api_status::bytes::Bytes;
use api_status::http::{Method, Response};
use serde_json::Value;

#[path = "support/client.rs"]
mod client;

const JSON: Option<&str> = Some("application/json");

/// One request, the route it documents (path template) and the status it
/// must get.
struct Case {
    name: &'static str,
    method: Method,
    path: &'static str,
    template: &'static str,
    content_type: Option<&'static str>,
    body: Bytes,
    status: u16,
    /// A request header besides `content-type`.
    header: Option<(&'static str, &'static str)>,
}

impl Case {
    fn with_header(mut self, name: &'static str, value: &'static str) -> Case {
        self.header = Some((name, value));
        self
    }
}

fn case(
    name: &'static str,
    method: Method,
    path: &'static str,
    template: &'static str,
    content_type: Option<&'static str>,
    body: &'static str,
    status: u16,
) -> Case {
    Case {
        name,
        method,
        path,
        template,
        content_type,
        body: Bytes::from_static(body.as_bytes()),
        status,
        header: None,
    }
}

/// Every status the users API sends, rejections included.
fn cases() -> Vec<Case> {
    let too_large = Case {
        name: "payload too large",
        method: Method::POST,
        path: "/users",
        template: "/users",
        content_type: JSON,
        // Over axum's default limit of 2 MiB.
        body: Bytes::from(vec![b' '; 3 * 1024 * 1024]),
        status: 413,
        header: None,
    };
    vec![
        case(
            "user",
            Method::GET,
            "/users/1",
            "/users/{id}",
            None,
            "",
            200,
        ),
        // RFC 9110 §13.1.2: `*` matches the current representation → 304.
        case(
            "user not modified",
            Method::GET,
            "/users/1",
            "/users/{id}",
            None,
            "",
            304,
        )
        .with_header("if-none-match", "*"),
        // RFC 9110 §13.1.1: a stale tag → 412.
        case(
            "stale update",
            Method::PUT,
            "/users/1",
            "/users/{id}",
            JSON,
            r#"{"name":"Ada","email":"ada@example.com"}"#,
            412,
        )
        .with_header("if-match", "\"stale\""),
        case("every user", Method::GET, "/users", "/users", None, "", 200),
        case(
            "user not found",
            Method::GET,
            "/users/42",
            "/users/{id}",
            None,
            "",
            404,
        ),
        case(
            "path that names no user",
            Method::GET,
            "/users/abc",
            "/users/{id}",
            None,
            "",
            404,
        ),
        case(
            "created",
            Method::POST,
            "/users",
            "/users",
            JSON,
            r#"{"name":"Grace","email":"grace@example.com"}"#,
            201,
        ),
        case(
            "avatar of nobody",
            Method::PUT,
            "/users/42/avatar",
            "/users/{id}/avatar",
            Some("application/octet-stream"),
            "PNG",
            404,
        ),
        case(
            "no avatar yet",
            Method::GET,
            "/users/1/avatar",
            "/users/{id}/avatar",
            None,
            "",
            404,
        ),
        case(
            "avatar accepted",
            Method::PUT,
            "/users/1/avatar",
            "/users/{id}/avatar",
            Some("application/octet-stream"),
            "PNG",
            202,
        ),
        case(
            "avatar",
            Method::GET,
            "/users/1/avatar",
            "/users/{id}/avatar",
            None,
            "",
            200,
        ),
        case(
            "task",
            Method::GET,
            "/tasks/1",
            "/tasks/{id}",
            None,
            "",
            200,
        ),
        case(
            "no such task",
            Method::GET,
            "/tasks/99",
            "/tasks/{id}",
            None,
            "",
            404,
        ),
        case(
            "moved person",
            Method::GET,
            "/people/1",
            "/people/{id}",
            None,
            "",
            301,
        ),
        case(
            "validation",
            Method::POST,
            "/users",
            "/users",
            JSON,
            r#"{"name":"","email":"nope","age":5}"#,
            422,
        ),
        case(
            "malformed JSON",
            Method::POST,
            "/users",
            "/users",
            JSON,
            r#"{"name":"#,
            400,
        ),
        case(
            "wrong content type",
            Method::POST,
            "/users",
            "/users",
            Some("text/plain"),
            r#"{"name":"ada","email":"ada@example.com"}"#,
            415,
        ),
        case(
            "wrong field types",
            Method::POST,
            "/users",
            "/users",
            JSON,
            r#"{"name":1,"email":2}"#,
            422,
        ),
        too_large,
        case(
            "oauth",
            Method::POST,
            "/oauth/token",
            "/oauth/token",
            None,
            "",
            401,
        ),
        case("forbidden", Method::GET, "/admin", "/admin", None, "", 403),
        case(
            "maintenance",
            Method::GET,
            "/maintenance",
            "/maintenance",
            None,
            "",
            503,
        ),
        case(
            "upstream",
            Method::GET,
            "/upstream",
            "/upstream",
            None,
            "",
            502,
        ),
    ]
}

/// Sends one request with its content type and `headers`; see
/// [`client::send`].
async fn send(
    address: SocketAddr,
    method: Method,
    path: &str,
    content_type: Option<&str>,
    body: Bytes,
    headers: &[(&str, &str)],
) -> Response<Bytes> {
    let mut all: Vec<(&str, &str)> = content_type
        .map(|content_type| ("content-type", content_type))
        .into_iter()
        .collect();
    all.extend_from_slice(headers);
    client::send(address, method, path, &all, body).await
}

async fn start() -> SocketAddr {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("binds to loopback");
    let address = listener.local_addr().expect("an address");
    tokio::spawn(api_status_examples::openapi::serve(listener));
    address
}

/// `schema` with every `$ref` to `#/components/schemas/…` replaced by the
/// schema it names, and `additionalProperties: false` on every object
/// schema that lists properties and says nothing of others.
fn resolved_and_closed(schema: &Value, document: &Value) -> Value {
    match schema {
        Value::Object(object) => {
            if let Some(Value::String(reference)) = object.get("$ref") {
                let name = reference
                    .strip_prefix("#/components/schemas/")
                    .unwrap_or_else(|| panic!("unexpected $ref {reference}"));
                let target = &document["components"]["schemas"][name];
                assert!(target.is_object(), "{reference} names no schema");
                return resolved_and_closed(target, document);
            }
            let mut out = serde_json::Map::new();
            for (key, value) in object {
                let value = match key.as_str() {
                    "enum" | "required" | "examples" | "example" => value.clone(),
                    _ => resolved_and_closed(value, document),
                };
                out.insert(key.clone(), value);
            }
            if out.contains_key("properties") && !out.contains_key("additionalProperties") {
                out.insert("additionalProperties".to_owned(), Value::Bool(false));
            }
            Value::Object(out)
        }
        Value::Array(items) => Value::Array(
            items
                .iter()
                .map(|item| resolved_and_closed(item, document))
                .collect(),
        ),
        other => other.clone(),
    }
}

fn assert_valid(schema: &Value, document: &Value, instance: &Value, what: &str) {
    let schema = resolved_and_closed(schema, document);
    assert!(
        jsonschema::draft202012::meta::is_valid(&schema),
        "{what}: not valid JSON Schema 2020-12: {schema:#}"
    );
    let validator = jsonschema::draft202012::new(&schema).expect("the schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|error| format!("{error} at {}", error.instance_path))
        .collect();
    assert!(
        errors.is_empty(),
        "{what}: {instance} does not match {schema:#}: {errors:?}"
    );
}

/// The media type without parameters: `text/plain; charset=utf-8` is
/// `text/plain`.
fn media_type(response: &Response<Bytes>) -> Option<String> {
    response.headers().get("content-type").map(|value| {
        let value = value.to_str().expect("ASCII");
        value.split(';').next().unwrap_or(value).trim().to_owned()
    })
}

async fn document(address: SocketAddr) -> Value {
    let response = send(
        address,
        Method::GET,
        "/openapi.json",
        None,
        Bytes::new(),
        &[],
    )
    .await;
    assert_eq!(response.status(), 200);
    let text = std::str::from_utf8(response.body()).expect("UTF-8");
    let parsed = oas3::from_json(text).expect("oas3 parses the document");
    assert_eq!(
        parsed.validate_version().expect("a version").minor,
        1,
        "OpenAPI 3.1"
    );
    serde_json::from_str(text).expect("JSON")
}

#[tokio::test(flavor = "current_thread")]
async fn every_real_response_validates_against_the_served_document() {
    let address = start().await;
    let document = document(address).await;
    let mut statuses_seen = BTreeSet::new();
    for case in cases() {
        let what = format!("{}: {} {}", case.name, case.method, case.path);
        let response = send(
            address,
            case.method.clone(),
            case.path,
            case.content_type,
            case.body.clone(),
            case.header.as_slice(),
        )
        .await;
        let status = response.status().as_u16();
        assert_eq!(status, case.status, "{what}");
        // An error asked for as RFC 9457 problem details answers in them,
        // and validates against the problem+json schema beside the JSON.
        if status >= 400 {
            let mut headers = vec![("accept", "application/problem+json")];
            headers.extend(case.header);
            let problem = send(
                address,
                case.method.clone(),
                case.path,
                case.content_type,
                case.body.clone(),
                &headers,
            )
            .await;
            assert_eq!(problem.status().as_u16(), status, "{what}, problem+json");
            assert_eq!(
                media_type(&problem).as_deref(),
                Some("application/problem+json"),
                "{what}"
            );
            let operation =
                &document["paths"][case.template][case.method.as_str().to_ascii_lowercase()];
            let schema = &operation["responses"][status.to_string()]["content"]
                ["application/problem+json"]["schema"];
            assert!(
                schema.is_object(),
                "{what}: no problem+json schema for {status}"
            );
            let body: Value = serde_json::from_slice(problem.body()).expect("a JSON body");
            assert_eq!(body["status"], status, "{what}");
            assert_valid(schema, &document, &body, &format!("{what}, problem+json"));
        }
        statuses_seen.insert(status);
        let operation =
            &document["paths"][case.template][case.method.as_str().to_ascii_lowercase()];
        assert!(operation.is_object(), "{what}: no operation documented");
        let documented = &operation["responses"][status.to_string()];
        assert!(
            documented.is_object(),
            "{what}: status {status} not documented"
        );
        // Every header the response carries of those a document can
        // promise is documented for its status.
        for (header, documented_name) in [
            ("www-authenticate", "WWW-Authenticate"),
            ("retry-after", "Retry-After"),
            ("location", "Location"),
            ("link", "Link"),
            ("etag", "ETag"),
            ("last-modified", "Last-Modified"),
        ] {
            if response.headers().contains_key(header) {
                assert!(
                    documented["headers"][documented_name].is_object(),
                    "{what}: {header} not documented"
                );
            }
        }
        let Some(media_type) = media_type(&response) else {
            // No body (a redirect): none documented either.
            assert!(response.body().is_empty(), "{what}");
            assert!(documented.get("content").is_none(), "{what}");
            continue;
        };
        let schema = &documented["content"][media_type.as_str()]["schema"];
        assert!(
            schema.is_object(),
            "{what}: no schema for {status} {media_type}"
        );
        let body: Value = if media_type == "text/plain" {
            Value::String(String::from_utf8(response.body().to_vec()).expect("UTF-8"))
        } else {
            serde_json::from_slice(response.body()).expect("a JSON body")
        };
        assert_valid(schema, &document, &body, &what);
        for (header, documented_name) in [
            ("www-authenticate", "WWW-Authenticate"),
            ("retry-after", "Retry-After"),
        ] {
            if let Some(value) = response.headers().get(header) {
                let header_doc = &documented["headers"][documented_name];
                assert!(header_doc.is_object(), "{what}: {header} not documented");
                if header == "retry-after" {
                    let seconds: u64 = value.to_str().expect("ASCII").parse().expect("seconds");
                    assert_valid(
                        &header_doc["schema"],
                        &document,
                        &Value::from(seconds),
                        &what,
                    );
                }
            }
        }
    }
    // Every status of the API (its successes, every error status of
    // `UserError` and of the extractors' rejections) was really sent.
    let expected: BTreeSet<u16> = [
        200, 201, 202, 301, 304, 400, 401, 403, 404, 412, 413, 415, 422, 502, 503,
    ]
    .into();
    assert_eq!(statuses_seen, expected);
}

#[tokio::test(flavor = "current_thread")]
async fn each_handler_documents_every_status_its_errors_have() {
    let address = start().await;
    let document = document(address).await;
    let statuses = |path: &str, method: &str| -> Vec<String> {
        document["paths"][path][method]["responses"]
            .as_object()
            .unwrap_or_else(|| panic!("{method} {path} has responses"))
            .keys()
            .cloned()
            .collect()
    };
    // UserError's own statuses and, through `Rejected(Rejection)`, every
    // rejection's; one response per status.
    assert_eq!(
        statuses("/users/{id}", "get"),
        [
            "200", "304", "400", "401", "403", "404", "412", "413", "415", "422", "500", "502",
            "503"
        ]
    );
    let not_found = &document["paths"]["/users/{id}"]["get"]["responses"]["404"];
    let examples = not_found["content"]["application/json"]["examples"]
        .as_object()
        .expect("examples");
    let names: Vec<&String> = examples.keys().collect();
    // The inner type's example keeps its name, with the transparent
    // variant's where two share one.
    assert_eq!(
        names,
        [
            "NoAvatar",
            "NotFound",
            "NotFound (Rejected)",
            "TaskNotFound"
        ]
    );
    assert_eq!(
        examples["NotFound"]["value"]["message"],
        "user {id} not found"
    );
    assert_eq!(
        not_found["description"],
        "Not Found\n\n\
         - `NotFound`: 404, `GET /users/{id}` for an id nobody has.\n\
         - `TaskNotFound`: 404, `GET /tasks/{id}` for a task nobody started.\n\
         - `NoAvatar`: 404, `GET /users/{id}/avatar` before an avatar was uploaded and processed.\n\
         - `NotFound`: 404: a path parameter does not parse, so the path names no resource."
    );
    // RFC 9110 §15.5.2 and §10.2.3: the headers where the errors send them.
    let responses = &document["paths"]["/admin"]["get"]["responses"];
    assert!(responses["401"]["headers"]["WWW-Authenticate"].is_object());
    assert_eq!(
        responses["503"]["headers"]["Retry-After"]["schema"]["type"],
        "integer"
    );
}

#[tokio::test(flavor = "current_thread")]
async fn every_schema_and_example_in_the_document_is_valid() {
    let address = start().await;
    let document = document(address).await;
    let mut checked = 0;
    for (path, item) in document["paths"].as_object().expect("paths") {
        for (method, operation) in item.as_object().expect("operations") {
            for (status, response) in operation["responses"].as_object().expect("responses") {
                let Some(content) = response["content"].as_object() else {
                    continue;
                };
                for (media_type, content) in content {
                    let Some(examples) = content["examples"].as_object() else {
                        continue;
                    };
                    for (name, example) in examples {
                        let what = format!("{method} {path} {status} {media_type} {name}");
                        assert_valid(&content["schema"], &document, &example["value"], &what);
                        checked += 1;
                    }
                }
            }
        }
    }
    assert!(checked > 50, "only {checked} examples");
}

#[tokio::test(flavor = "current_thread")]
async fn swagger_ui_is_served_without_internet() {
    let address = start().await;
    let page = send(
        address,
        Method::GET,
        "/swagger-ui/",
        None,
        Bytes::new(),
        &[],
    )
    .await;
    assert_eq!(page.status(), 200);
    let html = std::str::from_utf8(page.body()).expect("UTF-8");
    assert!(html.contains("swagger-ui"), "{html}");
    let script = send(
        address,
        Method::GET,
        "/swagger-ui/swagger-ui-bundle.js",
        None,
        Bytes::new(),
        &[],
    )
    .await;
    assert_eq!(script.status(), 200);
    assert!(script.body().len() > 100_000, "the bundled Swagger UI");
}
