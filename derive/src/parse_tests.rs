//! The walk against syn's own parser: the shapes it reads must come out
//! as syn reads them (but for the attributes the macro does not read), and
//! the others must be left to syn. Examples, then generated inputs.

use quote::{quote, ToTokens};
use syn::{Data, DeriveInput, Fields};

use super::{is_kept, walk};

/// syn's parse with the attributes the walk drops removed, printed.
fn by_syn(tokens: proc_macro2::TokenStream) -> String {
    let mut input: DeriveInput = syn::parse2(tokens).unwrap();
    let keep = |attrs: &mut Vec<syn::Attribute>| {
        attrs.retain(|attr| {
            attr.path()
                .get_ident()
                .is_some_and(|ident| is_kept(&ident.to_string()))
        });
    };
    keep(&mut input.attrs);
    let fields = |fields: &mut Fields, keep: &dyn Fn(&mut Vec<syn::Attribute>)| {
        for field in fields.iter_mut() {
            keep(&mut field.attrs);
        }
    };
    match &mut input.data {
        Data::Enum(data) => {
            for variant in &mut data.variants {
                keep(&mut variant.attrs);
                fields(&mut variant.fields, &keep);
            }
        }
        Data::Struct(data) => fields(&mut data.fields, &keep),
        Data::Union(_) => {}
    }
    flat(input.to_token_stream())
}

/// The token trees, flattened, without their spacing (syn prints `>>`
/// in a type it parsed as two tokens apart; the walk keeps them as
/// written).
fn flat(tokens: proc_macro2::TokenStream) -> String {
    let mut out = String::new();
    for tree in tokens {
        match tree {
            proc_macro2::TokenTree::Group(group) => {
                let (open, close) = match group.delimiter() {
                    proc_macro2::Delimiter::Parenthesis => ("(", ")"),
                    proc_macro2::Delimiter::Brace => ("{", "}"),
                    proc_macro2::Delimiter::Bracket => ("[", "]"),
                    proc_macro2::Delimiter::None => ("«", "»"),
                };
                out.push_str(open);
                out.push_str(&flat(group.stream()));
                out.push_str(close);
            }
            proc_macro2::TokenTree::Punct(punct) => out.push(punct.as_char()),
            other => out.push_str(&other.to_string()),
        }
        out.push(' ');
    }
    out
}

/// The walk reads `tokens` as syn does, but for the attributes it
/// drops.
fn assert_read_as_syn(tokens: proc_macro2::TokenStream) {
    let walked = walk(tokens.clone()).unwrap_or_else(|| panic!("not walked: {tokens}"));
    assert_eq!(flat(walked.to_token_stream()), by_syn(tokens));
}

