//! DNS names in option values (RFC 1035 §3.1 wire form), shared by the
//! options that carry them: domain search (119, RFC 3397), BCMCS (88), LoST
//! (137), SIP servers (120), SIP UA domains (141), DOTS (147), access
//! network domain (213), RDNSS selection (146), DNR (162) and client FQDN
//! (81).
//!
//! RFC 3397 lets a list of names use compression pointers whose offsets
//! count from the first byte of the option value (of all RFC 3396 fragments
//! joined). Decoding checks every name once, up front: a pointer must point
//! strictly before the start of the label run it ends (so it points
//! backwards and cannot loop), inside the value; a name follows at most
//! [`MAX_POINTER_HOPS`] pointers; labels are at most 63 bytes and a name at
//! most 255 bytes. After that, walking a name cannot fail.
//!
//! The views borrow the original bytes, so re-encoding writes them back as
//! they were, compression pointers included: encode(decode(x)) == x. To
//! build a value from names, [`encode_names`] writes them uncompressed;
//! [`DomainList::write_uncompressed`] re-encodes a decoded list that way,
//! which differs from the input only by the compression.

use core::fmt;
use core::iter::FusedIterator;

use crate::error::Error;
use crate::fmt::join;

/// The most compression pointers one name may follow.
pub const MAX_POINTER_HOPS: usize = 64;

/// The longest label (RFC 1035 §2.3.4).
pub const MAX_LABEL_LEN: usize = 63;

/// The longest name in wire form, length bytes and root label included
/// (RFC 1035 §2.3.4).
pub const MAX_NAME_LEN: usize = 255;

/// How names end in a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    /// Compression pointers allowed (RFC 3397 lists).
    Compressed,
    /// No pointers; every name ends with the root label.
    Plain,
    /// No pointers; the last name may stop without the root label (a
    /// partial name, RFC 4702 §2.3.1).
    Partial,
}

fn bad(code: u8, value_start: usize, at: usize, expected: &'static str) -> Error {
    Error::InvalidValue {
        code,
        offset: value_start.saturating_add(at),
        expected,
    }
}

/// Checks the name starting at `start` in `data`; returns the index after
/// its wire form in place (after the root label or the first pointer), and
/// whether it ended without a root label (partial).
pub(crate) fn check_name(
    code: u8,
    data: &[u8],
    start: usize,
    value_start: usize,
    form: Form,
) -> Result<(usize, bool), Error> {
    let mut pos = start;
    // Where the current run of labels began: a pointer must go before it.
    let mut run_start = start;
    let mut end_in_place: Option<usize> = None;
    let mut hops = 0usize;
    let mut name_len = 0usize;
    // The length byte of the last label read: where an unterminated name is
    // reported (the byte after it may belong to the next option).
    let mut last_label = start;
    loop {
        let Some(&len) = data.get(pos) else {
            if form == Form::Partial && end_in_place.is_none() && pos == data.len() {
                return Ok((pos, true));
            }
            return Err(bad(
                code,
                value_start,
                last_label,
                "a name ending with a root label inside the option",
            ));
        };
        match len {
            0 => {
                name_len += 1;
                if name_len > MAX_NAME_LEN {
                    return Err(bad(code, value_start, pos, "a name of at most 255 bytes"));
                }
                return Ok((end_in_place.unwrap_or(pos + 1), false));
            }
            1..=63 => {
                let next = pos + 1 + usize::from(len);
                if next > data.len() {
                    return Err(bad(code, value_start, pos, "a label inside the option"));
                }
                name_len += 1 + usize::from(len);
                if name_len >= MAX_NAME_LEN {
                    return Err(bad(code, value_start, pos, "a name of at most 255 bytes"));
                }
                last_label = pos;
                pos = next;
            }
            0xc0..=0xff => {
                if form != Form::Compressed {
                    return Err(bad(
                        code,
                        value_start,
                        pos,
                        "an uncompressed name (no compression pointer)",
                    ));
                }
                let Some(&low) = data.get(pos + 1) else {
                    return Err(bad(
                        code,
                        value_start,
                        pos,
                        "a two-byte compression pointer inside the option",
                    ));
                };
                let target = usize::from(len & 0x3f) << 8 | usize::from(low);
                if target >= data.len() {
                    return Err(bad(
                        code,
                        value_start,
                        pos,
                        "a compression pointer inside the option (pointer past end)",
                    ));
                }
                if target >= pos {
                    return Err(bad(
                        code,
                        value_start,
                        pos,
                        "a compression pointer to an earlier byte (forward pointer)",
                    ));
                }
                if target >= run_start {
                    return Err(bad(
                        code,
                        value_start,
                        pos,
                        "a compression pointer before its own labels (pointer loop)",
                    ));
                }
                hops += 1;
                if hops > MAX_POINTER_HOPS {
                    return Err(bad(
                        code,
                        value_start,
                        pos,
                        "at most 64 compression pointers in a name",
                    ));
                }
                if end_in_place.is_none() {
                    end_in_place = Some(pos + 2);
                }
                pos = target;
                run_start = target;
            }
            _ => {
                return Err(bad(
                    code,
                    value_start,
                    pos,
                    "a label of at most 63 bytes (length byte 0..=63 or a 0xc0 pointer)",
                ));
            }
        }
    }
}

