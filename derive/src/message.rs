//! `#[message("...")]` format strings: `{field}`, `{0}` and `{field:?}`
//! interpolate the variant's fields, as in `thiserror`'s `#[error]`.

use syn::ext::IdentExt;
use syn::{LitStr, Member};

/// A parsed `#[message]`.
pub struct Template {
    /// The fields to pass, one per placeholder, in order.
    pub args: Vec<Arg>,
    /// The message itself when it interpolates nothing (`{{` unescaped).
    pub literal: Option<String>,
    /// The message as literal text (`{{` unescaped) between the fields, in
    /// order; empty texts left out.
    pub segments: Vec<Segment>,
}

/// A piece of a `#[message]`.
pub enum Segment {
    /// Text as the message shows it.
    Literal(String),
    /// The placeholder of `args[index]`, with its format spec after the `:`.
    Arg { index: usize, spec: Option<String> },
}

/// One interpolated field.
pub struct Arg {
    pub member: Member,
    /// The formatting trait the placeholder asks of the field.
    pub format_trait: FormatTrait,
}

/// The trait behind a placeholder's type character.
#[derive(Copy, Clone, PartialEq, Eq)]
pub enum FormatTrait {
    Display,
    Debug,
    LowerHex,
    UpperHex,
    Octal,
    Binary,
    LowerExp,
    UpperExp,
}

impl FormatTrait {
    /// The trait's name in `core::fmt`.
    pub fn name(self) -> &'static str {
        match self {
            FormatTrait::Display => "Display",
            FormatTrait::Debug => "Debug",
            FormatTrait::LowerHex => "LowerHex",
            FormatTrait::UpperHex => "UpperHex",
            FormatTrait::Octal => "Octal",
            FormatTrait::Binary => "Binary",
            FormatTrait::LowerExp => "LowerExp",
            FormatTrait::UpperExp => "UpperExp",
        }
    }

    fn of_spec(spec: &str) -> FormatTrait {
        match spec.chars().last() {
            Some('?') => FormatTrait::Debug,
            Some('x') => FormatTrait::LowerHex,
            Some('X') => FormatTrait::UpperHex,
            Some('o') => FormatTrait::Octal,
            Some('b') => FormatTrait::Binary,
            Some('e') => FormatTrait::LowerExp,
            Some('E') => FormatTrait::UpperExp,
            _ => FormatTrait::Display,
        }
    }
}

/// Parses `format` against the fields a variant has (`fields` holds each
/// field's member). Errors are worded for the user and span the literal.
pub fn parse(format: &LitStr, fields: &[Member]) -> Result<Template, String> {
    let text = format.value();
    let mut literal = String::with_capacity(text.len());
    let mut args = Vec::new();
    let mut segments = Vec::new();
    // The literal text since the last placeholder.
    let mut run = String::new();
    let mut rest = text.as_str();
    // A byte search (both braces are ASCII): `str::find` with a pattern of
    // two `char`s costs the unoptimized macro several times more.
    while let Some(at) = rest.bytes().position(|byte| byte == b'{' || byte == b'}') {
        let (before, from) = rest.split_at(at);
        literal.push_str(before);
        run.push_str(before);
        if let Some(after) = from.strip_prefix("{{") {
            literal.push('{');
            run.push('{');
            rest = after;
        } else if let Some(after) = from.strip_prefix("}}") {
            literal.push('}');
            run.push('}');
            rest = after;
        } else if from.starts_with('}') {
            return Err("unmatched `}` in `#[message]`; write `}}` for a literal brace".into());
        } else {
            let Some(end) = from.find('}') else {
                return Err("unclosed `{` in `#[message]`; write `{{` for a literal brace".into());
            };
            let placeholder = &from[1..end];
            let (name, spec) = match placeholder.split_once(':') {
                Some((name, spec)) => (name.trim(), Some(spec)),
                None => (placeholder.trim(), None),
            };
            let member = field_reference(name, fields)?;
            if spec.is_some_and(|spec| spec.contains(['$', '*'])) {
                return Err(format!(
                    "`{{{placeholder}}}`: width and precision taken from arguments are not supported in `#[message]`"
                ));
            }
            if !run.is_empty() {
                segments.push(Segment::Literal(std::mem::take(&mut run)));
            }
            segments.push(Segment::Arg {
                index: args.len(),
                spec: spec.map(str::to_owned),
            });
            args.push(Arg {
                member,
                format_trait: FormatTrait::of_spec(spec.unwrap_or("")),
            });
            rest = &from[end + 1..];
        }
    }
    literal.push_str(rest);
    run.push_str(rest);
    if !run.is_empty() {
        segments.push(Segment::Literal(run));
    }
    Ok(Template {
        literal: args.is_empty().then_some(literal),
        args,
        segments,
    })
}

/// The field a placeholder names.
fn field_reference(name: &str, fields: &[Member]) -> Result<Member, String> {
    if name.is_empty() {
        return Err(
            "`{}` in `#[message]` must name a field: `{0}` for a tuple field, `{name}` for a named one"
                .into(),
        );
    }
    let found = fields.iter().find(|member| match member {
        Member::Named(ident) => ident.unraw() == name,
        Member::Unnamed(index) => index.index.to_string() == name,
    });
    match found {
        Some(member) => Ok(member.clone()),
        None => {
            let names: Vec<String> = fields.iter().map(member_name).collect();
            let have = if names.is_empty() {
                String::from("it has no fields")
            } else {
                format!("its fields are {}", names.join(", "))
            };
            Err(format!(
                "`#[message]` refers to `{{{name}}}`, but there is no field `{name}`: {have}"
            ))
        }
    }
}

/// A member as the user writes it: `` `id` `` or `` `0` ``.
fn member_name(member: &Member) -> String {
    match member {
        Member::Named(ident) => format!("`{}`", ident.unraw()),
        Member::Unnamed(index) => format!("`{}`", index.index),
    }
}
