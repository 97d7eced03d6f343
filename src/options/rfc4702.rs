//! RFC 4702: client FQDN (81).

use core::fmt;

use super::common::Text;
use super::dns::{Form, Name, check_name};
use super::value::{OptionData, invalid_len};
use crate::code::OptionCode;
use crate::error::Error;

/// Option 81: flags, the two deprecated RCODE bytes and the name.
///
/// With the E flag the name is in DNS wire form, uncompressed, possibly
/// partial (no root label); without it, ASCII (deprecated, but what many
/// clients send).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ClientFqdn<'a> {
    /// The flags byte (S 0x01, O 0x02, E 0x04, N 0x08; others must be zero
    /// and are kept as received).
    pub flags: u8,
    /// RCODE1 (0 or 255 per RFC 4702 §2.2).
    pub rcode1: u8,
    /// RCODE2.
    pub rcode2: u8,
    /// The name bytes as received (wire form when [`Self::E`] is set).
    pub name: &'a [u8],
}

impl<'a> ClientFqdn<'a> {
    /// S: the server should perform the A RR update.
    pub const S: u8 = 0x01;
    /// O: the server overrode the client's S preference.
    pub const O: u8 = 0x02;
    /// E: the name is in DNS wire format.
    pub const E: u8 = 0x04;
    /// N: the server should perform no DNS updates.
    pub const N: u8 = 0x08;

    /// The name in wire form (E flag set), checked on decode; `None` for an
    /// ASCII or empty name.
    pub fn wire_name(&self) -> Option<Name<'a>> {
        if self.flags & Self::E == 0 || self.name.is_empty() {
            return None;
        }
        let (end, partial) = check_name(81, self.name, 0, 0, Form::Partial).ok()?;
        Some(Name::checked(self.name, 0, end, partial))
    }

    /// The name as ASCII text (E flag clear).
    pub fn ascii_name(&self) -> Option<Text<'a>> {
        (self.flags & Self::E == 0).then_some(Text(self.name))
    }
}

impl<'a> OptionData<'a> for ClientFqdn<'a> {
    fn decode(code: OptionCode, data: &'a [u8], offset: usize) -> Result<Self, Error> {
        let Some((&[flags, rcode1, rcode2], name)) = data.split_first_chunk::<3>() else {
            return Err(invalid_len(code, data, offset, "at least 3 bytes"));
        };
        if flags & Self::E != 0 && !name.is_empty() {
            let value_start = offset.saturating_add(5);
            let (end, partial) = check_name(code.0, name, 0, value_start, Form::Partial)?;
            if end != name.len() {
                // Only one name: anything after its root label is wrong.
                return Err(Error::InvalidValue {
                    code: code.0,
                    offset: value_start.saturating_add(end),
                    expected: "nothing after the name's root label",
                });
            }
            let _ = partial;
        }
        Ok(ClientFqdn {
            flags,
            rcode1,
            rcode2,
            name,
        })
    }
    fn encoded_len(&self) -> usize {
        3 + self.name.len()
    }
    fn encode(&self, sink: &mut dyn FnMut(&[u8])) {
        sink(&[self.flags, self.rcode1, self.rcode2]);
        sink(self.name);
    }
}

impl fmt::Display for ClientFqdn<'_> {
    /// `[S,E] rcodes 0/0 "host.example.com."`: a fully qualified wire name
    /// ends with a dot, a partial one does not.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[")?;
        let mut first = true;
        for (bit, name) in [
            (Self::S, "S"),
            (Self::O, "O"),
            (Self::E, "E"),
            (Self::N, "N"),
        ] {
            if self.flags & bit != 0 {
                if !first {
                    f.write_str(",")?;
                }
                first = false;
                f.write_str(name)?;
            }
        }
        if self.flags & 0xf0 != 0 {
            write!(
                f,
                "{}MBZ {:#04x}",
                if first { "" } else { "," },
                self.flags & 0xf0
            )?;
        }
        write!(f, "] rcodes {}/{}", self.rcode1, self.rcode2)?;
        match self.wire_name() {
            Some(n) if n.is_partial() => write!(f, " \"{n}\""),
            Some(n) if n.is_root() => write!(f, " \".\""),
            Some(n) => write!(f, " \"{n}.\""),
            None if self.name.is_empty() => Ok(()),
            None => write!(f, " \"{}\"", Text(self.name)),
        }
    }
}

#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl serde::Serialize for ClientFqdn<'_> {
    /// `{"flags": n, "s": b, "o": b, "e": b, "n": b, "rcode1", "rcode2",
    /// "name": "host.example.com" or null}`.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use super::json::Str;
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("flags", &self.flags)?;
        m.serialize_entry("s", &(self.flags & Self::S != 0))?;
        m.serialize_entry("o", &(self.flags & Self::O != 0))?;
        m.serialize_entry("e", &(self.flags & Self::E != 0))?;
        m.serialize_entry("n", &(self.flags & Self::N != 0))?;
        m.serialize_entry("rcode1", &self.rcode1)?;
        m.serialize_entry("rcode2", &self.rcode2)?;
        match (self.wire_name(), self.ascii_name()) {
            (Some(n), _) => m.serialize_entry("name", &Str(n))?,
            (None, Some(t)) if !t.0.is_empty() => m.serialize_entry("name", &t)?,
            _ => m.serialize_entry("name", &())?,
        }
        if let Some(n) = self.wire_name() {
            m.serialize_entry("partial", &n.is_partial())?;
        }
        m.end()
    }
}
