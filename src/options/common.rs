//! The general value types many options share: text, address lists, code
//! lists, the client identifier, durations, and sub-option sequences
//! (`code len value` without PAD or END, as in option 82).

use core::fmt;
use core::iter::FusedIterator;
use core::net::Ipv4Addr;

#[cfg(feature = "serde")]
use super::json::{Lossy, PlainHex, Str};
use super::value::{Length, Offset32, OptionData, borrowed, invalid_len};
use crate::code::OptionCode;
use crate::error::Error;
use crate::fmt::{Hex, Text as TextFmt, join};
use crate::tlv::{self, Step};

/// Bytes that are meant as text (host names, vendor classes). Not guaranteed
/// UTF-8 on the wire; `Display` escapes what is not printable ASCII.
///
/// `Display` and the `serde` form show the text without trailing NULs
/// ([`trimmed`](Self::trimmed)); the bytes themselves, `==` and encoding
/// keep every byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Text<'a>(pub &'a [u8]);

impl<'a> Text<'a> {
    /// The raw bytes.
    pub fn as_bytes(&self) -> &'a [u8] {
        self.0
    }

    /// The bytes without their trailing NULs, all of them. RFC 2132 §2:
    /// NVT ASCII options "SHOULD NOT include a trailing NULL; however, the
    /// receiver of such options MUST be prepared to delete trailing nulls
    /// if they exist" (tshark shows them deleted too). NULs inside the text
    /// are kept.
    ///
    /// ```
    /// use dhcpwire::options::typed::Text;
    /// assert_eq!(Text(b"nas1\0").trimmed(), b"nas1");
    /// assert_eq!(Text(b"nas1\0").to_string(), "nas1");
    /// assert_eq!(Text(b"a\0b\0\0").trimmed(), b"a\0b");
    /// ```
    pub fn trimmed(&self) -> &'a [u8] {
        let mut text = self.0;
        while let [rest @ .., 0] = text {
            text = rest;
        }
        text
    }

    /// The bytes as `&str` when they are valid UTF-8.
    pub fn to_str(&self) -> Option<&'a str> {
        core::str::from_utf8(self.0).ok()
    }

    /// Text options carry at least one byte (RFC 2132 "minimum length 1").
    fn decode(code: OptionCode, data: &'a [u8], offset: usize) -> Result<Self, Error> {
        if data.is_empty() {
            Err(invalid_len(code, data, offset, "at least 1 byte"))
        } else {
            Ok(Text(data))
        }
    }
}

impl fmt::Display for Text<'_> {
    /// The [`trimmed`](Text::trimmed) text, non-printable bytes escaped.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", TextFmt(self.trimmed()))
    }
}

/// A list of IPv4 addresses, viewed in place: length a multiple of 4, at
/// least one address except where the option allows none (68, 78).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Ipv4List<'a>(&'a [u8]);

impl<'a> Ipv4List<'a> {
    /// Views `bytes` as addresses; `None` unless the length is a non-zero
    /// multiple of 4.
    pub fn new(bytes: &'a [u8]) -> Option<Self> {
        (!bytes.is_empty() && bytes.len() % 4 == 0).then_some(Ipv4List(bytes))
    }

    /// Views bytes that a decoder has already checked with [`new`](Self::new)'s
    /// rule (the list of a compound value, re-read by an accessor).
    #[inline]
    pub(crate) fn checked(bytes: &'a [u8]) -> Self {
        Ipv4List(bytes)
    }

    /// Views `bytes` as addresses, allowing none; `None` unless the length
    /// is a multiple of 4.
    pub fn new_maybe_empty(bytes: &'a [u8]) -> Option<Self> {
        (bytes.len() % 4 == 0).then_some(Ipv4List(bytes))
    }

    fn decode(code: OptionCode, data: &'a [u8], offset: usize) -> Result<Self, Error> {
        Self::new(data)
            .ok_or_else(|| invalid_len(code, data, offset, "a non-zero multiple of 4 bytes"))
    }

    pub(crate) fn decode_maybe_empty(
        code: OptionCode,
        data: &'a [u8],
        offset: usize,
    ) -> Result<Self, Error> {
        Self::new_maybe_empty(data)
            .ok_or_else(|| invalid_len(code, data, offset, "a multiple of 4 bytes"))
    }

