//! Reads the derive's input into syn's [`DeriveInput`] in one walk over its
//! tokens, for the shapes nearly every error type has; any other shape is
//! read by syn's own parser.
//!
//! Why not syn's parser alone: it checks every identifier against the
//! keywords, turns every attribute (thiserror's `#[error]`, doc comments)
//! into a `Meta` and every field type into a `Type`, and the macro reads
//! none of them but its own attributes and whether a few field types are
//! integers. On a 500-variant enum that parse was 64 M of the macro's
//! 145 M rustc instructions in the unoptimized build cargo makes of proc
//! macros (`BENCHMARKS.md`, "Compile time").
//!
//! What the walk builds differs from syn's parse in these ways:
//! - it keeps only the attributes the macro reads: its own, and `doc` and
//!   `error` for the OpenAPI facts (with the `utoipa` feature). The others
//!   are not read at all, so a foreign attribute that syn could not parse
//!   is left to its own derive or to the compiler;
//! - a field's type is a `Type::Path` when it is identifiers joined by
//!   `::` (`u64`, `api_status::FieldErrors`), a `Type::Reference` when it
//!   is `&` (a lifetime, `mut`) and one identifier, and otherwise
//!   `Type::Verbatim`, its tokens as written. The macro only ever asks a
//!   concrete type whether it is a primitive integer (`u64`, `&u64`),
//!   which no other shape is, and quotes it whole. Where a type is quoted
//!   in a call whose bound it may not meet (a `#[field_errors]` or
//!   `#[retry_after]` field, a transparent variant's), [`parsed`] reads it
//!   with syn first: rustc 1.95 points that error at the whole of a type
//!   syn printed, but only at the first token of the same tokens passed on
//!   as written (checked by
//!   `ui-tests/tests/ui/fail/field-errors-not-into-field-errors.rs`);
//! - it does not check names against the keywords: a variant or a field
//!   that a macro of the 2015 edition names `async`, which syn refused,
//!   is read (the compiler has already accepted the item, and the
//!   generated code keeps the name's own tokens, or writes it raw in
//!   source text).
//!
//! Generic types, where-clauses, explicit discriminants, default field
//! values, unions, a `macro_rules!` fragment where a visibility may be
//! (an invisible group) and anything else the walk does not expect go to
//! syn. The tokens themselves are the input's, so every span is too.

use proc_macro2::{Delimiter, Group, Ident, Punct, Spacing, TokenStream, TokenTree};
use syn::punctuated::Punctuated;
use syn::token;
use syn::{
    AttrStyle, Attribute, Data, DataEnum, DataStruct, DeriveInput, Field, FieldModifiers, Fields,
    FieldsNamed, FieldsUnnamed, Generics, Lifetime, MacroDelimiter, Meta, MetaList, Path, Type,
    TypePath, TypeReference, Variant, Visibility,
};

use crate::symbol::ATTRIBUTES;

/// The input, read by the walk when it can and by syn otherwise.
pub fn derive_input(tokens: TokenStream) -> syn::Result<DeriveInput> {
    match walk(tokens.clone()) {
        Some(input) => Ok(input),
        None => syn::parse2(tokens),
    }
}

