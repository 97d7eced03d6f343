//! RFC 2610: SLP directory agents (78) and service scopes (79).

use core::fmt;

use super::common::{Ipv4List, Text};
use super::value::{OptionData, invalid_at, invalid_len};
use crate::code::OptionCode;
use crate::error::Error;

fn mandatory(code: OptionCode, data: &[u8], offset: usize) -> Result<(bool, &[u8]), Error> {
    match data.split_first() {
        Some((0, rest)) => Ok((false, rest)),
        Some((1, rest)) => Ok((true, rest)),
        Some(_) => Err(invalid_at(code, offset, 0, "a Mandatory byte of 0 or 1")),
        None => Err(invalid_len(code, data, offset, "at least 1 byte")),
    }
}

/// Option 78: whether the agents are mandatory, and the agents' addresses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SlpDirectoryAgent<'a> {
    /// The Mandatory byte: the client must use only these agents.
    pub mandatory: bool,
    /// The directory agents (may be empty).
    pub agents: Ipv4List<'a>,
}

impl<'a> OptionData<'a> for SlpDirectoryAgent<'a> {
    fn decode(code: OptionCode, data: &'a [u8], offset: usize) -> Result<Self, Error> {
        let (mandatory, rest) = mandatory(code, data, offset)?;
        let agents = Ipv4List::new_maybe_empty(rest)
            .ok_or_else(|| invalid_len(code, data, offset, "1 + a multiple of 4 bytes"))?;
        Ok(SlpDirectoryAgent { mandatory, agents })
    }
    fn encoded_len(&self) -> usize {
        1 + self.agents.as_bytes().len()
    }
    fn encode(&self, sink: &mut dyn FnMut(&[u8])) {
        sink(&[u8::from(self.mandatory)]);
        sink(self.agents.as_bytes());
    }
}

impl fmt::Display for SlpDirectoryAgent<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mandatory {
            f.write_str("mandatory ")?;
        }
        write!(f, "{}", self.agents)
    }
}

/// Option 79: whether the scopes are mandatory, and the scope list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SlpServiceScope<'a> {
    /// The Mandatory byte.
    pub mandatory: bool,
    /// The comma-separated scope list (may be empty: unscoped).
    pub scopes: Text<'a>,
}

impl<'a> OptionData<'a> for SlpServiceScope<'a> {
    fn decode(code: OptionCode, data: &'a [u8], offset: usize) -> Result<Self, Error> {
        let (mandatory, rest) = mandatory(code, data, offset)?;
        Ok(SlpServiceScope {
            mandatory,
            scopes: Text(rest),
        })
    }
    fn encoded_len(&self) -> usize {
        1 + self.scopes.0.len()
    }
    fn encode(&self, sink: &mut dyn FnMut(&[u8])) {
        sink(&[u8::from(self.mandatory)]);
        sink(self.scopes.0);
    }
}

impl fmt::Display for SlpServiceScope<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mandatory {
            f.write_str("mandatory ")?;
        }
        write!(f, "\"{}\"", self.scopes)
    }
}

#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
mod json {
    use super::*;
    use serde::ser::SerializeMap;
    use serde::{Serialize, Serializer};

    impl Serialize for SlpDirectoryAgent<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut m = s.serialize_map(Some(2))?;
            m.serialize_entry("mandatory", &self.mandatory)?;
            m.serialize_entry("agents", &self.agents)?;
            m.end()
        }
    }

    impl Serialize for SlpServiceScope<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut m = s.serialize_map(Some(2))?;
            m.serialize_entry("mandatory", &self.mandatory)?;
            m.serialize_entry("scopes", &self.scopes)?;
            m.end()
        }
    }
}
