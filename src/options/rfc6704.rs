//! RFC 6704: FORCERENEW nonce capable (145).

use core::fmt;

use super::value::{Length, invalid_len};
use crate::code::OptionCode;
use crate::error::Error;
use crate::fmt::join;

/// Option 145: the nonce algorithms the client supports (1 HMAC-MD5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct NonceAlgorithms<'a>(pub &'a [u8]);

impl<'a> NonceAlgorithms<'a> {
    /// The raw bytes.
    pub fn as_bytes(&self) -> &'a [u8] {
        self.0
    }

    fn decode(code: OptionCode, data: &'a [u8], offset: usize) -> Result<Self, Error> {
        if data.is_empty() {
            return Err(invalid_len(code, data, offset, "at least 1 byte"));
        }
        Ok(NonceAlgorithms(data))
    }
}

super::value::borrowed!(
    NonceAlgorithms,
    NonceAlgorithms::decode,
    Length::Items { min: 1, unit: 1 }
);

impl fmt::Display for NonceAlgorithms<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        join(f, self.0.iter(), ", ", |f, a| {
            match a {
                1 => f.write_str("HMAC-MD5")?,
                other => write!(f, "algorithm {other}")?,
            }
            Ok(())
        })
    }
}

#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl serde::Serialize for NonceAlgorithms<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0)
    }
}
