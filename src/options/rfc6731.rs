//! RFC 6731: RDNSS selection (146).

use core::fmt;
use core::net::Ipv4Addr;

use super::dns::DomainList;
use super::typed::{OptionData, invalid_len};
use crate::code::OptionCode;
use crate::error::Error;

/// Option 146: preference, primary and secondary server, and the domains
/// and networks they serve (may be empty).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RdnssSelection<'a> {
    /// The flags byte; bits 3–4 are the preference (01 high, 00 medium,
    /// 11 low).
    pub flags: u8,
    /// Primary DNS server.
    pub primary: Ipv4Addr,
    /// Secondary DNS server.
    pub secondary: Ipv4Addr,
    /// Domains and reverse zones served.
    pub domains: DomainList<'a>,
}

impl RdnssSelection<'_> {
    /// `"high"`, `"medium"`, `"low"` or `"reserved"`.
    pub fn preference(&self) -> &'static str {
        match (self.flags >> 3) & 0b11 {
            0b01 => "high",
            0b00 => "medium",
            0b11 => "low",
            _ => "reserved",
        }
    }
}

impl<'a> OptionData<'a> for RdnssSelection<'a> {
    fn decode(code: OptionCode, data: &'a [u8], offset: usize) -> Result<Self, Error> {
        let Some((&[flags, a, b, c, d, e, f, g, h], rest)) = data.split_first_chunk::<9>() else {
            return Err(invalid_len(code, data, offset, "at least 9 bytes"));
        };
        Ok(RdnssSelection {
            flags,
            primary: Ipv4Addr::new(a, b, c, d),
            secondary: Ipv4Addr::new(e, f, g, h),
            domains: DomainList::check(code.0, rest, offset.saturating_add(11))?,
        })
    }
    fn encoded_len(&self) -> usize {
        9 + self.domains.as_bytes().len()
    }
    fn encode(&self, sink: &mut dyn FnMut(&[u8])) {
        sink(&[self.flags]);
        sink(&self.primary.octets());
        sink(&self.secondary.octets());
        sink(self.domains.as_bytes());
    }
}

impl fmt::Display for RdnssSelection<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "preference {}, primary {}, secondary {}",
            self.preference(),
            self.primary,
            self.secondary
        )?;
        if !self.domains.is_empty() {
            write!(f, ", domains {}", self.domains)?;
        }
        Ok(())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for RdnssSelection<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use super::typed::json::Str;
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(5))?;
        m.serialize_entry("flags", &self.flags)?;
        m.serialize_entry("preference", self.preference())?;
        m.serialize_entry("primary", &Str(self.primary))?;
        m.serialize_entry("secondary", &Str(self.secondary))?;
        m.serialize_entry("domains", &self.domains)?;
        m.end()
    }
}