/// The walk: `None` for any input it leaves to syn.
fn walk(tokens: TokenStream) -> Option<DeriveInput> {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    let mut cursor = Cursor::new(&trees);
    let attrs = cursor.attributes()?;
    let vis = cursor.visibility()?;
    let keyword = cursor.ident()?;
    let ident = cursor.ident()?.clone();
    let data = match keyword.to_string().as_str() {
        "enum" => {
            let body = cursor.group(Delimiter::Brace)?;
            Data::Enum(DataEnum {
                enum_token: token::Enum(keyword.span()),
                brace_token: token::Brace(body.delim_span()),
                variants: variants(body)?,
            })
        }
        "struct" => {
            let (fields, semi) = match cursor.next()? {
                TokenTree::Group(body) if body.delimiter() == Delimiter::Brace => {
                    (Fields::Named(named_fields(body)?), None)
                }
                TokenTree::Group(body) if body.delimiter() == Delimiter::Parenthesis => {
                    let fields = Fields::Unnamed(unnamed_fields(body)?);
                    (fields, Some(cursor.punct(';')?))
                }
                TokenTree::Punct(semi) if semi.as_char() == ';' => (Fields::Unit, Some(semi)),
                _ => return None,
            };
            Data::Struct(DataStruct {
                struct_token: token::Struct(keyword.span()),
                fields,
                semi_token: semi.map(|semi| token::Semi(semi.span())),
            })
        }
        // A union (reported by the model) or anything else.
        _ => return None,
    };
    // Generics (`<` after the name) and where-clauses stop the walk above,
    // where a body was expected; nothing may follow the body.
    if !cursor.at_end() {
        return None;
    }
    Some(DeriveInput {
        attrs,
        vis,
        ident,
        generics: Generics::default(),
        data,
    })
}

/// The variants of an enum's body.
fn variants(body: &Group) -> Option<Punctuated<Variant, token::Comma>> {
    let trees: Vec<TokenTree> = body.stream().into_iter().collect();
    let mut cursor = Cursor::new(&trees);
    let mut variants = Punctuated::new();
    while !cursor.at_end() {
        let attrs = cursor.attributes()?;
        // A visibility (which the compiler rejects on a variant) or an
        // explicit discriminant leaves an identifier or a `=` here, after
        // the name: not a shape the walk reads.
        let ident = cursor.ident()?.clone();
        let fields = match cursor.peek() {
            Some(TokenTree::Group(group)) if group.delimiter() == Delimiter::Brace => {
                cursor.advance();
                Fields::Named(named_fields(group)?)
            }
            Some(TokenTree::Group(group)) if group.delimiter() == Delimiter::Parenthesis => {
                cursor.advance();
                Fields::Unnamed(unnamed_fields(group)?)
            }
            _ => Fields::Unit,
        };
        variants.push_value(Variant {
            attrs,
            ident,
            fields,
            discriminant: None,
        });
        cursor.separator(&mut variants)?;
    }
    Some(variants)
}

/// `{ name: Type, ... }`.
fn named_fields(body: &Group) -> Option<FieldsNamed> {
    let trees: Vec<TokenTree> = body.stream().into_iter().collect();
    let mut cursor = Cursor::new(&trees);
    let mut named = Punctuated::new();
    while !cursor.at_end() {
        let attrs = cursor.attributes()?;
        // The name is the identifier before the colon: only otherwise is
        // there a visibility to read first (which costs a comparison of
        // strings).
        let vis = match cursor.colon_at(1) {
            Some(_) => Visibility::Inherited,
            None => cursor.visibility()?,
        };
        let ident = cursor.ident()?.clone();
        let colon = cursor.colon_at(0)?;
        cursor.advance();
        let ty = cursor.field_type()?;
        named.push_value(Field {
            attrs,
            vis,
            modifiers: FieldModifiers::default(),
            ident: Some(ident),
            colon_token: Some(token::Colon(colon.span())),
            ty,
            default: None,
        });
        cursor.separator(&mut named)?;
    }
    Some(FieldsNamed {
        brace_token: token::Brace(body.delim_span()),
        named,
    })
}

/// `(Type, ...)`.
fn unnamed_fields(body: &Group) -> Option<FieldsUnnamed> {
    let trees: Vec<TokenTree> = body.stream().into_iter().collect();
    let mut cursor = Cursor::new(&trees);
    let mut unnamed = Punctuated::new();
    while !cursor.at_end() {
        let attrs = cursor.attributes()?;
        let vis = cursor.visibility()?;
        let ty = cursor.field_type()?;
        unnamed.push_value(Field {
            attrs,
            vis,
            modifiers: FieldModifiers::default(),
            ident: None,
            colon_token: None,
            ty,
            default: None,
        });
        cursor.separator(&mut unnamed)?;
    }
    Some(FieldsUnnamed {
        paren_token: token::Paren(body.delim_span()),
        unnamed,
    })
}

