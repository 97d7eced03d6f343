//! RFC 7618: port parameters (159).

use core::fmt;

use super::value::{Length, OptionData, invalid_at, invalid_len};
use crate::code::OptionCode;
use crate::error::Error;

/// Option 159: the port set (PSID) of a shared-address client.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PortParams {
    /// PSID offset (0..=15 bits excluded from the port set).
    pub offset: u8,
    /// PSID length in bits (0..=16).
    pub psid_len: u8,
    /// The PSID, left-aligned in 16 bits.
    pub psid: u16,
}

impl OptionData<'_> for PortParams {
    const LENGTH: Length = Length::Fixed(4);
    fn decode(code: OptionCode, data: &[u8], offset: usize) -> Result<Self, Error> {
        match data {
            [o, l, a, b] => {
                if *o > 15 {
                    return Err(invalid_at(code, offset, 0, "a PSID offset of at most 15"));
                }
                if *l > 16 {
                    return Err(invalid_at(code, offset, 1, "a PSID length of at most 16"));
                }
                Ok(PortParams {
                    offset: *o,
                    psid_len: *l,
                    psid: u16::from_be_bytes([*a, *b]),
                })
            }
            _ => Err(invalid_len(code, data, offset, "4 bytes")),
        }
    }
    fn encoded_len(&self) -> usize {
        4
    }
    fn encode(&self, sink: &mut dyn FnMut(&[u8])) {
        let [a, b] = self.psid.to_be_bytes();
        sink(&[self.offset, self.psid_len, a, b]);
    }
}

impl fmt::Display for PortParams {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "PSID offset {}, PSID length {}, PSID {:#06x}",
            self.offset, self.psid_len, self.psid
        )
    }
}

#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl serde::Serialize for PortParams {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(3))?;
        m.serialize_entry("offset", &self.offset)?;
        m.serialize_entry("psid_len", &self.psid_len)?;
        m.serialize_entry("psid", &self.psid)?;
        m.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(data: &[u8]) -> Result<PortParams, Error> {
        PortParams::decode(OptionCode(159), data, 240)
    }

    #[test]
    fn offset_and_length_at_and_past_their_limits() {
        // RFC 7618, option 159: an offset of 0 to 15 bits, a PSID length of 0
        // to 16.
        assert_eq!(
            decode(&[15, 16, 0x12, 0x34]),
            Ok(PortParams {
                offset: 15,
                psid_len: 16,
                psid: 0x1234,
            })
        );
        assert_eq!(
            decode(&[16, 8, 0, 0]),
            Err(invalid_at(
                OptionCode(159),
                240,
                0,
                "a PSID offset of at most 15"
            ))
        );
        assert_eq!(
            decode(&[6, 17, 0, 0]),
            Err(invalid_at(
                OptionCode(159),
                240,
                1,
                "a PSID length of at most 16"
            ))
        );
    }
}
