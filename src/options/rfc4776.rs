//! RFC 4776: civic address (99).

use core::fmt;
use core::iter::FusedIterator;

use super::common::Text;
use super::value::{OptionData, check_items, invalid_len};
use crate::code::OptionCode;
use crate::error::Error;

/// Option 99: what the location is of, a country code, and civic address
/// elements (CAtype, CAlength, CAvalue).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CivicLocation<'a> {
    /// 0 the DHCP server, 1 the network element closest to the client,
    /// 2 the client.
    pub what: u8,
    /// ISO 3166 two-letter country code.
    pub country: [u8; 2],
    elements: &'a [u8],
}

impl<'a> CivicLocation<'a> {
    /// The civic address elements: (CAtype, value), checked on decode.
    pub fn elements(&self) -> impl FusedIterator<Item = (u8, Text<'a>)> + Clone + 'a {
        Elements(self.elements)
    }
}

#[derive(Debug, Clone)]
struct Elements<'a>(&'a [u8]);

/// Splits one `CAtype CAlength CAvalue` element off `bytes`: the element
/// as (type, value), and the bytes after it.
fn element(bytes: &[u8]) -> Option<((u8, Text<'_>), &[u8])> {
    let ([kind, len], rest) = bytes.split_first_chunk::<2>()?;
    let (value, rest) = rest.split_at_checked(usize::from(*len))?;
    Some(((*kind, Text(value)), rest))
}

impl<'a> Iterator for Elements<'a> {
    type Item = (u8, Text<'a>);
    fn next(&mut self) -> Option<Self::Item> {
        let Some((item, rest)) = element(self.0) else {
            self.0 = &[];
            return None;
        };
        self.0 = rest;
        Some(item)
    }
}

impl FusedIterator for Elements<'_> {}

impl<'a> OptionData<'a> for CivicLocation<'a> {
    fn decode(code: OptionCode, data: &'a [u8], offset: usize) -> Result<Self, Error> {
        let Some((&[what, c0, c1], elements)) = data.split_first_chunk::<3>() else {
            return Err(invalid_len(code, data, offset, "at least 3 bytes"));
        };
        check_items(
            code,
            data,
            offset,
            3,
            "a civic address element inside the option (CAtype, CAlength, CAvalue)",
            |b| element(b).map(|(_, rest)| rest),
        )?;
        Ok(CivicLocation {
            what,
            country: [c0, c1],
            elements,
        })
    }
    fn encoded_len(&self) -> usize {
        3 + self.elements.len()
    }
    fn encode(&self, sink: &mut dyn FnMut(&[u8])) {
        sink(&[self.what, self.country[0], self.country[1]]);
        sink(self.elements);
    }
}

impl fmt::Display for CivicLocation<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.what {
            0 => "DHCP server",
            1 => "network element",
            2 => "client",
            _ => "unknown",
        };
        write!(f, "{what}, country \"{}\"", Text(&self.country))?;
        for (kind, value) in self.elements() {
            write!(f, ", CAtype {kind} \"{value}\"")?;
        }
        Ok(())
    }
}

#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl serde::Serialize for CivicLocation<'_> {
    /// `{"what": n, "country": "US", "elements": [{"type": n, "value": "..."}]}`.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        struct E<'a>(u8, Text<'a>);
        impl serde::Serialize for E<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut m = s.serialize_map(Some(2))?;
                m.serialize_entry("type", &self.0)?;
                m.serialize_entry("value", &self.1)?;
                m.end()
            }
        }
        struct L<'a>(CivicLocation<'a>);
        impl serde::Serialize for L<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_seq(self.0.elements().map(|(k, v)| E(k, v)))
            }
        }
        let mut m = s.serialize_map(Some(3))?;
        m.serialize_entry("what", &self.what)?;
        m.serialize_entry("country", &Text(&self.country))?;
        m.serialize_entry("elements", &L(*self))?;
        m.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::format;

    fn civic(data: &[u8]) -> CivicLocation<'_> {
        CivicLocation::decode(OptionCode(99), data, 0).unwrap()
    }

    #[test]
    fn what_the_location_is_of() {
        // RFC 4776 §3.1: 0 the DHCP server, 1 the network element believed
        // closest to the client, 2 the client. CAtype 1 is the state (A1),
        // 3 the city (A3).
        let server = civic(b"\x00US\x01\x02NV\x03\x04Reno");
        assert_eq!(
            format!("{server}"),
            "DHCP server, country \"US\", CAtype 1 \"NV\", CAtype 3 \"Reno\""
        );
        assert_eq!(
            format!("{}", civic(b"\x01DE")),
            "network element, country \"DE\""
        );
        assert_eq!(format!("{}", civic(b"\x02FR")), "client, country \"FR\"");
        assert_eq!(format!("{}", civic(b"\x03FR")), "unknown, country \"FR\"");
    }

    #[cfg(feature = "serde")]
    #[test]
    fn json_has_what_country_and_elements() {
        let json = serde_json::to_string(&civic(b"\x01US\x01\x02NV\x03\x04Reno")).unwrap();
        assert_eq!(
            json,
            r#"{"what":1,"country":"US","elements":[{"type":1,"value":"NV"},{"type":3,"value":"Reno"}]}"#
        );
    }
}
