//! A `tracing` subscriber that keeps every event, with its target, level and
//! fields as text: the tests' view of what an operator's logs receive.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fmt;
use std::sync::{Arc, Mutex};

use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Level, Metadata, Subscriber};

/// One event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Captured {
    pub target: String,
    pub level: Level,
    /// Every field by name: strings as they are, anything else by `Debug`
    /// (a `%display` value's `Debug` is its `Display`).
    pub fields: BTreeMap<String, String>,
    /// The fields recorded as integers, which a subscriber sees as numbers
    /// rather than text (also in `fields`, as text).
    pub numbers: BTreeMap<String, i128>,
}

impl Captured {
    pub fn field(&self, name: &str) -> Option<&str> {
        self.fields.get(name).map(String::as_str)
    }

    /// A field recorded as an integer.
    pub fn number(&self, name: &str) -> Option<i128> {
        self.numbers.get(name).copied()
    }
}

/// The subscriber; clones share their events.
#[derive(Clone, Default)]
pub struct Capture {
    events: Arc<Mutex<Vec<Captured>>>,
}

impl Capture {
    /// Every event so far, emptying the list.
    pub fn take(&self) -> Vec<Captured> {
        std::mem::take(&mut *self.events.lock().unwrap())
    }
}

impl Subscriber for Capture {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, _: &Attributes<'_>) -> Id {
        Id::from_u64(1)
    }
    fn record(&self, _: &Id, _: &Record<'_>) {}
    fn record_follows_from(&self, _: &Id, _: &Id) {}
    fn event(&self, event: &tracing::Event<'_>) {
        let mut fields = Fields::default();
        event.record(&mut fields);
        self.events.lock().unwrap().push(Captured {
            target: event.metadata().target().to_owned(),
            level: *event.metadata().level(),
            fields: fields.text,
            numbers: fields.numbers,
        });
    }
    fn enter(&self, _: &Id) {}
    fn exit(&self, _: &Id) {}
}

#[derive(Default)]
struct Fields {
    text: BTreeMap<String, String>,
    numbers: BTreeMap<String, i128>,
}

impl Visit for Fields {
    fn record_i64(&mut self, field: &Field, value: i64) {
        self.numbers.insert(field.name().to_owned(), value.into());
        self.record_debug(field, &value);
    }
    fn record_u64(&mut self, field: &Field, value: u64) {
        self.numbers.insert(field.name().to_owned(), value.into());
        self.record_debug(field, &value);
    }
    fn record_str(&mut self, field: &Field, value: &str) {
        self.text.insert(field.name().to_owned(), value.to_owned());
    }
    fn record_debug(&mut self, field: &Field, value: &dyn fmt::Debug) {
        self.text
            .insert(field.name().to_owned(), format!("{value:?}"));
    }
}
