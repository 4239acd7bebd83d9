//! The facts of a derived type's variants, as the derive encodes them in
//! one string literal (see `derive/src/expand_openapi.rs`): per variant,
//! `o` (own status) or `i` (transparent), then netstrings,
//! `<byte length>:<text>`.

/// One variant.
pub enum Fact {
    /// A variant with its own status.
    Own(Own),
    /// A transparent variant; its inner type's responses come separately,
    /// in the order of these facts.
    Inner {
        name: &'static str,
        doc: &'static str,
    },
}

/// The facts of a variant with its own status.
pub struct Own {
    pub name: &'static str,
    pub doc: &'static str,
    pub status: u16,
    pub field_errors: bool,
    pub retry_after: bool,
    /// The `#[oauth]` code, `""` for none.
    pub oauth: &'static str,
    /// The body the macro computed, `""` when it depends on the value.
    pub body: &'static str,
    /// The public message, placeholders unfilled, for the example.
    pub message: &'static str,
    /// `#[problem(type = "…")]`, `""` for `about:blank`.
    pub problem_type: &'static str,
    /// `#[problem(title = "…")]`, `""` for the reason phrase.
    pub problem_title: &'static str,
}

/// Every variant's facts, in order. The derive writes the text, so it is
/// well formed; reading stops quietly at anything that is not.
pub fn parse(facts: &'static str) -> Vec<Fact> {
    let mut reader = Reader { rest: facts };
    let mut out = Vec::new();
    while let Some(fact) = reader.fact() {
        out.push(fact);
    }
    out
}

struct Reader {
    rest: &'static str,
}

impl Reader {
    fn fact(&mut self) -> Option<Fact> {
        let kind = self.rest.chars().next()?;
        self.rest = self.rest.get(kind.len_utf8()..)?;
        match kind {
            'o' => {
                let name = self.field()?;
                let doc = self.field()?;
                let status = self.field()?.parse().ok()?;
                let flags = self.field()?;
                Some(Fact::Own(Own {
                    name,
                    doc,
                    status,
                    field_errors: flags.contains('f'),
                    retry_after: flags.contains('r'),
                    oauth: self.field()?,
                    body: self.field()?,
                    message: self.field()?,
                    problem_type: self.field()?,
                    problem_title: self.field()?,
                }))
            }
            'i' => Some(Fact::Inner {
                name: self.field()?,
                doc: self.field()?,
            }),
            _ => None,
        }
    }

    /// `<byte length>:<text>`.
    fn field(&mut self) -> Option<&'static str> {
        let (length, rest) = self.rest.split_once(':')?;
        let length: usize = length.parse().ok()?;
        let text = rest.get(..length)?;
        self.rest = rest.get(length..)?;
        Some(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_the_derive_writes() {
        let facts = parse(
            "o8:NotFound4:é:)3:4041:f0:15:{\"message\":\"x\"}1:x13:urn:problem:04:Gonei7:Billing0:",
        );
        let [Fact::Own(own), Fact::Inner { name, doc }] = facts.as_slice() else {
            panic!("two facts");
        };
        assert_eq!((own.name, own.doc, own.status), ("NotFound", "é:)", 404));
        assert!(own.field_errors && !own.retry_after);
        assert_eq!(
            (own.oauth, own.body, own.message),
            ("", "{\"message\":\"x\"}", "x")
        );
        assert_eq!(
            (own.problem_type, own.problem_title),
            ("urn:problem:0", "Gone")
        );
        assert_eq!((*name, *doc), ("Billing", ""));
    }

    #[test]
    fn stops_at_anything_malformed() {
        assert!(parse("").is_empty());
        assert!(parse("x").is_empty());
        assert!(parse("o99:short").is_empty());
        assert!(parse("o2:é").is_empty(), "a name and nothing else");
        assert_eq!(parse("i1:a0:o1:").len(), 1);
        assert!(parse("o1:\u{e9}").is_empty(), "a length inside a character");
    }
}
