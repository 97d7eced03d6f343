//! RFC 3442: classless static routes (121), and Microsoft's option 249 in
//! the same format.

use core::fmt;
use core::iter::FusedIterator;
use core::net::Ipv4Addr;

use super::value::{invalid_at, invalid_len};
use crate::code::OptionCode;
use crate::error::Error;
use crate::fmt::join;

/// One route: destination prefix and router.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Route {
    /// The destination, from the significant octets (the rest zero).
    pub destination: Ipv4Addr,
    /// The prefix length, 0..=32.
    pub prefix_len: u8,
    /// The router; 0.0.0.0 means the destination is on-link.
    pub router: Ipv4Addr,
}

impl fmt::Display for Route {
    /// `10.0.0.0/8 via 10.0.0.1`; `default via ...` for /0.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.prefix_len == 0 {
            write!(f, "default via {}", self.router)
        } else {
            write!(
                f,
                "{}/{} via {}",
                self.destination, self.prefix_len, self.router
            )
        }
    }
}

/// Parses one route descriptor at the start of `bytes`: the route and the
/// rest, or the index of the offending byte and what was expected.
fn route(bytes: &[u8]) -> Result<(Route, &[u8]), (usize, &'static str)> {
    let (&width, rest) = bytes.split_first().ok_or((0, "a route descriptor"))?;
    if width > 32 {
        return Err((0, "a prefix length of at most 32"));
    }
    let significant = usize::from(width).div_ceil(8);
    let (dest, rest) = rest
        .split_at_checked(significant)
        .ok_or((0, "a complete route (truncated destination)"))?;
    let (router, rest) = rest
        .split_first_chunk::<4>()
        .ok_or((0, "a complete route (truncated router)"))?;
    let mut d = [0u8; 4];
    for (to, from) in d.iter_mut().zip(dest) {
        *to = *from;
    }
    Ok((
        Route {
            destination: Ipv4Addr::from(d),
            prefix_len: width,
            router: Ipv4Addr::from(*router),
        },
        rest,
    ))
}

/// The routes of option 121 or 249, viewed in place (checked on decode).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Routes<'a>(&'a [u8]);

impl<'a> Routes<'a> {
    /// The raw bytes.
    pub fn as_bytes(&self) -> &'a [u8] {
        self.0
    }

    /// The routes, in order.
    pub fn iter(&self) -> RouteIter<'a> {
        RouteIter(self.0)
    }

    fn decode(code: OptionCode, data: &'a [u8], offset: usize) -> Result<Self, Error> {
        if data.len() < 5 {
            return Err(invalid_len(code, data, offset, "at least 5 bytes"));
        }
        let mut rest = data;
        while !rest.is_empty() {
            let at = data.len() - rest.len();
            match route(rest) {
                Ok((_, next)) => rest = next,
                Err((i, expected)) => return Err(invalid_at(code, offset, at + i, expected)),
            }
        }
        Ok(Routes(data))
    }
}

super::value::borrowed!(Routes, Routes::decode);

impl<'a> IntoIterator for Routes<'a> {
    type Item = Route;
    type IntoIter = RouteIter<'a>;
    fn into_iter(self) -> RouteIter<'a> {
        self.iter()
    }
}

/// Iterator over [`Routes`].
#[derive(Debug, Clone)]
pub struct RouteIter<'a>(&'a [u8]);

impl Iterator for RouteIter<'_> {
    type Item = Route;
    fn next(&mut self) -> Option<Route> {
        match route(self.0) {
            Ok((r, rest)) => {
                self.0 = rest;
                Some(r)
            }
            Err(_) => {
                self.0 = &[];
                None
            }
        }
    }
}

impl FusedIterator for RouteIter<'_> {}

impl fmt::Display for Routes<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        join(f, self.iter(), ", ", |f, r| write!(f, "{r}"))
    }
}

#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl serde::Serialize for Routes<'_> {
    /// `[{"destination": "10.0.0.0/8", "router": "10.0.0.1"}, ...]`.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use super::json::Str;
        use serde::ser::SerializeMap;
        struct R(Route);
        impl serde::Serialize for R {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut m = s.serialize_map(Some(2))?;
                m.serialize_entry(
                    "destination",
                    &Str(format_args!("{}/{}", self.0.destination, self.0.prefix_len)),
                )?;
                m.serialize_entry("router", &Str(self.0.router))?;
                m.end()
            }
        }
        s.collect_seq(self.iter().map(R))
    }
}