/// One name inside an option value, checked on decode. Its labels may
/// follow compression pointers into the rest of the value.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Name<'a> {
    /// The whole value the name lives in (pointers count from its start).
    data: &'a [u8],
    start: usize,
    /// Index after the name's own wire bytes.
    end: usize,
    partial: bool,
}

impl<'a> Name<'a> {
    /// Parses one uncompressed name that fills `wire` exactly. `None` when
    /// `wire` is not a well-formed name ending with the root label.
    ///
    /// ```
    /// use dhcpwire::options::dns::Name;
    /// let n = Name::parse(b"\x07example\x03com\x00").unwrap();
    /// assert_eq!(n.to_string(), "example.com");
    /// ```
    pub fn parse(wire: &'a [u8]) -> Option<Self> {
        let (end, partial) = check_name(0, wire, 0, 0, Form::Plain).ok()?;
        (end == wire.len()).then_some(Name {
            data: wire,
            start: 0,
            end,
            partial,
        })
    }

    pub(crate) fn checked(data: &'a [u8], start: usize, end: usize, partial: bool) -> Self {
        Name {
            data,
            start,
            end,
            partial,
        }
    }

    /// The name's own bytes as they are on the wire (up to and including
    /// its root label or first compression pointer).
    pub fn wire(&self) -> &'a [u8] {
        self.data.get(self.start..self.end).unwrap_or(&[])
    }

    /// Whether the name stops without the root label (RFC 4702 partial
    /// name).
    pub fn is_partial(&self) -> bool {
        self.partial
    }

    /// Whether the name is the root (no labels).
    pub fn is_root(&self) -> bool {
        self.labels().next().is_none()
    }

    /// The labels, following compression pointers.
    pub fn labels(&self) -> Labels<'a> {
        Labels {
            data: self.data,
            pos: self.start,
            hops: 0,
        }
    }

    /// Length of the name written uncompressed (length bytes, labels and,
    /// unless partial, the root label).
    pub fn uncompressed_len(&self) -> usize {
        let labels: usize = self.labels().map(|l| 1 + l.len()).sum();
        labels + usize::from(!self.partial)
    }

    /// Writes the name uncompressed to `sink`.
    pub fn write_uncompressed(&self, sink: &mut dyn FnMut(&[u8])) {
        for label in self.labels() {
            sink(&[label.len() as u8]);
            sink(label);
        }
        if !self.partial {
            sink(&[0]);
        }
    }

    /// Whether two names are equal label by label, ASCII case-insensitive
    /// (RFC 4343), however they are compressed.
    pub fn eq_ignore_case(&self, other: &Name<'_>) -> bool {
        let mut a = self.labels();
        let mut b = other.labels();
        loop {
            match (a.next(), b.next()) {
                (None, None) => return self.partial == other.partial,
                (Some(x), Some(y)) if x.eq_ignore_ascii_case(y) => {}
                _ => return false,
            }
        }
    }
}

impl fmt::Display for Name<'_> {
    /// Dotted, without the trailing dot; the root prints as `.`. A dot or
    /// backslash inside a label is escaped, other bytes outside printable
    /// ASCII print as `\DDD` (RFC 4343 §2.1).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for label in self.labels() {
            if !first {
                f.write_str(".")?;
            }
            first = false;
            for &b in label {
                match b {
                    b'.' | b'\\' => write!(f, "\\{}", char::from(b))?,
                    0x21..=0x7e => write!(f, "{}", char::from(b))?,
                    _ => write!(f, "\\{b:03}")?,
                }
            }
        }
        if first {
            f.write_str(".")?;
        }
        Ok(())
    }
}

impl fmt::Debug for Name<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Name({self})")
    }
}

/// The labels of a [`Name`], compression pointers followed.
#[derive(Debug, Clone)]
pub struct Labels<'a> {
    data: &'a [u8],
    pos: usize,
    hops: usize,
}

impl<'a> Iterator for Labels<'a> {
    type Item = &'a [u8];

