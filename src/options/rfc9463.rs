//! RFC 9463: encrypted DNS resolvers (DNR, 162).

use core::fmt;
use core::iter::FusedIterator;

use super::common::Ipv4List;
use super::dns::{Form, Name, check_name};
use super::value::{invalid_at, invalid_len};
use crate::code::OptionCode;
use crate::error::Error;
use crate::fmt::{Hex, join};

/// Option 162: one or more DNR instances.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Dnr<'a>(&'a [u8]);

/// One DNR instance (RFC 9463 §5.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DnrInstance<'a> {
    /// Service priority (lower is preferred).
    pub priority: u16,
    /// Authentication domain name.
    pub adn: Name<'a>,
    /// Resolver addresses; `None` in ADN-only mode.
    pub addresses: Option<Ipv4List<'a>>,
    /// Service parameters (SvcParams wire form).
    pub svc_params: &'a [u8],
}

/// Parses one instance's data (after its 2-byte length); index errors are
/// relative to `data`.
fn instance(data: &[u8]) -> Result<DnrInstance<'_>, (usize, &'static str)> {
    let (&[p0, p1, adn_len], rest) = data
        .split_first_chunk::<3>()
        .ok_or((0, "a DNR instance of at least 3 bytes"))?;
    let (adn, rest) = rest
        .split_at_checked(usize::from(adn_len))
        .ok_or((2, "an ADN inside the instance"))?;
    if adn.is_empty() {
        return Err((2, "a non-empty ADN"));
    }
    let (end, partial) = check_name(162, adn, 0, 0, Form::Plain)
        .map_err(|e| (3 + e.offset(), "a well-formed uncompressed ADN"))?;
    if end != adn.len() || partial {
        return Err((3 + end, "nothing after the ADN's root label"));
    }
    let adn = Name::checked(adn, 0, end, false);
    let (addresses, svc_params) = match rest.split_first() {
        None => (None, &[][..]),
        Some((&len, tail)) => {
            let at = 3 + usize::from(adn_len);
            let (addrs, params) = tail
                .split_at_checked(usize::from(len))
                .ok_or((at, "addresses inside the instance"))?;
            let list = Ipv4List::new(addrs)
                .ok_or((at, "an address length that is a non-zero multiple of 4"))?;
            (Some(list), params)
        }
    };
    Ok(DnrInstance {
        priority: u16::from_be_bytes([p0, p1]),
        adn,
        addresses,
        svc_params,
    })
}

impl<'a> Dnr<'a> {
    /// The raw bytes.
    pub fn as_bytes(&self) -> &'a [u8] {
        self.0
    }

    /// The instances, in order.
    pub fn iter(&self) -> impl FusedIterator<Item = DnrInstance<'a>> + Clone + 'a {
        Instances(self.0)
    }

    fn decode(code: OptionCode, data: &'a [u8], offset: usize) -> Result<Self, Error> {
        if data.is_empty() {
            return Err(invalid_len(code, data, offset, "at least 1 DNR instance"));
        }
        let mut rest = data;
        while !rest.is_empty() {
            let at = data.len() - rest.len();
            let Some((len, tail)) = rest.split_first_chunk::<2>() else {
                return Err(invalid_at(code, offset, at, "a 2-byte DNR instance length"));
            };
            let Some((inst, next)) = tail.split_at_checked(usize::from(u16::from_be_bytes(*len)))
            else {
                return Err(invalid_at(
                    code,
                    offset,
                    at,
                    "a DNR instance inside the option",
                ));
            };
            if let Err((i, expected)) = instance(inst) {
                return Err(invalid_at(code, offset, at + 2 + i, expected));
            }
            rest = next;
        }
        Ok(Dnr(data))
    }
}

super::value::borrowed!(Dnr, Dnr::decode);

#[derive(Debug, Clone)]
struct Instances<'a>(&'a [u8]);

impl<'a> Iterator for Instances<'a> {
    type Item = DnrInstance<'a>;
    fn next(&mut self) -> Option<DnrInstance<'a>> {
        let (len, tail) = self.0.split_first_chunk::<2>()?;
        let (inst, rest) = tail.split_at_checked(usize::from(u16::from_be_bytes(*len)))?;
        self.0 = rest;
        instance(inst).ok()
    }
}

impl FusedIterator for Instances<'_> {}

impl fmt::Display for DnrInstance<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "priority {} ADN {}", self.priority, self.adn)?;
        if let Some(a) = self.addresses {
            write!(f, " addresses {a}")?;
        }
        if !self.svc_params.is_empty() {
            write!(f, " params {}", Hex(self.svc_params))?;
        }
        Ok(())
    }
}

impl fmt::Display for Dnr<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        join(f, self.iter(), "; ", |f, inst| write!(f, "{inst}"))
    }
}

#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
mod json {
    use super::*;
    use crate::options::json::{Str, hex};
    use serde::ser::SerializeMap;
    use serde::{Serialize, Serializer};

    impl Serialize for Dnr<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_seq(self.iter())
        }
    }

    impl Serialize for DnrInstance<'_> {
        /// `{"priority", "adn", "addresses" (array or null), "svc_params" (hex)}`.
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut m = s.serialize_map(Some(4))?;
            m.serialize_entry("priority", &self.priority)?;
            m.serialize_entry("adn", &Str(self.adn))?;
            m.serialize_entry("addresses", &self.addresses)?;
            m.serialize_entry("svc_params", &hex(self.svc_params))?;
            m.end()
        }
    }
}
