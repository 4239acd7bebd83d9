//! What the derive generates for each type, besides the matches that read a
//! variant's fields: one `match` from the value to its variant's [`Lookup`],
//! and the `ApiError` methods answered from it here, once, for every
//! derived type.
//!
//! A variant either has its own facts, computed by the macro, or hands
//! everything to its one inner error (`#[status(transparent)]`). Its own
//! facts are a [`Fixed`] (status and, where they do not depend on the
//! value, message and bodies) in one `static` array of the type, or, for
//! the few variants with an OAuth code, a `Retry-After`, a challenge or a
//! `#[problem]`, a [`Full`] (a `Fixed` and its [`Extra`]) in a second one.
//! Variants with the same facts (the same status and a message formatted
//! from their fields or their `Display`, say) share one element; each
//! variant's name is in an array of names. The generated code is what the
//! compiler checks on every build of the user's crate, once per variant
//! and once per element: the facts are literals and local constants, and
//! the `match` gives each variant a number that says both.
//!
//! The helpers here marked `inline(never)` in a debug build and `inline`
//! when optimized follow the rule of `message_sink`'s "Inlining".

use std::fmt;
use std::sync::OnceLock;

use bytes::Bytes;
use http::{HeaderValue, Response};

use crate::{ApiError, FieldErrors, OAuthErrorCode};

use super::{Cow, CowStr};

/// The facts of a variant that do not depend on its data, as constants the
/// macro computed: one element of the type's `static` array of them.
///
/// Every field is a literal or a local constant in the generated code, and
/// none is an `Option`: each `Option::None`, byte string or path in the
/// array costs the user's build more than a string or integer literal
/// (type inference, MIR temporaries, const evaluation), on every variant.
/// The rarer facts are in [`Extra`].
#[derive(Debug)]
pub struct Fixed {
    /// The status and what follows from it, a constant the type declares
    /// once for each status its variants use.
    pub status: Status,
    /// The public message when [`message_source`](Fixed::message_source) is
    /// [`MESSAGE_FIXED`] (a literal `#[message]` or a 5xx reason phrase);
    /// `""` otherwise.
    pub message: &'static str,
    /// The JSON body when it does not depend on the value; `""` otherwise
    /// (a JSON body is never empty).
    pub body: &'static str,
    /// The problem+json body when it does not depend on the value; `""`
    /// otherwise.
    pub problem_body: &'static str,
    /// Where the public message comes from: [`MESSAGE_FIXED`],
    /// [`MESSAGE_FORMATTED`] or [`MESSAGE_DISPLAY`].
    pub message_source: u8,
}

/// A status of a derived type's variants, with the facts that follow from it
/// alone.
#[derive(Debug)]
pub struct Status {
    /// The status, checked by the macro to be in `400..=599` and built in
    /// a constant, so that no response converts it.
    pub code: http::StatusCode,
    /// The start of the problem+json body with the default type and title
    /// (`about:blank`, the reason phrase), up to the detail's opening quote:
    /// `{"type":"about:blank","title":"Not Found","status":404,"detail":"`.
    pub problem_prefix: &'static str,
}

/// [`Fixed::message_source`]: the message is [`Fixed::message`].
pub const MESSAGE_FIXED: u8 = 0;
/// [`Fixed::message_source`]: a `#[message]` that interpolates fields,
/// written by the derived `__api_status_message`.
pub const MESSAGE_FORMATTED: u8 = 1;
/// [`Fixed::message_source`]: the value's `Display` (a 4xx without
/// `#[message]`), written by the derived `__api_status_message`.
pub const MESSAGE_DISPLAY: u8 = 2;