/// Whether the macro reads the attribute named `name`.
fn is_kept(name: &str) -> bool {
    ATTRIBUTES.iter().any(|symbol| symbol.0 == name)
        || (cfg!(feature = "utoipa") && (name == "doc" || name == "error"))
}

/// The attribute `#[...]` as syn would read it, when the macro reads it:
/// `Some(None)` for one it does not read, `None` when syn must read it.
fn attribute(pound: &Punct, group: &Group) -> Option<Option<Attribute>> {
    let mut inner = group.stream().into_iter();
    let name = match inner.next() {
        Some(TokenTree::Ident(name)) => name,
        // `#[$meta]` from a `macro_rules!` fragment, in an invisible group:
        // syn's reading (whose path the model then checks).
        Some(TokenTree::Group(_)) => return syn_attribute(pound, group).map(Some),
        // `#[::path]`, say: never one of the macro's, which are named by
        // one identifier.
        _ => return Some(None),
    };
    if !is_kept(&name.to_string()) {
        return Some(None);
    }
    let meta = match (inner.next(), inner.next()) {
        (None, _) => Meta::Path(Path::from(name)),
        (Some(TokenTree::Group(args)), None) => Meta::List(MetaList {
            path: Path::from(name),
            delimiter: match args.delimiter() {
                Delimiter::Parenthesis => MacroDelimiter::Paren(token::Paren(args.delim_span())),
                Delimiter::Brace => MacroDelimiter::Brace(token::Brace(args.delim_span())),
                Delimiter::Bracket => MacroDelimiter::Bracket(token::Bracket(args.delim_span())),
                Delimiter::None => return syn_attribute(pound, group).map(Some),
            },
            tokens: args.stream(),
        }),
        // `status::more`: a path, never one of the macro's attributes,
        // which are named by one identifier.
        (Some(TokenTree::Punct(colon)), _) if colon.as_char() == ':' => return Some(None),
        // `name = value`: syn's reading, for this attribute alone.
        _ => return syn_attribute(pound, group).map(Some),
    };
    Some(Some(Attribute {
        pound_token: token::Pound(pound.span()),
        style: AttrStyle::Outer,
        bracket_token: token::Bracket(group.delim_span()),
        meta,
    }))
}

/// One attribute read by syn.
fn syn_attribute(pound: &Punct, group: &Group) -> Option<Attribute> {
    let tokens: TokenStream = [
        TokenTree::Punct(pound.clone()),
        TokenTree::Group(group.clone()),
    ]
    .into_iter()
    .collect();
    let mut attrs = syn::parse::Parser::parse2(Attribute::parse_outer, tokens).ok()?;
    match attrs.len() {
        1 => attrs.pop(),
        _ => None,
    }
}

/// `ty` as syn's parser reads it: a type the walk kept as its tokens
/// (`Type::Verbatim`) parsed, any other as it is. For the types an error
/// may point at (see the module's documentation).
pub fn parsed(ty: &Type) -> std::borrow::Cow<'_, Type> {
    match ty {
        Type::Verbatim(tokens) => match syn::parse2(tokens.clone()) {
            Ok(parsed) => std::borrow::Cow::Owned(parsed),
            Err(_) => std::borrow::Cow::Borrowed(ty),
        },
        ty => std::borrow::Cow::Borrowed(ty),
    }
}

/// A field's type from its tokens (see the module's documentation).
fn type_of(tokens: &[TokenTree]) -> Type {
    if let Some(path) = simple_path(tokens) {
        return path_type(path);
    }
    match tokens {
        [TokenTree::Punct(and), rest @ ..] if and.as_char() == '&' => {
            let (lifetime, rest) = match rest {
                [TokenTree::Punct(quote), TokenTree::Ident(name), rest @ ..]
                    if quote.as_char() == '\'' =>
                {
                    (
                        Some(Lifetime {
                            apostrophe: quote.span(),
                            ident: name.clone(),
                        }),
                        rest,
                    )
                }
                _ => (None, rest),
            };
            let (mutability, rest) = match rest {
                [TokenTree::Ident(word), rest @ ..] if rest.len() == 1 && word == "mut" => {
                    (Some(token::Mut(word.span())), rest)
                }
                _ => (None, rest),
            };
            match rest {
                [TokenTree::Ident(ident)] => Type::Reference(TypeReference {
                    attrs: Vec::new(),
                    and_token: token::And(and.span()),
                    lifetime,
                    mutability,
                    elem: Box::new(path_type(Path::from(ident.clone()))),
                }),
                _ => verbatim(tokens),
            }
        }
        _ => verbatim(tokens),
    }
}

