//! `IntoResponses` for [`Rejection`]: the responses of its kinds, with the
//! `errors` member on the 422, since JSON of the wrong shape names the
//! fields at fault (`{"errors":{"email":["is required"]}}`).

use serde_json::json;
use utoipa::openapi::schema::Schema;
use utoipa::openapi::RefOr;
use utoipa::IntoResponses;

use super::schema;
use super::support::ResponseMap;
use crate::{Rejection, RejectionKind};

impl IntoResponses for Rejection {
    fn responses() -> ResponseMap {
        let mut responses = RejectionKind::responses();
        let Some(RefOr::T(unprocessable)) = responses.get_mut("422") else {
            return responses;
        };
        for content in unprocessable.content.values_mut() {
            if let Some(RefOr::T(Schema::Object(object))) = &mut content.schema {
                object
                    .properties
                    .insert("errors".to_owned(), schema::field_errors_schema().into());
            }
            for example in content.examples.values_mut() {
                if let RefOr::T(example) = example {
                    if let Some(serde_json::Value::Object(value)) = &mut example.value {
                        value.insert("errors".to_owned(), json!({"email": ["is required"]}));
                    }
                }
            }
        }
        responses
    }
}
