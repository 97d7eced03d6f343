//! [`OptionIndex`]: one overload-aware walk of a message, after which every
//! option look-up is O(1) and joins RFC 3396 fragments without walking the
//! message again.

use core::fmt;
use core::net::Ipv4Addr;

use super::Message;
use super::relay::RelayAgentInformation;
use crate::code::{MessageType, OptionCode};
use crate::error::Error;
use crate::header::{Area, offset};
use crate::layout::{FILE_LEN, SNAME_LEN};
use crate::options::typed::{DhcpOption, Length, OptionData};
use crate::options::{Joined, OptionValue, Overload, OverloadSeen, RawOption};
use crate::tlv::{self, Step};

/// The codes with a fixed place in an [`OptionIndex`]: what servers and
/// clients read most (RFC 2131's own options, the configuration a client
/// asks for, relay, subnet-selection, PXE and classless-route options).
/// Looking one up is one load; recording one is two. Option 52 is not
/// among them: the walk reads it as it goes, and
/// [`OptionIndex::overload`] gives it.
pub const FIXED_CODES: [u8; 32] = [
    1, 3, 6, 12, 15, 26, 28, 42, 43, 50, 51, 53, 54, 55, 57, 58, 59, 60, 61, 66, 67, 77, 81, 82,
    93, 97, 108, 118, 119, 121, 125, 249,
];

/// How many option instances an [`OptionIndex`] lists besides the
/// [`FIXED_CODES`]: instances of other codes, and the fragments of a fixed
/// code's split value. A message with more (no real sender comes close: of
/// the 11,134 messages of the test corpora and the third-party captures,
/// 99% have no instance of another code and the most any has is 5) is
/// still read correctly: what is past the table is found by a walk when
/// asked for.
pub const INDEXED_CODES: usize = 16;

/// Per code: its place in [`FIXED_CODES`], or [`NO_PLACE`].
const PLACE: [u8; 256] = {
    let mut place = [NO_PLACE; 256];
    let mut entries: &mut [u8] = &mut place;
    let mut code: u8 = 0;
    while let [entry, rest @ ..] = entries {
        *entry = place_of(code);
        entries = rest;
        code = code.wrapping_add(1);
    }
    place
};

/// `code`'s place in [`FIXED_CODES`], or [`NO_PLACE`].
const fn place_of(code: u8) -> u8 {
    let mut fixed: &[u8] = &FIXED_CODES;
    let mut place = 0;
    while let [c, rest @ ..] = fixed {
        if *c == code {
            return place;
        }
        fixed = rest;
        place += 1;
    }
    NO_PLACE
}

/// [`PLACE`] of a code outside [`FIXED_CODES`].
const NO_PLACE: u8 = u8::MAX;

// The walk records a fixed code without looking at PAD, END or option 52
// (whose value it reads): none of them may have a place.
const _: () = assert!(
    place_of(0) == NO_PLACE
        && place_of(255) == NO_PLACE
        && place_of(OptionCode::OVERLOAD.0) == NO_PLACE
);

/// The length rule of text and code lists (RFC 2132 "minimum length 1").
const TEXT: Length = Length::Items { min: 1, unit: 1 };

/// Where an option to copy as it is lies in a request, from
/// [`OptionIndex::echo_at`].
#[derive(Debug, Clone, Copy)]
pub(crate) enum EchoAt {
    None,
    /// In one fragment, whose code byte is at `at`.
    One {
        at: u16,
    },
    /// Split, or past the index's table: found by a walk.
    Walk,
}

impl EchoAt {
    /// The option of `code` in `request` (the message the index that made
    /// this walked).
    #[inline(always)]
    pub(crate) fn resolve<'a>(self, request: &Message<'a>, code: OptionCode) -> Echo<'a> {
        match self {
            EchoAt::None => Echo::None,
            EchoAt::One { at } => {
                value_at(request.as_bytes(), usize::from(at)).map_or(Echo::None, Echo::One)
            }
            EchoAt::Walk => Self::walk(request, code),
        }
    }

    /// [`resolve`](Self::resolve) by a walk: out of line.
    #[inline(never)]
    fn walk<'a>(request: &Message<'a>, code: OptionCode) -> Echo<'a> {
        match request.option(code) {
            Ok(Some(value)) => Echo::Split(value.joined()),
            _ => Echo::None,
        }
    }
}

