//! `utoipa::IntoResponses` for [`Conditional`] (RFC 9110 section 13):
//! 200 with the body and its validators, 304 with the validators and no
//! body, and [`PreconditionFailed`]'s 412.

use utoipa::openapi::header::{Header, HeaderBuilder};
use utoipa::openapi::schema::{ObjectBuilder, Type};
use utoipa::openapi::{ContentBuilder, RefOr, ResponseBuilder};
use utoipa::{IntoResponses, ToSchema};

use super::merge::merge_maps;
use super::support::{ResponseMap, JSON};
use crate::{Conditional, PreconditionFailed};

/// The three outcomes of a conditional request; the 200's body is `T`.
///
/// ```
/// use api_status::Conditional;
/// use utoipa::IntoResponses;
///
/// #[derive(serde::Serialize, utoipa::ToSchema)]
/// struct User { id: u64 }
///
/// let responses = Conditional::<User>::responses();
/// let statuses: Vec<&String> = responses.keys().collect();
/// assert_eq!(statuses, ["200", "304", "412"]);
/// ```
impl<T: ToSchema> IntoResponses for Conditional<T> {
    fn responses() -> ResponseMap {
        let ok = ResponseBuilder::new()
            .description("OK\n\nThe representation, with its validators")
            .header("ETag", etag_header())
            .header("Last-Modified", last_modified_header())
            .content(
                JSON,
                ContentBuilder::new().schema(Some(T::schema())).build(),
            )
            .build();
        // RFC 9110 §15.4.5: the validators a 200 would have sent, no body.
        let not_modified = ResponseBuilder::new()
            .description("Not Modified\n\nThe client's copy is current (`If-None-Match`, `If-Modified-Since`)")
            .header("ETag", etag_header())
            .header("Last-Modified", last_modified_header())
            .build();
        let mut responses = ResponseMap::from([
            ("200".to_owned(), RefOr::T(ok)),
            ("304".to_owned(), RefOr::T(not_modified)),
        ]);
        merge_maps(
            &mut responses,
            PreconditionFailed::responses(),
            "PreconditionFailed",
        );
        responses
    }
}

fn etag_header() -> Header {
    HeaderBuilder::new()
        .schema(ObjectBuilder::new().schema_type(Type::String))
        .description(Some(
            "The entity tag, `\"…\"` or `W/\"…\"` (RFC 9110 §8.8.3), when the handler gives one",
        ))
        .build()
}

fn last_modified_header() -> Header {
    HeaderBuilder::new()
        .schema(ObjectBuilder::new().schema_type(Type::String))
        .description(Some(
            "An HTTP date (RFC 9110 §8.8.2), when the handler gives one; on a 304 only without an ETag",
        ))
        .build()
}