/// The facts few variants have: an OAuth code, a `Retry-After`, a
/// challenge, a `#[problem]`. A variant without any of them answers with
/// [`Extra::NONE`], and its element in the generated array is a plain
/// [`Fixed`]; a variant with one is a [`Full`], in a second array.
#[derive(Debug)]
pub struct Extra {
    /// `#[oauth(code)]`.
    pub oauth: Option<OAuthErrorCode>,
    /// `#[retry_after(seconds)]`.
    pub retry_after: Option<u64>,
    /// Whether a `#[retry_after]` field gives the delay instead.
    pub retry_after_field: bool,
    /// The `WWW-Authenticate` challenge.
    pub challenge: Challenge,
    /// The problem type: `#[problem(type)]`, or `about:blank`.
    pub problem_type: &'static str,
    /// `#[problem(title)]`; `None` for the status's reason phrase.
    pub problem_title: Option<&'static str>,
    /// The start of the problem+json body, up to the detail's opening
    /// quote (`{"type":"…","title":"…","status":404,"detail":"`), for a
    /// `#[problem]`; `None` for the default type and title, whose prefix is
    /// the status's ([`Status::problem_prefix`]).
    pub problem_prefix: Option<&'static str>,
}

impl Extra {
    /// `Retry-After`: the `#[retry_after]` field's, or the fixed one.
    #[inline]
    fn retry_after_of<E: ApiError + ?Sized>(&self, error: &E) -> Option<u64> {
        match self.retry_after_field {
            true => error.retry_after(),
            false => self.retry_after,
        }
    }

    /// The facts of a variant without extra facts: no OAuth code, no
    /// `Retry-After`, no challenge, the default problem type and title.
    pub const NONE: Extra = Extra {
        oauth: None,
        retry_after: None,
        retry_after_field: false,
        challenge: Challenge::None,
        problem_type: "about:blank",
        problem_title: None,
        problem_prefix: None,
    };
}

/// A variant's `WWW-Authenticate` challenge (RFC 6750 section 3: every 401,
/// and a 400 or 403 with one of its error codes).
#[derive(Debug)]
pub enum Challenge {
    /// The variant sends none.
    None,
    /// It does not depend on the value: written by `headers::challenge_for`
    /// on the variant's first response and kept for the next ones (`None` when its status sends
    /// none after all). Not spelled out by the derive: a `HeaderValue`
    /// built in the `static` cost the compiler a check of each of its bytes
    /// in const evaluation, and the derive a second copy of the rule.
    Fixed(OnceLock<Option<HeaderValue>>),
    /// It depends on the value: an OAuth description formatted from its
    /// fields, written with the body.
    Formatted,
}

/// Keeps a variant's fixed challenge on its first response (or the first
/// of several racing threads) and answers the one kept. Not generic: the
/// `OnceLock` machinery is compiled once, here, rather than for each error
/// type (nine functions of `std` in every crate that derives).
#[inline(never)]
fn keep_challenge(
    cell: &OnceLock<Option<HeaderValue>>,
    challenge: Option<HeaderValue>,
) -> Option<HeaderValue> {
    cell.get_or_init(|| challenge.map(kept)).clone()
}

/// A fixed challenge, as a value over bytes kept for the life of the
/// process: cloning it for each response then copies a pointer, where a
/// value over a reference-counted buffer would count (and later uncount)
/// a reference. The bytes are leaked once per variant that sends one: a
/// few dozen bytes each, bounded by the number of variants.
fn kept(value: HeaderValue) -> HeaderValue {
    let bytes: &'static [u8] = Box::leak(value.as_bytes().into());
    HeaderValue::from_maybe_shared(Bytes::from_static(bytes)).unwrap_or(value)
}

impl Challenge {
    /// [`Challenge::Fixed`], not yet written: the derive's initializer.
    pub const fn fixed() -> Challenge {
        Challenge::Fixed(OnceLock::new())
    }
}

/// The facts of a variant with [`Extra`] ones: an element of the type's
/// second `static` array.
#[derive(Debug)]
pub struct Full {
    /// The facts every variant has.
    pub fixed: Fixed,
    /// The rarer ones.
    pub extra: Extra,
}