/// An option to copy as it is, from [`EchoAt::resolve`].
#[derive(Debug, Clone, Copy)]
pub(crate) enum Echo<'a> {
    None,
    One(&'a [u8]),
    /// Split: the value's chunks are its fragments.
    Split(Joined<'a>),
}

impl<'a> Echo<'a> {
    /// The value's length, all fragments together.
    #[inline]
    pub(crate) fn len(&self) -> usize {
        match self {
            Echo::None => 0,
            Echo::One(data) => data.len(),
            Echo::Split(value) => value.len(),
        }
    }

    /// The bytes the echo takes on the wire: code, length and value of
    /// each fragment.
    #[inline]
    pub(crate) fn wire_len(self) -> usize {
        let mut total = 0;
        self.for_each(|data| total += 2 + data.len());
        total
    }

    /// Hands each fragment's value to `f`, in order.
    #[inline(always)]
    pub(crate) fn for_each(self, mut f: impl FnMut(&'a [u8])) {
        match self {
            Echo::None => {}
            Echo::One(data) => f(data),
            // An empty value is still echoed, as one empty instance.
            Echo::Split(value) if value.is_empty() => f(&[]),
            Echo::Split(value) => value.chunks().for_each(f),
        }
    }
}

/// What the index knows of one code without building an [`OptionValue`].
enum Lookup<'a> {
    Absent,
    /// One fragment: its value and the offset of its code byte.
    Single(&'a [u8], usize),
    /// Several fragments, or a code the table may not hold (see
    /// [`OptionIndex::incomplete`]).
    Other,
}

/// Where every option of one message is: built by [`Message::index`] in one
/// overload-aware walk, it answers each look-up in O(1) and hands out
/// values joined across their RFC 3396 fragments without walking the
/// message again.
///
/// It lives on the stack (no allocation, `no_std`) in 152 bytes (on 64-bit targets):
/// where the first instance of each of the [`FIXED_CODES`] is (2 bytes
/// each) and up to [`INDEXED_CODES`] instances of other codes (3 bytes
/// each; the fragments of a fixed code's split value are listed there
/// too), plus the message view. A code past the table (a message with more
/// instances than it holds, or past 64 KiB) is found by a walk when asked
/// for. The accessors are strict: a malformed option is an error, never
/// `None`, and `None` means absent.
///
/// ```
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use dhcpwire::{Message, MessageType};
/// use dhcpwire::protocol::{ClientMessage, RequestState};
/// use std::net::Ipv4Addr;
///
/// let mut buf = [0u8; 576];
/// let state = RequestState::Selecting {
///     server_identifier: Ipv4Addr::new(192, 168, 1, 1),
///     requested: Ipv4Addr::new(192, 168, 1, 100),
/// };
/// let n = ClientMessage::request(&mut buf, 7, &[2, 0, 0, 0, 0, 1], state)?.finish()?;
/// let msg = Message::parse(&buf[..n])?;
///
/// let idx = msg.index()?; // one walk
/// assert_eq!(idx.message_type()?, Some(MessageType::Request));
/// assert_eq!(idx.server_identifier()?, Some(Ipv4Addr::new(192, 168, 1, 1)));
/// assert_eq!(idx.requested_ip()?, Some(Ipv4Addr::new(192, 168, 1, 100)));
/// assert_eq!(idx.lease_time()?, None); // absent, not malformed
/// # Ok(()) }
/// ```
#[derive(Clone)]
// `repr(C)` with the message view first (the niche of the `Result` that
// `index()` returns is then the view's pointer) and the small fields before
// the tables: LLVM then copies the index out of the `Result` once, in about
// 26 inline moves (measured: with the tables first, two `memcpy` calls per
// request, about 80 instructions).
#[repr(C)]
pub struct OptionIndex<'a> {
    msg: Message<'a>,
    overload: Option<Overload>,
    others: u8,
    /// Some instance could not be recorded (more than [`INDEXED_CODES`]
    /// others, or past 64 KiB): a code not found in the table is then
    /// looked for by a walk.
    incomplete: bool,
    /// Per place in [`FIXED_CODES`]: the offset of the code's first
    /// instance, 0 when absent (no option starts at offset 0), [`LISTED`]
    /// for a value in several fragments (RFC 3396), whose instances are then
    /// in the list of others, or [`REPEATED`] for a code joined by a walk.
    fixed: [u16; FIXED_CODES.len()],
    /// The other codes' instances in the order seen, and their offsets.
    other_codes: [u8; INDEXED_CODES],
    other_at: [u16; INDEXED_CODES],
}

/// [`OptionIndex::fixed`] of a code to join by a walk: its first instance
/// lies past the table (at [`LISTED`] or past, beyond 64 KiB).
const REPEATED: u16 = u16::MAX;

/// [`OptionIndex::fixed`] of a code in several fragments, each listed with
/// the other codes.
const LISTED: u16 = REPEATED - 1;

/// The value of the option whose code byte is at `at` in the message
/// `bytes`, one the index's walk found. (Not `tlv::step`: the walk checked
/// these bounds, and the code byte needs no reading; this is two compares
/// fewer on every look-up, 14 instructions per W6 request.)
#[inline(always)]
fn value_at(bytes: &[u8], at: usize) -> Option<&[u8]> {
    let len = *bytes.get(at + 1)?;
    bytes.get(at + 2..)?.get(..usize::from(len))
}

/// What the walk keeps in registers, stored into the index at the end.
struct WalkState {
    others: u8,
    incomplete: bool,
}

impl<'a> Message<'a> {
    /// Walks the options once (overload-aware, RFC 3396) and indexes them:
    /// see [`OptionIndex`].
    ///
    /// # Errors
    /// The cookie error, or the first error of the walk: a value is only
    /// given out when the whole message could be walked, since a later
    /// fragment could otherwise be missed.
    // Always inlined, and so is the walk: the index is then built in the
    // caller's frame, and copied once out of the `Result` (measured: three
    // copies per request out of line, two with the walk out of line).
    #[inline(always)]
    pub fn index(&self) -> Result<OptionIndex<'a>, Error> {
        self.cookie()?;
        let mut index = OptionIndex {
            msg: *self,
            overload: None,
            fixed: [0; FIXED_CODES.len()],
            other_codes: [0; INDEXED_CODES],
            other_at: [0; INDEXED_CODES],
            others: 0,
            incomplete: false,
        };
        index.walk()?;
        Ok(index)
    }
}

impl<'a> OptionIndex<'a> {
    /// The overload-aware walk of [`Options`](crate::options::Options),
    /// written as one tight loop per area that records each option.
    #[inline(always)]
    fn walk(&mut self) -> Result<(), Error> {
        #[cfg(test)]
        crate::options::walks::count();
        let mut seen = OverloadSeen::None;
        let mut state = WalkState {
            others: 0,
            incomplete: false,
        };
        let walked = self.walk_areas(&mut seen, &mut state);
        self.others = state.others;
        self.incomplete = state.incomplete;
        walked
    }

