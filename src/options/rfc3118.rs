//! RFC 3118: authentication (90).

use core::fmt;

use super::typed::{OptionData, invalid_len};
use crate::code::OptionCode;
use crate::error::Error;
use crate::fmt::Hex;

/// Option 90: protocol, algorithm, replay detection and the authentication
/// information.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Authentication<'a> {
    /// Protocol (0 configuration token, 1 delayed authentication, 3 RFC 4030).
    pub protocol: u8,
    /// Algorithm (1 HMAC-MD5 for protocol 1).
    pub algorithm: u8,
    /// Replay detection method (0 monotonically increasing counter).
    pub rdm: u8,
    /// Replay detection value.
    pub replay_detection: u64,
    /// Authentication information.
    pub info: &'a [u8],
}

impl<'a> OptionData<'a> for Authentication<'a> {
    fn decode(code: OptionCode, data: &'a [u8], offset: usize) -> Result<Self, Error> {
        match data.split_first_chunk::<11>() {
            Some((head, info)) => {
                let [protocol, algorithm, rdm, r @ ..] = *head;
                Ok(Authentication {
                    protocol,
                    algorithm,
                    rdm,
                    replay_detection: u64::from_be_bytes(r),
                    info,
                })
            }
            None => Err(invalid_len(code, data, offset, "at least 11 bytes")),
        }
    }
    fn encoded_len(&self) -> usize {
        11 + self.info.len()
    }
    fn encode(&self, sink: &mut dyn FnMut(&[u8])) {
        sink(&[self.protocol, self.algorithm, self.rdm]);
        sink(&self.replay_detection.to_be_bytes());
        sink(self.info);
    }
}

impl fmt::Display for Authentication<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let protocol = match self.protocol {
            0 => "configuration token",
            1 => "delayed authentication",
            2 => "delayed authentication (obsolete)",
            3 => "reconfigure key",
            _ => "unknown",
        };
        write!(
            f,
            "protocol {} ({protocol}), algorithm {}, RDM {}, replay detection {:#018x}, info {}",
            self.protocol,
            self.algorithm,
            self.rdm,
            self.replay_detection,
            Hex(self.info)
        )
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Authentication<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(5))?;
        m.serialize_entry("protocol", &self.protocol)?;
        m.serialize_entry("algorithm", &self.algorithm)?;
        m.serialize_entry("rdm", &self.rdm)?;
        m.serialize_entry("replay_detection", &self.replay_detection)?;
        m.serialize_entry("info", &super::typed::json::hex(self.info))?;
        m.end()
    }
}
