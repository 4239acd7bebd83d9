//! Section 13 of the contract, from the outside: the responses every
//! derived type documents (feature `utoipa`), checked against the responses
//! the same types really send. Each schema is compiled with `jsonschema`
//! (JSON Schema 2020-12, OpenAPI 3.1's dialect) and closed first
//! (`additionalProperties: false` on every object that lists properties),
//! so a member a body sends but the document does not list is a failure.
#![cfg(feature = "utoipa")]

use std::time::Duration;

use api_status::http::StatusCode;
use api_status::{ApiError, ErrorBody, FieldErrors, Merge, Rejection};
use proptest::prelude::*;
use serde_json::{json, Value};
use utoipa::openapi::path::{HttpMethod, OperationBuilder, PathItemBuilder};
use utoipa::openapi::{InfoBuilder, OpenApiBuilder, PathsBuilder, ResponsesBuilder};
use utoipa::{IntoResponses, PartialSchema};

mod support;
use support::{AccountError, BillingError};

/// The responses of `T`, as the document serializes them.
fn responses_json<T: IntoResponses>() -> Value {
    serde_json::to_value(T::responses()).expect("responses serialize")
}

/// `schema` with `additionalProperties: false` on every object schema that
/// lists properties and says nothing of others: the test's view, in which a
/// member the document does not list is an error.
fn closed(mut schema: Value) -> Value {
    close(&mut schema);
    schema
}

