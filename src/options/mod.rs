//! Walking options: one area at a time ([`AreaOptions`]), the whole message
//! with option overload ([`Options`]), and all RFC 3396 fragments of one
//! code ([`OptionValue`]).
//!
//! Every iterator here borrows from the packet, allocates nothing, makes
//! progress of at least one byte per step and is fused: after the first
//! error it yields nothing more.

use core::fmt;
use core::iter::FusedIterator;

use crate::code::OptionCode;
use crate::error::Error;
use crate::header::{Header, offset};

pub mod dns;
pub mod relay;
pub mod rfc2132;
pub mod rfc2563;
pub mod rfc2610;
pub mod rfc3004;
pub mod rfc3046;
pub mod rfc3118;
pub mod rfc3361;
pub mod rfc3442;
pub mod rfc3925;
pub mod rfc4174;
pub mod rfc4578;
pub mod rfc4702;
pub mod rfc4776;
pub mod rfc5969;
pub mod rfc6225;
pub mod rfc6607;
pub mod rfc6656;
pub mod rfc6704;
pub mod rfc6731;
pub mod rfc6926;
pub mod rfc7291;
pub mod rfc7618;
pub mod rfc8572;
pub mod rfc9463;
pub mod typed;

/// Where in the message an option was found (RFC 2131 §4.1: options are
/// read from `options`, then `file`, then `sname` when overloaded).
///
/// Implements `arbitrary::Arbitrary` with feature `arbitrary`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
pub enum Area {
    /// The options field after the magic cookie (offset 240 onwards).
    Options,
    /// The 128-byte `file` field (offset 108), when option 52 says so.
    File,
    /// The 64-byte `sname` field (offset 44), when option 52 says so.
    Sname,
}

impl Area {
    /// `"options"`, `"file"` or `"sname"`.
    pub const fn name(self) -> &'static str {
        match self {
            Area::Options => "options",
            Area::File => "file",
            Area::Sname => "sname",
        }
    }

    /// Offset of the area's first byte in the message.
    pub const fn start(self) -> usize {
        match self {
            Area::Options => offset::OPTIONS,
            Area::File => offset::FILE,
            Area::Sname => offset::SNAME,
        }
    }
}

impl fmt::Display for Area {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The value of option 52 (RFC 2132 §9.3): which header fields carry options.
///
/// Implements `arbitrary::Arbitrary` with feature `arbitrary`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
pub enum Overload {
    /// 1: the `file` field holds options.
    File,
    /// 2: the `sname` field holds options.
    Sname,
    /// 3: both fields hold options.
    Both,
}

impl Overload {
    /// Parses the one-byte value; `None` for anything but 1, 2, 3.
    pub const fn from_u8(v: u8) -> Option<Overload> {
        match v {
            1 => Some(Overload::File),
            2 => Some(Overload::Sname),
            3 => Some(Overload::Both),
            _ => None,
        }
    }

    /// The wire value.
    pub const fn to_u8(self) -> u8 {
        match self {
            Overload::File => 1,
            Overload::Sname => 2,
            Overload::Both => 3,
        }
    }

    /// Whether `file` carries options.
    pub const fn file(self) -> bool {
        matches!(self, Overload::File | Overload::Both)
    }

    /// Whether `sname` carries options.
    pub const fn sname(self) -> bool {
        matches!(self, Overload::Sname | Overload::Both)
    }
}

/// One option instance as found on the wire: a code, its value bytes and
/// where it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawOption<'a> {
    /// The option code.
    pub code: OptionCode,
    /// The value bytes (`len` bytes after the length byte); may be empty.
    pub data: &'a [u8],
    /// Offset of the code byte from the start of the message.
    pub offset: usize,
    /// The area it was found in.
    pub area: Area,
}

impl<'a> RawOption<'a> {
    /// Length of the value.
    pub fn len(&self) -> usize {
        self.data.len()
    }

