//! What the `IntoResponses` impls of derived types call: the variants'
//! facts, as the derive found them, become one response per status. Not
//! public API (reached through `api_status::__private::openapi`).

use std::collections::BTreeMap;
use std::marker::PhantomData;

use serde_json::{Map, Value};
use utoipa::openapi::example::ExampleBuilder;
use utoipa::openapi::{ContentBuilder, RefOr, Response, ResponseBuilder};
use utoipa::IntoResponses;

use super::facts::{self, Fact, Own};
use super::merge::merge_maps;
use super::schema;

/// What `utoipa::IntoResponses::responses` returns: responses by status
/// (`"404"`), or `"default"`.
pub type ResponseMap = BTreeMap<String, RefOr<Response>>;

/// The media type of the default body (section "The wire").
pub const JSON: &str = "application/json";
/// The media type of RFC 9457's problem details.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// The inner type of a transparent variant, asked for its responses by
/// autoref specialization, called as `(&&Probe::<T>::new()).inner_responses()`:
/// [`Documented`] when `T` implements `IntoResponses`, else [`Pointer`] when
/// `T` is a `Box` or a reference to such a type, else [`Undocumented`] (a
/// hand-written `ApiError`), so that enabling the feature never breaks a
/// build.
pub struct Probe<T: ?Sized>(PhantomData<T>);

impl<T: ?Sized> Probe<T> {
    /// The probe.
    #[allow(clippy::new_without_default)]
    pub const fn new() -> Self {
        Probe(PhantomData)
    }
}

/// Chosen first, where `T: IntoResponses`.
pub trait Documented {
    /// `T`'s responses.
    fn inner_responses(&self) -> Result<ResponseMap, &'static str>;
}

impl<T: IntoResponses + ?Sized> Documented for &Probe<T> {
    fn inner_responses(&self) -> Result<ResponseMap, &'static str> {
        Ok(T::responses())
    }
}

/// Chosen second: `Box<T>` and `&T` answer as `T` (as `ApiError` does), and
/// utoipa implements `IntoResponses` for neither.
pub trait Pointer {
    /// `T`'s responses.
    fn inner_responses(&self) -> Result<ResponseMap, &'static str>;
}

impl<T: IntoResponses + ?Sized> Pointer for &&Probe<Box<T>> {
    fn inner_responses(&self) -> Result<ResponseMap, &'static str> {
        Ok(T::responses())
    }
}

impl<T: IntoResponses + ?Sized> Pointer for &&Probe<&T> {
    fn inner_responses(&self) -> Result<ResponseMap, &'static str> {
        Ok(T::responses())
    }
}

/// The fallback: `T`'s name, for a `default` response.
pub trait Undocumented {
    /// `Err` with `T`'s name.
    fn inner_responses(&self) -> Result<ResponseMap, &'static str>;
}

impl<T: ?Sized> Undocumented for Probe<T> {
    fn inner_responses(&self) -> Result<ResponseMap, &'static str> {
        Err(std::any::type_name::<T>())
    }
}

/// The responses of a derived type: its variants' facts as the derive
/// encoded them, and the responses of its transparent variants' types, in
/// order.
pub fn responses(facts: &'static str, inners: &[Result<ResponseMap, &'static str>]) -> ResponseMap {
    let facts = facts::parse(facts);
    let mut by_status: BTreeMap<u16, Vec<&Own>> = BTreeMap::new();
    for fact in &facts {
        if let Fact::Own(own) = fact {
            by_status.entry(own.status).or_default().push(own);
        }
    }
    let mut responses: ResponseMap = by_status
        .into_iter()
        .map(|(status, variants)| {
            (
                status.to_string(),
                RefOr::T(status_response(status, &variants)),
            )
        })
        .collect();
    let transparent = facts.iter().filter_map(|fact| match fact {
        Fact::Inner { name, doc } => Some((*name, *doc)),
        Fact::Own(_) => None,
    });
    for ((name, doc), inner) in transparent.zip(inners) {
        match inner {
            Ok(inner) => merge_maps(&mut responses, inner.clone(), name),
            Err(type_name) => {
                let mut fallback = ResponseMap::new();
                fallback.insert(
                    "default".to_owned(),
                    RefOr::T(undocumented_response(name, doc, type_name)),
                );
                merge_maps(&mut responses, fallback, name);
            }
        }
    }
    responses
}

/// The response of one status: every variant that answers with it.
fn status_response(status: u16, variants: &[&Own]) -> Response {
    let reason = reason_phrase(status);
    let mut description = format!("{reason}\n");
    for variant in variants {
        description.push('\n');
        description.push_str(&variant_line(variant.name, variant.doc));
    }
    let facts = schema::BodyFacts {
        status: Some(status),
        field_errors: variants.iter().filter(|v| v.field_errors).count(),
        oauth_codes: variants
            .iter()
            .map(|v| v.oauth)
            .filter(|code| !code.is_empty())
            .fold(Vec::new(), |mut codes, code| {
                if !codes.contains(&code) {
                    codes.push(code);
                }
                codes
            }),
        oauth_variants: variants.iter().filter(|v| !v.oauth.is_empty()).count(),
        variants: variants.len(),
    };
    let json_examples = variants
        .iter()
        .map(|variant| (*variant, variant.name, json_example(variant)));
    let json = ContentBuilder::new()
        .schema(Some(schema::json_body(&facts)))
        .examples_from_iter(
            json_examples
                .clone()
                .map(|(_, name, value)| (name, example(name, variant_doc(variants, name), value))),
        )
        .build();
    let problem = ContentBuilder::new()
        .schema(Some(schema::problem_body(&facts)))
        .examples_from_iter(json_examples.map(|(variant, name, value)| {
            let value = problem_example(variant, status, reason, value);
            (name, example(name, variant_doc(variants, name), value))
        }))
        .build();
    let mut response = ResponseBuilder::new()
        .description(description)
        .content(JSON, json)
        .content(PROBLEM_JSON, problem);
    if variants
        .iter()
        .any(|variant| challenged(status, variant.oauth))
    {
        response = response.header("WWW-Authenticate", schema::www_authenticate_header());
    }
    if variants.iter().any(|variant| variant.retry_after) {
        response = response.header("Retry-After", schema::retry_after_header());
    }
    response.build()
}

