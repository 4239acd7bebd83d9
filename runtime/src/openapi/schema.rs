//! The schemas of the bodies (section "The wire", and RFC 9457's problem
//! details with the same extension members), the documented headers, and
//! `ToSchema` for [`FieldErrors`] and [`ErrorBody`].

use std::borrow::Cow;

use utoipa::openapi::header::{Header, HeaderBuilder};
use utoipa::openapi::schema::{
    ArrayBuilder, KnownFormat, ObjectBuilder, Schema, SchemaFormat, Type,
};
use utoipa::openapi::RefOr;
use utoipa::{PartialSchema, ToSchema};

use crate::{ErrorBody, FieldErrors};

/// What the bodies of one status can hold.
pub struct BodyFacts {
    /// The status, `None` for any.
    pub status: Option<u16>,
    /// How many of the variants have `#[field_errors]`.
    pub field_errors: usize,
    /// The OAuth codes, in the variants' order, each once.
    pub oauth_codes: Vec<&'static str>,
    /// How many of the variants have `#[oauth]`.
    pub oauth_variants: usize,
    /// How many variants.
    pub variants: usize,
}

impl BodyFacts {
    /// Any error body: every member possible, any OAuth code.
    pub fn any() -> Self {
        BodyFacts {
            status: None,
            field_errors: 1,
            oauth_codes: Vec::new(),
            oauth_variants: 1,
            variants: 2,
        }
    }

    fn has_errors(&self) -> bool {
        self.field_errors > 0
    }

    fn has_oauth(&self) -> bool {
        self.oauth_variants > 0
    }
}

/// `{"message":"…"}` and, where a variant sends them, `errors`, or `error`
/// and `error_description`: one object schema, not a `oneOf` (the bodies of
/// one status overlap). A member every variant sends is required.
pub fn json_body(facts: &BodyFacts) -> RefOr<Schema> {
    let object = ObjectBuilder::new()
        .schema_type(Type::Object)
        .property("message", message_schema("The public message"))
        .required("message");
    extensions(object, facts).build().into()
}

/// RFC 9457 problem details: `type`, `title`, `status`, `detail`, then the
/// same `errors`, or `error` and `error_description`, as the JSON body.
pub fn problem_body(facts: &BodyFacts) -> RefOr<Schema> {
    let status = ObjectBuilder::new()
        .schema_type(Type::Integer)
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int32)))
        .description(Some("The HTTP status code"));
    let status = match facts.status {
        Some(code) => status.enum_values(Some([code])),
        None => status.minimum(Some(400)).maximum(Some(599)),
    };
    let object = ObjectBuilder::new()
        .schema_type(Type::Object)
        .property(
            "type",
            ObjectBuilder::new()
                .schema_type(Type::String)
                .format(Some(SchemaFormat::Custom("uri-reference".to_owned())))
                .description(Some(
                    "The problem type: `about:blank` unless the error names one",
                )),
        )
        .property(
            "title",
            message_schema(
                "The problem's title: the status's reason phrase unless the error gives one",
            ),
        )
        .property("status", status)
        .property("detail", message_schema("The public message"))
        .required("type")
        .required("title")
        .required("status")
        .required("detail");
    extensions(object, facts).build().into()
}

/// Adds `errors`, `error` and `error_description` as `facts` says.
fn extensions(mut object: ObjectBuilder, facts: &BodyFacts) -> ObjectBuilder {
    if facts.has_errors() {
        object = object.property("errors", field_errors_schema());
        if facts.field_errors == facts.variants {
            object = object.required("errors");
        }
    }
    if facts.has_oauth() {
        let mut error = ObjectBuilder::new()
            .schema_type(Type::String)
            .description(Some(
                "The OAuth 2.0 error code (RFC 6749 §5.2, RFC 6750 §3.1)",
            ));
        if !facts.oauth_codes.is_empty() {
            error = error.enum_values(Some(facts.oauth_codes.iter().copied()));
        }
        object = object.property("error", error).property(
            "error_description",
            ObjectBuilder::new()
                .schema_type(Type::String)
                .pattern(Some("^[\\x20-\\x21\\x23-\\x5B\\x5D-\\x7E]*$"))
                .max_length(Some(crate::MAX_ERROR_DESCRIPTION))
                .description(Some(
                    "The public message in the characters RFC 6749 allows, at most 1,000 of them; absent when none is left",
                )),
        );
        if facts.oauth_variants == facts.variants {
            object = object.required("error");
        }
    }
    object
}

fn message_schema(description: &str) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .description(Some(description))
}

/// `{"name":["can't be blank"]}`: messages by field, fields in insertion
/// order.
fn field_errors_schema() -> Schema {
    ObjectBuilder::new()
        .schema_type(Type::Object)
        .additional_properties(Some(
            ArrayBuilder::new().items(message_schema("A validation message")),
        ))
        .description(Some(
            "Validation messages by field, in the order the fields were found",
        ))
        .build()
        .into()
}

/// `WWW-Authenticate`, as section "The wire" sends it.
pub fn www_authenticate_header() -> Header {
    HeaderBuilder::new()
        .schema(ObjectBuilder::new().schema_type(Type::String))
        .description(Some(
            "`Bearer` (RFC 9110 §15.5.2); for an OAuth error, `Bearer error=\"<code>\", error_description=\"<description>\"` (RFC 6750 §3)",
        ))
        .build()
}

/// `Retry-After` in seconds.
pub fn retry_after_header() -> Header {
    HeaderBuilder::new()
        .schema(
            ObjectBuilder::new()
                .schema_type(Type::Integer)
                .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int64)))
                .minimum(Some(0)),
        )
        .description(Some(
            "Seconds the client should wait before retrying (RFC 9110 §10.2.3)",
        ))
        .build()
}

/// An object of string arrays, in insertion order.
///
/// ```
/// use utoipa::PartialSchema;
///
/// let schema = serde_json::to_value(api_status::FieldErrors::schema()).unwrap();
/// assert_eq!(schema["type"], "object");
/// assert_eq!(schema["additionalProperties"]["items"]["type"], "string");
/// ```
impl PartialSchema for FieldErrors {
    fn schema() -> RefOr<Schema> {
        field_errors_schema().into()
    }
}

impl ToSchema for FieldErrors {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("FieldErrors")
    }
}

/// Any error body: `message`, and `errors`, or `error` and
/// `error_description`, as documented for the responses themselves.
///
/// ```
/// use utoipa::PartialSchema;
///
/// let schema = serde_json::to_value(api_status::ErrorBody::schema()).unwrap();
/// assert_eq!(schema["required"], serde_json::json!(["message"]));
/// assert!(schema["properties"]["errors"].is_object());
/// ```
impl PartialSchema for ErrorBody {
    fn schema() -> RefOr<Schema> {
        json_body(&BodyFacts::any())
    }
}

impl ToSchema for ErrorBody {
    fn name() -> Cow<'static, str> {
        Cow::Borrowed("ErrorBody")
    }
}
