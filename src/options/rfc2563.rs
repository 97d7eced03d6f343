//! RFC 2563: auto-configure (116).

use core::fmt;

use super::value::{Length, OptionData, invalid_at, invalid_len};
use crate::code::OptionCode;
use crate::error::Error;

/// Option 116: whether the client may auto-configure an IPv4 link-local
/// address (1) or not (0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AutoConfigure {
    /// 0: DoNotAutoConfigure.
    DoNotAutoConfigure,
    /// 1: AutoConfigure.
    AutoConfigure,
}

impl OptionData<'_> for AutoConfigure {
    const LENGTH: Length = Length::Fixed(1);
    fn decode(code: OptionCode, data: &[u8], offset: usize) -> Result<Self, Error> {
        match data {
            [0] => Ok(AutoConfigure::DoNotAutoConfigure),
            [1] => Ok(AutoConfigure::AutoConfigure),
            [_] => Err(invalid_at(code, offset, 0, "0 or 1")),
            _ => Err(invalid_len(code, data, offset, "1 byte")),
        }
    }
    fn encoded_len(&self) -> usize {
        1
    }
    fn encode(&self, sink: &mut dyn FnMut(&[u8])) {
        sink(&[u8::from(*self == AutoConfigure::AutoConfigure)]);
    }
}

impl fmt::Display for AutoConfigure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            AutoConfigure::DoNotAutoConfigure => "DoNotAutoConfigure",
            AutoConfigure::AutoConfigure => "AutoConfigure",
        })
    }
}

#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl serde::Serialize for AutoConfigure {
    /// The wire value, 0 or 1.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(u8::from(*self == AutoConfigure::AutoConfigure))
    }
}

#[cfg(all(test, feature = "serde"))]
mod tests {
    use super::*;

    #[test]
    fn json_is_the_wire_value() {
        // RFC 2563 §2: 0 DoNotAutoConfigure, 1 AutoConfigure.
        let json = |v: AutoConfigure| serde_json::to_string(&v).unwrap();
        assert_eq!(json(AutoConfigure::DoNotAutoConfigure), "0");
        assert_eq!(json(AutoConfigure::AutoConfigure), "1");
    }
}