/// Where a value's answers come from.
#[derive(Clone, Copy)]
pub enum Lookup<'a> {
    /// The facts of a variant without extra ones ([`Extra::NONE`]), and
    /// its name.
    Plain(&'static Fixed, &'static &'static str),
    /// The facts of a variant with extra ones, and its name.
    Full(&'static Full, &'static &'static str),
    /// A transparent variant's inner error.
    Inner(&'a dyn ApiError),
}

/// The [`Lookup`] of a transparent variant's field.
#[inline]
pub fn inner<T: ApiError>(field: &T) -> Lookup<'_> {
    Lookup::Inner(field)
}

/// The [`Lookup`] of the variant with its own status numbered `number` by
/// the derive. The number's low 32 bits are its facts' index: the plain
/// facts first, in `plain`, then those with extra facts, in `full`;
/// variants whose facts are the same share them. Its high bits are its
/// index in `names`, the variants' own. The generated `match` gives each
/// variant its number as an integer literal, cheaper for the compiler to
/// check than a reference into the arrays in every arm.
#[cfg_attr(debug_assertions, inline(never))]
#[cfg_attr(not(debug_assertions), inline)]
pub fn own(
    plain: &'static [Fixed],
    full: &'static [Full],
    names: &'static [&'static str],
    number: u64,
) -> Lookup<'static> {
    let facts = (number & u64::from(u32::MAX)) as usize;
    let name = match names.get((number >> 32) as usize) {
        Some(name) => name,
        None => &OUT_OF_BOUNDS_NAME,
    };
    match plain.get(facts) {
        Some(fixed) => Lookup::Plain(fixed, name),
        // The derive numbers the facts through both arrays, so the number
        // is in bounds; were it not, a 500 rather than a panic.
        None => match full.get(facts.saturating_sub(plain.len())) {
            Some(full) => Lookup::Full(full, name),
            None => Lookup::Plain(&OUT_OF_BOUNDS, &OUT_OF_BOUNDS_NAME),
        },
    }
}

/// The name [`own`] answers with for a number out of bounds.
static OUT_OF_BOUNDS_NAME: &str = "api_status::Lookup";

/// The facts [`own`] answers with for a number out of bounds, which the
/// derive never generates: a 500 with the reason phrase.
static OUT_OF_BOUNDS: Fixed = Fixed {
    status: Status {
        code: http::StatusCode::INTERNAL_SERVER_ERROR,
        problem_prefix: "{\"type\":\"about:blank\",\"title\":\"Internal Server Error\",\"status\":500,\"detail\":\"",
    },
    message: "Internal Server Error",
    body: "{\"message\":\"Internal Server Error\"}",
    problem_body: "{\"type\":\"about:blank\",\"title\":\"Internal Server Error\",\"status\":500,\"detail\":\"Internal Server Error\"}",
    message_source: MESSAGE_FIXED,
};

/// A variant's own facts, or its inner error.
enum Facts<'a> {
    /// A variant with a status of its own, and [`Extra::NONE`] when it has
    /// no extra facts.
    Own(&'static Fixed, &'static Extra),
    /// A transparent variant's inner error.
    Inner(&'a dyn ApiError),
}

impl<'a> Lookup<'a> {
    /// The facts, the plain and full variants alike.
    #[cfg_attr(debug_assertions, inline(never))]
    #[cfg_attr(not(debug_assertions), inline)]
    fn facts(self) -> Facts<'a> {
        match self {
            Lookup::Plain(fixed, _) => Facts::Own(fixed, &Extra::NONE),
            Lookup::Full(full, _) => Facts::Own(&full.fixed, &full.extra),
            Lookup::Inner(inner) => Facts::Inner(inner),
        }
    }
}

impl<'a> Lookup<'a> {
    /// `ApiError::status`.
    #[cfg_attr(debug_assertions, inline(never))]
    #[cfg_attr(not(debug_assertions), inline)]
    pub fn status(self) -> http::StatusCode {
        match self.facts() {
            Facts::Own(fixed, _) => fixed.status.code,
            Facts::Inner(inner) => inner.status(),
        }
    }

