//! RFC 6607: virtual subnet selection (221, and relay sub-option 151).

use core::fmt;

use super::common::Text;
use super::value::{OptionData, invalid_len};
use crate::code::OptionCode;
use crate::error::Error;
use crate::fmt::Hex;

/// A VSS value: type and VPN identifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct VirtualSubnet<'a> {
    /// 0 NVT ASCII VPN identifier, 1 RFC 2685 VPN-ID (7 bytes), 255 global
    /// (default) VPN (no data).
    pub kind: u8,
    /// The identifier.
    pub info: &'a [u8],
}

impl<'a> VirtualSubnet<'a> {
    pub(crate) fn parse(data: &'a [u8]) -> Option<Self> {
        let (&kind, info) = data.split_first()?;
        match (kind, info.len()) {
            (1, 7) | (255, 0) => {}
            (1 | 255, _) => return None,
            _ => {}
        }
        Some(VirtualSubnet { kind, info })
    }
}

impl<'a> OptionData<'a> for VirtualSubnet<'a> {
    fn decode(code: OptionCode, data: &'a [u8], offset: usize) -> Result<Self, Error> {
        Self::parse(data).ok_or_else(|| {
            invalid_len(
                code,
                data,
                offset,
                "1 byte type + data (8 bytes for type 1, 1 for type 255)",
            )
        })
    }
    fn encoded_len(&self) -> usize {
        1 + self.info.len()
    }
    fn encode(&self, sink: &mut dyn FnMut(&[u8])) {
        sink(&[self.kind]);
        sink(self.info);
    }
}

impl fmt::Display for VirtualSubnet<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            0 => write!(f, "VPN \"{}\"", Text(self.info)),
            1 => write!(f, "VPN-ID {}", Hex(self.info)),
            255 => f.write_str("global VPN"),
            k => write!(f, "type {k} {}", Hex(self.info)),
        }
    }
}

#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl serde::Serialize for VirtualSubnet<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(2))?;
        m.serialize_entry("type", &self.kind)?;
        m.serialize_entry("info", &super::json::hex(self.info))?;
        m.end()
    }
}