    /// The areas in walk order: options, then `file` and `sname` as option
    /// 52 of the options field says.
    #[inline(always)]
    fn walk_areas(&mut self, seen: &mut OverloadSeen, state: &mut WalkState) -> Result<(), Error> {
        // Each area is walked at message offsets, in the message cut at the
        // area's end: what the index records needs no rebasing.
        let bytes = self.msg.as_bytes();
        // The same walk twice: in a message shorter than 64 KiB, every
        // offset fits the table, and the compiler drops that check from
        // the loop (2 instructions per option).
        #[expect(clippy::if_same_then_else, reason = "the branch itself is the hint")]
        if bytes.len() < usize::from(LISTED) {
            self.walk_area(bytes, Area::Options, Some(seen), state)?;
        } else {
            self.walk_area(bytes, Area::Options, Some(seen), state)?;
        }
        self.overload = seen.overload();
        // Spelled out (not `Overload::areas`), as in the walk itself.
        if let Some(overload) = self.overload {
            if overload.file() {
                let file = bytes.get(..offset::FILE + FILE_LEN).unwrap_or_default();
                self.walk_area(file, Area::File, None, state)?;
            }
            if overload.sname() {
                let sname = bytes.get(..offset::SNAME + SNAME_LEN).unwrap_or_default();
                self.walk_area(sname, Area::Sname, None, state)?;
            }
        }
        Ok(())
    }

    /// Records the options of one area, which ends where `bytes` does;
    /// option 52 is counted only in the options field (`seen`).
    #[inline(always)]
    fn walk_area(
        &mut self,
        bytes: &[u8],
        area: Area,
        mut seen: Option<&mut OverloadSeen>,
        state: &mut WalkState,
    ) -> Result<(), Error> {
        let mut at = area.start();
        loop {
            // Most options are the first instance of a fixed code, whole in
            // the area: recorded without `tlv::step`'s PAD, END and error
            // rules (fixed codes are never PAD, END or 52, whose value the
            // walk reads), which decide everything else below.
            if let Some(&[code, len]) = bytes.get(at..).and_then(<[u8]>::first_chunk) {
                let next = at + 2 + usize::from(len);
                let place = PLACE.get(usize::from(code)).copied().unwrap_or(NO_PLACE);
                if let Some(first) = self.fixed.get_mut(usize::from(place)) {
                    let short = u16::try_from(at).ok().filter(|&short| short < LISTED);
                    if let (0, Some(short)) = (*first, short) {
                        if next <= bytes.len() {
                            *first = short;
                            at = next;
                            continue;
                        }
                    }
                }
            }
            match tlv::step(bytes, at, true) {
                Step::Pad => at += 1,
                Step::End | Step::Exhausted => return Ok(()),
                Step::Item { code, value, next } => {
                    if code == OptionCode::OVERLOAD.0 {
                        if let Some(seen) = seen.as_deref_mut() {
                            seen.record(value);
                        }
                    }
                    self.record(code, at, state);
                    at = next;
                }
                Step::NoLength { code } => {
                    return Err(Error::MissingOptionLength {
                        code,
                        offset: at,
                        area,
                    });
                }
                Step::Overrun {
                    code,
                    len,
                    available,
                } => {
                    return Err(Error::OptionOverrun {
                        code,
                        offset: at,
                        len,
                        available,
                        area,
                    });
                }
            }
        }
    }
}

impl<'a> OptionIndex<'a> {
    /// Records one option instance: its code and the offset of its code
    /// byte.
    #[inline(always)]
    fn record(&mut self, code: u8, at: usize, state: &mut WalkState) {
        let place = PLACE.get(usize::from(code)).copied().unwrap_or(NO_PLACE);
        let at = u16::try_from(at).ok().filter(|&at| at < LISTED);
        if let Some(first) = self.fixed.get_mut(usize::from(place)) {
            match (*first, at) {
                (0, Some(at)) => *first = at,
                // First seen past 64 KiB: a later fragment may still be
                // recordable, so the code is joined by a walk (and so is
                // any code the table does not hold).
                (0, None) => {
                    *first = REPEATED;
                    state.incomplete = true;
                }
                (REPEATED, _) => {}
                // Seen again: a split value, listed fragment by fragment
                // (when the list is full, `incomplete` sends it to a walk).
                (LISTED, _) => self.list(code, at, state),
                (first_at, _) => {
                    *first = LISTED;
                    self.list(code, Some(first_at), state);
                    self.list(code, at, state);
                }
            }
            return;
        }
        self.list(code, at, state);
    }

    /// Adds an instance to the list of others (codes outside
    /// [`FIXED_CODES`], and the fragments of split fixed codes).
    #[inline(always)]
    fn list(&mut self, code: u8, at: Option<u16>, state: &mut WalkState) {
        let n = usize::from(state.others);
        match (self.other_codes.get_mut(n), self.other_at.get_mut(n), at) {
            (Some(c), Some(a), Some(at)) => {
                *c = code;
                *a = at;
                state.others += 1;
            }
            _ => state.incomplete = true,
        }
    }

    /// Where `code` is, for a reply to copy it as it is later
    /// ([`EchoAt::resolve`]): kept small where an [`Echo`] is not.
    #[inline(always)]
    pub(crate) fn echo_at(&self, code: OptionCode) -> EchoAt {
        match self.first(code) {
            Ok(None) => EchoAt::None,
            Ok(Some(at)) => match u16::try_from(at) {
                Ok(at) => EchoAt::One { at },
                Err(_) => EchoAt::Walk,
            },
            Err(()) => EchoAt::Walk,
        }
    }

    /// Where `code`'s first instance is: `Ok(Some(offset))`, `Ok(None)`
    /// when absent, `Err` when the table cannot say in one fragment (split,
    /// or possibly past the table).
    #[inline(always)]
    fn first(&self, code: OptionCode) -> Result<Option<usize>, ()> {
        let place = PLACE.get(usize::from(code.0)).copied().unwrap_or(NO_PLACE);
        let first = match self.fixed.get(usize::from(place)) {
            Some(&at) if at >= LISTED => return Err(()),
            // Every instance of a fixed code marks its slot: 0 is absent
            // even in an incomplete index.
            Some(&0) => return Ok(None),
            Some(&first) => first,
            None => self.other_first(code)?,
        };
        match first {
            0 if self.incomplete => Err(()),
            0 => Ok(None),
            at => Ok(Some(usize::from(at))),
        }
    }