fn close(schema: &mut Value) {
    match schema {
        Value::Object(object) => {
            if object.contains_key("properties") && !object.contains_key("additionalProperties") {
                object.insert("additionalProperties".to_owned(), Value::Bool(false));
            }
            for (key, value) in object.iter_mut() {
                // Property names are not schemas; their values are.
                if key == "enum" || key == "required" {
                    continue;
                }
                close(value);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(close),
        _ => {}
    }
}

/// Validates `instance` against `schema` (closed), with every error named.
fn assert_valid(schema: &Value, instance: &Value, what: &str) {
    let schema = closed(schema.clone());
    assert!(
        jsonschema::draft202012::meta::is_valid(&schema),
        "{what}: the schema is not valid JSON Schema 2020-12: {schema:#}"
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

/// The schema `responses` gives for `status` and `media_type`.
fn schema_for<'a>(responses: &'a Value, status: u16, media_type: &str) -> &'a Value {
    let schema = &responses[status.to_string()]["content"][media_type]["schema"];
    assert!(
        schema.is_object(),
        "no {media_type} schema documented for {status} in {responses:#}"
    );
    schema
}

/// Checks a real response against the documented one: the body against the
/// JSON schema of its status, and its headers against the documented ones.
fn assert_documented(responses: &Value, error: &dyn ApiError, what: &str) {
    let response = error.to_response();
    let status = response.status().as_u16();
    let body: Value = serde_json::from_slice(response.body()).expect("the body is JSON");
    assert_valid(
        schema_for(responses, status, "application/json"),
        &body,
        what,
    );
    let documented = &responses[status.to_string()]["headers"];
    for (name, documented_name) in [
        ("www-authenticate", "WWW-Authenticate"),
        ("retry-after", "Retry-After"),
    ] {
        if response.headers().contains_key(name) {
            assert!(
                documented[documented_name].is_object(),
                "{what}: sends {name}, not documented for {status}"
            );
        }
    }
    if let Some(seconds) = response.headers().get("retry-after") {
        let seconds: Value = seconds
            .to_str()
            .expect("ASCII")
            .parse::<u64>()
            .expect("whole seconds")
            .into();
        assert_valid(
            &documented["Retry-After"]["schema"],
            &seconds,
            "Retry-After",
        );
    }
}

fn account_errors() -> Vec<(&'static str, AccountError)> {
    let mut errors = FieldErrors::new();
    errors
        .add("name", "can't be blank")
        .add("customer_id", "is invalid");
    vec![
        ("NotFound", AccountError::NotFound { id: 42 }),
        ("Invalid", AccountError::Invalid { errors }),
        (
            "Invalid (empty)",
            AccountError::Invalid {
                errors: FieldErrors::new(),
            },
        ),
        ("BadCredentials", AccountError::BadCredentials),
        (
            "Database",
            AccountError::Database(std::io::Error::other("disk on fire")),
        ),
        ("Maintenance", AccountError::Maintenance),
        (
            "RateLimited",
            AccountError::RateLimited {
                wait: Duration::from_millis(1500),
            },
        ),
        ("Billing", AccountError::Billing(BillingError)),
    ]
}

#[test]
fn every_response_of_the_contract_example_validates_against_its_status() {
    let responses = responses_json::<AccountError>();
    for (name, error) in account_errors() {
        assert_documented(&responses, &error, name);
    }
}

#[test]
fn one_response_per_status_and_nothing_else() {
    let responses = AccountError::responses();
    let statuses: Vec<&str> = responses.keys().map(String::as_str).collect();
    assert_eq!(
        statuses,
        ["401", "402", "404", "422", "429", "500", "503"],
        "402 comes from the transparent `Billing`"
    );
}

#[test]
fn descriptions_are_the_reason_phrase_and_the_variants() {
    let responses = responses_json::<Rejection>();
    assert_eq!(
        responses["400"]["description"],
        "Bad Request\n\n\
         - `MalformedJson`: 400: the body is not valid JSON.\n\
         - `UnreadableBody`: 400: the body could not be read.\n\
         - `InvalidQuery`: 400: the query string does not fit the handler's type."
    );
    // No doc comment: the name alone.
    assert_eq!(
        responses_json::<AccountError>()["404"]["description"],
        "Not Found\n\n- `NotFound`"
    );
}

#[test]
fn a_compile_time_body_is_exactly_its_example() {
    let responses = responses_json::<AccountError>();
    for (status, name, error) in [
        (503, "Maintenance", AccountError::Maintenance),
        (
            500,
            "Database",
            AccountError::Database(std::io::Error::other("x")),
        ),
    ] {
        let example = &responses[status.to_string()]["content"]["application/json"]["examples"]
            [name]["value"];
        let body: Value =
            serde_json::from_slice(error.to_response().body()).expect("the body is JSON");
        assert_eq!(example, &body, "{name}");
    }
    // Rejection's bodies are all fixed.
    let rejections = responses_json::<Rejection>();
    let example = &rejections["415"]["content"]["application/json"]["examples"]
        ["UnsupportedMediaType"]["value"];
    let body: Value =
        serde_json::from_slice(Rejection::UnsupportedMediaType.to_response().body()).expect("JSON");
    assert_eq!(example, &body);
}

#[test]
fn every_example_matches_the_schema_beside_it() {
    for responses in [
        responses_json::<AccountError>(),
        responses_json::<Rejection>(),
        responses_json::<Merge<(AccountError, Rejection)>>(),
    ] {
        for (status, response) in responses.as_object().expect("a map") {
            for media_type in ["application/json", "application/problem+json"] {
                let content = &response["content"][media_type];
                let examples = content["examples"].as_object().expect("examples");
                assert!(!examples.is_empty(), "{status} {media_type}");
                for (name, example) in examples {
                    assert_valid(
                        &content["schema"],
                        &example["value"],
                        &format!("{status} {media_type} {name}"),
                    );
                }
            }
        }
    }
}

#[test]
fn headers_where_a_variant_sends_them() {
    let responses = responses_json::<AccountError>();
    // RFC 9110 §15.5.2: every 401 carries WWW-Authenticate.
    assert!(responses["401"]["headers"]["WWW-Authenticate"].is_object());
    // RFC 9110 §10.2.3: Retry-After in seconds, from the attribute and a field.
    for status in ["429", "503"] {
        assert_eq!(
            responses[status]["headers"]["Retry-After"]["schema"]["type"],
            "integer"
        );
    }
    for status in ["402", "404", "422", "500"] {
        assert!(
            responses[status].get("headers").is_none(),
            "{status} documents no header"
        );
    }
}

#[test]
fn body_members_follow_the_variants_of_each_status() {
    let responses = responses_json::<AccountError>();
    let json = |status: u16| schema_for(&responses, status, "application/json").clone();
    assert_eq!(json(404)["required"], json!(["message"]));
    assert!(json(404)["properties"].get("errors").is_none());
    assert_eq!(json(422)["required"], json!(["message", "errors"]));
    assert_eq!(
        json(422)["properties"]["errors"]["additionalProperties"]["items"]["type"],
        "string"
    );
    assert_eq!(
        json(401)["properties"]["error"]["enum"],
        json!(["invalid_grant"])
    );
    assert!(json(401)["properties"]["error_description"].is_object());
    assert!(json(401)["properties"].get("errors").is_none());
    // Not `oneOf`: one object per status.
    assert_eq!(json(401)["type"], "object");
}

#[test]
fn problem_json_follows_rfc_9457_with_the_same_members() {
    let responses = responses_json::<AccountError>();
    let problem = schema_for(&responses, 422, "application/problem+json");
    // RFC 9457 §3.1: type, title, status, detail; section 12's extensions.
    assert_eq!(
        problem["required"],
        json!(["type", "title", "status", "detail", "errors"])
    );
    assert_eq!(problem["properties"]["status"]["enum"], json!([422]));
    let content_types: Vec<&String> = responses["422"]["content"]
        .as_object()
        .expect("content")
        .keys()
        .collect();
    assert_eq!(
        content_types,
        ["application/json", "application/problem+json"]
    );
    let example = &responses["503"]["content"]["application/problem+json"]["examples"]
        ["Maintenance"]["value"];
    assert_eq!(
        example,
        &json!({
            "type": "about:blank",
            "title": "Service Unavailable",
            "status": 503,
            "detail": "We are down for maintenance, please retry shortly",
        })
    );
}

/// A hand-written `ApiError`: it documents nothing.
struct Teapot;

impl ApiError for Teapot {
    fn status(&self) -> StatusCode {
        StatusCode::IM_A_TEAPOT
    }
    fn message(&self) -> std::borrow::Cow<'_, str> {
        "short and stout".into()
    }
}

#[derive(Debug, thiserror::Error, api_status::ApiError)]
enum KitchenError {
    /// The pot is empty.
    #[error("no tea")]
    #[status(not_found)]
    NoTea,
    /// Whatever the teapot says.
    #[error("teapot")]
    #[status(transparent)]
    Teapot(#[from] TeapotWrapper),
}

#[derive(Debug, thiserror::Error)]
#[error("teapot")]
struct TeapotWrapper;

impl ApiError for TeapotWrapper {
    fn status(&self) -> StatusCode {
        Teapot.status()
    }
    fn message(&self) -> std::borrow::Cow<'_, str> {
        Teapot.message().into_owned().into()
    }
}

#[test]
fn an_inner_error_without_responses_gives_a_default_response() {
    let responses = responses_json::<KitchenError>();
    let keys: Vec<&String> = responses.as_object().expect("map").keys().collect();
    assert_eq!(keys, ["404", "default"]);
    let description = responses["default"]["description"].as_str().expect("text");
    assert!(
        description.contains("`Teapot`: Whatever the teapot says.")
            && description.contains("TeapotWrapper"),
        "{description}"
    );
    // The default schema takes the teapot's real body.
    let error = KitchenError::Teapot(TeapotWrapper);
    let body: Value = serde_json::from_slice(error.to_response().body()).expect("JSON");
    assert_valid(
        &responses["default"]["content"]["application/json"]["schema"],
        &body,
        "Teapot",
    );
    assert_documented(&responses, &KitchenError::NoTea, "NoTea");
}

/// A generic wrapper: its transparent field's responses, where `E` has them.
#[derive(Debug, thiserror::Error, api_status::ApiError)]
enum Wrapped<E: std::error::Error + ApiError> {
    #[error("gone")]
    #[status(gone)]
    #[message("It is gone")]
    Gone,
    #[error(transparent)]
    #[status(transparent)]
    Inner(E),
}

#[test]
fn a_generic_transparent_field_splices_its_type_s_responses() {
    let responses = responses_json::<Wrapped<AccountError>>();
    let keys: Vec<&String> = responses.as_object().expect("map").keys().collect();
    assert_eq!(
        keys,
        ["401", "402", "404", "410", "422", "429", "500", "503"]
    );
    assert_documented(&responses, &Wrapped::<AccountError>::Gone, "Gone");
    for (name, error) in account_errors() {
        assert_documented(&responses, &Wrapped::Inner(error), name);
    }
}

/// `Box<T>` and `&T` answer as `T`, in the document too.
#[derive(Debug, thiserror::Error, api_status::ApiError)]
enum Pointers<'a, E: std::error::Error + ApiError + 'static> {
    #[error(transparent)]
    #[status(transparent)]
    Boxed(Box<BillingError>),
    #[error(transparent)]
    #[status(transparent)]
    Generic(Box<E>),
    #[error(transparent)]
    #[status(transparent)]
    Borrowed(&'a TokenError),
}

#[test]
fn boxed_and_borrowed_inner_errors_are_documented_as_their_pointee() {
    let responses = responses_json::<Pointers<'static, Rejection>>();
    let keys: Vec<&String> = responses.as_object().expect("map").keys().collect();
    // 402 from the box, 400 from the reference, the rest from `Box<Rejection>`.
    assert_eq!(keys, ["400", "402", "404", "413", "415", "422", "500"]);
    assert!(responses.get("default").is_none());
    let token = TokenError::Grant;
    for error in [
        Pointers::Boxed(Box::new(BillingError)),
        Pointers::Generic(Box::new(Rejection::PayloadTooLarge)),
        Pointers::Borrowed(&token),
    ] {
        assert_documented(&responses, &error, &format!("{error:?}"));
    }
}

#[test]
fn merge_makes_one_response_per_status() {
    let merged = responses_json::<Merge<(AccountError, Rejection)>>();
    // 404 and 422 come from both.
    let examples = &merged["404"]["content"]["application/json"]["examples"];
    assert!(examples["NotFound"].is_object());
    assert!(examples["NotFound (Rejection)"].is_object());
    assert_eq!(
        merged["404"]["description"],
        "Not Found\n\n- `NotFound`\n- `NotFound`: 404: a path parameter does not parse, so the path names no resource."
    );
    let schema = schema_for(&merged, 422, "application/json");
    // AccountError's 422 always has `errors`, Rejection's never: optional.
    assert_eq!(schema["required"], json!(["message"]));
    assert!(schema["properties"]["errors"].is_object());
    // Every rejection's real body validates against the merged document.
    for rejection in [
        Rejection::MalformedJson,
        Rejection::UnsupportedMediaType,
        Rejection::UnprocessableJson,
        Rejection::PayloadTooLarge,
        Rejection::UnreadableBody,
        Rejection::InvalidQuery,
        Rejection::NotFound,
        Rejection::Internal,
    ] {
        assert_documented(&merged, &rejection, &format!("{rejection:?}"));
    }
    for (name, error) in account_errors() {
        assert_documented(&merged, &error, name);
    }
}

#[derive(Debug, thiserror::Error, api_status::ApiError)]
enum TokenError {
    #[error("bad grant")]
    #[status(bad_request)]
    #[oauth(invalid_grant)]
    Grant,
    #[error("bad scope: {0}")]
    #[status(bad_request)]
    #[oauth(invalid_scope)]
    Scope(String),
    #[error("bad request")]
    #[status(bad_request)]
    #[oauth(invalid_request)]
    Request,
}

#[test]
fn oauth_codes_of_one_status_share_an_enum() {
    let responses = responses_json::<TokenError>();
    let schema = schema_for(&responses, 400, "application/json");
    assert_eq!(
        schema["properties"]["error"]["enum"],
        json!(["invalid_grant", "invalid_scope", "invalid_request"])
    );
    assert_eq!(schema["required"], json!(["message", "error"]));
    // RFC 6750 §3: invalid_request sends a challenge on a 400.
    assert!(responses["400"]["headers"]["WWW-Authenticate"].is_object());
    for error in [
        TokenError::Grant,
        TokenError::Scope("é \"x\"".to_owned()),
        TokenError::Request,
    ] {
        assert_documented(&responses, &error, &format!("{error:?}"));
    }
    // A formatted message: the example shows the template.
    assert_eq!(
        responses["400"]["content"]["application/json"]["examples"]["Scope"]["value"],
        json!({"message": "bad scope: {0}", "error": "invalid_scope", "error_description": "bad scope: {0}"})
    );
}

#[test]
fn error_body_and_field_errors_have_schemas() {
    let body_schema = serde_json::to_value(ErrorBody::schema()).expect("schema");
    let field_errors_schema = serde_json::to_value(FieldErrors::schema()).expect("schema");
    for (name, error) in account_errors() {
        let body = ErrorBody::from_error(&error);
        assert_valid(
            &body_schema,
            &serde_json::to_value(&body).expect("JSON"),
            name,
        );
        if let Some(errors) = body.errors {
            assert_valid(
                &field_errors_schema,
                &serde_json::to_value(&errors).expect("JSON"),
                name,
            );
        }
    }
    assert_eq!(<ErrorBody as utoipa::ToSchema>::name(), "ErrorBody");
    assert_eq!(<FieldErrors as utoipa::ToSchema>::name(), "FieldErrors");
}

proptest! {
    /// Any message and any field errors: the real body still validates.
    #[test]
    fn any_data_validates(
        id in any::<u64>(),
        fields in proptest::collection::vec((".*", ".*"), 0..5),
        wait in any::<u64>(),
    ) {
        let responses = responses_json::<AccountError>();
        let errors: FieldErrors = fields.into_iter().collect();
        assert_documented(&responses, &AccountError::NotFound { id }, "NotFound");
        assert_documented(&responses, &AccountError::Invalid { errors }, "Invalid");
        assert_documented(
            &responses,
            &AccountError::RateLimited { wait: Duration::from_secs(wait) },
            "RateLimited",
        );
        let messages = responses_json::<TokenError>();
        assert_documented(&messages, &TokenError::Scope(format!("{id}")), "Scope");
        // Section 15: a long message still fits `error_description`'s maxLength.
        assert_documented(&messages, &TokenError::Scope("é\"x".repeat(usize::from(id as u16 % 2000))), "Scope, long");
    }
}

/// The document of the contract's example, compared with the committed
/// snapshot `tests/snapshots/account_error.openapi.json` (reviewed by eye).
/// `UPDATE_SNAPSHOTS=1 cargo test -p api-status --features utoipa --test
/// openapi` rewrites it.
#[test]
fn snapshot_of_the_contract_example() {
    let operation = OperationBuilder::new()
        .operation_id(Some("show_account"))
        .responses(
            ResponsesBuilder::new()
                .responses_from_into_responses::<AccountError>()
                .build(),
        )
        .build();
    let document = OpenApiBuilder::new()
        .info(
            InfoBuilder::new()
                .title("accounts")
                .version("1.0.0")
                .build(),
        )
        .paths(
            PathsBuilder::new()
                .path(
                    "/accounts/{id}",
                    PathItemBuilder::new()
                        .operation(HttpMethod::Get, operation)
                        .build(),
                )
                .build(),
        )
        .build();
    let text = document.to_pretty_json().expect("the document serializes") + "\n";
    // OpenAPI 3.1, as an independent parser reads it.
    let parsed = oas3::from_json(&text).expect("oas3 parses the document");
    assert_eq!(parsed.validate_version().expect("a version").minor, 1);
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/snapshots/account_error.openapi.json"
    );
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(path, &text).expect("the snapshot is written");
    }
    let snapshot = std::fs::read_to_string(path).expect("the snapshot exists");
    assert_eq!(
        text, snapshot,
        "the document changed: review it and rerun with UPDATE_SNAPSHOTS=1"
    );
}

