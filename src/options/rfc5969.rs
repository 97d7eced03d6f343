//! RFC 5969: 6rd (212).

use core::fmt;
use core::net::Ipv6Addr;

use super::common::Ipv4List;
use super::value::{OptionData, checked_head, invalid_at, invalid_len};
use crate::code::OptionCode;
use crate::error::Error;

/// Option 212: IPv4 mask length, 6rd prefix and border relays.
///
/// The value is kept as it was on the wire (checked on decode); the fields
/// are read from it by the accessors.
///
/// ```
/// use dhcpwire::{DhcpOption, OptionCode};
/// let mut value = vec![8, 32, 0x20, 0x01, 0x0d, 0xb8];
/// value.extend_from_slice(&[0; 12]);
/// value.extend_from_slice(&[192, 0, 2, 1]);
/// let DhcpOption::SixRd(six) = DhcpOption::decode(OptionCode::OPTION_6RD, &value, 0).unwrap()
/// else { unreachable!() };
/// assert_eq!((six.ipv4_mask_len(), six.prefix_len()), (8, 32));
/// assert_eq!(six.prefix().to_string(), "2001:db8::");
/// assert_eq!(six.border_relays().to_string(), "192.0.2.1");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct SixRd<'a> {
    /// The whole value: 18 fixed bytes, then the border relays.
    data: &'a [u8],
}

const _: () = assert!(core::mem::size_of::<SixRd<'static>>() <= 24);

impl<'a> SixRd<'a> {
    /// The 18 fixed bytes and the border relays after them.
    #[inline]
    fn split(&self) -> (&'a [u8; 18], &'a [u8]) {
        checked_head(self.data)
    }

    /// Number of high-order IPv4 bits common to all CEs (0..=32).
    #[inline]
    pub fn ipv4_mask_len(&self) -> u8 {
        let [mask, ..] = *self.split().0;
        mask
    }

    /// Length of the 6rd prefix.
    #[inline]
    pub fn prefix_len(&self) -> u8 {
        let [_, plen, ..] = *self.split().0;
        plen
    }

    /// The 6rd prefix.
    #[inline]
    pub fn prefix(&self) -> Ipv6Addr {
        let [_, _, prefix @ ..] = *self.split().0;
        Ipv6Addr::from(prefix)
    }

    /// Border relay addresses (at least one).
    #[inline]
    pub fn border_relays(&self) -> Ipv4List<'a> {
        // `decode` checked them: a non-zero multiple of 4 bytes.
        Ipv4List::checked(self.split().1)
    }
}

impl<'a> OptionData<'a> for SixRd<'a> {
    fn decode(code: OptionCode, data: &'a [u8], offset: usize) -> Result<Self, Error> {
        let err = || invalid_len(code, data, offset, "18 + a non-zero multiple of 4 bytes");
        let (&[mask, plen, ..], rest) = data.split_first_chunk::<18>().ok_or_else(err)?;
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
        Ipv4List::new(rest).ok_or_else(err)?;
        Ok(SixRd { data })
    }
    fn encoded_len(&self) -> usize {
        self.data.len()
    }
    fn encode(&self, sink: &mut dyn FnMut(&[u8])) {
        sink(self.data);
    }
}

impl fmt::Debug for SixRd<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SixRd")
            .field("ipv4_mask_len", &self.ipv4_mask_len())
            .field("prefix_len", &self.prefix_len())
            .field("prefix", &self.prefix())
            .field("border_relays", &self.border_relays())
            .finish()
    }
}

impl fmt::Display for SixRd<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "prefix {}/{}, IPv4 mask length {}, border relays {}",
            self.prefix(),
            self.prefix_len(),
            self.ipv4_mask_len(),
            self.border_relays()
        )
    }
}

#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl serde::Serialize for SixRd<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use super::json::Str;
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(4))?;
        m.serialize_entry("ipv4_mask_len", &self.ipv4_mask_len())?;
        m.serialize_entry("prefix_len", &self.prefix_len())?;
        m.serialize_entry("prefix", &Str(self.prefix()))?;
        m.serialize_entry("border_relays", &self.border_relays())?;
        m.end()
    }
}
