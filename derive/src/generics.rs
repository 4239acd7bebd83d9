//! Where-clause bounds for generic types: a bound is added only for a field
//! whose type mentions one of the type's parameters, as `thiserror` does.

use std::collections::BTreeSet;

use proc_macro2::{TokenStream, TokenTree};
use quote::{quote, ToTokens};
use syn::{Generics, Type};

/// The bounds one impl needs, collected while expanding.
pub struct Bounds {
    params: BTreeSet<String>,
    predicates: Vec<TokenStream>,
}

impl Bounds {
    pub fn new(generics: &Generics) -> Self {
        Bounds {
            params: generics
                .type_params()
                .map(|param| param.ident.to_string())
                .collect(),
            predicates: Vec::new(),
        }
    }

    /// Requires `ty: bound` if `ty` mentions a type parameter (a bound on a
    /// concrete type is checked where the field is used instead, with a
    /// better error).
    pub fn require(&mut self, ty: &Type, bound: TokenStream) {
        if self.is_generic(ty) {
            self.predicates.push(quote!(#ty: #bound));
        }
    }

    /// Whether `ty` mentions one of the type's parameters (never, for a
    /// type without any: the type's tokens are not even looked at).
    pub fn is_generic(&self, ty: &Type) -> bool {
        !self.params.is_empty() && mentions(ty.to_token_stream(), &self.params)
    }

    /// Requires `Self: bound` when the type is generic at all.
    pub fn require_self(&mut self, self_ty: &TokenStream, bound: TokenStream) {
        if !self.params.is_empty() {
            self.predicates.push(quote!(#self_ty: #bound));
        }
    }

    /// The input's where-clause with the collected bounds added.
    pub fn where_clause(&self, generics: &Generics) -> TokenStream {
        let existing = generics
            .where_clause
            .as_ref()
            .map(|clause| {
                clause
                    .predicates
                    .iter()
                    .map(ToTokens::to_token_stream)
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default();
        let predicates = existing.iter().chain(&self.predicates);
        quote!(where #(#predicates,)*)
    }
}

/// Whether `tokens` name any of `params`.
fn mentions(tokens: TokenStream, params: &BTreeSet<String>) -> bool {
    tokens.into_iter().any(|tree| match tree {
        TokenTree::Ident(ident) => params.contains(&ident.to_string()),
        TokenTree::Group(group) => mentions(group.stream(), params),
        _ => false,
    })
}
