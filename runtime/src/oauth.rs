//! OAuth 2.0 error codes (RFC 6749 §5.2, RFC 6750 §3.1) and the character
//! rules of their `error_description`.

use std::borrow::Cow;
use std::fmt;

/// The `error` code of an OAuth 2.0 error response, set with `#[oauth(code)]`.
///
/// ```
/// use api_status::OAuthErrorCode;
///
/// assert_eq!(OAuthErrorCode::InvalidGrant.as_str(), "invalid_grant");
/// assert!(OAuthErrorCode::InvalidToken.is_bearer_token_error());
/// assert!(!OAuthErrorCode::InvalidGrant.is_bearer_token_error());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum OAuthErrorCode {
    /// `invalid_request`: a parameter is missing, repeated or malformed.
    InvalidRequest,
    /// `invalid_client`: client authentication failed.
    InvalidClient,
    /// `invalid_grant`: the grant or refresh token is invalid, expired or revoked.
    InvalidGrant,
    /// `unauthorized_client`: the client may not use this grant type.
    UnauthorizedClient,
    /// `unsupported_grant_type`: the server does not support this grant type.
    UnsupportedGrantType,
    /// `invalid_scope`: the requested scope is invalid or unknown.
    InvalidScope,
    /// `invalid_token`: the access token is expired, revoked or malformed (RFC 6750).
    InvalidToken,
    /// `insufficient_scope`: the token lacks the scope the request needs (RFC 6750).
    InsufficientScope,
}

impl OAuthErrorCode {
    /// Every code, in the order of the enum.
    #[cfg(feature = "utoipa")]
    const ALL: [OAuthErrorCode; 8] = [
        OAuthErrorCode::InvalidRequest,
        OAuthErrorCode::InvalidClient,
        OAuthErrorCode::InvalidGrant,
        OAuthErrorCode::UnauthorizedClient,
        OAuthErrorCode::UnsupportedGrantType,
        OAuthErrorCode::InvalidScope,
        OAuthErrorCode::InvalidToken,
        OAuthErrorCode::InsufficientScope,
    ];

    /// The code whose wire form is `code`, if any (the OpenAPI document's
    /// facts carry codes as text).
    #[cfg(feature = "utoipa")]
    pub(crate) fn from_wire(code: &str) -> Option<OAuthErrorCode> {
        Self::ALL.into_iter().find(|known| known.as_str() == code)
    }

    /// The code as it appears on the wire, e.g. `"invalid_grant"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            OAuthErrorCode::InvalidRequest => "invalid_request",
            OAuthErrorCode::InvalidClient => "invalid_client",
            OAuthErrorCode::InvalidGrant => "invalid_grant",
            OAuthErrorCode::UnauthorizedClient => "unauthorized_client",
            OAuthErrorCode::UnsupportedGrantType => "unsupported_grant_type",
            OAuthErrorCode::InvalidScope => "invalid_scope",
            OAuthErrorCode::InvalidToken => "invalid_token",
            OAuthErrorCode::InsufficientScope => "insufficient_scope",
        }
    }

    /// Whether RFC 6750 (bearer tokens on a protected resource) defines this
    /// code, so that a 400 or 403 carrying it also sends a `WWW-Authenticate`
    /// challenge. The other codes belong to RFC 6749's token endpoint.
    pub const fn is_bearer_token_error(self) -> bool {
        matches!(
            self,
            OAuthErrorCode::InvalidRequest
                | OAuthErrorCode::InvalidToken
                | OAuthErrorCode::InsufficientScope
        )
    }
}

impl fmt::Display for OAuthErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The longest `error_description`, in bytes: a longer message is cut, so
/// that a long message never makes a `WWW-Authenticate` header that proxies
/// refuse (nginx answers 502 to a response header over its buffer, 4 or
/// 8 KB by default). The body's `message` keeps the whole text.
pub const MAX_ERROR_DESCRIPTION: usize = 1000;

/// The `error_description` for a public message: only the characters RFC 6749
/// §5.2 allows (`%x20-21 / %x23-5B / %x5D-7E`), so it is safe inside a quoted
/// header parameter. `"` becomes `'`, `\` becomes `/`, control characters
/// (newlines, tabs, ...) become a space and anything else outside printable
/// ASCII is dropped. At most [`MAX_ERROR_DESCRIPTION`] bytes (the text is
/// ASCII, so any cut is at a character boundary). `None` when nothing but
/// spaces is left.
///
/// The header's `error_description` and the body's are this same text. The
/// derive applies the same rule when it computes a body at compile time.
///
/// ```
/// use api_status::{oauth_error_description, MAX_ERROR_DESCRIPTION};
///
/// assert_eq!(oauth_error_description("bad \"grant\"\n").as_deref(), Some("bad 'grant' "));
/// assert_eq!(oauth_error_description("café").as_deref(), Some("caf"));
/// assert_eq!(oauth_error_description("… \t"), None);
/// assert_eq!(oauth_error_description(&"é-".repeat(5000)).unwrap().len(), MAX_ERROR_DESCRIPTION);
/// ```
pub fn oauth_error_description(message: &str) -> Option<Cow<'_, str>> {
    let description = if message.bytes().all(is_description_byte) {
        // ASCII only: every byte is a character boundary.
        Cow::Borrowed(message.get(..MAX_ERROR_DESCRIPTION).unwrap_or(message))
    } else {
        // Each character kept is one ASCII byte, so `take` counts bytes, and
        // stops reading a long message once the description is full.
        Cow::Owned(
            message
                .chars()
                .filter_map(description_char)
                .take(MAX_ERROR_DESCRIPTION)
                .collect(),
        )
    };
    (!description.trim_start_matches(' ').is_empty()).then_some(description)
}

/// What `c` becomes in an `error_description`, if it stays at all.
fn description_char(c: char) -> Option<char> {
    match c {
        '"' => Some('\''),
        '\\' => Some('/'),
        c if c.is_control() => Some(' '),
        c if c.is_ascii() && is_description_byte(c as u8) => Some(c),
        _ => None,
    }
}

/// Whether RFC 6749 allows `byte` in an `error_description`.
#[inline]
fn is_description_byte(byte: u8) -> bool {
    DESCRIPTION_BYTES[usize::from(byte)]
}

/// [`is_description_byte`] for each byte, as a table: one load per byte of
/// the message, where the ranges took several compares.
const DESCRIPTION_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        table[byte] = matches!(byte, 0x20..=0x21 | 0x23..=0x5B | 0x5D..=0x7E);
        byte += 1;
    }
    table
};
