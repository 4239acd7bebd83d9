//! `IntoFieldErrors` for `garde::Report`: paths as garde prints them, in the
//! order garde reports them.
#![cfg(feature = "garde")]

use api_status::{ApiError, ErrorBody, FieldErrors, IntoFieldErrors};
use garde::Validate;

#[derive(Validate)]
struct Address {
    #[garde(length(min = 2))]
    city: String,
}

#[derive(Validate)]
struct Item {
    #[garde(length(min = 1))]
    name: String,
    #[garde(range(min = 1, max = 99))]
    quantity: u32,
}

#[derive(Validate)]
struct Order {
    #[garde(length(min = 1))]
    customer: String,
    #[garde(dive)]
    address: Address,
    #[garde(dive)]
    items: Vec<Item>,
}

fn invalid_order() -> Order {
    Order {
        customer: String::new(),
        address: Address { city: "X".into() },
        items: vec![
            Item {
                name: "ok".into(),
                quantity: 1,
            },
            Item {
                name: String::new(),
                quantity: 100,
            },
        ],
    }
}

fn paths(errors: &FieldErrors) -> Vec<&str> {
    errors.iter().map(|(field, _)| field).collect()
}

#[test]
fn nested_structs_and_lists_keep_gardes_paths() {
    let report = invalid_order().validate().unwrap_err();
    let errors = report.field_errors();
    let mut found = paths(&errors);
    found.sort_unstable();
    assert_eq!(
        found,
        [
            "address.city",
            "customer",
            "items[1].name",
            "items[1].quantity"
        ]
    );
    // Each path and message as garde prints them.
    for (path, error) in report.iter() {
        assert_eq!(
            errors.get(&path.to_string()).unwrap(),
            [error.message().to_owned()]
        );
    }
}

#[test]
fn order_is_gardes() {
    let report = invalid_order().validate().unwrap_err();
    let expected: Vec<String> = report.iter().map(|(path, _)| path.to_string()).collect();
    assert_eq!(paths(&report.field_errors()), expected);
}

#[derive(Debug, thiserror::Error, ApiError)]
#[error("the order could not be placed")]
#[status(unprocessable_entity)]
struct InvalidOrder(#[field_errors] garde::Report);

#[test]
fn a_field_errors_field_of_a_report_fills_the_body() {
    let response = InvalidOrder(invalid_order().validate().unwrap_err()).to_response();
    assert_eq!(response.status(), 422);
    let body: ErrorBody = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(body.message, "the order could not be placed");
    assert_eq!(body.errors.unwrap().len(), 4);
}

/// Section 15: a bulk request of 30,000 invalid items flattens into 60,000
/// paths in linear time, each item's two.
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
    let report = order.validate().unwrap_err();
    let flat = report.field_errors();
    let items: Vec<&str> = paths(&flat)
        .into_iter()
        .filter(|path| path.starts_with("items["))
        .collect();
    assert_eq!(items.len(), 2 * ITEMS);
    let mut items: Vec<String> = items.into_iter().map(str::to_owned).collect();
    items.sort_unstable();
    let mut expected: Vec<String> = (0..ITEMS)
        .flat_map(|index| {
            [
                format!("items[{index}].name"),
                format!("items[{index}].quantity"),
            ]
        })
        .collect();
    expected.sort_unstable();
    assert_eq!(items, expected);
}