    fn next(&mut self) -> Option<&'a [u8]> {
        loop {
            let len = *self.data.get(self.pos)?;
            match len {
                1..=63 => {
                    let start = self.pos + 1;
                    let end = start + usize::from(len);
                    let label = self.data.get(start..end)?;
                    self.pos = end;
                    return Some(label);
                }
                0xc0..=0xff if self.hops < MAX_POINTER_HOPS => {
                    let low = *self.data.get(self.pos + 1)?;
                    let target = usize::from(len & 0x3f) << 8 | usize::from(low);
                    if target >= self.pos {
                        self.pos = self.data.len();
                        return None;
                    }
                    self.hops += 1;
                    self.pos = target;
                }
                _ => {
                    self.pos = self.data.len();
                    return None;
                }
            }
        }
    }
}

impl FusedIterator for Labels<'_> {}

/// A list of DNS names in wire form (RFC 1035 §3.1), possibly compressed
/// (RFC 3397 §2), viewed in place and checked on decode.
///
/// ```
/// use dhcpwire::{DhcpOption, OptionCode};
/// // RFC 3397 §3: "eng.apple.com." and "marketing.apple.com.", the second
/// // pointing at "apple.com." in the first.
/// let value = b"\x03eng\x05apple\x03com\x00\x09marketing\xc0\x04";
/// let DhcpOption::DomainSearch(list) = DhcpOption::decode(OptionCode::DOMAIN_SEARCH, value, 0).unwrap()
/// else { unreachable!() };
/// let names: Vec<String> = list.names().map(|n| n.to_string()).collect();
/// assert_eq!(names, ["eng.apple.com", "marketing.apple.com"]);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct DomainList<'a> {
    data: &'a [u8],
}

impl<'a> DomainList<'a> {
    /// Checks `data` as a list of names (compression allowed) and views it.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] at the offending byte (label over 63 bytes,
    /// name over 255, a label or pointer past the end, a forward pointer or
    /// a pointer loop); `code` and `value_start` (message offset of
    /// `data[0]`) are for the report.
    pub fn check(code: u8, data: &'a [u8], value_start: usize) -> Result<Self, Error> {
        let mut pos = 0;
        while pos < data.len() {
            let (end, _) = check_name(code, data, pos, value_start, Form::Compressed)?;
            pos = end;
        }
        Ok(DomainList { data })
    }

    /// Views `data` that [`check`](Self::check) accepted before: a value
    /// type that keeps its whole value re-views its names through this.
    #[inline]
    pub(crate) fn checked(data: &'a [u8]) -> Self {
        DomainList { data }
    }

    pub(crate) fn decode_non_empty(
        code: crate::OptionCode,
        data: &'a [u8],
        offset: usize,
    ) -> Result<Self, Error> {
        if data.is_empty() {
            return Err(Error::InvalidLength {
                code: code.0,
                offset,
                len: 0,
                expected: "at least 1 byte (a DNS name)",
            });
        }
        Self::check(code.0, data, offset.saturating_add(2))
    }

    /// The value as it was on the wire, compression included.
    pub fn as_bytes(&self) -> &'a [u8] {
        self.data
    }

    /// Whether the list holds no name.
    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
    }

    /// The names, in order.
    pub fn names(&self) -> Names<'a> {
        Names {
            data: self.data,
            pos: 0,
        }
    }

    /// Length of the list written without compression.
    pub fn uncompressed_len(&self) -> usize {
        self.names().map(|n| n.uncompressed_len()).sum()
    }

    /// Writes the names without compression: the same names as
    /// [`as_bytes`](Self::as_bytes), which may be shorter when compressed.
    pub fn write_uncompressed(&self, sink: &mut dyn FnMut(&[u8])) {
        for name in self.names() {
            name.write_uncompressed(sink);
        }
    }
}

impl fmt::Display for DomainList<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        join(f, self.names(), ", ", |f, n| write!(f, "{n}"))
    }
}

impl fmt::Debug for DomainList<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.names()).finish()
    }
}

/// The names of a [`DomainList`].
#[derive(Debug, Clone)]
pub struct Names<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Iterator for Names<'a> {
    type Item = Name<'a>;

    fn next(&mut self) -> Option<Name<'a>> {
        if self.pos >= self.data.len() {
            return None;
        }
        match check_name(0, self.data, self.pos, 0, Form::Compressed) {
            Ok((end, partial)) => {
                let name = Name::checked(self.data, self.pos, end, partial);
                self.pos = end;
                Some(name)
            }
            Err(_) => {
                self.pos = self.data.len();
                None
            }
        }
    }
}

impl FusedIterator for Names<'_> {}

