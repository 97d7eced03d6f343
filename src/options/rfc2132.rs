//! Value shapes of RFC 2132 not shared with other RFCs: address pairs
//! (policy filters 21, static routes 33), 16-bit lists (MTU plateau table
//! 25, also name service search 117) and the NetBIOS node type (46).

use core::fmt;
use core::iter::FusedIterator;
use core::net::Ipv4Addr;

use super::value::{Length, OptionData, invalid_at, invalid_len};
use crate::code::OptionCode;
use crate::error::Error;
use crate::fmt::join;

/// Pairs of IPv4 addresses, viewed in place: (address, mask) for option 21,
/// (destination, router) for option 33. At least one pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Ipv4Pairs<'a>(&'a [u8]);

impl<'a> Ipv4Pairs<'a> {
    /// Views `bytes`; `None` unless the length is a non-zero multiple of 8.
    pub fn new(bytes: &'a [u8]) -> Option<Self> {
        (!bytes.is_empty() && bytes.len() % 8 == 0).then_some(Ipv4Pairs(bytes))
    }

    /// The raw bytes.
    pub fn as_bytes(&self) -> &'a [u8] {
        self.0
    }

    /// Number of pairs.
    pub fn len(&self) -> usize {
        self.0.len() / 8
    }

    /// Always false for a decoded value.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The pairs, in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (Ipv4Addr, Ipv4Addr)> + FusedIterator + 'a {
        self.0.chunks_exact(8).map(|c| match c {
            [a, b, c, d, e, f, g, h] => {
                (Ipv4Addr::new(*a, *b, *c, *d), Ipv4Addr::new(*e, *f, *g, *h))
            }
            _ => (Ipv4Addr::UNSPECIFIED, Ipv4Addr::UNSPECIFIED),
        })
    }

    fn decode(code: OptionCode, data: &'a [u8], offset: usize) -> Result<Self, Error> {
        Self::new(data)
            .ok_or_else(|| invalid_len(code, data, offset, "a non-zero multiple of 8 bytes"))
    }
}

super::value::borrowed!(
    Ipv4Pairs,
    Ipv4Pairs::decode,
    Length::Items { min: 8, unit: 8 }
);

/// A list of big-endian 16-bit values, viewed in place: at least one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct U16List<'a>(&'a [u8]);

impl<'a> U16List<'a> {
    /// Views `bytes`; `None` unless the length is a non-zero multiple of 2.
    pub fn new(bytes: &'a [u8]) -> Option<Self> {
        (!bytes.is_empty() && bytes.len() % 2 == 0).then_some(U16List(bytes))
    }

    /// The raw bytes.
    pub fn as_bytes(&self) -> &'a [u8] {
        self.0
    }

    /// Number of values.
    pub fn len(&self) -> usize {
        self.0.len() / 2
    }

    /// Always false for a decoded value.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The values, in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = u16> + FusedIterator + 'a {
        self.0.chunks_exact(2).map(|c| match c {
            [a, b] => u16::from_be_bytes([*a, *b]),
            _ => 0,
        })
    }

    fn decode(code: OptionCode, data: &'a [u8], offset: usize) -> Result<Self, Error> {
        Self::new(data)
            .ok_or_else(|| invalid_len(code, data, offset, "a non-zero multiple of 2 bytes"))
    }
}

super::value::borrowed!(U16List, U16List::decode, Length::Items { min: 2, unit: 2 });

impl fmt::Display for U16List<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        join(f, self.iter(), ",", |f, v| write!(f, "{v}"))
    }
}

/// NetBIOS node type (option 46): 1 B-node, 2 P-node, 4 M-node, 8 H-node.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct NetbiosNodeType(pub u8);

impl NetbiosNodeType {
    /// `"B-node"`, `"P-node"`, `"M-node"`, `"H-node"`.
    pub const fn name(self) -> &'static str {
        match self.0 {
            1 => "B-node",
            2 => "P-node",
            4 => "M-node",
            8 => "H-node",
            _ => "unknown",
        }
    }
}