    /// [`first`](Self::first) for a code outside [`FIXED_CODES`]: a scan
    /// of the few others; 0 when absent.
    #[inline]
    fn other_first(&self, code: OptionCode) -> Result<u16, ()> {
        let mut found = self.listed_at(code);
        match (found.next(), found.next()) {
            (None, _) => Ok(0),
            // More instances may lie past a full table.
            (Some(at), None) if !self.incomplete => Ok(at),
            _ => Err(()),
        }
    }

    /// Where the instances of `code` in the list of others are, in order.
    #[inline(always)]
    fn listed_at(&self, code: OptionCode) -> impl Iterator<Item = u16> + '_ {
        let n = usize::from(self.others);
        let codes = self.other_codes.get(..n).unwrap_or(&[]);
        codes
            .iter()
            .zip(self.other_at)
            .filter(move |(c, _)| **c == code.0)
            .map(|(_, at)| at)
    }

    /// `code`'s value when it is one fragment, straight from the message.
    #[inline(always)]
    fn lookup(&self, code: OptionCode) -> Lookup<'a> {
        match self.first(code) {
            Ok(None) => Lookup::Absent,
            Ok(Some(at)) => match value_at(self.msg.as_bytes(), at) {
                Some(data) => Lookup::Single(data, at),
                None => Lookup::Other,
            },
            Err(()) => Lookup::Other,
        }
    }

    /// The message indexed.
    pub fn message(&self) -> &Message<'a> {
        &self.msg
    }

    /// Option 52 as the walk followed it.
    pub fn overload(&self) -> Option<Overload> {
        self.overload
    }

    /// Number of distinct option codes in the message.
    pub fn len(&self) -> usize {
        self.codes().count()
    }

    /// Whether the message has no option at all.
    pub fn is_empty(&self) -> bool {
        self.codes().next().is_none()
    }

    /// Whether `code` is present.
    #[inline]
    pub fn contains(&self, code: OptionCode) -> bool {
        match self.first(code) {
            Ok(first) => first.is_some(),
            Err(()) => self.listed(code).is_some() || self.find(code).is_some(),
        }
    }

    /// Every instance of `code`, joined per RFC 3396; `None` when absent.
    #[inline]
    pub fn get(&self, code: OptionCode) -> Option<OptionValue<'a>> {
        match self.lookup(code) {
            Lookup::Absent => None,
            Lookup::Single(data, at) => Some(self.single(code, data, at)),
            Lookup::Other => self.listed(code).or_else(|| self.find(code)),
        }
    }

    /// A value in several fragments that the list holds (when it is
    /// complete): its first fragment, how many and their total length.
    fn listed(&self, code: OptionCode) -> Option<OptionValue<'a>> {
        if self.incomplete {
            return None;
        }
        let bytes = self.msg.as_bytes();
        let mut found = self.listed_at(code);
        let first = usize::from(found.next()?);
        let data = value_at(bytes, first)?;
        let (mut fragments, mut len) = (1, data.len());
        for at in found {
            fragments += 1;
            len += value_at(bytes, usize::from(at))?.len();
        }
        let mut value = self.single(code, data, first);
        value.set_totals(fragments, len);
        Some(value)
    }

    /// The value of an option in one fragment at `at`.
    fn single(&self, code: OptionCode, data: &'a [u8], at: usize) -> OptionValue<'a> {
        let area = if at >= offset::OPTIONS {
            Area::Options
        } else if at >= offset::FILE {
            Area::File
        } else {
            Area::Sname
        };
        let first = RawOption {
            code,
            data,
            offset: at,
            area,
        };
        let mut value = OptionValue::new(
            self.msg.header(),
            self.msg.options_area(),
            first,
            self.overload,
        );
        value.set_totals(1, data.len());
        value
    }

    /// A value the table does not hold: a walk (which cannot fail: the
    /// index walked the same message without error).
    #[cold]
    fn find(&self, code: OptionCode) -> Option<OptionValue<'a>> {
        self.msg.option(code).ok().flatten()
    }

    /// The codes present, in the order they first appear (a walk of the
    /// message).
    pub fn codes(&self) -> impl Iterator<Item = OptionCode> + '_ {
        let mut seen = [0u64; 4];
        self.msg
            .options()
            .map_while(Result::ok)
            .filter_map(move |o| {
                let (word, bit) = (usize::from(o.code.0 / 64), o.code.0 % 64);
                let w = seen.get_mut(word)?;
                let new = *w & (1 << bit) == 0;
                *w |= 1 << bit;
                new.then_some(o.code)
            })
    }

    /// Each option once, joined across its RFC 3396 fragments, in the order
    /// the options first appear: the walk to decode a whole message with.
    ///
    /// ```
    /// # #[cfg(feature = "alloc")]
    /// # fn main() -> Result<(), dhcpwire::Error> {
    /// use dhcpwire::{DhcpOption, Message, MessageBuilder, OptionCode};
    /// let mut buf = [0u8; 1024];
    /// // A 300-byte domain search list: sent as two fragments (255 + 45).
    /// let search: Vec<u8> = [7, b'e', b'x', b'a', b'm', b'p', b'l', b'e', 0].repeat(33)[..297]
    ///     .iter().copied().chain([1, b'a', 0]).collect();
    /// let n = MessageBuilder::new(&mut buf)?.option(OptionCode::DOMAIN_SEARCH, &search).finish()?;
    /// let idx = Message::parse(&buf[..n])?.index()?;
    /// for value in idx.values() {
    ///     // Zero-copy for a value in one fragment; a split one is joined.
    ///     let DhcpOption::DomainSearch(list) = value.decode()? else { continue };
    ///     assert_eq!(list.names().count(), 34);
    /// }
    /// # Ok(()) }
    /// # #[cfg(not(feature = "alloc"))]
    /// # fn main() {}
    /// ```
    pub fn values(&self) -> impl Iterator<Item = JoinedOption<'a>> + '_ {
        self.codes()
            .filter_map(|c| self.get(c))
            .map(JoinedOption::new)
    }

    /// The value of `code` decoded as `T`, a type that borrows nothing from
    /// the packet (a number, an address, a flag, [`MessageType`]), with
    /// `T`'s own decoder: no dispatch over the catalogue. Fragments are
    /// joined on the stack.
    ///
    /// # Errors
    /// `T`'s decoding error ([`Error::InvalidLength`], [`Error::InvalidValue`]).
    ///
    /// ```
    /// # fn main() -> Result<(), dhcpwire::Error> {
    /// use dhcpwire::{Message, MessageBuilder, OptionCode};
    /// let mut buf = [0u8; 300];
    /// let n = MessageBuilder::new(&mut buf)?.option(OptionCode(118), &[10, 1, 0, 0]).finish()?;
    /// let idx = Message::parse(&buf[..n])?.index()?;
    /// let subnet: Option<std::net::Ipv4Addr> = idx.get_as(OptionCode::SUBNET_SELECTION)?;
    /// assert_eq!(subnet, Some([10, 1, 0, 0].into()));
    /// # Ok(()) }
    /// ```
    #[inline(always)]
    pub fn get_as<T: for<'b> OptionData<'b>>(&self, code: OptionCode) -> Result<Option<T>, Error> {
        match self.lookup(code) {
            Lookup::Absent => Ok(None),
            Lookup::Single(data, at) => T::decode(code, data, at).map(Some),
            Lookup::Other => self.get_as_joined(code),
        }
    }

    /// [`get_as`](Self::get_as) for a value in several fragments (or a
    /// code past the table): out of line, so the common case stays small
    /// enough to inline.
    #[cold]
    #[inline(never)]
    fn get_as_joined<T: for<'b> OptionData<'b>>(
        &self,
        code: OptionCode,
    ) -> Result<Option<T>, Error> {
        match self.get(code) {
            Some(value) => value.decode_owned().map(Some),
            None => Ok(None),
        }
    }

    /// The typed value of `code` when it is in one fragment, zero-copy, as
    /// [`Message::typed`].
    ///
    /// # Errors
    /// [`Error::Fragmented`] for a split value (use [`OptionValue::decode_with`]
    /// or the joined accessors), or the typed decoding error.
    pub fn typed(&self, code: OptionCode) -> Result<Option<DhcpOption<'a>>, Error> {
        self.get(code).map(|v| v.decode()).transpose()
    }

    /// The joined bytes of `code`, checked against its catalogue length rule.
    #[inline]
    fn checked_bytes(
        &self,
        code: OptionCode,
        rule: Length,
        expected: &'static str,
    ) -> Result<Option<Joined<'a>>, Error> {
        let (joined, len, at) = match self.lookup(code) {
            Lookup::Absent => return Ok(None),
            Lookup::Single(data, at) => (Joined::slice_of(code, data, at), data.len(), at),
            Lookup::Other => match self.get(code) {
                Some(value) => (value.joined(), value.len(), value.offset()),
                None => return Ok(None),
            },
        };
        if rule.allows(len) {
            Ok(Some(joined))
        } else {
            Err(Error::InvalidLength {
                code: code.0,
                offset: at,
                len,
                expected,
            })
        }
    }

    /// Option 53.
    ///
    /// # Errors
    /// [`Error::InvalidLength`] unless the (joined) value is one byte.
    #[inline]
    pub fn message_type(&self) -> Result<Option<MessageType>, Error> {
        self.get_as(OptionCode::MESSAGE_TYPE)
    }

    /// Option 1, the subnet mask.
    ///
    /// # Errors
    /// [`Error::InvalidLength`] unless the value is 4 bytes.
    pub fn subnet_mask(&self) -> Result<Option<Ipv4Addr>, Error> {
        self.get_as(OptionCode::SUBNET_MASK)
    }

    /// Option 3, the routers.
    ///
    /// # Errors
    /// [`Error::InvalidLength`] unless the value is a non-zero multiple of 4
    /// bytes.
    pub fn routers(&self) -> Result<Option<Addresses<'a>>, Error> {
        self.addresses(OptionCode::ROUTER)
    }

    /// Option 6, the DNS servers.
    ///
    /// # Errors
    /// As [`routers`](Self::routers).
    pub fn dns_servers(&self) -> Result<Option<Addresses<'a>>, Error> {
        self.addresses(OptionCode::DOMAIN_NAME_SERVER)
    }

    /// Any option whose value is a list of IPv4 addresses (3, 4, 5, 6, 42,
    /// 44, ...), across fragments.
    ///
    /// # Errors
    /// [`Error::InvalidLength`] unless the value is a whole number of
    /// addresses, and at least one where the option's rule says so.
    pub fn addresses(&self, code: OptionCode) -> Result<Option<Addresses<'a>>, Error> {
        let Some(bytes) = self.checked_bytes(
            code,
            DhcpOption::length_rule(code).unwrap_or(Length::Items { min: 4, unit: 4 }),
            "a non-zero multiple of 4 bytes",
        )?
        else {
            return Ok(None);
        };
        // Codes whose rule is not a list of addresses still read as one.
        // (An empty value got here only if its rule allows it, as 68's.)
        if bytes.len() % 4 != 0 {
            return Err(Error::InvalidLength {
                code: code.0,
                offset: bytes.message_offset(0).unwrap_or(0).saturating_sub(2),
                len: bytes.len(),
                expected: "a non-zero multiple of 4 bytes",
            });
        }
        Ok(Some(Addresses(bytes)))
    }

    /// Option 12, the client's host name (bytes; not guaranteed UTF-8).
    ///
    /// # Errors
    /// [`Error::InvalidLength`] for an empty value (RFC 2132 §3.14).
    pub fn host_name(&self) -> Result<Option<Joined<'a>>, Error> {
        self.checked_bytes(OptionCode::HOST_NAME, TEXT, "at least 1 byte")
    }

    /// Option 15, the domain name.
    ///
    /// # Errors
    /// [`Error::InvalidLength`] for an empty value (RFC 2132 §3.17).
    pub fn domain_name(&self) -> Result<Option<Joined<'a>>, Error> {
        self.checked_bytes(OptionCode::DOMAIN_NAME, TEXT, "at least 1 byte")
    }

    /// Option 50, the address the client asks for.
    ///
    /// # Errors
    /// [`Error::InvalidLength`] unless the value is 4 bytes.
    #[inline]
    pub fn requested_ip(&self) -> Result<Option<Ipv4Addr>, Error> {
        self.get_as(OptionCode::REQUESTED_IP_ADDRESS)
    }

    /// Option 51, the lease time in seconds (`u32::MAX`: infinite).
    ///
    /// # Errors
    /// [`Error::InvalidLength`] unless the value is 4 bytes.
    #[inline]
    pub fn lease_time(&self) -> Result<Option<u32>, Error> {
        self.get_as(OptionCode::LEASE_TIME)
    }

    /// Option 54, the server identifier.
    ///
    /// # Errors
    /// [`Error::InvalidLength`] unless the value is 4 bytes: a SELECTING
    /// request with a 5-byte option 54 is malformed, not INIT-REBOOT.
    #[inline]
    pub fn server_identifier(&self) -> Result<Option<Ipv4Addr>, Error> {
        self.get_as(OptionCode::SERVER_IDENTIFIER)
    }

    /// Option 55, the codes the client asks for, in its order.
    ///
    /// # Errors
    /// [`Error::InvalidLength`] for an empty value.
    #[inline]
    pub fn parameter_request_list(&self) -> Result<Option<Codes<'a>>, Error> {
        Ok(self
            .checked_bytes(OptionCode::PARAMETER_REQUEST_LIST, TEXT, "at least 1 byte")?
            .map(Codes))
    }

    /// Option 57, the largest DHCP message the client accepts.
    ///
    /// # Errors
    /// [`Error::InvalidLength`] unless the value is 2 bytes.
    #[inline]
    pub fn max_message_size(&self) -> Result<Option<u16>, Error> {
        self.get_as(OptionCode::MAX_MESSAGE_SIZE)
    }

    /// Option 58, T1 in seconds.
    ///
    /// # Errors
    /// [`Error::InvalidLength`] unless the value is 4 bytes.
    pub fn renewal_time(&self) -> Result<Option<u32>, Error> {
        self.get_as(OptionCode::RENEWAL_TIME)
    }

    /// Option 59, T2 in seconds.
    ///
    /// # Errors
    /// [`Error::InvalidLength`] unless the value is 4 bytes.
    pub fn rebinding_time(&self) -> Result<Option<u32>, Error> {
        self.get_as(OptionCode::REBINDING_TIME)
    }

    /// Option 60, the vendor class identifier.
    ///
    /// # Errors
    /// [`Error::InvalidLength`] for an empty value.
    pub fn vendor_class_identifier(&self) -> Result<Option<Joined<'a>>, Error> {
        self.checked_bytes(OptionCode::VENDOR_CLASS_IDENTIFIER, TEXT, "at least 1 byte")
    }

    /// Option 61, the client identifier: its type byte and the identifier.
    ///
    /// # Errors
    /// [`Error::InvalidLength`] for a value under 2 bytes.
    #[inline]
    pub fn client_identifier(&self) -> Result<Option<ClientIdentifier<'a>>, Error> {
        const CODE: OptionCode = OptionCode::CLIENT_IDENTIFIER;
        // In one fragment and well formed (nearly always): straight from
        // the slot.
        match self.lookup(CODE) {
            Lookup::Absent => return Ok(None),
            Lookup::Single(bytes @ [kind, _, ..], at) => {
                if let Some((_, id)) = bytes.split_first() {
                    return Ok(Some(ClientIdentifier {
                        kind: *kind,
                        id: Joined::slice_of(CODE, id, at + 1),
                        bytes: Joined::slice_of(CODE, bytes, at),
                    }));
                }
            }
            _ => {}
        }
        self.client_identifier_checked()
    }

    /// [`client_identifier`](Self::client_identifier) for a split or
    /// malformed value.
    #[inline(never)]
    fn client_identifier_checked(&self) -> Result<Option<ClientIdentifier<'a>>, Error> {
        let Some(bytes) = self.checked_bytes(
            OptionCode::CLIENT_IDENTIFIER,
            Length::Items { min: 2, unit: 1 },
            "at least 2 bytes",
        )?
        else {
            return Ok(None);
        };
        let (Some(kind), Some(id)) = (bytes.get(0), bytes.slice(1, bytes.len() - 1)) else {
            return Ok(None);
        };
        Ok(Some(ClientIdentifier { kind, id, bytes }))
    }

    /// Option 80, rapid commit (RFC 4039): whether the client asks for it.
    ///
    /// # Errors
    /// [`Error::InvalidLength`] unless the value is empty.
    pub fn rapid_commit(&self) -> Result<bool, Error> {
        Ok(self.get_as::<()>(OptionCode::RAPID_COMMIT)?.is_some())
    }

    /// Option 82, the relay agent information, read across fragments.
    ///
    /// # Errors
    /// [`Error::SubOptionOverrun`] or [`Error::InvalidSubOption`] for a
    /// malformed sub-option, at its offset in the message.
    #[inline]
    pub fn relay_agent_information(&self) -> Result<Option<RelayAgentInformation<'a>>, Error> {
        let value = match self.lookup(OptionCode::RELAY_AGENT_INFORMATION) {
            Lookup::Absent => return Ok(None),
            Lookup::Single(data, at) => {
                Joined::slice_of(OptionCode::RELAY_AGENT_INFORMATION, data, at)
            }
            Lookup::Other => match self.get(OptionCode::RELAY_AGENT_INFORMATION) {
                Some(value) => value.joined(),
                None => return Ok(None),
            },
        };
        RelayAgentInformation::new(value).map(Some)
    }

    /// Option 81, the client's FQDN (RFC 4702): flags, RCODEs and name,
    /// zero-copy.
    ///
    /// # Errors
    /// The typed decoding error for a malformed value, or
    /// [`Error::Fragmented`] for a value the sender split into fragments
    /// (a name fits one option, so a split one is unusual; join it with
    /// [`OptionValue::decode_with`] or [`OptionIndex::values`]).
    pub fn client_fqdn(&self) -> Result<Option<crate::options::rfc4702::ClientFqdn<'a>>, Error> {
        match self.typed(OptionCode::CLIENT_FQDN)? {
            Some(DhcpOption::ClientFqdn(fqdn)) => Ok(Some(fqdn)),
            _ => Ok(None),
        }
    }

    /// Option 121, the classless static routes (RFC 3442), zero-copy.
    ///
    /// # Errors
    /// The typed decoding error for a malformed value, or
    /// [`Error::Fragmented`] for a value split into fragments (long route
    /// lists are: join it with [`OptionValue::decode_with`] or
    /// [`OptionIndex::values`]).
    pub fn classless_static_routes(
        &self,
    ) -> Result<Option<crate::options::rfc3442::Routes<'a>>, Error> {
        match self.typed(OptionCode::CLASSLESS_STATIC_ROUTE)? {
            Some(DhcpOption::ClasslessStaticRoute(routes)) => Ok(Some(routes)),
            _ => Ok(None),
        }
    }

    /// Option 118, the subnet selection (RFC 3011).
    ///
    /// # Errors
    /// [`Error::InvalidLength`] unless the value is 4 bytes.
    pub fn subnet_selection(&self) -> Result<Option<Ipv4Addr>, Error> {
        self.get_as(OptionCode::SUBNET_SELECTION)
    }
}

