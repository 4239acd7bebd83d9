//! `utoipa::IntoResponses` for the success types: [`Created`] and
//! [`Accepted`] where the body type implements `ToSchema`, and the two
//! redirects. A handler documents its success and its errors the same way:
//! `responses(Created<User>, UserError)`.
//!
//! The body schema is `T`'s own, inline, with the `links` member the
//! response appends to an object (a `$ref` inside it, such as a field of
//! another `ToSchema` type, still needs that type in the document's
//! components, as for any inline schema).

use utoipa::openapi::header::{Header, HeaderBuilder};
use utoipa::openapi::schema::{ObjectBuilder, Schema, SchemaFormat, SchemaType, Type};
use utoipa::openapi::{ContentBuilder, RefOr, ResponseBuilder};
use utoipa::{IntoResponses, ToSchema};

use super::schema::retry_after_header;
use super::support::{ResponseMap, JSON};
use crate::{Accepted, Created, MovedPermanently, PermanentRedirect};

/// `201` with `Location`; the body is `T` with `links.self`.
///
/// ```
/// use api_status::Created;
/// use utoipa::IntoResponses;
///
/// #[derive(serde::Serialize, utoipa::ToSchema)]
/// struct User { id: u64 }
///
/// let responses = serde_json::to_value(Created::<User>::responses()).unwrap();
/// let schema = &responses["201"]["content"]["application/json"]["schema"];
/// assert_eq!(schema["properties"]["links"]["required"], serde_json::json!(["self"]));
/// assert!(responses["201"]["headers"]["Location"].is_object());
/// ```
impl<T: ToSchema> IntoResponses for Created<T> {
    fn responses() -> ResponseMap {
        let links = ObjectBuilder::new()
            .schema_type(Type::Object)
            .property("self", uri_schema("The new resource"))
            .required("self")
            .description(Some("Appended when the body is an object without `links`"));
        let response = ResponseBuilder::new()
            .description("Created\n\nThe new resource is at `Location`")
            .header("Location", location_header("The new resource"))
            .content(JSON, json_with_links::<T>(links))
            .build();
        ResponseMap::from([("201".to_owned(), RefOr::T(response))])
    }
}

/// The JSON content of a success body: `T`'s schema with `links`.
fn json_with_links<T: ToSchema>(links: ObjectBuilder) -> utoipa::openapi::Content {
    ContentBuilder::new()
        .schema(Some(with_links(T::schema(), links.build().into())))
        .build()
}

/// `202` with `Link` (`rel="status"`, `rel="self"`) and `Retry-After`
/// when given; the body is `T` with `links`.
impl<T: ToSchema> IntoResponses for Accepted<T> {
    fn responses() -> ResponseMap {
        let links = ObjectBuilder::new()
            .schema_type(Type::Object)
            .property("status", uri_schema("The task's status"))
            .property("self", uri_schema("The resource the task works on"))
            .description(Some(
                "The links given, appended when the body is an object without `links`",
            ));
        let response = ResponseBuilder::new()
            .description("Accepted\n\nThe work is under way: its status is at the `status` link")
            .header(
                "Link",
                HeaderBuilder::new()
                    .schema(ObjectBuilder::new().schema_type(Type::String))
                    .description(Some(
                        "`<status-url>; rel=\"status\", <self-url>; rel=\"self\"` (RFC 8288), each when given",
                    ))
                    .build(),
            )
            .header("Retry-After", retry_after_header())
            .content(JSON, json_with_links::<T>(links))
            .build();
        ResponseMap::from([("202".to_owned(), RefOr::T(response))])
    }
}

/// `301` with `Location`, no body.
impl IntoResponses for MovedPermanently {
    fn responses() -> ResponseMap {
        redirect("301", "Moved Permanently")
    }
}

/// `308` with `Location`, no body.
impl IntoResponses for PermanentRedirect {
    fn responses() -> ResponseMap {
        redirect("308", "Permanent Redirect")
    }
}

fn redirect(status: &str, reason: &str) -> ResponseMap {
    let response = ResponseBuilder::new()
        .description(format!("{reason}\n\nThe resource is now at `Location`"))
        .header("Location", location_header("Where the resource is now"))
        .build();
    ResponseMap::from([(status.to_owned(), RefOr::T(response))])
}

/// `schema` with a `links` property when it is an object schema (the
/// response appends `links` to an object that has none); anything else as
/// it is, since a body that is not an object gets no links.
fn with_links(schema: RefOr<Schema>, links: RefOr<Schema>) -> RefOr<Schema> {
    match schema {
        RefOr::T(Schema::Object(mut object))
            if object.schema_type == SchemaType::Type(Type::Object) =>
        {
            object.properties.entry("links".to_owned()).or_insert(links);
            RefOr::T(Schema::Object(object))
        }
        other => other,
    }
}

fn uri_schema(description: &str) -> ObjectBuilder {
    ObjectBuilder::new()
        .schema_type(Type::String)
        .format(Some(SchemaFormat::Custom("uri-reference".to_owned())))
        .description(Some(description))
}

fn location_header(description: &str) -> Header {
    HeaderBuilder::new()
        .schema(uri_schema("A URI reference, percent-encoded"))
        .description(Some(description))
        .build()
}
