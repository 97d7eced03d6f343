//! RFC 4174: iSNS (83).

use core::fmt;

use super::typed::{Ipv4List, OptionData, invalid_len};
use crate::code::OptionCode;
use crate::error::Error;

/// Option 83: iSNS functions, discovery domain access, administrative
/// flags, server security bitmap, then the iSNS server (and heartbeat)
/// addresses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Isns<'a> {
    /// iSNS functions bitmap.
    pub functions: u16,
    /// Discovery domain access bitmap.
    pub dd_access: u16,
    /// Administrative flags bitmap.
    pub admin_flags: u16,
    /// iSNS server security bitmap.
    pub security: u32,
    /// The addresses (primary server first; at least one).
    pub servers: Ipv4List<'a>,
}

impl<'a> OptionData<'a> for Isns<'a> {
    fn decode(code: OptionCode, data: &'a [u8], offset: usize) -> Result<Self, Error> {
        let err = || invalid_len(code, data, offset, "10 + a non-zero multiple of 4 bytes");
        let (head, rest) = data.split_first_chunk::<10>().ok_or_else(err)?;
        let [a, b, c, d, e, g, s0, s1, s2, s3] = *head;
        Ok(Isns {
            functions: u16::from_be_bytes([a, b]),
            dd_access: u16::from_be_bytes([c, d]),
            admin_flags: u16::from_be_bytes([e, g]),
            security: u32::from_be_bytes([s0, s1, s2, s3]),
            servers: Ipv4List::new(rest).ok_or_else(err)?,
        })
    }
    fn encoded_len(&self) -> usize {
        10 + self.servers.as_bytes().len()
    }
    fn encode(&self, sink: &mut dyn FnMut(&[u8])) {
        sink(&self.functions.to_be_bytes());
        sink(&self.dd_access.to_be_bytes());
        sink(&self.admin_flags.to_be_bytes());
        sink(&self.security.to_be_bytes());
        sink(self.servers.as_bytes());
    }
}

impl fmt::Display for Isns<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "functions {:#06x}, DD access {:#06x}, admin flags {:#06x}, security {:#010x}, servers {}",
            self.functions, self.dd_access, self.admin_flags, self.security, self.servers
        )
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Isns<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(5))?;
        m.serialize_entry("functions", &self.functions)?;
        m.serialize_entry("dd_access", &self.dd_access)?;
        m.serialize_entry("admin_flags", &self.admin_flags)?;
        m.serialize_entry("security", &self.security)?;
        m.serialize_entry("servers", &self.servers)?;
        m.end()
    }
}
