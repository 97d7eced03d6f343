//! RFC 8572: SZTP redirect (143), a list of URIs each prefixed by a 16-bit
//! length.

use core::fmt;
use core::iter::FusedIterator;

use super::common::Text;
use super::value::{check_items, invalid_len};
use crate::code::OptionCode;
use crate::error::Error;
use crate::fmt::join;

/// Option 143: bootstrap server URIs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct UriList<'a>(&'a [u8]);

impl<'a> UriList<'a> {
    /// The raw bytes.
    pub fn as_bytes(&self) -> &'a [u8] {
        self.0
    }

    /// The URIs, in order.
    pub fn iter(&self) -> impl FusedIterator<Item = Text<'a>> + Clone + 'a {
        Uris(self.0)
    }

    fn decode(code: OptionCode, data: &'a [u8], offset: usize) -> Result<Self, Error> {
        if data.len() < 3 {
            return Err(invalid_len(code, data, offset, "at least 3 bytes"));
        }
        check_items(
            code,
            data,
            offset,
            0,
            "a non-empty URI inside the option (16-bit length, URI)",
            |b| uri(b).map(|(_, rest)| rest),
        )?;
        Ok(UriList(data))
    }
}

super::value::borrowed!(UriList, UriList::decode);

#[derive(Debug, Clone)]
struct Uris<'a>(&'a [u8]);

/// Splits one `length(2) URI` entry off `bytes`; the URI is not empty.
fn uri(bytes: &[u8]) -> Option<(&[u8], &[u8])> {
    let (len, tail) = bytes.split_first_chunk::<2>()?;
    let (uri, rest) = tail.split_at_checked(usize::from(u16::from_be_bytes(*len)))?;
    (!uri.is_empty()).then_some((uri, rest))
}

impl<'a> Iterator for Uris<'a> {
    type Item = Text<'a>;
    fn next(&mut self) -> Option<Text<'a>> {
        let (uri, rest) = uri(self.0)?;
        self.0 = rest;
        Some(Text(uri))
    }
}

impl FusedIterator for Uris<'_> {}

impl fmt::Display for UriList<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        join(f, self.iter(), ", ", |f, u| write!(f, "\"{u}\""))
    }
}

#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl serde::Serialize for UriList<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}
