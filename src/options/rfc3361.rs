//! RFC 3361: SIP servers (120), as domain names or addresses.

use core::fmt;

use super::common::Ipv4List;
use super::dns::DomainList;
use super::value::{OptionData, invalid_at, invalid_len};
use crate::code::OptionCode;
use crate::error::Error;

/// Option 120: an encoding byte, then names (0) or addresses (1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SipServers<'a> {
    /// Encoding 0: domain names (RFC 1035 wire form, compression allowed).
    Names(DomainList<'a>),
    /// Encoding 1: IPv4 addresses.
    Addresses(Ipv4List<'a>),
}

impl<'a> OptionData<'a> for SipServers<'a> {
    fn decode(code: OptionCode, data: &'a [u8], offset: usize) -> Result<Self, Error> {
        match data.split_first() {
            Some((0, rest)) if !rest.is_empty() => Ok(SipServers::Names(DomainList::check(
                code.0,
                rest,
                offset.saturating_add(3),
            )?)),
            Some((1, rest)) => Ipv4List::new(rest)
                .map(SipServers::Addresses)
                .ok_or_else(|| {
                    invalid_len(code, data, offset, "1 + a non-zero multiple of 4 bytes")
                }),
            Some((0, _)) | None => Err(invalid_len(code, data, offset, "at least 2 bytes")),
            Some(_) => Err(invalid_at(
                code,
                offset,
                0,
                "encoding 0 (names) or 1 (addresses)",
            )),
        }
    }
    fn encoded_len(&self) -> usize {
        1 + match self {
            SipServers::Names(n) => n.as_bytes().len(),
            SipServers::Addresses(a) => a.as_bytes().len(),
        }
    }
    fn encode(&self, sink: &mut dyn FnMut(&[u8])) {
        match self {
            SipServers::Names(n) => {
                sink(&[0]);
                sink(n.as_bytes());
            }
            SipServers::Addresses(a) => {
                sink(&[1]);
                sink(a.as_bytes());
            }
        }
    }
}

impl fmt::Display for SipServers<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SipServers::Names(n) => write!(f, "{n}"),
            SipServers::Addresses(a) => write!(f, "{a}"),
        }
    }
}

#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl serde::Serialize for SipServers<'_> {
    /// `{"encoding": 0, "names": [...]}` or `{"encoding": 1, "addresses": [...]}`.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(2))?;
        match self {
            SipServers::Names(n) => {
                m.serialize_entry("encoding", &0)?;
                m.serialize_entry("names", n)?;
            }
            SipServers::Addresses(a) => {
                m.serialize_entry("encoding", &1)?;
                m.serialize_entry("addresses", a)?;
            }
        }
        m.end()
    }
}
