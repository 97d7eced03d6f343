//! What every option value type is built on: the [`OptionData`] trait, the
//! [`Length`] rules it states, and the helpers the value modules share
//! (error constructors, the item checker, the `fixed!` and `borrowed!`
//! implementations). A leaf: it imports no sibling module.

use core::fmt;
use core::net::{Ipv4Addr, Ipv6Addr};

use super::Overload;
use crate::code::{MessageType, OptionCode};
use crate::error::Error;

/// A value type that option values decode to and encode from.
///
/// `decode` checks everything once, so accessors on the value cannot fail;
/// `encoded_len` and `encode` reproduce the decoded bytes exactly.
pub trait OptionData<'a>: Sized {
    /// The lengths [`decode`](Self::decode) accepts before it looks at the
    /// content: what the catalogue's per-code length facts (fixed-length
    /// options, the RFC 2132 length rules of validation) are derived from.
    const LENGTH: Length = Length::Varies;

    /// Decodes `data`, the value of option `code` whose code byte is at
    /// `offset` in the message (value bytes start at `offset + 2`).
    ///
    /// # Errors
    /// [`Error::InvalidLength`], [`Error::InvalidValue`],
    /// [`Error::InvalidSubOption`] or [`Error::SubOptionOverrun`] when
    /// `data` is malformed for the type.
    fn decode(code: OptionCode, data: &'a [u8], offset: usize) -> Result<Self, Error>;

    /// Length of the encoded value.
    fn encoded_len(&self) -> usize;

    /// Hands the encoded value to `sink` in one or more pieces.
    fn encode(&self, sink: &mut dyn FnMut(&[u8]));
}

/// The lengths a value type accepts, before any check of its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Length {
    /// Exactly this many bytes.
    Fixed(usize),
    /// A whole number of `unit`-byte items, at least `min` bytes in all.
    Items {
        /// The fewest bytes allowed.
        min: usize,
        /// The size of one item.
        unit: usize,
    },
    /// A compound value whose decoder says what it takes.
    Varies,
}

impl Length {
    /// The length of a fixed-size value, `None` otherwise.
    pub const fn fixed(self) -> Option<usize> {
        match self {
            Length::Fixed(n) => Some(n),
            _ => None,
        }
    }

    /// Whether a value of `len` bytes has an allowed length (always true
    /// for [`Length::Varies`]).
    pub const fn allows(self, len: usize) -> bool {
        match self {
            Length::Fixed(n) => len == n,
            Length::Items { min, unit } => len >= min && unit != 0 && len % unit == 0,
            Length::Varies => true,
        }
    }

    /// The rule in words, as validation reports it (`"4"`, `"a multiple of
    /// 4, at least 4"`, ...).
    pub const fn describe(self) -> &'static str {
        match self {
            Length::Fixed(0) => "0",
            Length::Fixed(1) => "1",
            Length::Fixed(2) => "2",
            Length::Fixed(3) => "3",
            Length::Fixed(4) => "4",
            Length::Fixed(16) => "16",
            Length::Fixed(_) => "its fixed length",
            Length::Items { min: 0, unit: 4 } => "a multiple of 4",
            Length::Items { min: 1, unit: 1 } => "at least 1",
            Length::Items { min: 2, unit: 1 } => "at least 2",
            Length::Items { min: 2, unit: 2 } => "a multiple of 2, at least 2",
            Length::Items { min: 4, unit: 4 } => "a multiple of 4, at least 4",
            Length::Items { min: 8, unit: 8 } => "a multiple of 8, at least 8",
            Length::Items { .. } => "a whole number of items",
            Length::Varies => "what its format allows",
        }
    }
}

/// The fixed `N`-byte head of a compound value and the bytes after it, for
/// the accessors of a value whose `decode` checked it has at least `N`
/// bytes (so the all-zero fallback is never taken).
#[inline]
pub(crate) fn checked_head<const N: usize>(data: &[u8]) -> (&[u8; N], &[u8]) {
    data.split_first_chunk().unwrap_or((&[0; N], &[]))
}

