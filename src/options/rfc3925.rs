//! RFC 3925: vendor-identifying vendor class (124) and vendor-specific
//! information (125), each a list of entries keyed by an IANA enterprise
//! number.

use core::fmt;
use core::iter::FusedIterator;

use super::common::SubOptions;
use super::rfc3004::{UserClass, UserClassInstances};
use super::value::{Offset32, OptionData, invalid_at, invalid_len};
use crate::code::OptionCode;
use crate::error::Error;
use crate::fmt::join;

/// A few well-known IANA private enterprise numbers.
pub const fn enterprise_name(number: u32) -> Option<&'static str> {
    Some(match number {
        9 => "Cisco",
        311 => "Microsoft",
        343 => "Intel",
        2636 => "Juniper",
        3561 => "Broadband Forum",
        4491 => "CableLabs",
        4874 => "Juniper (ERX)",
        _ => return None,
    })
}

/// Splits one `enterprise(4) len(1) data[len]` entry off `bytes`.
fn entry(bytes: &[u8]) -> Option<(u32, &[u8], &[u8])> {
    let (head, rest) = bytes.split_first_chunk::<5>()?;
    let [a, b, c, d, len] = *head;
    let (data, rest) = rest.split_at_checked(usize::from(len))?;
    Some((u32::from_be_bytes([a, b, c, d]), data, rest))
}

/// Checks that `data` is a non-empty list of entries; calls `each` with
/// (enterprise, data, index of the data) for each.
fn check<'a>(
    code: OptionCode,
    data: &'a [u8],
    offset: usize,
    mut each: impl FnMut(u32, &'a [u8], usize) -> Result<(), Error>,
) -> Result<(), Error> {
    if data.is_empty() {
        return Err(invalid_len(code, data, offset, "at least 5 bytes"));
    }
    let mut rest = data;
    while !rest.is_empty() {
        let at = data.len() - rest.len();
        let Some((enterprise, value, next)) = entry(rest) else {
            return Err(invalid_at(
                code,
                offset,
                at,
                "an entry inside the option (enterprise number, length, data)",
            ));
        };
        each(enterprise, value, at + 5)?;
        rest = next;
    }
    Ok(())
}

fn write_enterprise(f: &mut fmt::Formatter<'_>, enterprise: u32) -> fmt::Result {
    match enterprise_name(enterprise) {
        Some(n) => write!(f, "enterprise {enterprise} ({n})"),
        None => write!(f, "enterprise {enterprise}"),
    }
}

/// Option 124: vendor classes, one per enterprise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct VendorClasses<'a>(&'a [u8]);

/// One entry of option 124.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct VendorClass<'a> {
    /// IANA private enterprise number.
    pub enterprise: u32,
    /// The vendor-class-data.
    pub data: &'a [u8],
}

impl<'a> VendorClass<'a> {
    /// The data as RFC 3925 length-prefixed class instances, when it has
    /// that form (many vendors send one plain string).
    pub fn instances(&self) -> Option<UserClassInstances<'a>> {
        UserClass::new(self.data).instances()
    }
}

impl<'a> VendorClasses<'a> {
    /// The raw bytes.
    pub fn as_bytes(&self) -> &'a [u8] {
        self.0
    }

    /// The entries, in order.
    pub fn iter(&self) -> impl FusedIterator<Item = VendorClass<'a>> + Clone + 'a {
        Entries::new(self.0).map(|(enterprise, data, _)| VendorClass { enterprise, data })
    }

    fn decode(code: OptionCode, data: &'a [u8], offset: usize) -> Result<Self, Error> {
        check(code, data, offset, |_, _, _| Ok(()))?;
        Ok(VendorClasses(data))
    }
}

super::value::borrowed!(VendorClasses, VendorClasses::decode);

impl fmt::Display for VendorClasses<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        join(f, self.iter(), "; ", |f, e| {
            write_enterprise(f, e.enterprise)?;
            write!(f, ": {}", UserClass::new(e.data))?;
            Ok(())
        })
    }
}

/// Option 125: vendor-specific sub-options, one set per enterprise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct VendorOptions<'a> {
    data: &'a [u8],
    base: Offset32,
    /// 125, or 82 inside relay sub-option 9: the parent of the sub-options.
    parent: u8,
}

// Keeps `DhcpOption` at 32 bytes (see `Offset32`).
const _: () = assert!(core::mem::size_of::<VendorOptions<'static>>() <= 24);

/// One entry of option 125 (or of relay sub-option 9, RFC 4243).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VendorOption<'a> {
    /// IANA private enterprise number.
    pub enterprise: u32,
    /// The enterprise's sub-options (checked on decode).
    pub options: SubOptions<'a>,
}

