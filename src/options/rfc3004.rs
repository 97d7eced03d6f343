//! RFC 3004: user class (77).

use core::fmt;
use core::iter::FusedIterator;

use super::common::Text;
use super::value::invalid_len;
use crate::code::OptionCode;
use crate::error::Error;
use crate::fmt::join;

/// Option 77. RFC 3004 makes the value a list of length-prefixed user class
/// instances; many clients (ISC dhclient, Windows) send one plain string
/// instead. Both decode: [`instances`](Self::instances) gives the RFC 3004
/// view when the bytes have that form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct UserClass<'a>(&'a [u8]);

impl<'a> UserClass<'a> {
    /// Views `bytes` (any length).
    pub fn new(bytes: &'a [u8]) -> Self {
        UserClass(bytes)
    }

    /// The raw bytes.
    pub fn as_bytes(&self) -> &'a [u8] {
        self.0
    }

    /// Whether the value is a well-formed RFC 3004 list (every instance
    /// non-empty and inside the value).
    pub fn is_rfc3004(&self) -> bool {
        let mut rest = self.0;
        while let Some((&len, tail)) = rest.split_first() {
            match tail.get(usize::from(len)..) {
                Some(next) if len > 0 => rest = next,
                _ => return false,
            }
        }
        true
    }

    /// The RFC 3004 instances, or `None` when the value is plain text.
    pub fn instances(&self) -> Option<UserClassInstances<'a>> {
        self.is_rfc3004().then_some(UserClassInstances(self.0))
    }

    fn decode(code: OptionCode, data: &'a [u8], offset: usize) -> Result<Self, Error> {
        if data.is_empty() {
            return Err(invalid_len(code, data, offset, "at least 1 byte"));
        }
        Ok(UserClass(data))
    }
}

super::value::borrowed!(UserClass, UserClass::decode);

/// The instances of an RFC 3004 user class.
#[derive(Debug, Clone)]
pub struct UserClassInstances<'a>(&'a [u8]);

impl<'a> Iterator for UserClassInstances<'a> {
    type Item = Text<'a>;
    fn next(&mut self) -> Option<Text<'a>> {
        let (&len, tail) = self.0.split_first()?;
        let (inst, rest) = tail.split_at_checked(usize::from(len))?;
        self.0 = rest;
        Some(Text(inst))
    }
}

impl FusedIterator for UserClassInstances<'_> {}

impl fmt::Display for UserClass<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.instances() {
            Some(list) => join(f, list, ", ", |f, t| write!(f, "\"{t}\"")),
            None => write!(f, "\"{}\"", Text(self.0)),
        }
    }
}

#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl serde::Serialize for UserClass<'_> {
    /// An array of strings for an RFC 3004 list, one string otherwise.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.instances() {
            Some(list) => s.collect_seq(list),
            None => Text(self.0).serialize(s),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::format;
    use alloc::vec::Vec;

    #[test]
    fn rfc_3004_instances_or_plain_text() {
        // RFC 3004 §4: UC_Len_i then UC_Len_i bytes, for each instance.
        let list = UserClass::new(b"\x03abc\x02de");
        assert!(list.is_rfc3004());
        let instances: Vec<_> = list.instances().unwrap().map(|t| t.0).collect();
        assert_eq!(instances, [&b"abc"[..], b"de"]);
        assert_eq!(format!("{list}"), "\"abc\", \"de\"");
        // An empty instance does not make a well-formed list: plain text.
        for bytes in [&b"\x00"[..], b"\x00\x01a", b"\x01a\x00"] {
            let plain = UserClass::new(bytes);
            assert!(!plain.is_rfc3004(), "{bytes:?}");
            assert!(plain.instances().is_none(), "{bytes:?}");
        }
        assert_eq!(
            format!("{}", UserClass::new(b"\x00\x01a")),
            "\"\\x00\\x01a\""
        );
        // dhclient's plain string, and an instance running past the value.
        assert!(!UserClass::new(b"iPXE").is_rfc3004());
        assert!(!UserClass::new(b"\x03ab").is_rfc3004());
    }
}