#[test]
fn a_closed_schema_rejects_an_unlisted_member() {
    // The test's own helper: the checks above can fail.
    let responses = responses_json::<AccountError>();
    let schema = schema_for(&responses, 404, "application/json");
    let extra = json!({"message": "x", "debug": "leak"});
    let closed = closed(schema.clone());
    let validator = jsonschema::draft202012::new(&closed).expect("compiles");
    assert!(!validator.is_valid(&extra));
    assert!(validator.is_valid(&json!({"message": "x"})));
}

/// The generated impl names everything by absolute path.
#[no_implicit_prelude]
mod hygiene {
    #[derive(::core::fmt::Debug, ::api_status::ApiError)]
    pub enum Plain {
        #[status(not_found)]
        #[message("nothing here")]
        Missing,
        #[status(transparent)]
        Inner(::api_status::Rejection),
    }

    /// `actix_web::ResponseError` (feature `actix-web`) needs it.
    impl ::core::fmt::Display for Plain {
        fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
            f.write_str("plain")
        }
    }
}

#[test]
fn derives_inside_no_implicit_prelude() {
    let responses = responses_json::<hygiene::Plain>();
    assert_eq!(
        responses["404"]["content"]["application/json"]["examples"]["Missing"]["value"],
        json!({"message": "nothing here"})
    );
}