impl<'a> VendorOptions<'a> {
    /// The raw bytes.
    pub fn as_bytes(&self) -> &'a [u8] {
        self.data
    }

    /// The entries, in order.
    pub fn iter(&self) -> impl FusedIterator<Item = VendorOption<'a>> + Clone + 'a {
        let (data, base, parent) = (self.data, self.base.get(), self.parent);
        Entries::new(data).map(move |(enterprise, value, at)| VendorOption {
            enterprise,
            options: SubOptions::vendor_data(parent, value, base.saturating_add(at)),
        })
    }

    /// Checks `data` as enterprise entries with sub-options, for option
    /// `code` (125, or 82 for relay sub-option 9) whose code byte is at
    /// `offset`.
    pub(crate) fn check(code: OptionCode, data: &'a [u8], offset: usize) -> Result<Self, Error> {
        let base = offset.saturating_add(2);
        check(code, data, offset, |_, value, at| {
            SubOptions::new(code.0, value, base.saturating_add(at)).validate()
        })?;
        Ok(VendorOptions {
            data,
            base: Offset32::new(base),
            parent: code.0,
        })
    }
}

impl<'a> OptionData<'a> for VendorOptions<'a> {
    fn decode(code: OptionCode, data: &'a [u8], offset: usize) -> Result<Self, Error> {
        Self::check(code, data, offset)
    }
    fn encoded_len(&self) -> usize {
        self.data.len()
    }
    fn encode(&self, sink: &mut dyn FnMut(&[u8])) {
        sink(self.data)
    }
}

impl fmt::Display for VendorOptions<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        join(f, self.iter(), "; ", |f, e| {
            write_enterprise(f, e.enterprise)?;
            f.write_str(":")?;
            for sub in e.options.flatten() {
                write!(f, " [{}] {}", sub.code, crate::fmt::TextOrHex(sub.data))?;
            }
            Ok(())
        })
    }
}

/// Iterator over checked entries: (enterprise, data, index of the data).
#[derive(Debug, Clone)]
pub(crate) struct Entries<'a> {
    rest: &'a [u8],
    pos: usize,
}

impl<'a> Entries<'a> {
    pub(crate) fn new(data: &'a [u8]) -> Self {
        Entries { rest: data, pos: 0 }
    }
}

impl<'a> Iterator for Entries<'a> {
    type Item = (u32, &'a [u8], usize);
    fn next(&mut self) -> Option<Self::Item> {
        match entry(self.rest) {
            Some((e, data, rest)) => {
                let at = self.pos + 5;
                self.pos = at + data.len();
                self.rest = rest;
                Some((e, data, at))
            }
            None => {
                self.rest = &[];
                None
            }
        }
    }
}

impl FusedIterator for Entries<'_> {}

#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
mod json {
    use super::*;
    use crate::options::common::Text;
    use crate::options::json::hex;
    use serde::ser::SerializeMap;
    use serde::{Serialize, Serializer};

    impl Serialize for VendorClasses<'_> {
        /// `[{"enterprise": n, "data": "hex", "classes": [..]?}]`.
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_seq(self.iter())
        }
    }

    impl Serialize for VendorClass<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut m = s.serialize_map(None)?;
            m.serialize_entry("enterprise", &self.enterprise)?;
            m.serialize_entry("data", &hex(self.data))?;
            match self.instances() {
                Some(list) => m.serialize_entry("classes", &Seq(list))?,
                None => m.serialize_entry("text", &Text(self.data))?,
            }
            m.end()
        }
    }

    struct Seq<I>(I);
    impl<'x, I: Iterator<Item = Text<'x>> + Clone> Serialize for Seq<I> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_seq(self.0.clone())
        }
    }

    impl Serialize for VendorOptions<'_> {
        /// `[{"enterprise": n, "options": [{"code", "name", "data"}]}]`.
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_seq(self.iter())
        }
    }

    impl Serialize for VendorOption<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut m = s.serialize_map(Some(2))?;
            m.serialize_entry("enterprise", &self.enterprise)?;
            m.serialize_entry("options", &self.options)?;
            m.end()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enterprise_names_of_the_iana_numbers() {
        // IANA "Private Enterprise Numbers".
        let names = [
            (9, "Cisco"),
            (311, "Microsoft"),
            (343, "Intel"),
            (2636, "Juniper"),
            (3561, "Broadband Forum"),
            (4491, "CableLabs"),
            (4874, "Juniper (ERX)"),
        ];
        for (number, name) in names {
            assert_eq!(enterprise_name(number), Some(name), "enterprise {number}");
        }
        for number in [0, 1, 10, 4875, u32::MAX] {
            assert_eq!(enterprise_name(number), None, "enterprise {number}");
        }
    }
}