/// Writes `names` (dotted text, a trailing dot optional) as an uncompressed
/// list of wire names into `out`; returns the bytes written. The value of
/// a domain search (119) or other name-list option, for
/// [`MessageBuilder::option`](crate::MessageBuilder::option).
///
/// ```
/// let mut buf = [0u8; 64];
/// let wire = dhcpwire::options::dns::encode_names(&["eng.apple.com", "apple.com."], &mut buf).unwrap();
/// assert_eq!(wire, b"\x03eng\x05apple\x03com\x00\x05apple\x03com\x00");
/// ```
///
/// # Errors
/// [`Error::InvalidValue`] for an empty label or one over 63 bytes, or a
/// name over 255 bytes (offset: index into the output);
/// [`Error::BufferTooSmall`] when `out` is too short.
pub fn encode_names<'o>(names: &[&str], out: &'o mut [u8]) -> Result<&'o [u8], Error> {
    let mut at = 0usize;
    for name in names {
        let start = at;
        let trimmed = name.strip_suffix('.').unwrap_or(name);
        if !trimmed.is_empty() {
            for label in trimmed.split('.') {
                let bytes = label.as_bytes();
                if bytes.is_empty() || bytes.len() > MAX_LABEL_LEN {
                    return Err(Error::InvalidValue {
                        code: 0,
                        offset: at,
                        expected: "labels of 1 to 63 bytes",
                    });
                }
                put(out, &mut at, &[bytes.len() as u8])?;
                put(out, &mut at, bytes)?;
            }
        }
        put(out, &mut at, &[0])?;
        if at - start > MAX_NAME_LEN {
            return Err(Error::InvalidValue {
                code: 0,
                offset: start,
                expected: "a name of at most 255 bytes",
            });
        }
    }
    out.get(..at).ok_or(Error::BufferTooSmall {
        needed: at,
        available: 0,
    })
}

fn put(out: &mut [u8], at: &mut usize, bytes: &[u8]) -> Result<(), Error> {
    let available = out.len();
    let end = at.saturating_add(bytes.len());
    let dst = out.get_mut(*at..end).ok_or(Error::BufferTooSmall {
        needed: end,
        available,
    })?;
    dst.copy_from_slice(bytes);
    *at = end;
    Ok(())
}

super::value::borrowed!(DomainList, DomainList::decode_non_empty);

#[cfg(feature = "serde")]
impl serde::Serialize for DomainList<'_> {
    /// The names, as an array of strings.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.names().map(super::json::Str))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;
    use alloc::vec::Vec;

    #[test]
    fn a_pointer_past_byte_255_uses_its_high_bits() {
        // Four names of one 63-byte label (65 bytes each, at 0 to 195),
        // "c" at 260, then "d" and a pointer to 260 (0xc1 0x04), as a
        // joined option 119 longer than 255 bytes can hold.
        let mut data = Vec::new();
        for _ in 0..4 {
            data.push(63);
            data.extend_from_slice(&[b'a'; 63]);
            data.push(0);
        }
        data.extend_from_slice(b"\x01c\x00\x01d\xc1\x04");
        let (end, partial) = check_name(119, &data, 263, 0, Form::Compressed).unwrap();
        assert_eq!((end, partial), (data.len(), false));
        let name = Name::checked(&data, 263, end, false);
        assert_eq!(name.to_string(), "d.c");
    }

    #[test]
    fn parse_wants_exactly_one_name() {
        let n = Name::parse(b"\x07example\x03com\x00").unwrap();
        assert_eq!(n.to_string(), "example.com");
        assert_eq!(alloc::format!("{n:?}"), "Name(example.com)");
        assert!(!n.is_root());
        assert!(!n.is_partial());
        let root = Name::parse(b"\x00").unwrap();
        assert!(root.is_root());
        assert_eq!(root.to_string(), ".");
        assert!(Name::parse(b"\x03com\x00\x00").is_none());
        assert!(Name::parse(b"\x03com").is_none());
    }

    #[test]
    fn eq_ignore_case_compares_labels_and_partialness() {
        let a = Name::parse(b"\x07Example\x03COM\x00").unwrap();
        let b = Name::parse(b"\x07example\x03com\x00").unwrap();
        assert!(a.eq_ignore_case(&b));
        let other = Name::parse(b"\x07example\x03net\x00").unwrap();
        assert!(!a.eq_ignore_case(&other));
        let shorter = Name::parse(b"\x07example\x00").unwrap();
        assert!(!a.eq_ignore_case(&shorter));
        assert!(!shorter.eq_ignore_case(&a));
        let wire = b"\x07example\x03com";
        let partial = Name::checked(wire, 0, wire.len(), true);
        assert!(!partial.eq_ignore_case(&b));
    }
}