/// A body type with a schema, for the success types.
#[derive(serde::Serialize, utoipa::ToSchema)]
struct Account {
    id: u64,
    name: String,
}

#[test]
fn success_types_document_their_status_headers_and_body() {
    use api_status::{Accepted, Created, MovedPermanently, PermanentRedirect};

    let created = responses_json::<Created<Account>>();
    let response = Created::new(
        "/accounts/7",
        Account {
            id: 7,
            name: "Zoë \"z\"".to_owned(),
        },
    )
    .to_response();
    assert_eq!(response.status(), 201);
    assert!(created["201"]["headers"]["Location"].is_object());
    let body: Value = serde_json::from_slice(response.body()).expect("JSON");
    assert_valid(
        schema_for(&created, 201, "application/json"),
        &body,
        "Created",
    );
    // The closed schema knows `links`, and nothing else beyond the type's.
    assert!(!jsonschema::draft202012::new(&closed(
        schema_for(&created, 201, "application/json").clone()
    ))
    .expect("compiles")
    .is_valid(&json!({"id": 1, "name": "x", "links": {"self": "/a"}, "extra": 1})));

    let accepted = responses_json::<Accepted<Account>>();
    for response in [
        Accepted::new(Account {
            id: 1,
            name: "a".to_owned(),
        })
        .status_link("/tasks/1")
        .self_link("/accounts/1")
        .retry_after(3)
        .to_response(),
        Accepted::new(Account {
            id: 2,
            name: "b".to_owned(),
        })
        .to_response(),
    ] {
        assert_eq!(response.status(), 202);
        let body: Value = serde_json::from_slice(response.body()).expect("JSON");
        assert_valid(
            schema_for(&accepted, 202, "application/json"),
            &body,
            "Accepted",
        );
        for (header, documented) in [("link", "Link"), ("retry-after", "Retry-After")] {
            if response.headers().contains_key(header) {
                assert!(
                    accepted["202"]["headers"][documented].is_object(),
                    "{header}"
                );
            }
        }
    }

    // A body that is not an object gets no links, and its schema none.
    let list = responses_json::<Created<Vec<u64>>>();
    let response = Created::new("/lists/1", vec![1_u64, 2]).to_response();
    let body: Value = serde_json::from_slice(response.body()).expect("JSON");
    assert_eq!(body, json!([1, 2]));
    assert_valid(schema_for(&list, 201, "application/json"), &body, "a list");

    for (responses, status) in [
        (responses_json::<MovedPermanently>(), "301"),
        (responses_json::<PermanentRedirect>(), "308"),
    ] {
        assert!(responses[status]["headers"]["Location"].is_object());
        assert!(responses[status].get("content").is_none(), "no body");
    }
}