    /// The raw bytes.
    pub fn as_bytes(&self) -> &'a [u8] {
        self.0
    }

    /// Number of addresses.
    pub fn len(&self) -> usize {
        self.0.len() / 4
    }

    /// Whether the list is empty (only where the option allows it).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The addresses, in order.
    pub fn iter(&self) -> Ipv4Iter<'a> {
        Ipv4Iter(self.0.chunks_exact(4))
    }
}

impl<'a> IntoIterator for Ipv4List<'a> {
    type Item = Ipv4Addr;
    type IntoIter = Ipv4Iter<'a>;
    fn into_iter(self) -> Ipv4Iter<'a> {
        self.iter()
    }
}

impl fmt::Display for Ipv4List<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        join(f, self.iter(), ",", |f, a| write!(f, "{a}"))
    }
}

/// Iterator over the addresses of an [`Ipv4List`].
#[derive(Debug, Clone)]
pub struct Ipv4Iter<'a>(core::slice::ChunksExact<'a, u8>);

impl Iterator for Ipv4Iter<'_> {
    type Item = Ipv4Addr;
    fn next(&mut self) -> Option<Ipv4Addr> {
        match self.0.next()? {
            [a, b, c, d] => Some(Ipv4Addr::new(*a, *b, *c, *d)),
            _ => None,
        }
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl ExactSizeIterator for Ipv4Iter<'_> {}
impl FusedIterator for Ipv4Iter<'_> {}

/// A list of option codes (option 55), viewed in place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CodeList<'a>(pub &'a [u8]);

impl<'a> CodeList<'a> {
    /// The raw bytes.
    pub fn as_bytes(&self) -> &'a [u8] {
        self.0
    }

    /// The codes, in the client's order of preference.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = OptionCode> + 'a {
        self.0.iter().map(|&c| OptionCode(c))
    }

    /// Whether `code` is requested.
    pub fn contains(&self, code: OptionCode) -> bool {
        self.0.contains(&code.0)
    }

    fn decode(code: OptionCode, data: &'a [u8], offset: usize) -> Result<Self, Error> {
        Text::decode(code, data, offset).map(|t| CodeList(t.0))
    }
}

impl fmt::Display for CodeList<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        join(f, self.iter(), ", ", |f, c| {
            if c.is_assigned() {
                f.write_str(c.name())
            } else {
                write!(f, "Option {}", c.0)
            }
        })
    }
}

/// A client identifier (option 61): a type byte (a hardware type, or 255
/// for RFC 4361 IAID+DUID, or 0 for other identifiers) and the identifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ClientId<'a> {
    /// The type byte.
    pub kind: u8,
    /// The identifier bytes after the type.
    pub id: &'a [u8],
}

impl fmt::Display for ClientId<'_> {
    /// tcpdump style: `ether 0a:16:36:fb:bb:4a` for Ethernet addresses.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.kind, self.id.len()) {
            (1, 6) => write!(f, "ether {}", Hex(self.id)),
            (255, _) => write!(f, "IAID/DUID {}", Hex(self.id)),
            (0, _) => write!(f, "\"{}\"", TextFmt(self.id)),
            (k, _) => write!(f, "type {k} {}", Hex(self.id)),
        }
    }
}

/// A duration in seconds, displayed as `300 (5m)`; `0xffffffff` as
/// `infinite`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seconds(pub u32);

impl fmt::Display for Seconds {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 == u32::MAX {
            return f.write_str("infinite");
        }
        write!(f, "{} (", self.0)?;
        human(u64::from(self.0), f)?;
        f.write_str(")")
    }
}

/// `1d2h3m4s`, skipping zero units; `0s` for zero.
pub(crate) fn human(mut secs: u64, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    if secs == 0 {
        return f.write_str("0s");
    }
    for (unit, name) in [(86_400, "d"), (3_600, "h"), (60, "m"), (1, "s")] {
        if secs >= unit {
            write!(f, "{}{name}", secs / unit)?;
            secs %= unit;
        }
    }
    Ok(())
}