/// `InvalidLength` for option `code` whose code byte is at `offset`.
pub(crate) fn invalid_len(
    code: OptionCode,
    data: &[u8],
    offset: usize,
    expected: &'static str,
) -> Error {
    Error::InvalidLength {
        code: code.0,
        offset,
        len: data.len(),
        expected,
    }
}

/// `InvalidValue` at value byte `index` of option `code` at `offset`.
pub(crate) fn invalid_at(
    code: OptionCode,
    offset: usize,
    index: usize,
    expected: &'static str,
) -> Error {
    Error::InvalidValue {
        code: code.0,
        offset: offset.saturating_add(2).saturating_add(index),
        expected,
    }
}

/// Checks that `data[start..]` is a run of items, each split off the front
/// by `split` (the bytes after the item, or `None` when the item there is
/// malformed); the error points at the first malformed item. The decoders
/// pass the same `split` their iterators use, so what decodes iterates.
pub(crate) fn check_items<'a>(
    code: OptionCode,
    data: &'a [u8],
    offset: usize,
    start: usize,
    expected: &'static str,
    split: impl Fn(&'a [u8]) -> Option<&'a [u8]>,
) -> Result<(), Error> {
    let mut rest = data.get(start..).unwrap_or(&[]);
    while !rest.is_empty() {
        let at = data.len().saturating_sub(rest.len());
        let err = || invalid_at(code, offset, at, expected);
        let next = split(rest).ok_or_else(err)?;
        // Each item must consume bytes, or the loop would not end.
        if next.len() >= rest.len() {
            return Err(err());
        }
        rest = next;
    }
    Ok(())
}

/// A message offset kept in 4 bytes, so that the values which remember
/// one (to report where a lazily iterated part is malformed) fit in the
/// 32-byte [`DhcpOption`]. An offset past 4 GiB, which no DHCP message
/// reaches, saturates.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Offset32(u32);

impl fmt::Debug for Offset32 {
    /// The bare number, as the `usize` offsets it replaces printed.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl Offset32 {
    #[inline]
    pub(crate) fn new(offset: usize) -> Self {
        Offset32(u32::try_from(offset).unwrap_or(u32::MAX))
    }

    #[inline]
    pub(crate) fn get(self) -> usize {
        // Lossless: usize is at least 32 bits on every target this crate
        // supports (the error offsets are usize).
        self.0 as usize
    }
}

/// Implements [`OptionData`] for a fixed-size value.
macro_rules! fixed {
    ($ty:ty, $n:literal, $expected:literal, |$d:ident| $dec:expr, |$v:ident| $enc:expr) => {
        impl OptionData<'_> for $ty {
            const LENGTH: Length = Length::Fixed($n);
            fn decode(code: OptionCode, data: &[u8], offset: usize) -> Result<Self, Error> {
                match <&[u8; $n]>::try_from(data) {
                    Ok($d) => Ok($dec),
                    Err(_) => Err(invalid_len(code, data, offset, $expected)),
                }
            }
            fn encoded_len(&self) -> usize {
                $n
            }
            fn encode(&self, sink: &mut dyn FnMut(&[u8])) {
                let $v = self;
                sink(&$enc)
            }
        }
    };
}

fixed!(Ipv4Addr, 4, "4 bytes", |d| Ipv4Addr::from(*d), |v| v
    .octets());
fixed!(Ipv6Addr, 16, "16 bytes", |d| Ipv6Addr::from(*d), |v| v
    .octets());
fixed!(u32, 4, "4 bytes", |d| u32::from_be_bytes(*d), |v| v
    .to_be_bytes());
fixed!(i32, 4, "4 bytes", |d| i32::from_be_bytes(*d), |v| v
    .to_be_bytes());