    /// Whether the value is empty (legal: e.g. option 80 rapid commit, or
    /// an option 82 with no sub-options as some relays send).
    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
    }

    /// Offset of the first value byte.
    pub fn value_offset(&self) -> usize {
        self.offset.saturating_add(2)
    }

    /// Decodes this single instance as its typed option. When the message
    /// holds several instances of the code, RFC 3396 makes them one value:
    /// use [`Message::option`](crate::Message::option) for that.
    ///
    /// # Errors
    /// [`Error::InvalidLength`], [`Error::InvalidValue`],
    /// [`Error::InvalidSubOption`] or [`Error::SubOptionOverrun`] when the
    /// value is malformed for its type; the raw bytes stay in `self.data`.
    #[inline(always)]
    pub fn decode(&self) -> Result<typed::DhcpOption<'a>, Error> {
        typed::DhcpOption::decode(self.code, self.data, self.offset)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AreaState {
    Walking,
    /// END found at this index within the area.
    Ended(usize),
    /// The area ran out without END.
    Exhausted,
    Failed,
}

/// Raw iterator over the options of one area.
///
/// PAD (0) is skipped, END (255) stops the walk, every other code is
/// `code len value[len]`. A length running past the area is an error with
/// the code and offset; the iterator is fused after it.
///
/// ```
/// use dhcpwire::options::{AreaOptions, Area};
/// // Message type DISCOVER, a PAD, option 82 with length 0, END, 2 trailing bytes.
/// let area = [53, 1, 1, 0, 82, 0, 255, 0, 0];
/// let mut it = AreaOptions::new(&area, 240, Area::Options);
/// let first = it.next().unwrap().unwrap();
/// assert_eq!((first.code.0, first.data, first.offset), (53, &[1u8][..], 240));
/// let second = it.next().unwrap().unwrap();
/// assert_eq!((second.code.0, second.data.len(), second.offset), (82, 0, 244));
/// assert!(it.next().is_none());
/// assert_eq!(it.end_offset(), Some(246));
/// assert_eq!(it.trailing(), Some(&[0u8, 0][..]));
/// ```
#[derive(Debug, Clone)]
pub struct AreaOptions<'a> {
    bytes: &'a [u8],
    base: usize,
    area: Area,
    pos: usize,
    state: AreaState,
}

impl<'a> AreaOptions<'a> {
    /// Walks `bytes`, an area whose first byte sits at `base` in the message.
    pub fn new(bytes: &'a [u8], base: usize, area: Area) -> Self {
        AreaOptions {
            bytes,
            base,
            area,
            pos: 0,
            state: AreaState::Walking,
        }
    }

    /// The area walked.
    pub fn area(&self) -> Area {
        self.area
    }

    /// Message offset of the END option, once the walk has reached it.
    pub fn end_offset(&self) -> Option<usize> {
        match self.state {
            AreaState::Ended(i) => Some(self.base.saturating_add(i)),
            _ => None,
        }
    }

    /// Whether the walk finished by running out of bytes without END
    /// (tolerated: ISC dhcpd fills an area to its last byte).
    pub fn missing_end(&self) -> bool {
        self.state == AreaState::Exhausted
    }

    /// Whether the walk stopped on an error.
    pub fn failed(&self) -> bool {
        self.state == AreaState::Failed
    }

    /// Bytes after END, once the walk has reached END; `Some(&[])` when the
    /// area ran out without END; `None` while walking or after an error.
    pub fn trailing(&self) -> Option<&'a [u8]> {
        match self.state {
            AreaState::Ended(i) => self.bytes.get(i + 1..),
            AreaState::Exhausted => Some(&[]),
            _ => None,
        }
    }

    /// Walks to the end, returning the first error if any. Afterwards
    /// [`end_offset`](Self::end_offset) and [`trailing`](Self::trailing) are known.
    pub fn finish(&mut self) -> Result<(), Error> {
        for item in self.by_ref() {
            item?;
        }
        Ok(())
    }
}

