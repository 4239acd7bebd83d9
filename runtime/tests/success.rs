//! The success responses of contract section 10: exact status, headers and
//! body bytes of `Created`, `Accepted`, `MovedPermanently` and
//! `PermanentRedirect`, through `to_response()` and `From`; the
//! percent-encoding of their locations and links; and the 500 of a body
//! that cannot be serialized.

use std::collections::{BTreeMap, HashMap};

use api_status::bytes::Bytes;
use api_status::http::{Response, StatusCode};
use api_status::{status, Accepted, Created, MovedPermanently, PermanentRedirect};
use serde::ser::{Error as _, Serializer};
use serde::Serialize;

/// Every header of `response`, in order, as text.
fn headers(response: &Response<Bytes>) -> Vec<(String, String)> {
    response
        .headers()
        .iter()
        .map(|(name, value)| (name.to_string(), value.to_str().unwrap().to_owned()))
        .collect()
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
        .collect()
}

fn body(response: &Response<Bytes>) -> &str {
    std::str::from_utf8(response.body()).unwrap()
}

#[derive(Serialize)]
struct User {
    id: u64,
    name: &'static str,
}

#[derive(Serialize)]
struct Task {
    id: u64,
    state: &'static str,
}

#[test]
fn created_is_201_with_location_and_a_self_link() {
    const CREATED: StatusCode = status!(created);
    let response: Response<Bytes> = Created::new(
        "/users/2",
        User {
            id: 2,
            name: "Grace",
        },
    )
    .into();
    assert_eq!(response.status(), CREATED);
    assert_eq!(
        headers(&response),
        pairs(&[
            ("location", "/users/2"),
            ("content-type", "application/json")
        ])
    );
    assert_eq!(
        body(&response),
        r#"{"id":2,"name":"Grace","links":{"self":"/users/2"}}"#
    );
}

