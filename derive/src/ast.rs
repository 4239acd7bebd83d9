//! The model of the input: the type, its variants and fields, and their
//! attributes, borrowing the syn tree so that every error can point at the
//! user's own tokens.

use syn::{Data, DeriveInput, Fields, Ident, Index, Member, Type};

use crate::attr::{self, Attrs, FieldAttrs, StatusValue};
use crate::ctxt::Ctxt;
use crate::message::{self, Template};

/// The type the derive is on.
pub struct Input<'a> {
    pub original: &'a DeriveInput,
    /// The type's name as the source spells it, without a raw
    /// identifier's `r#`.
    pub name: String,
    /// An enum, or a struct modelled as its one variant.
    pub is_enum: bool,
    /// The attributes on the type itself (for an enum, only `#[status]`
    /// is allowed there; [`crate::check`] reports the rest).
    pub attrs: Attrs<'a>,
    pub variants: Vec<Variant<'a>>,
}

/// A variant, or the struct itself.
pub struct Variant<'a> {
    pub ident: &'a Ident,
    /// For a struct, the struct's attributes are its variant's.
    pub attrs: Attrs<'a>,
    pub fields: Vec<Field<'a>>,
    /// The parsed `#[message]`, when it parsed.
    pub template: Option<Template>,
}

/// A field of a variant.
pub struct Field<'a> {
    pub member: Member,
    pub ty: &'a Type,
    pub attrs: FieldAttrs<'a>,
}

impl<'a> Input<'a> {
    /// Builds the model, recording every attribute mistake; `None` for a
    /// union.
    pub fn from_syn(cx: &Ctxt, input: &'a DeriveInput) -> Option<Self> {
        match &input.data {
            Data::Enum(data) => Some(Input {
                original: input,
                name: name_of(&input.ident),
                is_enum: true,
                attrs: attr::parse_container(cx, &input.attrs),
                variants: data
                    .variants
                    .iter()
                    .map(|variant| {
                        Variant::from_syn(cx, &variant.ident, &variant.attrs, &variant.fields)
                    })
                    .collect(),
            }),
            Data::Struct(data) => {
                let variant = Variant::from_syn(cx, &input.ident, &input.attrs, &data.fields);
                Some(Input {
                    original: input,
                    name: name_of(&input.ident),
                    is_enum: false,
                    attrs: Attrs::default(),
                    variants: vec![variant],
                })
            }
            Data::Union(data) => {
                cx.error_spanned_by(
                    data.union_token,
                    "`ApiError` cannot be derived for a union: use an enum with one variant per error, or a struct",
                );
                None
            }
        }
    }
}

impl Input<'_> {
    /// The status a variant answers with: its own `#[status]`, else the
    /// enum's. A `#[status(transparent)]` on the enum is reported there and
    /// not inherited, so that its variants get no follow-on errors.
    pub fn status_of(&self, variant: &Variant<'_>) -> Option<StatusValue> {
        match &variant.attrs.status {
            Some(status) => Some(status.value),
            None => self.attrs.status.as_ref().map(|status| match status.value {
                StatusValue::Transparent => StatusValue::Invalid,
                value => value,
            }),
        }
    }
}

impl<'a> Variant<'a> {
    fn from_syn(
        cx: &Ctxt,
        ident: &'a Ident,
        attrs: &'a [syn::Attribute],
        fields: &'a Fields,
    ) -> Self {
        let attrs = attr::parse_container(cx, attrs);
        let fields: Vec<Field<'a>> = fields
            .iter()
            .enumerate()
            .map(|(index, field)| Field {
                member: match &field.ident {
                    Some(ident) => Member::Named(ident.clone()),
                    None => Member::Unnamed(Index {
                        index: index as u32,
                        span: first_span(&field.ty),
                    }),
                },
                ty: &field.ty,
                attrs: attr::parse_field(cx, &field.attrs),
            })
            .collect();
        let template = attrs.message.as_ref().and_then(|message| {
            let members: Vec<Member> = fields.iter().map(|field| field.member.clone()).collect();
            message::parse(&message.format, &members)
                .map_err(|error| cx.error_spanned_by(&message.format, error))
                .ok()
        });
        Variant {
            ident,
            attrs,
            fields,
            template,
        }
    }

    /// The field marked `#[field_errors]`, if any.
    pub fn field_errors_field(&self) -> Option<&Field<'a>> {
        self.fields
            .iter()
            .find(|field| field.attrs.field_errors.is_some())
    }

    /// The field marked `#[retry_after]`, if any.
    pub fn retry_after_field(&self) -> Option<&Field<'a>> {
        self.fields
            .iter()
            .find(|field| field.attrs.retry_after.is_some())
    }
}

/// An identifier as the source spells it, without a raw identifier's `r#`
/// (`IdentExt::unraw` and a `to_string` of its result, in one `to_string`).
pub fn name_of(ident: &Ident) -> String {
    let name = ident.to_string();
    match name.strip_prefix("r#") {
        Some(unraw) => unraw.to_owned(),
        None => name,
    }
}

/// The span of a type's first token, which is what syn's `Spanned` gives
/// on a stable compiler (where spans cannot be joined), without printing
/// the whole type to find it.
fn first_span(ty: &Type) -> proc_macro2::Span {
    match ty {
        Type::Path(path) if path.qself.is_none() && path.path.leading_colon.is_none() => {
            match path.path.segments.first() {
                Some(segment) => segment.ident.span(),
                None => syn::spanned::Spanned::span(ty),
            }
        }
        Type::Reference(reference) => reference.and_token.span,
        Type::Verbatim(tokens) => match tokens.clone().into_iter().next() {
            Some(tree) => tree.span(),
            None => syn::spanned::Spanned::span(ty),
        },
        ty => syn::spanned::Spanned::span(ty),
    }
}