/// The `default` response of a transparent variant whose inner type does
/// not document its statuses: the body's general shape, any status.
fn undocumented_response(name: &str, doc: &str, type_name: &str) -> Response {
    let description = format!(
        "Any other error status\n\n{}, from `{type_name}`, which implements `ApiError` but not `utoipa::IntoResponses`",
        variant_line(name, doc)
    );
    let facts = schema::BodyFacts::any();
    ResponseBuilder::new()
        .description(description)
        .content(
            JSON,
            ContentBuilder::new()
                .schema(Some(schema::json_body(&facts)))
                .build(),
        )
        .content(
            PROBLEM_JSON,
            ContentBuilder::new()
                .schema(Some(schema::problem_body(&facts)))
                .build(),
        )
        .header("WWW-Authenticate", schema::www_authenticate_header())
        .header("Retry-After", schema::retry_after_header())
        .build()
}

/// A line of a response's description: `` - `NotFound`: its doc ``.
fn variant_line(name: &str, doc: &str) -> String {
    if doc.is_empty() {
        format!("- `{name}`")
    } else {
        format!("- `{name}`: {doc}")
    }
}

fn variant_doc<'a>(variants: &[&'a Own], name: &str) -> &'a str {
    variants
        .iter()
        .find(|variant| variant.name == name)
        .map_or("", |variant| variant.doc)
}

fn example(name: &str, doc: &str, value: Value) -> utoipa::openapi::example::Example {
    ExampleBuilder::new()
        .summary(if doc.is_empty() { name } else { doc })
        .value(Some(value))
        .build()
}

/// The example body of a variant: exactly its body when the macro computed
/// it; otherwise its message with the placeholders unfilled.
fn json_example(variant: &Own) -> Value {
    if let Ok(value) = serde_json::from_str::<Value>(variant.body) {
        return value;
    }
    let mut body = Map::new();
    body.insert("message".to_owned(), Value::from(variant.message));
    if variant.field_errors {
        let mut errors = Map::new();
        errors.insert("field".to_owned(), Value::from(vec!["is invalid"]));
        body.insert("errors".to_owned(), Value::Object(errors));
    } else if !variant.oauth.is_empty() {
        body.insert("error".to_owned(), Value::from(variant.oauth));
        if let Some(description) = crate::oauth_error_description(variant.message) {
            body.insert(
                "error_description".to_owned(),
                Value::from(description.into_owned()),
            );
        }
    }
    Value::Object(body)
}

/// The problem+json form of a JSON example (RFC 9457 with section 12's
/// members): `type`, `title`, `status`, `detail`, then the rest; `type` and
/// `title` as the variant's `#[problem]` gives them.
fn problem_example(variant: &Own, status: u16, reason: &'static str, json: Value) -> Value {
    let or = |given: &'static str, default: &'static str| match given {
        "" => default,
        given => given,
    };
    let mut problem = Map::new();
    problem.insert(
        "type".to_owned(),
        Value::from(or(variant.problem_type, "about:blank")),
    );
    problem.insert(
        "title".to_owned(),
        Value::from(or(variant.problem_title, reason)),
    );
    problem.insert("status".to_owned(), Value::from(status));
    if let Value::Object(members) = json {
        for (name, value) in members {
            let name = if name == "message" {
                "detail".to_owned()
            } else {
                name
            };
            problem.insert(name, value);
        }
    }
    Value::Object(problem)
}

/// Whether a variant with this status and OAuth code (`""` for none) sends
/// `WWW-Authenticate` (section "The wire"): the responses' own rule.
fn challenged(status: u16, oauth: &str) -> bool {
    http::StatusCode::from_u16(status).is_ok_and(|status| {
        crate::headers::sends_challenge(status, crate::OAuthErrorCode::from_wire(oauth))
    })
}

/// The reason phrase of a status, "Client Error" or "Server Error" for a
/// code without one.
pub fn reason_phrase(status: u16) -> &'static str {
    http::StatusCode::from_u16(status)
        .ok()
        .and_then(|status| status.canonical_reason())
        .unwrap_or(if status < 500 {
            "Client Error"
        } else {
            "Server Error"
        })
}

/// A type's name without its module path, for naming colliding examples.
pub fn short_type_name<T: ?Sized>() -> &'static str {
    let full = std::any::type_name::<T>();
    let base = full.split('<').next().unwrap_or(full);
    match base.rfind("::") {
        Some(at) => full.get(at + 2..).unwrap_or(full),
        None => full,
    }
}
