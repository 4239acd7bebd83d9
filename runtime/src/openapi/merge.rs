//! Merging responses of one status from several sources (a transparent
//! variant's inner type, the types of a [`Merge`](super::Merge)): one
//! response whose description, headers, schemas and examples are those of
//! all of them.

use utoipa::openapi::content::Content;
use utoipa::openapi::schema::{AnyOfBuilder, Object, Schema, SchemaType, Type};
use utoipa::openapi::{RefOr, Response};

use super::support::ResponseMap;

/// Adds `from` to `into`; a status present in both becomes one response.
/// `label` names `from` in examples whose name is already taken.
pub fn merge_maps(into: &mut ResponseMap, from: ResponseMap, label: &str) {
    for (status, response) in from {
        match into.get_mut(&status) {
            None => {
                into.insert(status, response);
            }
            Some(existing) => merge_response(existing, response, label),
        }
    }
}

/// One response from two. A reference (`$ref`) cannot be merged without the
/// document's components: the first one stays.
fn merge_response(into: &mut RefOr<Response>, from: RefOr<Response>, label: &str) {
    let (RefOr::T(into), RefOr::T(from)) = (into, from) else {
        return;
    };
    into.description = merge_description(&into.description, &from.description);
    for (name, header) in from.headers {
        into.headers.entry(name).or_insert(header);
    }
    for (media_type, content) in from.content {
        match into.content.get_mut(&media_type) {
            None => {
                into.content.insert(media_type, content);
            }
            Some(existing) => merge_content(existing, content, label),
        }
    }
}

/// The first description, then the second's variant lines when both start
/// with the same reason phrase (`"Not Found\n\n- …"`), else both in full.
fn merge_description(first: &str, second: &str) -> String {
    let heading = |text: &str| {
        text.split_once("\n\n")
            .map(|(heading, _)| heading.to_owned())
    };
    match (heading(first), second.split_once("\n\n")) {
        (Some(ours), Some((theirs, lines))) if ours == theirs => format!("{first}\n{lines}"),
        _ => format!("{first}\n\n{second}"),
    }
}

fn merge_content(into: &mut Content, from: Content, label: &str) {
    into.schema = match (into.schema.take(), from.schema) {
        (Some(ours), Some(theirs)) => Some(merge_schema(ours, theirs)),
        (ours, theirs) => ours.or(theirs),
    };
    for (name, example) in from.examples {
        let name = if into.examples.contains_key(&name) {
            format!("{name} ({label})")
        } else {
            name
        };
        into.examples.entry(name).or_insert(example);
    }
}

/// Two object schemas become one with the properties of both (an `enum`
/// property gets both lists), required only where both require; anything
/// else becomes `anyOf` (not `oneOf`: error bodies of one status overlap).
fn merge_schema(ours: RefOr<Schema>, theirs: RefOr<Schema>) -> RefOr<Schema> {
    if ours == theirs {
        return ours;
    }
    match (ours, theirs) {
        (RefOr::T(Schema::Object(ours)), RefOr::T(Schema::Object(theirs)))
            if is_object(&ours) && is_object(&theirs) =>
        {
            RefOr::T(Schema::Object(merge_objects(ours, theirs)))
        }
        (RefOr::T(Schema::AnyOf(mut any)), theirs) => {
            if !any.items.contains(&theirs) {
                any.items.push(theirs);
            }
            RefOr::T(Schema::AnyOf(any))
        }
        (ours, theirs) => RefOr::T(Schema::AnyOf(
            AnyOfBuilder::new().item(ours).item(theirs).build(),
        )),
    }
}

fn is_object(object: &Object) -> bool {
    object.schema_type == SchemaType::Type(Type::Object)
}

fn merge_objects(mut ours: Object, theirs: Object) -> Object {
    ours.required.retain(|name| theirs.required.contains(name));
    for (name, property) in theirs.properties {
        let merged = match ours.properties.remove(&name) {
            None => property,
            Some(existing) => merge_property(existing, property),
        };
        ours.properties.insert(name, merged);
    }
    ours
}

/// A property both objects have: the same schema stays; two enums of the
/// same type become one with both lists; anything else becomes `anyOf`.
fn merge_property(ours: RefOr<Schema>, theirs: RefOr<Schema>) -> RefOr<Schema> {
    match (ours, theirs) {
        (RefOr::T(Schema::Object(mut ours)), RefOr::T(Schema::Object(theirs)))
            if ours.schema_type == theirs.schema_type
                && ours.enum_values.is_some()
                && theirs.enum_values.is_some() =>
        {
            let values = ours.enum_values.get_or_insert_with(Vec::new);
            for value in theirs.enum_values.unwrap_or_default() {
                if !values.contains(&value) {
                    values.push(value);
                }
            }
            RefOr::T(Schema::Object(ours))
        }
        (RefOr::T(Schema::Object(ours)), RefOr::T(Schema::Object(theirs)))
            if ours.schema_type == theirs.schema_type
                && (ours.enum_values.is_none() || theirs.enum_values.is_none())
                && strip_enum(&ours) == strip_enum(&theirs) =>
        {
            // One side allows any value of the type: so does the merge.
            let mut merged = ours;
            merged.enum_values = None;
            RefOr::T(Schema::Object(merged))
        }
        (ours, theirs) => merge_schema(ours, theirs),
    }
}

fn strip_enum(object: &Object) -> Object {
    let mut object = object.clone();
    object.enum_values = None;
    object
}