/// `a::b::C` or `::a::C`: identifiers joined by `::`, without generic
/// arguments (`api_status::FieldErrors`), as syn reads it.
fn simple_path(tokens: &[TokenTree]) -> Option<Path> {
    let (leading_colon, mut rest) = match tokens {
        [TokenTree::Punct(first), TokenTree::Punct(second), rest @ ..]
            if is_path_separator(first, second) =>
        {
            (Some(token::PathSep([first.span(), second.span()])), rest)
        }
        _ => (None, tokens),
    };
    let mut segments = Punctuated::new();
    loop {
        let [TokenTree::Ident(ident), after @ ..] = rest else {
            return None;
        };
        segments.push_value(syn::PathSegment::from(ident.clone()));
        match after {
            [] => break,
            [TokenTree::Punct(first), TokenTree::Punct(second), after @ ..]
                if is_path_separator(first, second) =>
            {
                segments.push_punct(token::PathSep([first.span(), second.span()]));
                rest = after;
            }
            _ => return None,
        }
    }
    Some(Path {
        leading_colon,
        segments,
    })
}

/// `::`, as the two tokens it is.
fn is_path_separator(first: &Punct, second: &Punct) -> bool {
    first.as_char() == ':' && first.spacing() == Spacing::Joint && second.as_char() == ':'
}

/// The type named by `path`.
fn path_type(path: Path) -> Type {
    Type::Path(TypePath {
        attrs: Vec::new(),
        qself: None,
        path,
    })
}

/// A type as its tokens.
fn verbatim(tokens: &[TokenTree]) -> Type {
    Type::Verbatim(tokens.iter().cloned().collect())
}

/// A position in a list of token trees.
struct Cursor<'a> {
    trees: &'a [TokenTree],
    position: usize,
}

impl<'a> Cursor<'a> {
    fn new(trees: &'a [TokenTree]) -> Self {
        Cursor { trees, position: 0 }
    }

    fn at_end(&self) -> bool {
        self.position >= self.trees.len()
    }