borrowed!(Text, Text::decode, Length::Items { min: 1, unit: 1 });
borrowed!(
    Ipv4List,
    Ipv4List::decode,
    Length::Items { min: 4, unit: 4 }
);
borrowed!(
    CodeList,
    CodeList::decode,
    Length::Items { min: 1, unit: 1 }
);
borrowed!(SubOptions, SubOptions::decode);

impl<'a> OptionData<'a> for ClientId<'a> {
    const LENGTH: Length = Length::Items { min: 2, unit: 1 };
    fn decode(code: OptionCode, data: &'a [u8], offset: usize) -> Result<Self, Error> {
        match data {
            [kind, id @ ..] if !id.is_empty() => Ok(ClientId { kind: *kind, id }),
            _ => Err(invalid_len(code, data, offset, "at least 2 bytes")),
        }
    }
    fn encoded_len(&self) -> usize {
        1 + self.id.len()
    }
    fn encode(&self, sink: &mut dyn FnMut(&[u8])) {
        sink(&[self.kind]);
        sink(self.id);
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Text<'_> {
    /// The [`trimmed`](Text::trimmed) text as a string (invalid UTF-8
    /// replaced).
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&Lossy(self.trimmed()))
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Ipv4List<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter().map(Str))
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for CodeList<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for c in self.0 {
            seq.serialize_element(c)?;
        }
        seq.end()
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for ClientId<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(2))?;
        m.serialize_entry("type", &self.kind)?;
        m.serialize_entry("id", &Str(PlainHex(self.id)))?;
        m.end()
    }
}

/// One sub-option.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SubOption<'a> {
    /// Sub-option code.
    pub code: u8,
    /// Sub-option value.
    pub data: &'a [u8],
    /// Offset of the sub-option's code byte in the message. When the parent
    /// value was joined from several RFC 3396 fragments, it is the first
    /// fragment's value offset plus the position in the joined value:
    /// [`OptionValue::message_offset`](super::OptionValue::message_offset)
    /// maps it to the byte in the message.
    pub offset: usize,
}

/// Iterator over sub-options (`code len value`, no PAD, no END), fused after
/// the first error.
///
/// ```
/// use dhcpwire::options::relay::SubOptions;
/// // Option 82: circuit id "eth0", remote id 00:11:22.
/// let value = [1, 4, b'e', b't', b'h', b'0', 2, 3, 0x00, 0x11, 0x22];
/// let subs: Vec<_> = SubOptions::new(82, &value, 0).map(|s| s.unwrap()).collect();
/// assert_eq!(subs[0].code, 1);
/// assert_eq!(subs[0].data, b"eth0");
/// assert_eq!(subs[1].data, &[0x00, 0x11, 0x22]);
/// ```
#[derive(Debug, Clone)]
pub struct SubOptions<'a> {
    /// The sub-options not yet iterated; empty after an error.
    rest: &'a [u8],
    /// Offset of `rest[0]` in the message.
    base: Offset32,
    parent: u8,
    /// An enterprise's sub-options (RFC 3925 option 125, RFC 4243 relay
    /// sub-option 9): their codes are the vendor's, not the parent's.
    vendor: bool,
}