impl<'a> Iterator for AreaOptions<'a> {
    type Item = Result<RawOption<'a>, Error>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        if self.state != AreaState::Walking {
            return None;
        }
        loop {
            let Some(&code) = self.bytes.get(self.pos) else {
                self.state = AreaState::Exhausted;
                return None;
            };
            match code {
                0 => self.pos += 1,
                255 => {
                    self.state = AreaState::Ended(self.pos);
                    return None;
                }
                _ => break,
            }
        }
        let at = self.pos;
        let code = self.bytes.get(at).copied().unwrap_or(0);
        let offset = self.base.saturating_add(at);
        let Some(&len) = self.bytes.get(at + 1) else {
            self.state = AreaState::Failed;
            return Some(Err(Error::MissingOptionLength {
                code,
                offset,
                area: self.area,
            }));
        };
        let start = at + 2;
        let end = start + usize::from(len);
        match self.bytes.get(start..end) {
            Some(data) => {
                self.pos = end;
                Some(Ok(RawOption {
                    code: OptionCode(code),
                    data,
                    offset,
                    area: self.area,
                }))
            }
            None => {
                self.state = AreaState::Failed;
                Some(Err(Error::OptionOverrun {
                    code,
                    offset,
                    len,
                    available: self.bytes.len().saturating_sub(start),
                    area: self.area,
                }))
            }
        }
    }
}

impl FusedIterator for AreaOptions<'_> {}

/// What the main-area walk learned about option 52.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OverloadSeen {
    None,
    One(u8),
    /// Several instances, or one whose length is not 1: not followed.
    Unusable,
}

impl OverloadSeen {
    pub(crate) fn record(&mut self, data: &[u8]) {
        *self = match (*self, data) {
            (OverloadSeen::None, [v]) => OverloadSeen::One(*v),
            _ => OverloadSeen::Unusable,
        };
    }

    pub(crate) fn overload(self) -> Option<Overload> {
        match self {
            OverloadSeen::One(v) => Overload::from_u8(v),
            _ => None,
        }
    }
}

/// The overload-aware walk over a whole message: the options area, then
/// `file`, then `sname` when option 52 in the options area says they carry
/// options.
///
/// Option 52 is followed only when it appears exactly once in the main area
/// with a one-byte value of 1, 2 or 3; an instance inside `file` or `sname`
/// is yielded like any option but never followed. Each area ends at its own
/// END. Fused after the first error.
#[derive(Debug, Clone)]
pub struct Options<'a> {
    header: &'a Header,
    current: AreaOptions<'a>,
    overload: OverloadSeen,
    done: bool,
    pending: Option<Error>,
}

impl<'a> Options<'a> {
    /// Walks the options of a message given as its header and its options
    /// area (the bytes after a checked cookie); `file` and `sname` are read
    /// from the header when option 52 says so.
    pub fn new(header: &'a Header, options_area: &'a [u8]) -> Self {
        Options {
            header,
            current: AreaOptions::new(options_area, offset::OPTIONS, Area::Options),
            overload: OverloadSeen::None,
            done: false,
            pending: None,
        }
    }

    /// A walk that yields `err` once and then nothing (e.g. no magic cookie).
    pub(crate) fn failed(header: &'a Header, err: Error) -> Self {
        let mut walk = Options::new(header, &[]);
        walk.pending = Some(err);
        walk
    }

    /// The overload that the main area declared, once the walk has left it.
    pub fn overload(&self) -> Option<Overload> {
        self.overload.overload()
    }

