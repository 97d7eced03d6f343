//! What validation reports: [`Violation`]s, each naming the [`Rule`],
//! the field or option ([`Subject`]), the RFC section and a [`Severity`],
//! and the fixed-capacity [`Violations`] list.

use core::fmt;

use crate::code::{MessageType, OptionCode};
use crate::error::Error;
use crate::header::Field;
use crate::header::Op;

/// How strongly the RFC words a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// MUST / MUST NOT (or a value a table fixes).
    Must,
    /// SHOULD / SHOULD NOT.
    Should,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Must => "MUST",
            Severity::Should => "SHOULD",
        })
    }
}

/// What a [`Violation`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Subject {
    /// A fixed header field.
    Field(Field),
    /// An option (all its RFC 3396 instances together).
    Option(OptionCode),
}

impl fmt::Display for Subject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Subject::Field(field) => write!(f, "field '{}'", field.name()),
            Subject::Option(code) => write!(f, "option {} ({code})", code.0),
        }
    }
}

/// Which rule a [`Violation`] breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Rule {
    /// A required option is absent, or a required field is zero.
    Missing,
    /// An option that must not appear is present, or a field that must be
    /// zero is not.
    NotAllowed,
    /// `op` does not match the message type (BOOTREQUEST for client
    /// messages, BOOTREPLY for server messages).
    WrongOp {
        /// What the message type requires.
        expected: Op,
    },
    /// An option value's length (all fragments together) breaks its format.
    Length {
        /// The length found.
        len: usize,
        /// What the format requires.
        expected: &'static str,
    },
    /// A field or option value outside its range.
    Value {
        /// What is allowed.
        expected: &'static str,
    },
    /// T1 < T2 < lease time does not hold.
    TimerOrder {
        /// Option 58, if present.
        t1: Option<u32>,
        /// Option 59, if present.
        t2: Option<u32>,
        /// Option 51, if present.
        lease: Option<u32>,
    },
    /// A reply field or option that must be copied from the request is not.
    NotCopied,
    /// The reply's message type does not answer the request's.
    WrongReplyType {
        /// The request's type.
        request: MessageType,
    },
    /// The options cannot be walked: nothing else was checked.
    Malformed(Error),
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rule::Missing => f.write_str("is required but missing"),
            Rule::NotAllowed => f.write_str("is not allowed"),
            Rule::WrongOp { expected } => write!(f, "must be {expected}"),
            Rule::Length { len, expected } => {
                write!(f, "has length {len}, expected {expected}")
            }
            Rule::Value { expected } => write!(f, "has a bad value, expected {expected}"),
            Rule::TimerOrder { t1, t2, lease } => {
                f.write_str("breaks T1 < T2 < lease (")?;
                for (name, v) in [("T1", t1), ("T2", t2), ("lease", lease)] {
                    match v {
                        Some(v) => write!(f, " {name}={v}")?,
                        None => write!(f, " {name}=-")?,
                    }
                }
                f.write_str(" )")
            }
            Rule::NotCopied => f.write_str("is not copied from the request"),
            Rule::WrongReplyType { request } => write!(f, "does not answer a {request}"),
            Rule::Malformed(e) => write!(f, "cannot be walked: {e}"),
        }
    }
}

/// One broken rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Violation {
    /// The rule.
    pub rule: Rule,
    /// The field or option.
    pub subject: Subject,
    /// MUST or SHOULD.
    pub severity: Severity,
    /// Where the rule is written, e.g. `"RFC 2131 §4.3.1, Table 3"`.
    pub section: &'static str,
    /// The message type it was checked against (`None`: the message has no
    /// valid option 53, or its options cannot be walked).
    pub message_type: Option<MessageType>,
}

impl Violation {
    pub(crate) const fn must(rule: Rule, subject: Subject, section: &'static str) -> Self {
        Violation {
            rule,
            subject,
            severity: Severity::Must,
            section,
            message_type: None,
        }
    }

    pub(crate) const fn should(rule: Rule, subject: Subject, section: &'static str) -> Self {
        Violation {
            rule,
            subject,
            severity: Severity::Should,
            section,
            message_type: None,
        }
    }
}

impl fmt::Display for Violation {
    /// `MUST: DHCP NACK option 51 (IP Address Lease Time) is not allowed [RFC 2131 §4.3.1, Table 3]`;
    /// without a message type, `DHCP (no type)` stands for `DHCP NACK`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.severity)?;
        match self.message_type {
            Some(t) => write!(f, "DHCP {t} ")?,
            None => f.write_str("DHCP (no type) ")?,
        }
        write!(f, "{} {} [{}]", self.subject, self.rule, self.section)
    }
}

/// How many violations [`Violations`] keeps; further ones are counted.
pub const MAX_VIOLATIONS: usize = 32;

/// The violations of one message, in a fixed-capacity list (no allocation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Violations {
    items: [Option<Violation>; MAX_VIOLATIONS],
    len: usize,
    dropped: usize,
}

impl Default for Violations {
    fn default() -> Self {
        Violations {
            items: [None; MAX_VIOLATIONS],
            len: 0,
            dropped: 0,
        }
    }
}

impl Violations {
    pub(crate) fn push(&mut self, v: Violation) {
        match self.items.get_mut(self.len) {
            Some(slot) => {
                *slot = Some(v);
                self.len += 1;
            }
            None => self.dropped += 1,
        }
    }

    /// Number of violations kept.
    pub fn len(&self) -> usize {
        self.len
    }

    /// No violation at all.
    pub fn is_empty(&self) -> bool {
        self.len == 0 && self.dropped == 0
    }

    /// Violations found beyond [`MAX_VIOLATIONS`] (not kept).
    pub fn dropped(&self) -> usize {
        self.dropped
    }

    /// The violations, in the order found.
    pub fn iter(&self) -> impl Iterator<Item = &Violation> + '_ {
        self.items.iter().take(self.len).flatten()
    }

    /// Whether any violation is a MUST.
    pub fn has_must(&self) -> bool {
        self.iter().any(|v| v.severity == Severity::Must)
    }
}

impl<'v> IntoIterator for &'v Violations {
    type Item = &'v Violation;
    type IntoIter = core::iter::Flatten<core::iter::Take<core::slice::Iter<'v, Option<Violation>>>>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.iter().take(self.len).flatten()
    }
}