#[test]
fn reads_the_shapes_of_error_types_as_syn_does() {
    assert_read_as_syn(quote! {
        /// Errors.
        #[status(internal_server_error)]
        pub enum AppError {
            #[error("not found")]
            #[status(not_found)]
            NotFound,
            #[error("bad {0}")]
            #[status(bad_request)]
            #[message("bad {0}")]
            Bad(u64, String),
            #[status(unprocessable_entity)]
            Invalid {
                id: u64,
                pub name: &'static str,
                pub(crate) r#type: &mut str,
                #[field_errors]
                errors: api_status::FieldErrors,
                map: std::collections::HashMap<String, Vec<u8>>,
                callback: fn(u8, u16) -> Option<u8>,
                boxed: Box<dyn Fn(u8) -> Vec<u8> + Send>,
                array: [u8; 4],
                tuple: (u8, u16),
            },
            #[status(transparent)]
            Inner(#[source] Box<Other>),
            #[retry_after(30)]
            #[status(service_unavailable)]
            Busy { #[retry_after] seconds: u64 }
        }
    });
    assert_read_as_syn(quote! {
        #[derive(Debug)]
        #[status(not_found)]
        pub(crate) struct NotFound { pub id: u64 }
    });
    assert_read_as_syn(quote!(
        #[status(not_found)]
        struct Tuple(pub u64, &'static str);
    ));
    assert_read_as_syn(quote!(
        #[status(not_found)]
        struct Unit;
    ));
    assert_read_as_syn(quote!(
        enum Empty {}
    ));
    // `name:&str` without a space: the `:` is joined to the `&`.
    let joined = "struct Joined { name:&'static str, id:u64 }";
    let joined: proc_macro2::TokenStream = joined.parse().unwrap();
    assert_read_as_syn(joined);
}

#[test]
fn leaves_other_shapes_to_syn() {
    // Braces, not parentheses: rustfmt leaves the tokens as written.
    for tokens in [
        quote! { enum Generic<T> { A(T) } },
        quote! { enum Where where u8: Copy { A } },
        quote! { enum Discriminant { A = 1 } },
        quote! { struct Default { a: u8 = 1 } },
        quote! { union Union { a: u8 } },
        quote! { struct Unbalanced { a: Vec<u8>> } },
        quote! { enum Visible { pub A } },
    ] {
        assert!(walk(tokens.clone()).is_none(), "walked: {tokens}");
    }
}

#[test]
fn a_field_type_is_an_integer_for_the_macro_as_when_syn_reads_it() {
    let types = [
        quote!(u64),
        quote!(&u64),
        quote!(&'static u64),
        quote!(&'static mut u64),
        quote!(&mut i8),
        quote!(usize),
        quote!(String),
        quote!(&str),
        quote!(core::primitive::u64),
        quote!(::u64),
        quote!(&&u64),
        quote!((u64)),
        quote!(Vec<u64>),
        quote!([u64; 2]),
        quote!(fn() -> u64),
    ];
    for ty in types {
        let walked = walk(quote! { struct S(#ty); }).expect("walked");
        let parsed: syn::Type = syn::parse2(ty.clone()).unwrap();
        let Data::Struct(data) = walked.data else {
            panic!("a struct")
        };
        let field = data.fields.iter().next().expect("one field");
        assert_eq!(
            crate::expand::is_integer(&field.ty),
            crate::expand::is_integer(&parsed),
            "{ty}"
        );
    }
}

/// The two differences the property test below found, kept as examples.
#[test]
fn reads_what_the_property_test_once_found_as_syn_does() {
    // A path attribute named like one of ours: not ours, dropped.
    let tokens = quote! { #[status::nested] #[status(not_found)] enum E { A } };
    assert_eq!(walk(tokens.clone()).expect("walked").attrs.len(), 1);
    assert_read_as_syn(tokens);
    // `pub` before a tuple field's parenthesized type: not `pub(...)`.
    assert_read_as_syn(quote! { struct Pair(pub (u8, u16)); });
}

#[test]
fn keeps_a_name_value_attribute_of_its_own_as_syn_reads_it() {
    assert_read_as_syn(quote! {
        enum E {
            #[status = 404]
            #[message("a", "b")]
            #[oauth]
            A,
        }
    });
}

/// A `macro_rules!` fragment arrives in an invisible group.
fn invisible(tokens: proc_macro2::TokenStream) -> proc_macro2::Group {
    proc_macro2::Group::new(proc_macro2::Delimiter::None, tokens)
}

#[test]
fn leaves_a_fragment_where_a_visibility_may_be_to_syn() {
    // `$v:vis $t:ty`, with and without a visibility, and a tuple field's
    // `$t:ty` alone (which could have been a visibility).
    let vis = invisible(quote!(pub));
    let nothing = invisible(proc_macro2::TokenStream::new());
    let ty = invisible(quote!(Inner));
    for tokens in [
        quote! { struct W(#vis #ty); },
        quote! { struct W(#nothing #ty); },
        quote! { struct W(#ty); },
        quote! { struct W { #vis inner: Inner } },
        quote! { #vis struct W; },
    ] {
        assert!(walk(tokens.clone()).is_none(), "walked: {tokens}");
    }
}

#[test]
fn reads_a_fragment_type_and_a_fragment_attribute_as_syn_does() {
    let ty = invisible(quote!(Vec<u8>));
    assert_read_as_syn(quote! { struct W { field: #ty } });
    assert_read_as_syn(quote! { enum E { V { field: #ty, other: u8 } } });
    // `#[$m]` with `$m:meta`: kept, read by syn.
    let meta = invisible(quote!(status(not_found)));
    let tokens = quote! { #[#meta] struct W; };
    assert_eq!(walk(tokens.clone()).expect("walked").attrs.len(), 1);
    assert_read_as_syn(tokens);
}

/// Pieces of generated inputs. Each list mixes what the walk reads with
/// what it must leave to syn.
mod pieces {
    pub const ATTRIBUTES: &[&str] = &[
        "#[status(not_found)]",
        "#[status = 404]",
        "#[status(418)]",
        "#[message(\"item {0} of {name:?}\")]",
        "#[message = \"bare\"]",
        "#[oauth(invalid_grant)]",
        "#[retry_after(30)]",
        "#[retry_after]",
        "#[field_errors]",
        "#[problem(type = \"/problems/x\", title = \"X\")]",
        "#[status::nested]",
        "#[status{braced}]",
        "#[error(\"failed: {0}\")]",
        "#[error(transparent)]",
        "/// A doc comment.\n",
        "#[doc = \"a doc attribute\"]",
        "#[serde(rename = \"a\")]",
        "#[::absolute::path]",
        "#[unsafe(no_mangle)]",
        "#[source]",
    ];
    pub const VISIBILITIES: &[&str] = &[
        "",
        "pub ",
        "pub(crate) ",
        "pub(super) ",
        "pub(in crate::a) ",
    ];
    /// Field types and whether the walk reads them.
    pub const TYPES: &[(&str, bool)] = &[
        ("u64", true),
        ("&u64", true),
        ("&'static str", true),
        ("&'static mut u8", true),
        ("&mut i8", true),
        ("&&u64", true),
        ("String", true),
        ("api_status::FieldErrors", true),
        ("::std::string::String", true),
        ("core::primitive::u64", true),
        ("Vec<u8>", true),
        ("Vec<Vec<u8>>", true),
        ("HashMap<String, Vec<String>>", true),
        ("fn(u8, u16) -> u8", true),
        ("Box<dyn Fn(&str) -> Result<(), E> + Send>", true),
        ("Option<fn() -> Vec<u8>>", true),
        ("[u8; 4]", true),
        ("(u8, u16)", true),
        ("()", true),
        ("<T as Trait>::Assoc", true),
        ("dyn Any + 'static", true),
        ("Self", true),
        ("r#type", true),
        ("Result<u8, <u8 as Tr>::E>", true),
    ];
    pub const NAMES: &[&str] = &["id", "name", "r#type", "r#match", "errors", "seconds"];
}

/// One generated input, as source text, and whether the walk must read it.
fn input_strategy() -> impl proptest::strategy::Strategy<Value = (String, bool)> {
    use proptest::prelude::*;
    let attrs = proptest::collection::vec(0..pieces::ATTRIBUTES.len(), 0..4).prop_map(|picks| {
        picks
            .iter()
            .map(|&i| pieces::ATTRIBUTES[i])
            .collect::<Vec<_>>()
            .join(" ")
    });
    let field = (
        attrs.clone(),
        0..pieces::VISIBILITIES.len(),
        0..pieces::TYPES.len(),
    );
    let named_field = (field.clone(), 0..pieces::NAMES.len());
    // 0 unit, 1 tuple, 2 named; with a discriminant or a visibility
    // (rejected by the compiler, read by syn) now and then.
    let variant = (
        attrs.clone(),
        0..3u8,
        proptest::collection::vec(field.clone(), 0..3),
        proptest::collection::vec(named_field.clone(), 0..3),
        0..12u8,
        any::<bool>(),
    );
    (
        attrs,
        0..pieces::VISIBILITIES.len(),
        0..5u8,
        proptest::collection::vec(variant, 0..4),
        proptest::collection::vec(field, 0..3),
        proptest::collection::vec(named_field, 0..3),
        0..8u8,
        any::<bool>(),
    )
        .prop_map(
            |(attrs, vis, kind, variants, unnamed, named, extra, trailing)| {
                let mut walkable = true;
                let mut src = format!("{attrs} {}", pieces::VISIBILITIES[vis]);
                let field_text = |(attrs, vis, ty): &(String, usize, usize),
                                  walkable: &mut bool| {
                    let (ty, reads) = pieces::TYPES[*ty];
                    *walkable &= reads;
                    format!("{attrs} {}{ty}", pieces::VISIBILITIES[*vis])
                };
                let list = |items: Vec<String>, trailing: bool| {
                    let mut text = items.join(", ");
                    if trailing && !items.is_empty() {
                        text.push(',');
                    }
                    text
                };
                let unnamed_text = |fields: &[(String, usize, usize)], walkable: &mut bool| {
                    list(
                        fields
                            .iter()
                            .map(|field| field_text(field, walkable))
                            .collect(),
                        trailing,
                    )
                };
                let named_text = |fields: &[((String, usize, usize), usize)],
                                  walkable: &mut bool| {
                    let items = fields
                        .iter()
                        .map(|((attrs, vis, ty), name)| {
                            let (ty, reads) = pieces::TYPES[*ty];
                            *walkable &= reads;
                            format!(
                                "{attrs} {}{}: {ty}",
                                pieces::VISIBILITIES[*vis],
                                pieces::NAMES[*name]
                            )
                        })
                        .collect();
                    list(items, trailing)
                };
                // Generics and where-clauses are left to syn.
                let generics = match extra {
                    0 => {
                        walkable = false;
                        "<T: Clone, const N: usize>"
                    }
                    _ => "",
                };
                let where_clause = match extra {
                    1 => {
                        walkable = false;
                        " where u8: Copy"
                    }
                    _ => "",
                };
                match kind {
                    0 | 1 => {
                        src.push_str(&format!("enum Error{generics}{where_clause} {{"));
                        let mut texts = Vec::new();
                        for (attrs, shape, unnamed, named, extra, _) in &variants {
                            let mut text = format!("{attrs} ");
                            if *extra == 0 {
                                walkable = false;
                                text.push_str("pub ");
                            }
                            text.push('V');
                            match shape {
                                0 => {}
                                1 => text.push_str(&format!(
                                    "({})",
                                    unnamed_text(unnamed, &mut walkable)
                                )),
                                _ => text
                                    .push_str(&format!("{{{}}}", named_text(named, &mut walkable))),
                            }
                            if *extra == 1 {
                                walkable = false;
                                text.push_str(" = 1");
                            }
                            texts.push(text);
                        }
                        src.push_str(&list(texts, trailing));
                        src.push('}');
                    }
                    2 => {
                        let mut fields = named_text(&named, &mut walkable);
                        // A default value (syn reads one only here).
                        if extra == 2 {
                            walkable = false;
                            if !fields.is_empty() && !fields.ends_with(',') {
                                fields.push(',');
                            }
                            fields.push_str("x: u8 = 3");
                        }
                        src.push_str(&format!(
                            "struct Error{generics}{where_clause} {{{fields}}}"
                        ));
                    }
                    3 => src.push_str(&format!(
                        "struct Error{generics}({}){where_clause};",
                        unnamed_text(&unnamed, &mut walkable)
                    )),
                    _ => src.push_str(&format!("struct Error{generics}{where_clause};")),
                }
                (src, walkable)
            },
        )
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2_000))]

    /// Every generated input is walked exactly when its shape is one the
    /// walk reads, and then read as syn reads it: the same tokens, and the
    /// same answer to whether each field is an integer.
    #[test]
    fn generated_inputs_are_read_as_syn_reads_them((src, walkable) in input_strategy()) {
        let tokens: proc_macro2::TokenStream = src.parse().expect("lexes");
        let parsed: DeriveInput = match syn::parse2(tokens.clone()) {
            Ok(parsed) => parsed,
            Err(error) => panic!("syn rejects {src}: {error}"),
        };
        let walked = walk(tokens.clone());
        proptest::prop_assert_eq!(walked.is_some(), walkable, "{}", src);
        if let Some(walked) = walked {
            proptest::prop_assert_eq!(flat(walked.to_token_stream()), by_syn(tokens), "{}", src);
            let types = |input: &DeriveInput| -> Vec<bool> {
                let fields: Vec<&syn::Field> = match &input.data {
                    Data::Enum(data) => data.variants.iter().flat_map(|v| v.fields.iter()).collect(),
                    Data::Struct(data) => data.fields.iter().collect(),
                    Data::Union(data) => data.fields.named.iter().collect(),
                };
                fields.iter().map(|field| crate::expand::is_integer(&field.ty)).collect()
            };
            proptest::prop_assert_eq!(types(&walked), types(&parsed), "{}", src);
        }
    }
}

/// A variant that a 2015-edition macro names `async` (a keyword from 2018
/// on, which syn refuses): the walk reads it, and the lookup's source
/// text, lexed in the call site's edition, names it raw.
#[test]
fn a_variant_named_like_a_later_keyword_is_written_raw() {
    let name = proc_macro2::Ident::new("async", proc_macro2::Span::call_site());
    let tokens = quote! {
        enum Old {
            #[status(not_found)]
            #[message("gone")]
            #name,
        }
    };
    assert!(syn::parse2::<DeriveInput>(tokens.clone()).is_err());
    let input = walk(tokens).expect("walked");
    let expanded = crate::derive(&input).to_string();
    assert!(expanded.contains("Self :: r#async"), "{expanded}");
}
