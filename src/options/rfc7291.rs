//! RFC 7291: PCP servers (158).

use core::fmt;
use core::iter::FusedIterator;

use super::common::Ipv4List;
use super::value::{check_items, invalid_len};
use crate::code::OptionCode;
use crate::error::Error;
use crate::fmt::join;

/// Option 158: one address list per PCP server, each prefixed by its
/// length.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PcpServers<'a>(&'a [u8]);

impl<'a> PcpServers<'a> {
    /// The raw bytes.
    pub fn as_bytes(&self) -> &'a [u8] {
        self.0
    }

    /// The servers, each as its list of addresses.
    pub fn iter(&self) -> impl FusedIterator<Item = Ipv4List<'a>> + Clone + 'a {
        Lists(self.0)
    }

    fn decode(code: OptionCode, data: &'a [u8], offset: usize) -> Result<Self, Error> {
        if data.len() < 5 {
            return Err(invalid_len(code, data, offset, "at least 5 bytes"));
        }
        check_items(
            code,
            data,
            offset,
            0,
            "a list length that is a non-zero multiple of 4 inside the option",
            |b| list(b).map(|(_, rest)| rest),
        )?;
        Ok(PcpServers(data))
    }
}

super::value::borrowed!(PcpServers, PcpServers::decode);

#[derive(Debug, Clone)]
struct Lists<'a>(&'a [u8]);

/// Splits one `length(1) addresses` list off `bytes`.
fn list(bytes: &[u8]) -> Option<(Ipv4List<'_>, &[u8])> {
    let (&len, tail) = bytes.split_first()?;
    let (addrs, rest) = tail.split_at_checked(usize::from(len))?;
    Some((Ipv4List::new(addrs)?, rest))
}

impl<'a> Iterator for Lists<'a> {
    type Item = Ipv4List<'a>;
    fn next(&mut self) -> Option<Ipv4List<'a>> {
        let (addrs, rest) = list(self.0)?;
        self.0 = rest;
        Some(addrs)
    }
}

impl FusedIterator for Lists<'_> {}

impl fmt::Display for PcpServers<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        join(f, self.iter(), "; ", |f, l| write!(f, "{l}"))
    }
}

#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl serde::Serialize for PcpServers<'_> {
    /// An array of address arrays.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}