/// A variant's `#[problem(type, title)]` (section 12) shows in its
/// problem+json example, which is then exactly the body it sends.
#[test]
fn problem_examples_carry_the_variants_problem_type_and_title() {
    use api_status::Format;

    #[derive(Debug, thiserror::Error, ApiError)]
    enum CreditError {
        /// The account's balance is too low.
        #[error("your balance is 30, but that costs 50")]
        #[status(forbidden)]
        #[problem(
            type = "https://example.com/probs/out-of-credit",
            title = "You do not have enough credit."
        )]
        OutOfCredit,

        #[error("no such account")]
        #[status(not_found)]
        Missing,
    }

    let responses = responses_json::<CreditError>();
    for (status, name, error) in [
        ("403", "OutOfCredit", CreditError::OutOfCredit),
        ("404", "Missing", CreditError::Missing),
    ] {
        let example =
            &responses[status]["content"]["application/problem+json"]["examples"][name]["value"];
        let body: Value =
            serde_json::from_slice(error.to_response_in(Format::ProblemJson).body()).unwrap();
        assert_eq!(example, &body, "{name}");
    }
    assert_eq!(
        responses["403"]["content"]["application/problem+json"]["examples"]["OutOfCredit"]["value"]
            ["type"],
        "https://example.com/probs/out-of-credit"
    );
}