impl fmt::Debug for OptionIndex<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OptionIndex")
            .field("codes", &DebugCodes(self))
            .field("overload", &self.overload)
            .finish()
    }
}

struct DebugCodes<'i, 'a>(&'i OptionIndex<'a>);

impl fmt::Debug for DebugCodes<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.0.codes().map(|c| c.0)).finish()
    }
}

/// One option of a message, all its RFC 3396 fragments together, from
/// [`OptionIndex::values`]. It is an [`OptionValue`] (it dereferences to
/// one) that can decode itself whole.
#[derive(Debug)]
pub struct JoinedOption<'a> {
    value: OptionValue<'a>,
    /// A split value's bytes, joined the first time it is decoded.
    #[cfg(feature = "alloc")]
    joined: core::cell::OnceCell<alloc::vec::Vec<u8>>,
}

impl<'a> JoinedOption<'a> {
    fn new(value: OptionValue<'a>) -> Self {
        JoinedOption {
            value,
            #[cfg(feature = "alloc")]
            joined: core::cell::OnceCell::new(),
        }
    }

    /// The value as found in the message.
    pub fn value(&self) -> OptionValue<'a> {
        self.value
    }

    /// The typed value. A value in one fragment (nearly every value) is
    /// decoded in place, borrowing from the packet. A value split into
    /// several fragments is joined first: with the `alloc` feature into a
    /// buffer this item owns (the one allocation of the crate's read path,
    /// made only here, only for a split value); without it, this is
    /// [`Error::Fragmented`] and [`OptionValue::decode_with`] joins into a
    /// buffer of yours.
    ///
    /// # Errors
    /// The typed decoding error, with offsets in the message.
    pub fn decode(&self) -> Result<DhcpOption<'_>, Error> {
        if self.value.as_single().is_some() {
            return self.value.decode();
        }
        #[cfg(feature = "alloc")]
        {
            let joined = self.joined.get_or_init(|| self.value.to_vec());
            DhcpOption::decode(self.value.code(), joined, self.value.offset())
                .map_err(|e| self.value.remap_error(e))
        }
        #[cfg(not(feature = "alloc"))]
        {
            self.value.decode()
        }
    }
}