#[test]
fn created_appends_links_only_to_an_object_without_them() {
    let cases: Vec<(Response<Bytes>, &str)> = vec![
        (
            Created::new("/a", serde_json::json!({})).into(),
            r#"{"links":{"self":"/a"}}"#,
        ),
        (
            Created::new("/a", serde_json::json!({"links":{"avatar":"/x"},"id":1})).into(),
            r#"{"id":1,"links":{"avatar":"/x"}}"#,
        ),
        (
            Created::new(
                "/a",
                BTreeMap::from([("nested", BTreeMap::from([("links", 1)]))]),
            )
            .into(),
            r#"{"nested":{"links":1},"links":{"self":"/a"}}"#,
        ),
        (Created::new("/a", [1, 2]).into(), "[1,2]"),
        (Created::new("/a", "text").into(), r#""text""#),
        (Created::new("/a", 7).into(), "7"),
        (Created::new("/a", ()).into(), "null"),
        (Created::new("/a", Option::<u8>::None).into(), "null"),
    ];
    for (response, expected) in cases {
        assert_eq!(response.status(), 201);
        assert_eq!(body(&response), expected);
        assert_eq!(response.headers()["location"], "/a");
    }
}

#[test]
fn created_keeps_the_serialize_impls_member_order() {
    #[derive(Serialize)]
    struct Ordered {
        zebra: u8,
        apple: u8,
        mango: u8,
    }
    let response = Created::new(
        "/o",
        Ordered {
            zebra: 1,
            apple: 2,
            mango: 3,
        },
    )
    .to_response();
    assert_eq!(
        body(&response),
        r#"{"zebra":1,"apple":2,"mango":3,"links":{"self":"/o"}}"#
    );
}

#[test]
fn accepted_is_202_with_link_retry_after_and_links() {
    let response: Response<Bytes> = Accepted::new(Task {
        id: 7,
        state: "pending",
    })
    .status_link("/tasks/7")
    .self_link("/users/1/avatar")
    .retry_after(2)
    .into();
    assert_eq!(response.status(), status!(accepted));
    assert_eq!(
        headers(&response),
        pairs(&[
            (
                "link",
                r#"</tasks/7>; rel="status", </users/1/avatar>; rel="self""#
            ),
            ("retry-after", "2"),
            ("content-type", "application/json"),
        ])
    );
    assert_eq!(
        body(&response),
        r#"{"id":7,"state":"pending","links":{"status":"/tasks/7","self":"/users/1/avatar"}}"#
    );
}

#[test]
fn accepted_sends_each_link_only_when_given_status_first() {
    // Given in the other order: still `status` first.
    let response = Accepted::new(())
        .self_link("/r")
        .status_link("/t")
        .to_response();
    assert_eq!(
        response.headers()["link"],
        r#"</t>; rel="status", </r>; rel="self""#
    );
    assert_eq!(body(&response), r#"{"links":{"status":"/t","self":"/r"}}"#);

    let response = Accepted::new(()).self_link("/r").to_response();
    assert_eq!(
        headers(&response),
        pairs(&[
            ("link", r#"</r>; rel="self""#),
            ("content-type", "application/json")
        ])
    );
    assert_eq!(body(&response), r#"{"links":{"self":"/r"}}"#);

    let response = Accepted::new(()).to_response();
    assert_eq!(
        headers(&response),
        pairs(&[("content-type", "application/json")])
    );
    assert_eq!(body(&response), r#"{"links":{}}"#);

    let response = Accepted::new([1]).status_link("/t").to_response();
    assert_eq!(body(&response), "[1]");
}

#[test]
fn redirects_are_a_status_and_a_location_only() {
    for (response, status) in [
        (Response::from(MovedPermanently::to("/users/1")), 301),
        (Response::from(PermanentRedirect::to("/users/1")), 308),
    ] {
        assert_eq!(response.status(), status);
        assert_eq!(headers(&response), pairs(&[("location", "/users/1")]));
        assert!(response.body().is_empty());
    }
    assert_eq!(status!(moved_permanently), 301);
    assert_eq!(status!(permanent_redirect), 308);
}

/// A `Serialize` that always fails.
struct Broken;

impl Serialize for Broken {
    fn serialize<S: Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
        Err(S::Error::custom("the database went away"))
    }
}

#[test]
fn a_body_that_cannot_be_serialized_is_a_500() {
    let tuple_keys: HashMap<(u8, u8), u8> = HashMap::from([((1, 2), 3)]);
    let responses: Vec<Response<Bytes>> = vec![
        Created::new("/a", Broken).into(),
        Created::new("/a", tuple_keys.clone()).into(),
        Accepted::new(Broken)
            .status_link("/t")
            .retry_after(1)
            .into(),
        Accepted::new(tuple_keys).into(),
    ];
    for response in responses {
        assert_eq!(response.status(), 500);
        assert_eq!(
            headers(&response),
            pairs(&[("content-type", "application/json")])
        );
        assert_eq!(body(&response), r#"{"message":"Internal Server Error"}"#);
    }
}

#[test]
fn locations_and_links_are_percent_encoded() {
    let hostile = "/users/Zoë \"x\"<y>\r\nset-cookie: a=b\t\\^`{|}\0\u{7f}";
    let encoded =
        "/users/Zo%C3%AB%20%22x%22%3Cy%3E%0D%0Aset-cookie:%20a=b%09%5C%5E%60%7B%7C%7D%00%7F";

    let created = Created::new(hostile, serde_json::json!({}));
    assert_eq!(created.location(), encoded);
    let response = created.to_response();
    assert_eq!(
        headers(&response),
        pairs(&[("location", encoded), ("content-type", "application/json")])
    );
    assert_eq!(
        body(&response),
        format!(r#"{{"links":{{"self":"{encoded}"}}}}"#)
    );

    let response = Accepted::new(())
        .status_link(hostile)
        .self_link("/ok>; rel=\"evil\"")
        .to_response();
    assert_eq!(
        response.headers()["link"],
        format!(r#"<{encoded}>; rel="status", </ok%3E;%20rel=%22evil%22>; rel="self""#).as_str()
    );
    let json: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(json["links"]["status"], encoded);

    for response in [
        MovedPermanently::to(hostile).to_response(),
        PermanentRedirect::to(hostile).to_response(),
    ] {
        assert_eq!(headers(&response), pairs(&[("location", encoded)]));
    }
}

#[test]
fn an_existing_percent_stays_as_it_is() {
    // RFC 3986 §2.1: `%` introduces an escape; the contract keeps it, so an
    // encoded URL is not encoded twice, and `%41` means `A`.
    let response = MovedPermanently::to("/a%20b/%41/100%/%zz").to_response();
    assert_eq!(response.headers()["location"], "/a%20b/%41/100%/%zz");
    let decoded = percent_encoding::percent_decode_str("/a%20b/%41")
        .decode_utf8()
        .unwrap();
    assert_eq!(decoded, "/a b/A");
}

#[test]
fn absolute_urls_keep_every_reserved_character() {
    let url = "https://user@example.com:8443/a/b;p=1?q=a+b&r=[x]#frag!$'()*,~";
    assert_eq!(Created::new(url, ()).location(), url);
    assert_eq!(MovedPermanently::to(url).location(), url);
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// The bytes RFC 3986 allows in a URI reference (and `%`).
    fn allowed(byte: u8) -> bool {
        byte.is_ascii_alphanumeric() || b"-._~:/?#[]@!$&'()*+,;=%".contains(&byte)
    }

    /// Decodes a percent-encoded header value with the `percent-encoding`
    /// crate's decoder (an implementation separate from the encoding).
    fn decode(value: &str) -> String {
        percent_encoding::percent_decode_str(value)
            .decode_utf8()
            .unwrap()
            .into_owned()
    }

    proptest! {
        /// Any string without `%` gives a valid header whose decoding is
        /// the input.
        #[test]
        fn any_location_round_trips(input in "[^%]*") {
            for response in [
                Created::new(input.clone(), ()).to_response(),
                MovedPermanently::to(input.clone()).to_response(),
                PermanentRedirect::to(input.clone()).to_response(),
            ] {
                let value = response.headers()["location"].to_str().unwrap();
                prop_assert!(value.bytes().all(allowed), "{value:?}");
                prop_assert_eq!(decode(value), input.clone());
            }
        }

        /// Any two links give one `link` header with exactly two members,
        /// each of whose targets decodes to its input, and a JSON body with
        /// the same encoded strings.
        #[test]
        fn any_links_round_trip(status in "[^%]*", this in "[^%]*") {
            let response = Accepted::new(()).status_link(status.clone()).self_link(this.clone()).to_response();
            let link = response.headers()["link"].to_str().unwrap().to_owned();
            let members: Vec<&str> = link.split(", <").collect();
            prop_assert_eq!(members.len(), 2, "{}", link);
            let status_target = members[0]
                .strip_prefix('<')
                .and_then(|m| m.strip_suffix(r#">; rel="status""#))
                .unwrap();
            let self_target = members[1].strip_suffix(r#">; rel="self""#).unwrap();
            prop_assert!(status_target.bytes().all(allowed));
            prop_assert!(self_target.bytes().all(allowed));
            prop_assert_eq!(decode(status_target), status.clone());
            prop_assert_eq!(decode(self_target), this.clone());
            let json: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
            prop_assert_eq!(json["links"]["status"].as_str(), Some(status_target));
            prop_assert_eq!(json["links"]["self"].as_str(), Some(self_target));
        }

        /// Any input, `%` included: the header is valid, and only `%`
        /// passes through unencoded among the bytes it may hold.
        #[test]
        fn any_input_gives_a_valid_header(input in any::<String>()) {
            let response = MovedPermanently::to(input.clone()).to_response();
            prop_assert_eq!(response.status(), 301);
            let value = response.headers()["location"].to_str().unwrap();
            prop_assert!(value.bytes().all(allowed), "{value:?}");
        }

        /// Any object body gets `links` as its last member; the rest is the
        /// object as `serde_json` wrote it.
        #[test]
        fn any_object_gets_links_last(map in proptest::collection::btree_map("[a-z\"\\\\é]{0,6}", any::<i32>(), 0..5)) {
            let response = Created::new("/x", &map).to_response();
            let plain = serde_json::to_string(&map).unwrap();
            let text = body(&response);
            if map.contains_key("links") {
                prop_assert_eq!(text, plain.as_str());
            } else {
                let mut expected = plain[..plain.len() - 1].to_owned();
                if !map.is_empty() {
                    expected.push(',');
                }
                expected.push_str(r#""links":{"self":"/x"}}"#);
                prop_assert_eq!(text, expected.as_str());
            }
        }
    }
}

/// `status!` imported by name next to `#[derive(ApiError)]`: the derive's
/// `#[status(...)]` helper attribute and the macro do not clash.
mod status_beside_the_derive {
    use api_status::{status, ApiError};

    #[derive(Debug, thiserror::Error, ApiError)]
    #[error("gone")]
    #[status(gone)]
    pub struct Gone;

    #[test]
    fn both_name_the_same_status() {
        assert_eq!(Gone.status(), status!(gone));
        assert_eq!(Gone.to_response().status(), status!(410));
    }
}
