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
pub use crate::header::Area;
use crate::header::{Header, offset};
use crate::tlv::{self, Step};
pub use joined::{Joined, JoinedBytes, JoinedChunks};

mod catalogue;
mod common;
pub mod dns;
#[cfg(feature = "arbitrary")]
pub(crate) mod generate;
mod joined;
#[cfg(feature = "serde")]
mod json;
pub mod relay;
mod show;
mod value;

pub mod rfc2132;
pub mod rfc2242;
pub mod rfc2563;
pub mod rfc2610;
pub mod rfc3004;
pub mod rfc3046;
pub mod rfc3118;
pub mod rfc3361;
pub mod rfc3442;
pub mod rfc3495;
pub mod rfc3925;
pub mod rfc4174;
pub mod rfc4578;
pub mod rfc4702;
pub mod rfc4776;
pub mod rfc5678;
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

    /// The header fields this value gives over to options, in the order
    /// they are read (RFC 2131 §4.1: `file`, then `sname`).
    pub fn areas(self) -> impl Iterator<Item = Area> + Clone {
        [(self.file(), Area::File), (self.sname(), Area::Sname)]
            .into_iter()
            .filter_map(|(used, area)| used.then_some(area))
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Overload {
    /// The wire value (1, 2 or 3).
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(self.to_u8())
    }
}

/// The area read after `area` when option 52 says `overload`.
#[inline]
pub(crate) fn area_after(area: Area, overload: Option<Overload>) -> Option<Area> {
    match (area, overload) {
        (Area::Options, Some(o)) if o.file() => Some(Area::File),
        (Area::Options, Some(Overload::Sname)) => Some(Area::Sname),
        (Area::File, Some(o)) if o.sname() => Some(Area::Sname),
        _ => None,
    }
}

