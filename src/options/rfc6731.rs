//! RFC 6731: RDNSS selection (146).

use core::fmt;
use core::net::Ipv4Addr;

use super::dns::DomainList;
use super::value::{OptionData, checked_head, invalid_len};
use crate::code::OptionCode;
use crate::error::Error;

/// Option 146: preference, primary and secondary server, and the domains
/// and networks they serve (may be empty).
///
/// The value is kept as it was on the wire (checked on decode); the fields
/// are read from it by the accessors.
///
/// ```
/// use dhcpwire::{DhcpOption, OptionCode};
/// let value = b"\x08\x0a\x00\x00\x01\x0a\x00\x00\x02\x07example\x03com\x00";
/// let DhcpOption::RdnssSelection(r) = DhcpOption::decode(OptionCode::RDNSS_SELECTION, value, 0).unwrap()
/// else { unreachable!() };
/// assert_eq!(r.preference(), "high");
/// assert_eq!(r.primary().to_string(), "10.0.0.1");
/// assert_eq!(r.domains().to_string(), "example.com");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct RdnssSelection<'a> {
    /// The whole value: 9 fixed bytes, then the domains.
    data: &'a [u8],
}

const _: () = assert!(core::mem::size_of::<RdnssSelection<'static>>() <= 24);

impl<'a> RdnssSelection<'a> {
    /// The 9 fixed bytes and the domains after them.
    #[inline]
    fn split(&self) -> (&'a [u8; 9], &'a [u8]) {
        checked_head(self.data)
    }

    /// The flags byte; bits 3–4 are the preference (01 high, 00 medium,
    /// 11 low).
    #[inline]
    pub fn flags(&self) -> u8 {
        let [flags, ..] = *self.split().0;
        flags
    }

    /// Primary DNS server.
    #[inline]
    pub fn primary(&self) -> Ipv4Addr {
        let [_, a, b, c, d, ..] = *self.split().0;
        Ipv4Addr::new(a, b, c, d)
    }

    /// Secondary DNS server.
    #[inline]
    pub fn secondary(&self) -> Ipv4Addr {
        let [.., a, b, c, d] = *self.split().0;
        Ipv4Addr::new(a, b, c, d)
    }

    /// Domains and reverse zones served.
    #[inline]
    pub fn domains(&self) -> DomainList<'a> {
        // `decode` checked these names with `DomainList::check`.
        DomainList::checked(self.split().1)
    }

    /// `"high"`, `"medium"`, `"low"` or `"reserved"`.
    pub fn preference(&self) -> &'static str {
        match (self.flags() >> 3) & 0b11 {
            0b01 => "high",
            0b00 => "medium",
            0b11 => "low",
            _ => "reserved",
        }
    }
}

impl<'a> OptionData<'a> for RdnssSelection<'a> {
    fn decode(code: OptionCode, data: &'a [u8], offset: usize) -> Result<Self, Error> {
        let Some((_, rest)) = data.split_first_chunk::<9>() else {
            return Err(invalid_len(code, data, offset, "at least 9 bytes"));
        };
        DomainList::check(code.0, rest, offset.saturating_add(11))?;
        Ok(RdnssSelection { data })
    }
    fn encoded_len(&self) -> usize {
        self.data.len()
    }
    fn encode(&self, sink: &mut dyn FnMut(&[u8])) {
        sink(self.data);
    }
}

impl fmt::Debug for RdnssSelection<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RdnssSelection")
            .field("flags", &self.flags())
            .field("primary", &self.primary())
            .field("secondary", &self.secondary())
            .field("domains", &self.domains())
            .finish()
    }
}

impl fmt::Display for RdnssSelection<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "preference {}, primary {}, secondary {}",
            self.preference(),
            self.primary(),
            self.secondary()
        )?;
        let domains = self.domains();
        if !domains.is_empty() {
            write!(f, ", domains {domains}")?;
        }
        Ok(())
    }
}

#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl serde::Serialize for RdnssSelection<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use super::json::Str;
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(5))?;
        m.serialize_entry("flags", &self.flags())?;
        m.serialize_entry("preference", self.preference())?;
        m.serialize_entry("primary", &Str(self.primary()))?;
        m.serialize_entry("secondary", &Str(self.secondary()))?;
        m.serialize_entry("domains", &self.domains())?;
        m.end()
    }
}
