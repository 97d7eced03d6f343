//! RFC 6656: subnet allocation (220).

use core::fmt;

use super::relay::SubOptions;
use super::typed::{OptionData, invalid_len};
use crate::code::OptionCode;
use crate::error::Error;

/// Option 220: flags and sub-options (1 prefix, 2 subnet information,
/// 3 subnet name).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubnetAllocation<'a> {
    /// Flags: 0x01 C (client), 0x02 S (server).
    pub flags: u8,
    /// The sub-options, checked on decode.
    pub options: SubOptions<'a>,
}

impl<'a> OptionData<'a> for SubnetAllocation<'a> {
    fn decode(code: OptionCode, data: &'a [u8], offset: usize) -> Result<Self, Error> {
        let Some((&flags, rest)) = data.split_first() else {
            return Err(invalid_len(code, data, offset, "at least 1 byte"));
        };
        let options = SubOptions::new(code.0, rest, offset.saturating_add(3));
        options.validate()?;
        Ok(SubnetAllocation { flags, options })
    }
    fn encoded_len(&self) -> usize {
        1 + self.options.as_bytes().len()
    }
    fn encode(&self, sink: &mut dyn FnMut(&[u8])) {
        sink(&[self.flags]);
        sink(self.options.as_bytes());
    }
}

impl fmt::Display for SubnetAllocation<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "flags {:#04x}", self.flags)?;
        if !self.options.as_bytes().is_empty() {
            write!(f, "; {}", self.options)?;
        }
        Ok(())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for SubnetAllocation<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(2))?;
        m.serialize_entry("flags", &self.flags)?;
        m.serialize_entry("options", &self.options)?;
        m.end()
    }
}