/// The areas a message's options are read from, in order: the options
/// field, then those `overload` opens.
pub(crate) fn walk_areas(overload: Option<Overload>) -> impl Iterator<Item = Area> + Clone {
    core::iter::once(Area::Options).chain(overload.into_iter().flat_map(Overload::areas))
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

impl fmt::Display for RawOption<'_> {
    /// `Name Option N, length L: value`, like tcpdump -v.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} Option {}, length {}",
            self.code,
            self.code.0,
            self.len()
        )?;
        if self.area != Area::Options {
            write!(f, " (in {})", self.area)?;
        }
        if self.is_empty() {
            return Ok(());
        }
        match self.decode() {
            Ok(v) => write!(f, ": {v}"),
            Err(e) => write!(f, ": {} [{e}]", crate::fmt::Hex(self.data)),
        }
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
        let mut at = self.pos;
        let step = loop {
            match tlv::step(self.bytes, at, true) {
                Step::Pad => at += 1,
                other => break other,
            }
        };
        let offset = self.base.saturating_add(at);
        let area = self.area;
        match step {
            Step::Item { code, value, next } => {
                self.pos = next;
                Some(Ok(RawOption {
                    code: OptionCode(code),
                    data: value,
                    offset,
                    area,
                }))
            }
            Step::End => {
                self.state = AreaState::Ended(at);
                None
            }
            Step::Exhausted | Step::Pad => {
                self.state = AreaState::Exhausted;
                None
            }
            Step::NoLength { code } => {
                self.state = AreaState::Failed;
                Some(Err(Error::MissingOptionLength { code, offset, area }))
            }
            Step::Overrun {
                code,
                len,
                available,
            } => {
                self.state = AreaState::Failed;
                Some(Err(Error::OptionOverrun {
                    code,
                    offset,
                    len,
                    available,
                    area,
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

/// Counts the overload-aware walks this thread starts, so that tests can
/// say how many walks an operation takes.
#[cfg(test)]
pub(crate) mod walks {
    use core::cell::Cell;

    std::thread_local! {
        static WALKS: Cell<usize> = const { Cell::new(0) };
    }

    pub(crate) fn count() {
        WALKS.with(|w| w.set(w.get() + 1));
    }

    /// The walks `f` starts.
    pub(crate) fn during(f: impl FnOnce()) -> usize {
        let before = WALKS.with(Cell::get);
        f();
        WALKS.with(Cell::get) - before
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
        #[cfg(test)]
        walks::count();
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
        // The rule of `area_after`, spelled out: calling it here costs the
        // untyped walk 100 more instructions per message (W2, measured).
        let next = match (self.current.area(), self.overload.overload()) {
            (Area::Options, Some(o)) if o.file() => Some(Area::File),
            (Area::Options, Some(Overload::Sname)) => Some(Area::Sname),
            (Area::File, Some(o)) if o.sname() => Some(Area::Sname),
            _ => None,
        };
        match next {
            Some(area) => {
                self.current = AreaOptions::new(self.header.area(area), area.start(), area);
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
    /// The overload the message's walk followed.
    overload: Option<Overload>,
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
        let mut walk = Options::new(header, area);
        for opt in walk.by_ref() {
            let opt = opt?;
            if opt.code != code {
                continue;
            }
            match found.as_mut() {
                None => found = Some(OptionValue::new(header, area, opt, None)),
                Some(v) => v.add_fragment(opt.data.len()),
            }
        }
        Ok(found.map(|v| OptionValue {
            overload: walk.overload(),
            ..v
        }))
    }

    /// A value whose first instance is `first`, in a message whose walk
    /// follows `overload`; one fragment until more are added.
    pub(crate) fn new(
        header: &'a Header,
        area: &'a [u8],
        first: RawOption<'a>,
        overload: Option<Overload>,
    ) -> Self {
        OptionValue {
            header,
            area,
            code: first.code,
            first,
            fragments: 1,
            len: first.data.len(),
            overload,
        }
    }

    /// The message this value is in, and the overload its walk followed.
    pub(crate) fn parts(&self) -> (&'a Header, &'a [u8], Option<Overload>) {
        (self.header, self.area, self.overload)
    }

    /// The value whose first fragment's code byte is at `offset`, made of
    /// `fragments` fragments (found again by walking from the first).
    pub(crate) fn at(
        header: &'a Header,
        options: &'a [u8],
        overload: Option<Overload>,
        offset: usize,
        fragments: usize,
    ) -> Option<Self> {
        let area = if offset >= Area::Options.start() {
            Area::Options
        } else if offset >= Area::File.start() {
            Area::File
        } else {
            Area::Sname
        };
        let bytes = match area {
            Area::Options => options,
            other => header.area(other),
        };
        let pos = offset.checked_sub(area.start())?;
        let mut step = AreaOptions::new(bytes, area.start(), area);
        step.pos = pos;
        let first = step.next()?.ok()?;
        let mut value = OptionValue::new(header, options, first, overload);
        value.fragments = fragments;
        value.len = value.fragments().map(|f| f.len()).sum();
        Some(value)
    }

    /// Sets the fragment count and total length found by a walk.
    pub(crate) fn set_totals(&mut self, fragments: usize, len: usize) {
        self.fragments = fragments;
        self.len = len;
    }

    /// Counts one more fragment of `len` bytes.
    pub(crate) fn add_fragment(&mut self, len: usize) {
        self.fragments = self.fragments.saturating_add(1);
        self.len = self.len.saturating_add(len);
    }

    /// The value's bytes as one view across its fragments, zero-copy.
    pub fn joined(&self) -> Joined<'a> {
        Joined::whole(*self)
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

    /// Iterates the fragments in area order, zero-copy. The walk starts at
    /// the first fragment.
    pub fn fragments(&self) -> Fragments<'a> {
        let area = self.first.area;
        let bytes = match area {
            Area::Options => self.area,
            other => self.header.area(other),
        };
        let mut current = AreaOptions::new(bytes, area.start(), area);
        current.pos = self.first.offset.saturating_sub(area.start());
        Fragments {
            header: self.header,
            current,
            overload: self.overload,
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

    /// Decodes the value as `T`, a type that borrows nothing from the packet,
    /// joining up to 4 bytes of fragments on the stack.
    pub(crate) fn decode_owned<T: for<'b> value::OptionData<'b>>(&self) -> Result<T, Error> {
        if let Some(data) = self.as_single() {
            return T::decode(self.code, data, self.first.offset);
        }
        let mut scratch = [0u8; 4];
        if self.len > scratch.len() {
            return Err(Error::InvalidLength {
                code: self.code.0,
                offset: self.first.offset,
                len: self.len,
                expected: "a fixed-size value of at most 4 bytes",
            });
        }
        let joined = self.copy_to(&mut scratch)?;
        T::decode(self.code, joined, self.first.offset).map_err(|e| self.remap(e))
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

    /// Points an error from decoding the joined value at the byte in the
    /// message it is about.
    #[cfg(feature = "alloc")]
    pub(crate) fn remap_error(&self, err: Error) -> Error {
        self.remap(err)
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
    header: &'a Header,
    current: AreaOptions<'a>,
    overload: Option<Overload>,
    code: OptionCode,
    remaining: usize,
}

impl<'a> Iterator for Fragments<'a> {
    type Item = RawOption<'a>;

    #[inline]
    fn next(&mut self) -> Option<RawOption<'a>> {
        while self.remaining > 0 {
            match self.current.next() {
                Some(Ok(opt)) if opt.code == self.code => {
                    self.remaining -= 1;
                    return Some(opt);
                }
                Some(Ok(_)) => {}
                // The message was walked without error when this value was
                // made; an area ends, go on to the next.
                Some(Err(_)) | None => {
                    let area = area_after(self.current.area(), self.overload)?;
                    self.current = AreaOptions::new(self.header.area(area), area.start(), area);
                }
            }
        }
        None
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (0, Some(self.remaining))
    }
}

impl FusedIterator for Fragments<'_> {}