    fn peek(&self) -> Option<&'a TokenTree> {
        self.trees.get(self.position)
    }

    fn peek_nth(&self, n: usize) -> Option<&'a TokenTree> {
        self.trees.get(self.position + n)
    }

    /// The `:` `n` tokens ahead, if it is one and not the first half of
    /// `::` (a `:` joined to the token after it, as in `name:&str`, is
    /// still one).
    fn colon_at(&self, n: usize) -> Option<&'a Punct> {
        match (self.peek_nth(n), self.peek_nth(n + 1)) {
            (Some(TokenTree::Punct(colon)), Some(TokenTree::Punct(next)))
                if colon.spacing() == Spacing::Joint && next.as_char() == ':' =>
            {
                None
            }
            (Some(TokenTree::Punct(colon)), _) if colon.as_char() == ':' => Some(colon),
            _ => None,
        }
    }

    fn advance(&mut self) {
        self.position += 1;
    }

    fn next(&mut self) -> Option<&'a TokenTree> {
        let tree = self.peek()?;
        self.advance();
        Some(tree)
    }

    fn ident(&mut self) -> Option<&'a Ident> {
        match self.next()? {
            TokenTree::Ident(ident) => Some(ident),
            _ => None,
        }
    }

    fn group(&mut self, delimiter: Delimiter) -> Option<&'a Group> {
        match self.next()? {
            TokenTree::Group(group) if group.delimiter() == delimiter => Some(group),
            _ => None,
        }
    }

    fn punct(&mut self, char: char) -> Option<&'a Punct> {
        match self.next()? {
            TokenTree::Punct(punct) if punct.as_char() == char => Some(punct),
            _ => None,
        }
    }

    /// The outer attributes here, the ones the macro reads kept.
    fn attributes(&mut self) -> Option<Vec<Attribute>> {
        let mut attrs = Vec::new();
        while let (Some(TokenTree::Punct(pound)), Some(TokenTree::Group(group))) =
            (self.peek(), self.peek_nth(1))
        {
            if pound.as_char() != '#' || group.delimiter() != Delimiter::Bracket {
                break;
            }
            self.position += 2;
            if let Some(attr) = attribute(pound, group)? {
                attrs.push(attr);
            }
        }
        Some(attrs)
    }

    /// Nothing, `pub`, or `pub` and a parenthesized group, which syn reads:
    /// a restriction (`pub(crate)`, `pub(in path)`), or `pub` before a
    /// tuple field's type (`pub (u8, u16)`), which the group then stays.
    fn visibility(&mut self) -> Option<Visibility> {
        let word = match self.peek() {
            Some(TokenTree::Ident(word)) => word,
            // A `macro_rules!` fragment (`$vis:vis`, `$ty:ty`) in an
            // invisible group, which may be a visibility: syn's reading.
            Some(TokenTree::Group(group)) if group.delimiter() == Delimiter::None => return None,
            _ => return Some(Visibility::Inherited),
        };
        if word != "pub" {
            return Some(Visibility::Inherited);
        }
        self.advance();
        match self.peek() {
            Some(TokenTree::Group(group)) if group.delimiter() == Delimiter::Parenthesis => {
                let tokens: TokenStream = [
                    TokenTree::Ident(word.clone()),
                    TokenTree::Group(group.clone()),
                ]
                .into_iter()
                .collect();
                let (vis, restricted) = syn::parse::Parser::parse2(
                    |input: syn::parse::ParseStream| {
                        let vis: Visibility = input.parse()?;
                        let rest: TokenStream = input.parse()?;
                        Ok((vis, rest.is_empty()))
                    },
                    tokens,
                )
                .ok()?;
                if restricted {
                    self.advance();
                }
                Some(vis)
            }
            _ => Some(Visibility::Public(token::Pub(word.span()))),
        }
    }

    /// A field's type: the tokens up to the next comma outside angle
    /// brackets. `None` at a `=` there (a default value) or for brackets
    /// that do not balance.
    fn field_type(&mut self) -> Option<Type> {
        let start = self.position;
        let mut depth = 0usize;
        // Whether the last token was a `-` joined to the next, so that a
        // `>` after it is the arrow `->` (`fn(u8) -> u8`).
        let mut arrow = false;
        while let Some(tree) = self.peek() {
            let mut dash = false;
            if let TokenTree::Punct(punct) = tree {
                match punct.as_char() {
                    ',' | '=' if depth == 0 => break,
                    '<' => depth += 1,
                    '>' if !arrow => depth = depth.checked_sub(1)?,
                    '-' => dash = punct.spacing() == Spacing::Joint,
                    _ => {}
                }
            }
            arrow = dash;
            self.advance();
        }
        let tokens = &self.trees[start..self.position];
        if depth != 0
            || tokens.is_empty()
            || matches!(self.peek(), Some(TokenTree::Punct(p)) if p.as_char() == '=')
        {
            return None;
        }
        Some(type_of(tokens))
    }

    /// The comma after an item, pushed, or the end of the list.
    fn separator<T>(&mut self, list: &mut Punctuated<T, token::Comma>) -> Option<()> {
        match self.next() {
            None => Some(()),
            Some(TokenTree::Punct(comma)) if comma.as_char() == ',' => {
                list.push_punct(token::Comma(comma.span()));
                Some(())
            }
            Some(_) => None,
        }
    }
}

#[cfg(test)]
#[path = "parse_tests.rs"]
mod tests;
