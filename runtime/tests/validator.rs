//! `IntoFieldErrors` for `validator::ValidationErrors`: nested structs and
//! lists flattened into paths, readable texts for codes without a message.
#![cfg(feature = "validator")]

use api_status::{ApiError, ErrorBody, FieldErrors, IntoFieldErrors};
use validator::{Validate, ValidationError, ValidationErrors};

#[derive(Validate)]
struct Address {
    #[validate(length(min = 2, message = "is too short"))]
    city: String,
    #[validate(length(equal = 5))]
    zip: String,
}

#[derive(Validate)]
struct Item {
    #[validate(length(min = 1))]
    name: String,
    #[validate(range(min = 1, max = 99))]
    quantity: u32,
}

#[derive(Validate)]
struct Order {
    #[validate(email)]
    email: String,
    #[validate(nested)]
    address: Address,
    #[validate(nested)]
    items: Vec<Item>,
    #[validate(required)]
    coupon: Option<String>,
}

fn invalid_order() -> Order {
    Order {
        email: "nope".into(),
        address: Address {
            city: "X".into(),
            zip: "123".into(),
        },
        items: vec![
            Item {
                name: "ok".into(),
                quantity: 1,
            },
            Item {
                name: String::new(),
                quantity: 100,
            },
            Item {
                name: "fine".into(),
                quantity: 0,
            },
        ],
        coupon: None,
    }
}

fn fields(errors: &FieldErrors) -> Vec<(String, Vec<String>)> {
    errors
        .iter()
        .map(|(field, messages)| (field.to_owned(), messages.to_vec()))
        .collect()
}

fn pair(field: &str, message: &str) -> (String, Vec<String>) {
    (field.to_owned(), vec![message.to_owned()])
}

#[test]
fn nested_structs_and_lists_become_paths_in_sorted_order() {
    let errors = invalid_order().validate().unwrap_err();
    assert_eq!(
        fields(&IntoFieldErrors::field_errors(&errors)),
        vec![
            pair("address.city", "is too short"),
            pair("address.zip", "has the wrong length"),
            pair("coupon", "is required"),
            pair("email", "is not a valid email"),
            pair("items[1].name", "has the wrong length"),
            pair("items[1].quantity", "is out of range"),
            pair("items[2].quantity", "is out of range"),
        ],
    );
}

#[test]
fn the_same_errors_always_give_the_same_bytes() {
    let first = serde_json::to_vec(&IntoFieldErrors::field_errors(
        &invalid_order().validate().unwrap_err(),
    ))
    .unwrap();
    for _ in 0..20 {
        let again = serde_json::to_vec(&IntoFieldErrors::field_errors(
            &invalid_order().validate().unwrap_err(),
        ))
        .unwrap();
        assert_eq!(again, first);
    }
}

#[test]
fn message_wins_over_code_and_unknown_codes_pass_through() {
    let mut errors = ValidationErrors::new();
    errors.add(
        "name",
        ValidationError::new("length").with_message("can't be blank".into()),
    );
    errors.add("name", ValidationError::new("not_a_palindrome"));
    errors.add("site", ValidationError::new("url"));
    assert_eq!(
        fields(&IntoFieldErrors::field_errors(&errors)),
        vec![
            (
                "name".to_owned(),
                vec!["can't be blank".to_owned(), "not_a_palindrome".to_owned()]
            ),
            pair("site", "is not a valid URL"),
        ],
    );
}

#[test]
fn no_errors_give_an_empty_object() {
    assert!(IntoFieldErrors::field_errors(&ValidationErrors::new()).is_empty());
}

#[derive(Debug, thiserror::Error, ApiError)]
enum OrderError {
    #[error("the order could not be placed")]
    #[status(unprocessable_entity)]
    Invalid {
        #[field_errors]
        errors: ValidationErrors,
    },
}

#[test]
fn a_field_errors_field_of_validation_errors_fills_the_body() {
    let error = OrderError::Invalid {
        errors: invalid_order().validate().unwrap_err(),
    };
    let response = error.to_response();
    assert_eq!(response.status(), 422);
    let body: ErrorBody = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(body.message, "the order could not be placed");
    let errors = body.errors.unwrap();
    assert_eq!(
        errors.get("items[1].quantity").unwrap(),
        ["is out of range"]
    );
    assert_eq!(errors.get("address.city").unwrap(), ["is too short"]);
    assert!(response
        .body()
        .starts_with(br#"{"message":"the order could not be placed","errors":{"address.city":["#));
}

/// Section 15: a bulk request of 30,000 invalid items (about a megabyte of
/// JSON) flattens into 60,000 paths in linear time, items in index order.
#[test]
fn a_bulk_list_flattens_every_item() {
    const ITEMS: usize = 30_000;
    let mut order = invalid_order();
    order.items = (0..ITEMS)
        .map(|_| Item {
            name: String::new(),
            quantity: 0,
        })
        .collect();
    let errors = order.validate().unwrap_err();
    let flat = IntoFieldErrors::field_errors(&errors);
    let items: Vec<&str> = flat
        .iter()
        .map(|(path, _)| path)
        .filter(|path| path.starts_with("items["))
        .collect();
    assert_eq!(items.len(), 2 * ITEMS);
    assert_eq!(
        items[..4],
        [
            "items[0].name",
            "items[0].quantity",
            "items[1].name",
            "items[1].quantity"
        ]
    );
    assert_eq!(
        items[2 * ITEMS - 1],
        format!("items[{}].quantity", ITEMS - 1)
    );
}