impl<'a> core::ops::Deref for JoinedOption<'a> {
    type Target = OptionValue<'a>;
    fn deref(&self) -> &OptionValue<'a> {
        &self.value
    }
}

/// A list of IPv4 addresses read across fragments (options 3, 6, ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Addresses<'a>(Joined<'a>);

impl<'a> Addresses<'a> {
    /// Number of addresses.
    pub fn len(&self) -> usize {
        self.0.len() / 4
    }

    /// Whether the list is empty.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The addresses, in order.
    pub fn iter(&self) -> AddressIter<'a> {
        AddressIter(self.0.bytes())
    }

    /// The bytes.
    pub fn as_joined(&self) -> Joined<'a> {
        self.0
    }
}

impl<'a> IntoIterator for Addresses<'a> {
    type Item = Ipv4Addr;
    type IntoIter = AddressIter<'a>;
    fn into_iter(self) -> AddressIter<'a> {
        self.iter()
    }
}

impl fmt::Display for Addresses<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::fmt::join(f, self.iter(), ",", |f, a| write!(f, "{a}"))
    }
}

/// The addresses of [`Addresses`].
#[derive(Debug, Clone)]
pub struct AddressIter<'a>(crate::options::JoinedBytes<'a>);

impl Iterator for AddressIter<'_> {
    type Item = Ipv4Addr;

    fn next(&mut self) -> Option<Ipv4Addr> {
        let mut octets = [0u8; 4];
        for o in &mut octets {
            *o = self.0.next()?;
        }
        Some(Ipv4Addr::from(octets))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.0.len() / 4;
        (n, Some(n))
    }
}

