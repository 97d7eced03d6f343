//! RFC 4174: iSNS (83).

use core::fmt;

use super::common::Ipv4List;
use super::value::{OptionData, checked_head, invalid_len};
use crate::code::OptionCode;
use crate::error::Error;

/// Option 83: iSNS functions, discovery domain access, administrative
/// flags, server security bitmap, then the iSNS server (and heartbeat)
/// addresses.
///
/// The value is kept as it was on the wire (checked on decode); the fields
/// are read from it by the accessors.
///
/// ```
/// use dhcpwire::{DhcpOption, OptionCode};
/// let value = [0x80, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 10, 0, 0, 83];
/// let DhcpOption::Isns(isns) = DhcpOption::decode(OptionCode::ISNS, &value, 0).unwrap()
/// else { unreachable!() };
/// assert_eq!(isns.functions(), 0x8001);
/// assert_eq!(isns.servers().to_string(), "10.0.0.83");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Isns<'a> {
    /// The whole value: 10 fixed bytes, then the addresses.
    data: &'a [u8],
}

const _: () = assert!(core::mem::size_of::<Isns<'static>>() <= 24);

impl<'a> Isns<'a> {
    /// The 10 fixed bytes and the addresses after them.
    #[inline]
    fn split(&self) -> (&'a [u8; 10], &'a [u8]) {
        checked_head(self.data)
    }

    /// iSNS functions bitmap.
    #[inline]
    pub fn functions(&self) -> u16 {
        let [a, b, ..] = *self.split().0;
        u16::from_be_bytes([a, b])
    }

    /// Discovery domain access bitmap.
    #[inline]
    pub fn dd_access(&self) -> u16 {
        let [_, _, a, b, ..] = *self.split().0;
        u16::from_be_bytes([a, b])
    }

    /// Administrative flags bitmap.
    #[inline]
    pub fn admin_flags(&self) -> u16 {
        let [_, _, _, _, a, b, ..] = *self.split().0;
        u16::from_be_bytes([a, b])
    }

    /// iSNS server security bitmap.
    #[inline]
    pub fn security(&self) -> u32 {
        let [.., a, b, c, d] = *self.split().0;
        u32::from_be_bytes([a, b, c, d])
    }

    /// The addresses (primary server first; at least one).
    #[inline]
    pub fn servers(&self) -> Ipv4List<'a> {
        // `decode` checked them: a non-zero multiple of 4 bytes.
        Ipv4List::checked(self.split().1)
    }
}

impl<'a> OptionData<'a> for Isns<'a> {
    fn decode(code: OptionCode, data: &'a [u8], offset: usize) -> Result<Self, Error> {
        let err = || invalid_len(code, data, offset, "10 + a non-zero multiple of 4 bytes");
        let (_, rest) = data.split_first_chunk::<10>().ok_or_else(err)?;
        Ipv4List::new(rest).ok_or_else(err)?;
        Ok(Isns { data })
    }
    fn encoded_len(&self) -> usize {
        self.data.len()
    }
    fn encode(&self, sink: &mut dyn FnMut(&[u8])) {
        sink(self.data);
    }
}

impl fmt::Debug for Isns<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Isns")
            .field("functions", &self.functions())
            .field("dd_access", &self.dd_access())
            .field("admin_flags", &self.admin_flags())
            .field("security", &self.security())
            .field("servers", &self.servers())
            .finish()
    }
}

impl fmt::Display for Isns<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "functions {:#06x}, DD access {:#06x}, admin flags {:#06x}, security {:#010x}, servers {}",
            self.functions(),
            self.dd_access(),
            self.admin_flags(),
            self.security(),
            self.servers()
        )
    }
}

#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl serde::Serialize for Isns<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(5))?;
        m.serialize_entry("functions", &self.functions())?;
        m.serialize_entry("dd_access", &self.dd_access())?;
        m.serialize_entry("admin_flags", &self.admin_flags())?;
        m.serialize_entry("security", &self.security())?;
        m.serialize_entry("servers", &self.servers())?;
        m.end()
    }
}