    /// Moves to the next area after `current` finished cleanly, or ends.
    fn advance_area(&mut self) -> bool {
        let next = match (self.current.area(), self.overload.overload()) {
            (Area::Options, Some(o)) if o.file() => Some(Area::File),
            (Area::Options, Some(o)) if o.sname() => Some(Area::Sname),
            (Area::File, Some(o)) if o.sname() => Some(Area::Sname),
            _ => None,
        };
        match next {
            Some(area) => {
                let slice: &'a [u8] = match area {
                    Area::File => &self.header.file,
                    _ => &self.header.sname,
                };
                self.current = AreaOptions::new(slice, area.start(), area);
                true
            }
            None => {
                self.done = true;
                false
            }
        }
    }
}

impl<'a> Iterator for Options<'a> {
    type Item = Result<RawOption<'a>, Error>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        if let Some(err) = self.pending.take() {
            self.done = true;
            return Some(Err(err));
        }
        // At most three areas: the loop runs at most four times.
        while !self.done {
            match self.current.next() {
                Some(Ok(opt)) => {
                    if opt.area == Area::Options && opt.code == OptionCode::OVERLOAD {
                        self.overload.record(opt.data);
                    }
                    return Some(Ok(opt));
                }
                Some(Err(e)) => {
                    self.done = true;
                    return Some(Err(e));
                }
                None => {
                    if self.current.failed() || !self.advance_area() {
                        self.done = true;
                    }
                }
            }
        }
        None
    }
}

impl FusedIterator for Options<'_> {}

/// Every instance of one option code in a message, in area order: one value
/// per RFC 3396.
///
/// Obtained from [`Message::option`](crate::Message::option), which has
/// already walked the message and checked it, so iterating the fragments
/// cannot fail.
#[derive(Debug, Clone, Copy)]
pub struct OptionValue<'a> {
    header: &'a Header,
    area: &'a [u8],
    code: OptionCode,
    first: RawOption<'a>,
    fragments: usize,
    len: usize,
}

impl<'a> OptionValue<'a> {
    /// Walks a message (header and options area after a checked cookie)
    /// for every instance of `code`.
    pub(crate) fn find(
        header: &'a Header,
        area: &'a [u8],
        code: OptionCode,
    ) -> Result<Option<Self>, Error> {
        let mut found: Option<OptionValue<'a>> = None;
        for opt in Options::new(header, area) {
            let opt = opt?;
            if opt.code != code {
                continue;
            }
            match found.as_mut() {
                None => {
                    found = Some(OptionValue {
                        header,
                        area,
                        code,
                        first: opt,
                        fragments: 1,
                        len: opt.data.len(),
                    })
                }
                Some(v) => {
                    v.fragments += 1;
                    v.len += opt.data.len();
                }
            }
        }
        Ok(found)
    }

    /// The option code.
    pub fn code(&self) -> OptionCode {
        self.code
    }

    /// Offset of the first instance's code byte.
    pub fn offset(&self) -> usize {
        self.first.offset
    }