impl OptionData<'_> for NetbiosNodeType {
    const LENGTH: Length = Length::Fixed(1);
    fn decode(code: OptionCode, data: &[u8], offset: usize) -> Result<Self, Error> {
        match data {
            [v @ (1 | 2 | 4 | 8)] => Ok(NetbiosNodeType(*v)),
            [_] => Err(invalid_at(code, offset, 0, "1 (B), 2 (P), 4 (M) or 8 (H)")),
            _ => Err(invalid_len(code, data, offset, "1 byte")),
        }
    }
    fn encoded_len(&self) -> usize {
        1
    }
    fn encode(&self, sink: &mut dyn FnMut(&[u8])) {
        sink(&[self.0]);
    }
}

impl fmt::Display for NetbiosNodeType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.name(), self.0)
    }
}

#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
mod json {
    use super::*;
    use crate::options::json::Str;
    use serde::{Serialize, Serializer};

    impl Serialize for Ipv4Pairs<'_> {
        /// `[["a", "b"], ...]`.
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_seq(self.iter().map(|(a, b)| [Str(a), Str(b)]))
        }
    }

    impl Serialize for U16List<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_seq(self.iter())
        }
    }

    impl Serialize for NetbiosNodeType {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_u8(self.0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::format;

    #[test]
    fn ipv4_pairs_count_pairs_not_bytes() {
        // Option 33 (RFC 2132 §5.8): 10.0.0.0 via 192.168.1.1, 172.16.0.0
        // via 192.168.1.2, 10.20.0.0 via 192.168.1.3.
        let bytes = [
            10, 0, 0, 0, 192, 168, 1, 1, 172, 16, 0, 0, 192, 168, 1, 2, 10, 20, 0, 0, 192, 168, 1,
            3,
        ];
        let pairs = Ipv4Pairs::new(&bytes).unwrap();
        assert_eq!(pairs.len(), 3);
        assert!(!pairs.is_empty());
        assert_eq!(pairs.iter().len(), 3);
        assert_eq!(
            pairs.iter().nth(1),
            Some((Ipv4Addr::new(172, 16, 0, 0), Ipv4Addr::new(192, 168, 1, 2)))
        );
        assert_eq!(Ipv4Pairs::new(&bytes[..8]).unwrap().len(), 1);
        assert_eq!(Ipv4Pairs::new(&bytes[..16]).unwrap().len(), 2);
        assert_eq!(Ipv4Pairs::new(&[]), None);
        assert_eq!(Ipv4Pairs::new(&bytes[..12]), None);
    }

    #[test]
    fn u16_lists_count_values_not_bytes() {
        // Option 25 (RFC 2132 §4.7), plateaus of RFC 1191: 1500, 576, 296.
        let bytes = [0x05, 0xdc, 0x02, 0x40, 0x01, 0x28];
        let list = U16List::new(&bytes).unwrap();
        assert_eq!(list.len(), 3);
        assert!(!list.is_empty());
        assert_eq!(format!("{list}"), "1500,576,296");
        assert_eq!(U16List::new(&bytes[..2]).unwrap().len(), 1);
        assert_eq!(U16List::new(&bytes[..4]).unwrap().len(), 2);
        assert_eq!(U16List::new(&[]), None);
        assert_eq!(U16List::new(&bytes[..3]), None);
    }

    #[test]
    fn netbios_node_type_names() {
        // RFC 2132 §8.7.
        assert_eq!(NetbiosNodeType(1).name(), "B-node");
        assert_eq!(NetbiosNodeType(2).name(), "P-node");
        assert_eq!(NetbiosNodeType(4).name(), "M-node");
        assert_eq!(NetbiosNodeType(8).name(), "H-node");
        assert_eq!(NetbiosNodeType(3).name(), "unknown");
        assert_eq!(format!("{}", NetbiosNodeType(2)), "P-node (2)");
        assert_eq!(NetbiosNodeType(8).encoded_len(), 1);
    }
}
