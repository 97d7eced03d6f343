//! RFC 3118: authentication (90).

use core::fmt;

use super::value::{OptionData, checked_head, invalid_len};
use crate::code::OptionCode;
use crate::error::Error;
use crate::fmt::Hex;

/// Option 90: protocol, algorithm, replay detection and the authentication
/// information.
///
/// The value is kept as it was on the wire (checked on decode); the fields
/// are read from it by the accessors.
///
/// ```
/// use dhcpwire::{DhcpOption, OptionCode};
/// let value = [1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 7, 0xde, 0xad];
/// let DhcpOption::Authentication(a) = DhcpOption::decode(OptionCode::AUTHENTICATION, &value, 0).unwrap()
/// else { unreachable!() };
/// assert_eq!((a.protocol(), a.algorithm(), a.rdm()), (1, 1, 0));
/// assert_eq!(a.replay_detection(), 7);
/// assert_eq!(a.info(), &[0xde, 0xad]);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Authentication<'a> {
    /// The whole value: 11 fixed bytes, then the information.
    data: &'a [u8],
}

const _: () = assert!(core::mem::size_of::<Authentication<'static>>() <= 24);

impl<'a> Authentication<'a> {
    /// The 11 fixed bytes and the information after them.
    #[inline]
    fn split(&self) -> (&'a [u8; 11], &'a [u8]) {
        checked_head(self.data)
    }

    /// Protocol (0 configuration token, 1 delayed authentication, 3 RFC 4030).
    #[inline]
    pub fn protocol(&self) -> u8 {
        let [protocol, ..] = *self.split().0;
        protocol
    }

    /// Algorithm (1 HMAC-MD5 for protocol 1).
    #[inline]
    pub fn algorithm(&self) -> u8 {
        let [_, algorithm, ..] = *self.split().0;
        algorithm
    }

    /// Replay detection method (0 monotonically increasing counter).
    #[inline]
    pub fn rdm(&self) -> u8 {
        let [_, _, rdm, ..] = *self.split().0;
        rdm
    }

    /// Replay detection value.
    #[inline]
    pub fn replay_detection(&self) -> u64 {
        let [_, _, _, r @ ..] = *self.split().0;
        u64::from_be_bytes(r)
    }

    /// Authentication information.
    #[inline]
    pub fn info(&self) -> &'a [u8] {
        self.split().1
    }
}

impl<'a> OptionData<'a> for Authentication<'a> {
    fn decode(code: OptionCode, data: &'a [u8], offset: usize) -> Result<Self, Error> {
        if data.len() < 11 {
            return Err(invalid_len(code, data, offset, "at least 11 bytes"));
        }
        Ok(Authentication { data })
    }
    fn encoded_len(&self) -> usize {
        self.data.len()
    }
    fn encode(&self, sink: &mut dyn FnMut(&[u8])) {
        sink(self.data);
    }
}

impl fmt::Debug for Authentication<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Authentication")
            .field("protocol", &self.protocol())
            .field("algorithm", &self.algorithm())
            .field("rdm", &self.rdm())
            .field("replay_detection", &self.replay_detection())
            .field("info", &self.info())
            .finish()
    }
}

impl fmt::Display for Authentication<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let protocol = match self.protocol() {
            0 => "configuration token",
            1 => "delayed authentication",
            2 => "delayed authentication (obsolete)",
            3 => "reconfigure key",
            _ => "unknown",
        };
        write!(
            f,
            "protocol {} ({protocol}), algorithm {}, RDM {}, replay detection {:#018x}, info {}",
            self.protocol(),
            self.algorithm(),
            self.rdm(),
            self.replay_detection(),
            Hex(self.info())
        )
    }
}

#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl serde::Serialize for Authentication<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(5))?;
        m.serialize_entry("protocol", &self.protocol())?;
        m.serialize_entry("algorithm", &self.algorithm())?;
        m.serialize_entry("rdm", &self.rdm())?;
        m.serialize_entry("replay_detection", &self.replay_detection())?;
        m.serialize_entry("info", &super::json::hex(self.info()))?;
        m.end()
    }
}