// Keeps `DhcpOption` at 32 bytes (see `Offset32`).
const _: () = assert!(core::mem::size_of::<SubOptions<'static>>() <= 24);

impl<'a> SubOptions<'a> {
    /// Iterates the sub-options of option `parent`'s value `data`, whose
    /// first byte is at `base`.
    pub fn new(parent: u8, data: &'a [u8], base: usize) -> Self {
        SubOptions {
            rest: data,
            base: Offset32::new(base),
            parent,
            vendor: false,
        }
    }

    /// The sub-options of one enterprise inside option `parent` (125, or 82
    /// for relay sub-option 9): errors name `parent`, but the codes are the
    /// enterprise's own, so they are never named or typed as `parent`'s.
    pub(crate) fn vendor_data(parent: u8, data: &'a [u8], base: usize) -> Self {
        SubOptions {
            vendor: true,
            ..SubOptions::new(parent, data, base)
        }
    }

    /// The bytes not yet iterated: the whole value until the first call to
    /// `next` (like [`core::slice::Iter::as_slice`]). Encoding a
    /// [`DhcpOption`](crate::DhcpOption) holding this view, and `==`, also
    /// cover only these bytes, so keep the decoded value and iterate a
    /// clone (as [`find`](Self::find) and `Display` do).
    pub fn as_bytes(&self) -> &'a [u8] {
        self.rest
    }

    /// The parent option's code.
    pub fn parent(&self) -> u8 {
        self.parent
    }

    /// Whether these are one enterprise's sub-options (an entry of option
    /// 125, RFC 3925, or of relay sub-option 9, RFC 4243), whose codes the
    /// enterprise defines.
    pub fn is_vendor_data(&self) -> bool {
        self.vendor
    }

    /// Checks the sub-options of option `code`'s value `data` (code byte at
    /// `offset`) and views them.
    #[inline]
    pub(crate) fn decode(
        code: crate::OptionCode,
        data: &'a [u8],
        offset: usize,
    ) -> Result<Self, Error> {
        let subs = SubOptions::new(code.0, data, offset.saturating_add(2));
        subs.validate()?;
        Ok(subs)
    }

    /// Checks every sub-option not yet iterated, returning the first error.
    ///
    /// # Errors
    /// [`Error::SubOptionOverrun`] for a sub-option running past its
    /// parent, [`Error::InvalidSubOption`] for one missing its length byte.
    pub fn validate(&self) -> Result<(), Error> {
        for sub in self.clone() {
            sub?;
        }
        Ok(())
    }

    /// The first sub-option with `code`.
    pub fn find(&self, code: u8) -> Option<SubOption<'a>> {
        self.clone().flatten().find(|s| s.code == code)
    }
}

impl<'a> Iterator for SubOptions<'a> {
    type Item = Result<SubOption<'a>, Error>;

    // Inlined into the typed decode of 82 and its siblings: out of line,
    // W2 (every option typed) takes 30 more instructions per message.
    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        let offset = self.base.get();
        let parent = self.parent;
        match tlv::step(self.rest, 0, false) {
            Step::Item { code, value, next } => {
                self.rest = self
                    .rest
                    .split_at_checked(next)
                    .map_or(&[], |(_, rest)| rest);
                self.base = Offset32::new(offset.saturating_add(next));
                Some(Ok(SubOption {
                    code,
                    data: value,
                    offset,
                }))
            }
            failed @ (Step::NoLength { .. } | Step::Overrun { .. }) => {
                self.rest = &[];
                failed.sub_option_error(parent, offset).map(Err)
            }
            // No markers in a sub-option sequence: only the end remains.
            Step::Exhausted | Step::Pad | Step::End => None,
        }
    }
}

impl FusedIterator for SubOptions<'_> {}

impl PartialEq for SubOptions<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.parent == other.parent && self.vendor == other.vendor && self.rest == other.rest
    }
}

impl Eq for SubOptions<'_> {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipv4_lists_count_addresses_and_may_be_empty_only_when_allowed() {
        let bytes = [10, 0, 0, 1, 10, 0, 0, 2, 10, 0, 0, 3];
        let list = Ipv4List::new(&bytes).unwrap();
        assert_eq!(list.len(), 3);
        assert!(!list.is_empty());
        let none = Ipv4List::new_maybe_empty(&[]).unwrap();
        assert_eq!(none.len(), 0);
        assert!(none.is_empty());
        assert_eq!(Ipv4List::new(&[]), None);
    }

    #[test]
    fn ipv4_iter_size_hint_is_exact() {
        let bytes = [10, 0, 0, 1, 10, 0, 0, 2, 10, 0, 0, 3];
        let mut it = Ipv4List::new(&bytes).unwrap().iter();
        assert_eq!(it.size_hint(), (3, Some(3)));
        assert_eq!(it.next(), Some(Ipv4Addr::new(10, 0, 0, 1)));
        assert_eq!(it.size_hint(), (2, Some(2)));
        assert_eq!(it.by_ref().count(), 2);
        assert_eq!(it.size_hint(), (0, Some(0)));
        assert_eq!(
            Ipv4List::new(&bytes[..4]).unwrap().iter().size_hint(),
            (1, Some(1))
        );
    }
}