    /// The first instance.
    pub fn first(&self) -> RawOption<'a> {
        self.first
    }

    /// How many instances (RFC 3396 fragments) make up the value.
    pub fn fragment_count(&self) -> usize {
        self.fragments
    }

    /// Total value length over all fragments.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the value is empty.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The value as one borrowed slice, when it is a single fragment.
    pub fn as_single(&self) -> Option<&'a [u8]> {
        (self.fragments == 1).then_some(self.first.data)
    }

    /// Iterates the fragments in area order, zero-copy.
    pub fn fragments(&self) -> Fragments<'a> {
        Fragments {
            walk: Options::new(self.header, self.area),
            code: self.code,
            remaining: self.fragments,
        }
    }

    /// Joins the fragments into `buf` and returns the filled part.
    ///
    /// # Errors
    /// [`Error::JoinBufferTooSmall`] when `buf` is shorter than [`len`](Self::len).
    pub fn copy_to<'b>(&self, buf: &'b mut [u8]) -> Result<&'b [u8], Error> {
        let available = buf.len();
        let err = Error::JoinBufferTooSmall {
            code: self.code.0,
            offset: self.first.offset,
            needed: self.len,
            available,
        };
        if available < self.len {
            return Err(err);
        }
        let mut at = 0;
        for frag in self.fragments() {
            let dst = buf.get_mut(at..at + frag.data.len()).ok_or(err)?;
            dst.copy_from_slice(frag.data);
            at += frag.data.len();
        }
        buf.get(..at).ok_or(err)
    }

    /// Joins the fragments into a new vector. Requires feature `alloc`.
    #[cfg(feature = "alloc")]
    #[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
    pub fn to_vec(&self) -> alloc::vec::Vec<u8> {
        let mut v = alloc::vec::Vec::with_capacity(self.len);
        for frag in self.fragments() {
            v.extend_from_slice(frag.data);
        }
        v
    }

    /// Decodes the typed value when it is a single fragment, borrowing from
    /// the packet.
    ///
    /// # Errors
    /// [`Error::Fragmented`] when the value spans several fragments (use
    /// [`decode_with`](Self::decode_with)); otherwise the typed decoding error.
    pub fn decode(&self) -> Result<typed::DhcpOption<'a>, Error> {
        match self.as_single() {
            Some(data) => typed::DhcpOption::decode(self.code, data, self.first.offset),
            None => Err(Error::Fragmented {
                code: self.code.0,
                offset: self.first.offset,
            }),
        }
    }

    /// Decodes the typed value, joining fragments into `scratch` when there
    /// are several (a single fragment is decoded in place, zero-copy).
    ///
    /// # Errors
    /// [`Error::JoinBufferTooSmall`] when `scratch` is too short; otherwise
    /// the typed decoding error.
    pub fn decode_with<'b>(&self, scratch: &'b mut [u8]) -> Result<typed::DhcpOption<'b>, Error>
    where
        'a: 'b,
    {
        match self.as_single() {
            Some(data) => typed::DhcpOption::decode(self.code, data, self.first.offset),
            None => {
                let joined = self.copy_to(scratch)?;
                typed::DhcpOption::decode(self.code, joined, self.first.offset)
                    .map_err(|e| self.remap(e))
            }
        }
    }

    /// Decoding a joined value reports positions inside it as if it were
    /// one fragment; this points them at the byte in the message instead.
    fn remap(&self, err: Error) -> Error {
        match self.message_offset(err.offset()) {
            Some(at) => err.at(at),
            None => err,
        }
    }

    /// Maps an offset computed as if the joined value were one fragment
    /// starting at the first fragment's value (as the sub-option offsets of
    /// a joined value are) to the byte's real offset in the message. The
    /// offset just past the value maps to the byte after its last fragment
    /// (where an error about a missing byte points); `None` for any other
    /// offset outside the value.
    pub fn message_offset(&self, joined_offset: usize) -> Option<usize> {
        let mut index = joined_offset.checked_sub(self.first.value_offset())?;
        let mut end = None;
        for frag in self.fragments() {
            if index < frag.len() {
                return Some(frag.value_offset().saturating_add(index));
            }
            index -= frag.len();
            end = Some(frag.value_offset().saturating_add(frag.len()));
        }
        // Just past the value: the byte after its last fragment.
        if index == 0 { end } else { None }
    }
}

/// The fragments of one option, in area order.
#[derive(Debug, Clone)]
pub struct Fragments<'a> {
    walk: Options<'a>,
    code: OptionCode,
    remaining: usize,
}

impl<'a> Iterator for Fragments<'a> {
    type Item = RawOption<'a>;

    #[inline]
    fn next(&mut self) -> Option<RawOption<'a>> {
        if self.remaining == 0 {
            return None;
        }
        for opt in self.walk.by_ref() {
            // The message was walked without error when this value was made.
            let Ok(opt) = opt else { break };
            if opt.code == self.code {
                self.remaining -= 1;
                return Some(opt);
            }
        }
        self.remaining = 0;
        None
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (0, Some(self.remaining))
    }
}

impl FusedIterator for Fragments<'_> {}