    /// Whether the message is the value's `Display`, which the derived
    /// `__api_status_message` writes for every such variant at once.
    #[cfg_attr(debug_assertions, inline(never))]
    #[cfg_attr(not(debug_assertions), inline)]
    pub fn is_display(self) -> bool {
        matches!(self.facts(), Facts::Own(fixed, _) if fixed.message_source == MESSAGE_DISPLAY)
    }

    /// `ApiError::message`, for a variant the derive has no `message` arm
    /// for: a fixed message, an inner error's, or one formatted by
    /// `write_message`.
    #[inline]
    pub fn message<E: ApiError + ?Sized>(self, error: &'a E) -> CowStr<'a> {
        match self.facts() {
            Facts::Own(fixed, _) if fixed.message_source == MESSAGE_FIXED => {
                Cow::Borrowed(fixed.message)
            }
            Facts::Own(..) => {
                let mut message = String::new();
                // Writing into a `String` fails only if a `Display` impl
                // does; the message is then what it wrote until then.
                let _ = error.write_message(&mut message);
                Cow::Owned(message)
            }
            Facts::Inner(inner) => inner.message(),
        }
    }

    /// `ApiError::write_message`, for a variant whose message is not
    /// formatted: the fixed text, or the inner error's.
    #[cfg_attr(debug_assertions, inline(never))]
    #[cfg_attr(not(debug_assertions), inline)]
    pub fn write_message(self, out: &mut dyn fmt::Write) -> fmt::Result {
        match self.facts() {
            Facts::Own(fixed, _) => out.write_str(fixed.message),
            Facts::Inner(inner) => inner.write_message(out),
        }
    }

    /// `ApiError::__api_status_message`, for a variant whose message is
    /// not formatted: the fixed text, or the inner error's pieces.
    #[cfg_attr(debug_assertions, inline(never))]
    #[cfg_attr(not(debug_assertions), inline)]
    pub fn write_message_to(self, out: &mut super::MessageSink<'_>) {
        match self.facts() {
            Facts::Own(fixed, _) => out.whole(fixed.message),
            Facts::Inner(inner) => inner.__api_status_message(out),
        }
    }

    /// `ApiError::field_errors`, for a variant without a `#[field_errors]`
    /// field.
    #[cfg_attr(debug_assertions, inline(never))]
    #[cfg_attr(not(debug_assertions), inline)]
    pub fn field_errors(self) -> Option<Cow<'a, FieldErrors>> {
        match self.facts() {
            Facts::Own(..) => None,
            Facts::Inner(inner) => inner.field_errors(),
        }
    }

    /// `ApiError::oauth_error`.
    #[cfg_attr(debug_assertions, inline(never))]
    #[cfg_attr(not(debug_assertions), inline)]
    pub fn oauth_error(self) -> Option<OAuthErrorCode> {
        match self.facts() {
            Facts::Own(_, extra) => extra.oauth,
            Facts::Inner(inner) => inner.oauth_error(),
        }
    }

    /// `ApiError::retry_after`, for a variant without a `#[retry_after]`
    /// field.
    #[cfg_attr(debug_assertions, inline(never))]
    #[cfg_attr(not(debug_assertions), inline)]
    pub fn retry_after(self) -> Option<u64> {
        match self.facts() {
            Facts::Own(_, extra) => extra.retry_after,
            Facts::Inner(inner) => inner.retry_after(),
        }
    }

    /// `ApiError::www_authenticate`.
    #[inline]
    pub fn www_authenticate<E: ApiError + ?Sized>(self, error: &E) -> Option<HeaderValue> {
        match self.facts() {
            Facts::Own(_, extra) => match &extra.challenge {
                Challenge::None => None,
                Challenge::Fixed(cell) => match cell.get() {
                    Some(value) => value.clone(),
                    None => keep_challenge(cell, crate::headers::challenge_for(error)),
                },
                Challenge::Formatted => crate::headers::challenge_for(error),
            },
            Facts::Inner(inner) => inner.www_authenticate(),
        }
    }

