//! RFC 5969: 6rd (212).

use core::fmt;
use core::net::Ipv6Addr;

use super::typed::{Ipv4List, OptionData, invalid_at, invalid_len};
use crate::code::OptionCode;
use crate::error::Error;

/// Option 212: IPv4 mask length, 6rd prefix and border relays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SixRd<'a> {
    /// Number of high-order IPv4 bits common to all CEs (0..=32).
    pub ipv4_mask_len: u8,
    /// Length of the 6rd prefix.
    pub prefix_len: u8,
    /// The 6rd prefix.
    pub prefix: Ipv6Addr,
    /// Border relay addresses (at least one).
    pub border_relays: Ipv4List<'a>,
}

impl<'a> OptionData<'a> for SixRd<'a> {
    fn decode(code: OptionCode, data: &'a [u8], offset: usize) -> Result<Self, Error> {
        let err = || invalid_len(code, data, offset, "18 + a non-zero multiple of 4 bytes");
        let (head, rest) = data.split_first_chunk::<18>().ok_or_else(err)?;
        let (&[mask, plen], prefix) = head.split_first_chunk::<2>().ok_or_else(err)?;
        if mask > 32 {
            return Err(invalid_at(
                code,
                offset,
                0,
                "an IPv4 mask length of at most 32",
            ));
        }
        if plen > 128 {
            return Err(invalid_at(
                code,
                offset,
                1,
                "a 6rd prefix length of at most 128",
            ));
        }
        let prefix = <[u8; 16]>::try_from(prefix).map_err(|_| err())?;
        Ok(SixRd {
            ipv4_mask_len: mask,
            prefix_len: plen,
            prefix: Ipv6Addr::from(prefix),
            border_relays: Ipv4List::new(rest).ok_or_else(err)?,
        })
    }
    fn encoded_len(&self) -> usize {
        18 + self.border_relays.as_bytes().len()
    }
    fn encode(&self, sink: &mut dyn FnMut(&[u8])) {
        sink(&[self.ipv4_mask_len, self.prefix_len]);
        sink(&self.prefix.octets());
        sink(self.border_relays.as_bytes());
    }
}

impl fmt::Display for SixRd<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "prefix {}/{}, IPv4 mask length {}, border relays {}",
            self.prefix, self.prefix_len, self.ipv4_mask_len, self.border_relays
        )
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for SixRd<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use super::typed::json::Str;
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(4))?;
        m.serialize_entry("ipv4_mask_len", &self.ipv4_mask_len)?;
        m.serialize_entry("prefix_len", &self.prefix_len)?;
        m.serialize_entry("prefix", &Str(self.prefix))?;
        m.serialize_entry("border_relays", &self.border_relays)?;
        m.end()
    }
}