fixed!(u16, 2, "2 bytes", |d| u16::from_be_bytes(*d), |v| v
    .to_be_bytes());
fixed!(u8, 1, "1 byte", |d| d[0], |v| [*v]);
fixed!([u8; 4], 4, "4 bytes", |d| *d, |v| *v);

impl OptionData<'_> for bool {
    const LENGTH: Length = Length::Fixed(1);
    fn decode(code: OptionCode, data: &[u8], offset: usize) -> Result<Self, Error> {
        match data {
            [0] => Ok(false),
            [1] => Ok(true),
            [_] => Err(invalid_at(code, offset, 0, "0 (off) or 1 (on)")),
            _ => Err(invalid_len(code, data, offset, "1 byte")),
        }
    }
    fn encoded_len(&self) -> usize {
        1
    }
    fn encode(&self, sink: &mut dyn FnMut(&[u8])) {
        sink(&[u8::from(*self)]);
    }
}

impl OptionData<'_> for () {
    const LENGTH: Length = Length::Fixed(0);
    fn decode(code: OptionCode, data: &[u8], offset: usize) -> Result<Self, Error> {
        if data.is_empty() {
            Ok(())
        } else {
            Err(invalid_len(code, data, offset, "0 bytes"))
        }
    }
    fn encoded_len(&self) -> usize {
        0
    }
    fn encode(&self, _sink: &mut dyn FnMut(&[u8])) {}
}

impl OptionData<'_> for Overload {
    const LENGTH: Length = Length::Fixed(1);
    #[inline]
    fn decode(code: OptionCode, data: &[u8], offset: usize) -> Result<Self, Error> {
        match data {
            [v] => Overload::from_u8(*v)
                .ok_or_else(|| invalid_at(code, offset, 0, "1 (file), 2 (sname) or 3 (both)")),
            _ => Err(invalid_len(code, data, offset, "1 byte")),
        }
    }
    fn encoded_len(&self) -> usize {
        1
    }
    fn encode(&self, sink: &mut dyn FnMut(&[u8])) {
        sink(&[self.to_u8()]);
    }
}

impl OptionData<'_> for MessageType {
    const LENGTH: Length = Length::Fixed(1);
    #[inline]
    fn decode(code: OptionCode, data: &[u8], offset: usize) -> Result<Self, Error> {
        match data {
            [v] => Ok(MessageType::from(*v)),
            _ => Err(invalid_len(code, data, offset, "1 byte")),
        }
    }
    fn encoded_len(&self) -> usize {
        1
    }
    fn encode(&self, sink: &mut dyn FnMut(&[u8])) {
        sink(&[u8::from(*self)]);
    }
}

/// Implements [`OptionData`] for a type holding its value bytes, given
/// its decode function and the field with the bytes.
macro_rules! borrowed {
    ($ty:ident, $decode:path) => {
        $crate::options::value::borrowed!($ty, $decode, $crate::options::value::Length::Varies);
    };
    ($ty:ident, $decode:path, $length:expr) => {
        impl<'a> $crate::options::value::OptionData<'a> for $ty<'a> {
            const LENGTH: $crate::options::value::Length = $length;
            fn decode(
                code: $crate::code::OptionCode,
                data: &'a [u8],
                offset: usize,
            ) -> Result<Self, $crate::error::Error> {
                $decode(code, data, offset)
            }
            fn encoded_len(&self) -> usize {
                self.as_bytes().len()
            }
            fn encode(&self, sink: &mut dyn FnMut(&[u8])) {
                sink(self.as_bytes())
            }
        }
    };
}
pub(crate) use borrowed;

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::format;

    #[test]
    fn offset32_prints_as_the_bare_number_and_saturates() {
        assert_eq!(format!("{:?}", Offset32::new(243)), "243");
        assert_eq!(Offset32::new(243).get(), 243);
        assert_eq!(Offset32::new(usize::MAX).get(), u32::MAX as usize);
    }
}