/// A type a `macro_rules!` writes: its `#[error($message)]` literal reaches
/// the derive inside an invisible group. A `Display`-message variant's
/// example still shows thiserror's text (section 13).
macro_rules! not_found_error {
    ($name:ident, $message:expr) => {
        #[allow(dead_code)]
        #[derive(Debug, thiserror::Error, ApiError)]
        enum $name {
            #[error($message)]
            #[status(not_found)]
            Missing,
        }
    };
}

not_found_error!(MacroError, "no such record");

#[test]
fn an_error_text_written_by_a_macro_is_the_example() {
    let responses = responses_json::<MacroError>();
    assert_eq!(
        responses["404"]["content"]["application/json"]["examples"]["Missing"]["value"],
        json!({"message": "no such record"})
    );
}

/// Section 13: "One example per variant, named by the variant". A raw
/// identifier is named without its `r#`, as the `tracing` event names it.
#[allow(non_camel_case_types)]
#[derive(Debug, thiserror::Error, ApiError)]
enum r#match {
    #[error("the type is taken")]
    #[status(conflict)]
    r#type,
    #[error("loop {0}")]
    #[status(conflict)]
    #[message("a loop")]
    r#loop(u8),
}

#[test]
fn a_raw_variant_is_named_without_its_prefix() {
    let responses = responses_json::<r#match>();
    let conflict = &responses["409"];
    let examples = &conflict["content"]["application/json"]["examples"];
    assert_eq!(
        examples["type"]["value"],
        json!({"message": "the type is taken"})
    );
    assert_eq!(examples["loop"]["value"], json!({"message": "a loop"}));
    assert!(examples.get("r#type").is_none(), "{examples}");
    assert_eq!(
        conflict["description"], "Conflict\n\n- `type`\n- `loop`",
        "{conflict}"
    );
    // The bodies the examples document.
    for (name, error) in [("type", r#match::r#type), ("loop", r#match::r#loop(1))] {
        let body: Value = serde_json::from_slice(error.to_response().body()).unwrap();
        assert_eq!(body, examples[name]["value"], "{error:?}");
    }
}

/// RFC 6750 §3: a 400 or 403 sends a challenge only with one of its own
/// codes. The document says `WWW-Authenticate` exactly where the response
/// sends it.
#[derive(Debug, thiserror::Error, ApiError)]
enum GrantOnly {
    #[error("the grant expired")]
    #[status(bad_request)]
    #[oauth(invalid_grant)]
    Grant,
    #[error("the client may not")]
    #[status(forbidden)]
    #[oauth(unauthorized_client)]
    Client,
    #[error("the token lacks a scope")]
    #[status(forbidden)]
    #[oauth(insufficient_scope)]
    Scope,
}

#[test]
fn the_challenge_header_is_documented_where_it_is_sent() {
    let responses = responses_json::<GrantOnly>();
    for (status, error) in [
        (400, GrantOnly::Grant),
        (403, GrantOnly::Client),
        (403, GrantOnly::Scope),
    ] {
        let sent = error
            .to_response()
            .headers()
            .contains_key("www-authenticate");
        let documented = responses[status.to_string()]["headers"]["WWW-Authenticate"].is_object();
        // One status may hold several variants: documented if any sends it.
        if sent {
            assert!(documented, "{error:?}");
        }
    }
    assert!(!GrantOnly::Grant
        .to_response()
        .headers()
        .contains_key("www-authenticate"));
    assert!(
        responses["400"]["headers"]["WWW-Authenticate"].is_null(),
        "{}",
        responses["400"]
    );
    assert!(GrantOnly::Scope
        .to_response()
        .headers()
        .contains_key("www-authenticate"));
    assert!(responses["403"]["headers"]["WWW-Authenticate"].is_object());
}