    /// The name the `tracing` event of the response logs: the variant's,
    /// or a transparent variant's inner error's.
    #[cfg_attr(debug_assertions, inline(never))]
    #[cfg_attr(not(debug_assertions), inline)]
    pub fn name(self) -> &'static str {
        match self {
            Lookup::Plain(_, name) | Lookup::Full(_, name) => name,
            Lookup::Inner(inner) => inner.__api_status_name(),
        }
    }

    /// `ApiError::body`.
    #[inline]
    pub fn body<E: ApiError + ?Sized>(self, error: &E) -> Bytes {
        match self.facts() {
            Facts::Own(fixed, _) if !fixed.body.is_empty() => {
                Bytes::from_static(fixed.body.as_bytes())
            }
            Facts::Own(_, extra) => crate::json::encode_body_with(error, extra.oauth),
            Facts::Inner(inner) => inner.body(),
        }
    }

    /// `ApiError::problem_type`.
    #[cfg_attr(debug_assertions, inline(never))]
    #[cfg_attr(not(debug_assertions), inline)]
    pub fn problem_type(self) -> &'a str {
        match self.facts() {
            Facts::Own(_, extra) => extra.problem_type,
            Facts::Inner(inner) => inner.problem_type(),
        }
    }

    /// `ApiError::problem_title`.
    #[inline]
    pub fn problem_title(self) -> &'a str {
        match self.facts() {
            Facts::Own(fixed, extra) => match extra.problem_title {
                Some(title) => title,
                None => crate::negotiate::default_title(fixed.status.code),
            },
            Facts::Inner(inner) => inner.problem_title(),
        }
    }

    /// `ApiError::problem_body`.
    #[inline]
    pub fn problem_body<E: ApiError + ?Sized>(self, error: &E) -> Bytes {
        match self.facts() {
            Facts::Own(fixed, _) if !fixed.problem_body.is_empty() => {
                Bytes::from_static(fixed.problem_body.as_bytes())
            }
            Facts::Own(fixed, extra) => {
                let prefix = extra.problem_prefix.unwrap_or(fixed.status.problem_prefix);
                crate::negotiate::encode_problem_after(prefix.as_bytes(), error, extra.oauth)
            }
            Facts::Inner(inner) => inner.problem_body(),
        }
    }

    /// `ApiError::to_response`: for a variant whose facts are all fixed,
    /// straight from them, without asking the value again.
    ///
    /// The most common error response, a plain variant's body the macro
    /// wrote, is built here, inlined into the derived `to_response`; every
    /// other one in [`Lookup::to_response_built`].
    #[inline(always)]
    pub fn to_response<E: ApiError + ?Sized>(self, error: &E) -> Response<Bytes> {
        match self {
            // The floor's shape: no header but `content-type` (a plain
            // variant has no challenge and no `Retry-After`).
            Lookup::Plain(fixed, _) if !fixed.body.is_empty() => static_response(fixed, error),
            // Only the facts' address passed on, not the `Lookup` (which
            // would be stored on the stack on the static path too).
            Lookup::Plain(fixed, _) => to_response_plain(fixed, error),
            _ => self.to_response_built(error),
        }
    }

    /// [`Lookup::to_response`] for every response but a plain variant's
    /// static one.
    #[inline(never)]
    fn to_response_built<E: ApiError + ?Sized>(self, error: &E) -> Response<Bytes> {
        let (fixed, extra) = match self {
            Lookup::Plain(fixed, _) => return to_response_plain(fixed, error),
            Lookup::Full(full, _) => (&full.fixed, &full.extra),
            Lookup::Inner(inner) => return inner.to_response(),
        };
        let status = fixed.status.code;
        crate::report::emit(error, status);
        let retry_after = extra.retry_after_of(error);
        if let (Some(code), Challenge::Formatted) = (extra.oauth, &extra.challenge) {
            // An OAuth code and a message formatted from the value: the
            // body and the challenge from one writing of the message.
            let (body, challenge) = crate::json::encode_oauth_with_challenge(error, status, code);
            return crate::headers::assemble(status, body, challenge, retry_after);
        }
        crate::headers::assemble(
            status,
            self.body(error),
            self.www_authenticate(error),
            retry_after,
        )
    }

    /// `ApiError::to_response_in`: for a variant with facts of its own, in
    /// one pass from them, like [`Lookup::to_response`].
    #[inline]
    pub fn to_response_in<E: ApiError + ?Sized>(
        self,
        error: &E,
        format: crate::Format,
    ) -> Response<Bytes> {
        if format.offered() == crate::Format::Json {
            // The plain response, with its direct paths, and `vary`.
            return crate::negotiate::with_vary(self.to_response(error));
        }
        let (fixed, extra) = match self {
            // No challenge, no `Retry-After`, no OAuth code and the default
            // problem type and title, as in `to_response`.
            Lookup::Plain(fixed, _) => {
                return crate::negotiate::respond_with(
                    error,
                    format,
                    |error| match fixed.problem_body {
                        "" => crate::negotiate::encode_problem_after(
                            fixed.status.problem_prefix.as_bytes(),
                            error,
                            None,
                        ),
                        body => Bytes::from_static(body.as_bytes()),
                    },
                    fixed.status.code,
                    None,
                    None,
                );
            }
            Lookup::Full(full, _) => (&full.fixed, &full.extra),
            Lookup::Inner(inner) => return inner.to_response_in(format),
        };
        let retry_after = extra.retry_after_of(error);
        crate::negotiate::respond_with(
            error,
            format,
            |error| self.problem_body(error),
            fixed.status.code,
            self.www_authenticate(error),
            retry_after,
        )
    }
}

