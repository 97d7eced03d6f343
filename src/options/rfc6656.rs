//! RFC 6656: subnet allocation (220).

use core::fmt;

use super::common::SubOptions;
use super::value::{Offset32, OptionData, invalid_len};
use crate::code::OptionCode;
use crate::error::Error;

/// Option 220: flags and sub-options (1 prefix, 2 subnet information,
/// 3 subnet name).
///
/// The value is kept as it was on the wire (checked on decode); the fields
/// are read from it by the accessors.
///
/// ```
/// use dhcpwire::{DhcpOption, OptionCode};
/// let value = [0x03, 1, 2, 24, 0];
/// let DhcpOption::SubnetAllocation(s) = DhcpOption::decode(OptionCode::SUBNET_ALLOCATION, &value, 0).unwrap()
/// else { unreachable!() };
/// assert_eq!(s.flags(), 0x03);
/// let prefix = s.options().find(1).unwrap();
/// assert_eq!((prefix.data, prefix.offset), (&[24, 0][..], 3));
/// ```
#[derive(Clone)]
pub struct SubnetAllocation<'a> {
    /// The whole value: the flags byte, then the sub-options.
    data: &'a [u8],
    /// Message offset of the first sub-option byte (saturating at
    /// `u32::MAX`), for the offsets the sub-options report.
    base: Offset32,
    /// The code the value was decoded as (the sub-options' parent).
    code: u8,
}

const _: () = assert!(core::mem::size_of::<SubnetAllocation<'static>>() <= 24);

impl<'a> SubnetAllocation<'a> {
    /// Flags: 0x01 C (client), 0x02 S (server).
    #[inline]
    pub fn flags(&self) -> u8 {
        // `decode` checked that there is a flags byte, so the fallback is
        // never taken.
        self.data.first().copied().unwrap_or(0)
    }

    /// The sub-options, checked on decode.
    #[inline]
    pub fn options(&self) -> SubOptions<'a> {
        let subs = self.data.get(1..).unwrap_or(&[]);
        SubOptions::new(self.code, subs, self.base.get())
    }
}

impl<'a> OptionData<'a> for SubnetAllocation<'a> {
    fn decode(code: OptionCode, data: &'a [u8], offset: usize) -> Result<Self, Error> {
        let Some((_, rest)) = data.split_first() else {
            return Err(invalid_len(code, data, offset, "at least 1 byte"));
        };
        let base = offset.saturating_add(3);
        SubOptions::new(code.0, rest, base).validate()?;
        Ok(SubnetAllocation {
            data,
            base: Offset32::new(base),
            code: code.0,
        })
    }
    fn encoded_len(&self) -> usize {
        self.data.len()
    }
    fn encode(&self, sink: &mut dyn FnMut(&[u8])) {
        sink(self.data);
    }
}

/// Equal when the code and the bytes are: where the value sits in the
/// message does not matter (as for [`SubOptions`]).
impl PartialEq for SubnetAllocation<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.code == other.code && self.data == other.data
    }
}

impl Eq for SubnetAllocation<'_> {}

impl fmt::Debug for SubnetAllocation<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SubnetAllocation")
            .field("flags", &self.flags())
            .field("options", &self.options())
            .finish()
    }
}

impl fmt::Display for SubnetAllocation<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "flags {:#04x}", self.flags())?;
        let options = self.options();
        if !options.as_bytes().is_empty() {
            write!(f, "; {options}")?;
        }
        Ok(())
    }
}

#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl serde::Serialize for SubnetAllocation<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(2))?;
        m.serialize_entry("flags", &self.flags())?;
        m.serialize_entry("options", &self.options())?;
        m.end()
    }
}

/// The name of a subnet allocation (option 220) sub-option (RFC 6656 §3).
pub const fn sub_option_name(code: u8) -> &'static str {
    match code {
        1 => "Prefix",
        2 => "Subnet Information",
        3 => "Subnet Name",
        _ => "Unknown",
    }
}