impl ExactSizeIterator for AddressIter<'_> {}

/// Option codes read across fragments (option 55).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Codes<'a>(Joined<'a>);

impl<'a> Codes<'a> {
    /// The codes, in the client's order of preference.
    #[inline]
    pub fn iter(&self) -> impl ExactSizeIterator<Item = OptionCode> + 'a {
        self.0.bytes().map(OptionCode)
    }

    /// Whether `code` is asked for.
    pub fn contains(&self, code: OptionCode) -> bool {
        match self.0.as_slice() {
            Some(bytes) => bytes.contains(&code.0),
            None => self.0.bytes().any(|c| c == code.0),
        }
    }

    /// Number of codes.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there is no code.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The client identifier (option 61): a type byte (a hardware type, 255 for
/// an RFC 4361 IAID and DUID, 0 for other identifiers) and the identifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ClientIdentifier<'a> {
    /// The type byte.
    pub kind: u8,
    /// The identifier after the type byte.
    pub id: Joined<'a>,
    /// The whole value, type byte included: the key RFC 2131 §4.2 has a
    /// server identify the client by.
    pub bytes: Joined<'a>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn place_maps_each_fixed_code_to_its_slot_and_every_other_code_to_none() {
        for (place, &code) in FIXED_CODES.iter().enumerate() {
            assert_eq!(PLACE.get(usize::from(code)), Some(&(place as u8)));
        }
        let placed = PLACE.iter().filter(|&&p| p != NO_PLACE).count();
        assert_eq!(placed, FIXED_CODES.len(), "the fixed codes are distinct");
        // PAD and END are never recorded.
        assert_eq!((PLACE[0], PLACE[255]), (NO_PLACE, NO_PLACE));
        assert_eq!(PLACE[163], NO_PLACE);
    }

    /// Look-ups the table answers take no walk of the message: fixed codes
    /// present or absent, and other codes in one fragment.
    #[test]
    fn look_ups_in_the_table_take_no_walk() {
        use crate::MessageBuilder;
        use crate::options::walks;
        let mut buf = [0u8; 300];
        let n = MessageBuilder::new(&mut buf)
            .unwrap()
            .message_type(MessageType::Discover)
            .option(OptionCode::HOST_NAME, b"hx")
            .option(OptionCode(163), &[7])
            .option(OptionCode(164), &[1, 2])
            .finish()
            .unwrap();
        let msg = Message::parse(&buf[..n]).unwrap();
        let idx = msg.index().unwrap();
        let walks = walks::during(|| {
            assert_eq!(idx.message_type(), Ok(Some(MessageType::Discover)));
            assert_eq!(
                idx.host_name().unwrap().unwrap().as_slice(),
                Some(&b"hx"[..])
            );
            assert_eq!(idx.get_as::<u8>(OptionCode(163)), Ok(Some(7)));
            assert_eq!(
                idx.get(OptionCode(164)).unwrap().as_single(),
                Some(&[1, 2][..])
            );
            assert!(idx.contains(OptionCode(164)));
            assert!(!idx.contains(OptionCode(165)));
            assert_eq!(idx.requested_ip(), Ok(None));
        });
        assert_eq!(walks, 0);
    }

    /// An index whose list overflowed still answers an absent fixed code
    /// without a walk (every instance of one marks its slot).
    #[test]
    fn absent_fixed_codes_take_no_walk_in_an_incomplete_index() {
        use crate::MessageBuilder;
        use crate::options::walks;
        let mut buf = [0u8; 300];
        let mut b = MessageBuilder::new(&mut buf).unwrap();
        b.message_type(MessageType::Request);
        for code in 160..=176u8 {
            b.option(OptionCode(code), &[code]);
        }
        let n = b.finish().unwrap();
        let msg = Message::parse(&buf[..n]).unwrap();
        let idx = msg.index().unwrap();
        assert!(idx.incomplete);
        let walks = walks::during(|| {
            assert_eq!(idx.requested_ip(), Ok(None));
            assert_eq!(idx.server_identifier(), Ok(None));
            assert!(idx.client_identifier().unwrap().is_none());
            assert!(idx.relay_agent_information().unwrap().is_none());
            assert!(!idx.contains(OptionCode::HOST_NAME));
        });
        assert_eq!(walks, 0);
        // A code past the list is still found, by a walk.
        assert_eq!(idx.get_as::<u8>(OptionCode(176)), Ok(Some(176)));
    }

    /// Values in several fragments are joined from the table too: a fixed
    /// code and another code, each in three fragments.
    #[test]
    fn split_values_in_the_table_take_no_walk() {
        use crate::MessageBuilder;
        use crate::options::walks;
        let mut buf = [0u8; 300];
        let mut b = MessageBuilder::new(&mut buf).unwrap();
        b.message_type(MessageType::Request);
        for part in [&b"ab"[..], b"c", b"de"] {
            b.option(OptionCode::HOST_NAME, part);
            b.option(OptionCode(163), part);
        }
        let n = b.finish().unwrap();
        let msg = Message::parse(&buf[..n]).unwrap();
        let idx = msg.index().unwrap();
        let walks = walks::during(|| {
            for code in [OptionCode::HOST_NAME, OptionCode(163)] {
                let v = idx.get(code).unwrap();
                assert_eq!(
                    (v.fragment_count(), v.len(), v.offset()),
                    (3, 5, if code.0 == 12 { 243 } else { 247 })
                );
                assert!(idx.contains(code));
            }
        });
        assert_eq!(walks, 0);
        let name = idx.host_name().unwrap().unwrap();
        assert!(name.bytes().eq(b"abcde".iter().copied()));
    }
}