/// [`Lookup::to_response`] for a plain variant whose body is static.
#[inline(never)]
fn static_response<E: ApiError + ?Sized>(fixed: &'static Fixed, error: &E) -> Response<Bytes> {
    let status = fixed.status.code;
    crate::report::emit(error, status);
    let body = Bytes::from_static(fixed.body.as_bytes());
    crate::headers::assemble_plain(status, body)
}

/// [`Lookup::to_response`] for a plain variant whose body is written at run
/// time: no challenge, no `Retry-After`, no OAuth code.
#[inline(never)]
fn to_response_plain<E: ApiError + ?Sized>(fixed: &'static Fixed, error: &E) -> Response<Bytes> {
    let status = fixed.status.code;
    crate::report::emit(error, status);
    let body = crate::json::encode_body_with(error, None);
    crate::headers::assemble_plain_built(status, body)
}

#[cfg(test)]
mod tests {
    use super::{own, Lookup, OUT_OF_BOUNDS};

    #[test]
    fn a_number_out_of_bounds_answers_500_rather_than_panicking() {
        let lookup = own(&[], &[], &[], 7 | 3 << 32);
        assert!(matches!(lookup, Lookup::Plain(fixed, _) if std::ptr::eq(fixed, &OUT_OF_BOUNDS)));
        assert_eq!(lookup.name(), "api_status::Lookup");
        assert_eq!(lookup.status(), http::StatusCode::INTERNAL_SERVER_ERROR);
        let body: serde_json::Value = serde_json::from_str(OUT_OF_BOUNDS.body).unwrap();
        assert_eq!(body["message"], OUT_OF_BOUNDS.message);
        let problem: serde_json::Value = serde_json::from_str(OUT_OF_BOUNDS.problem_body).unwrap();
        assert_eq!(problem["status"], 500);
        assert!(OUT_OF_BOUNDS
            .problem_body
            .starts_with(OUT_OF_BOUNDS.status.problem_prefix));
    }
}
