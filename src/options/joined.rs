//! [`Joined`]: the bytes of one option value across its RFC 3396
//! fragments, or a window of them, read in place without copying.

use core::fmt;
use core::hash::{Hash, Hasher};
use core::iter::FusedIterator;

use super::{Fragments, OptionValue, Overload};
use crate::code::OptionCode;
use crate::error::Error;
use crate::header::Header;

/// The bytes of one option value joined across its RFC 3396 fragments (or
/// a window of them, such as one sub-option's value), read in place.
///
/// A value in one fragment, which is nearly every value, is a plain slice
/// ([`as_slice`](Self::as_slice)); a split value is read chunk by chunk
/// ([`chunks`](Self::chunks), [`bytes`](Self::bytes)) or copied out
/// ([`copy_to`](Self::copy_to)). Equality and hashing are over the joined
/// bytes, wherever the fragment boundaries fall.
///
/// ```
/// # fn main() -> Result<(), dhcpwire::Error> {
/// use dhcpwire::{Message, MessageBuilder, OptionCode};
/// let mut buf = [0u8; 1024];
/// // A 300-byte vendor class: written as two fragments (255 + 45 bytes).
/// let len = MessageBuilder::new(&mut buf)?
///     .option(OptionCode::VENDOR_CLASS_IDENTIFIER, &[b'v'; 300])
///     .finish()?;
/// let msg = Message::parse(&buf[..len])?;
/// let class = msg.option(OptionCode::VENDOR_CLASS_IDENTIFIER)?.unwrap().joined();
/// assert_eq!(class.len(), 300);
/// assert_eq!(class.as_slice(), None); // split: no single slice
/// assert_eq!(class.chunks().map(<[u8]>::len).collect::<Vec<_>>(), [255, 45]);
/// assert!(class == [b'v'; 300][..]);
/// assert_eq!(class.slice(250, 10).unwrap().chunks().count(), 2);
/// # Ok(()) }
/// ```
#[derive(Clone, Copy)]
pub struct Joined<'a> {
    repr: Repr<'a>,
}

#[derive(Clone, Copy)]
enum Repr<'a> {
    /// In one piece.
    Slice(OnePiece<'a>),
    /// Bytes `start..start + len` of a value split into fragments.
    Window {
        value: Split<'a>,
        start: u32,
        len: u32,
    },
}

/// Bytes in one piece; `code` and `offset` (of the first byte) for
/// errors.
// `repr(C)` with `bytes` last, clear of the first 8 bytes, where `Error`
// keeps its small fields: LLVM copies those bytes of a
// `Result<Option<Joined>, Error>` in 1-, 2- and 4-byte pieces, and the
// slice's pointer, read back whole from several stores, stalled the loads
// of every byte walk after it (measured: a request served in W6 took 115
// ns with the pointer there, 103 ns with it last).
#[derive(Clone, Copy)]
#[repr(C)]
struct OnePiece<'a> {
    offset: usize,
    code: OptionCode,
    bytes: &'a [u8],
}

/// A split value, kept small: the message and where its first fragment
/// is; the [`OptionValue`] is rebuilt when the fragments are walked.
#[derive(Clone, Copy)]
struct Split<'a> {
    header: &'a Header,
    options: &'a [u8],
    /// Offset of the first fragment's code byte.
    first: u32,
    fragments: u32,
    code: OptionCode,
    overload: Option<Overload>,
}

impl<'a> Split<'a> {
    fn of(value: &OptionValue<'a>) -> Option<Self> {
        let (header, options, overload) = value.parts();
        Some(Split {
            header,
            options,
            first: u32::try_from(value.offset()).ok()?,
            fragments: u32::try_from(value.fragment_count()).ok()?,
            code: value.code(),
            overload,
        })
    }

    /// The value again (its first fragment re-read from the message).
    fn value(&self) -> Option<OptionValue<'a>> {
        OptionValue::at(
            self.header,
            self.options,
            self.overload,
            self.first as usize,
            self.fragments as usize,
        )
    }
}

impl<'a> Joined<'a> {
    /// The whole of `value`.
    pub(crate) fn whole(value: OptionValue<'a>) -> Self {
        let repr = match value.as_single() {
            Some(bytes) => Repr::Slice(OnePiece {
                bytes,
                code: value.code(),
                offset: value.first().value_offset(),
            }),
            None => match (Split::of(&value), u32::try_from(value.len())) {
                (Some(split), Ok(len)) => Repr::Window {
                    value: split,
                    start: 0,
                    len,
                },
                // Past 4 GiB: no DHCP message gets there.
                _ => Repr::Slice(OnePiece {
                    bytes: &[],
                    code: value.code(),
                    offset: value.offset(),
                }),
            },
        };
        Joined { repr }
    }

    /// The value `bytes` of option `code`, in one fragment whose code byte
    /// is at `at`.
    #[inline]
    pub(crate) fn slice_of(code: OptionCode, bytes: &'a [u8], at: usize) -> Self {
        Joined {
            repr: Repr::Slice(OnePiece {
                bytes,
                code,
                offset: at.saturating_add(2),
            }),
        }
    }

    /// The option code the bytes belong to.
    #[inline]
    pub fn code(&self) -> OptionCode {
        match self.repr {
            Repr::Slice(OnePiece { code, .. }) => code,
            Repr::Window { value, .. } => value.code,
        }
    }

    /// Number of bytes.
    #[inline]
    pub fn len(&self) -> usize {
        match self.repr {
            Repr::Slice(OnePiece { bytes, .. }) => bytes.len(),
            Repr::Window { len, .. } => len as usize,
        }
    }

    /// Whether there are no bytes.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The bytes as one slice when they lie in one fragment (always, unless
    /// the sender split the option and the bytes cross a boundary).
    #[inline]
    pub fn as_slice(&self) -> Option<&'a [u8]> {
        match self.repr {
            Repr::Slice(OnePiece { bytes, .. }) => Some(bytes),
            Repr::Window { .. } => {
                let mut chunks = self.chunks();
                match (chunks.next(), chunks.next()) {
                    (None, _) => Some(&[]),
                    (Some(one), None) => Some(one),
                    _ => None,
                }
            }
        }
    }

    /// The bytes and the message offset of the first of them, when the
    /// value was made in one piece.
    #[inline]
    pub(crate) fn as_slice_at(&self) -> Option<(&'a [u8], usize)> {
        match self.repr {
            Repr::Slice(OnePiece { bytes, offset, .. }) => Some((bytes, offset)),
            Repr::Window { .. } => None,
        }
    }

    /// The bytes in order, as the borrowed pieces of the fragments that hold
    /// them (no empty piece).
    #[inline]
    pub fn chunks(&self) -> JoinedChunks<'a> {
        match self.repr {
            Repr::Slice(OnePiece { bytes, .. }) => JoinedChunks {
                state: ChunksState::One((!bytes.is_empty()).then_some(bytes)),
            },
            Repr::Window { value, start, len } => JoinedChunks {
                state: match value.value() {
                    Some(value) => ChunksState::Fragments {
                        fragments: value.fragments(),
                        skip: start as usize,
                        left: len as usize,
                    },
                    None => ChunksState::One(None),
                },
            },
        }
    }

    /// The bytes one by one.
    #[inline(always)]
    pub fn bytes(&self) -> JoinedBytes<'a> {
        // In one piece (nearly always): the slice's own iterator, so that
        // each byte is one compare and no chunk switch.
        if let Repr::Slice(OnePiece { bytes, .. }) = self.repr {
            return JoinedBytes {
                current: bytes.iter(),
                chunks: JoinedChunks {
                    state: ChunksState::One(None),
                },
                after: 0,
            };
        }
        self.split_bytes()
    }

    /// [`bytes`](Self::bytes) of a split value: out of line, so that the
    /// one-piece case inlines.
    #[inline(never)]
    fn split_bytes(&self) -> JoinedBytes<'a> {
        JoinedBytes {
            current: [].iter(),
            chunks: self.chunks(),
            after: self.len(),
        }
    }

    /// The byte at `index`, if there is one.
    #[inline]
    pub fn get(&self, index: usize) -> Option<u8> {
        match self.repr {
            Repr::Slice(OnePiece { bytes, .. }) => bytes.get(index).copied(),
            Repr::Window { .. } => self.bytes().nth(index),
        }
    }

    /// The `len` bytes from `start`, as a view of their own; `None` when
    /// they run past the end.
    #[inline]
    pub fn slice(&self, start: usize, len: usize) -> Option<Joined<'a>> {
        let end = start.checked_add(len)?;
        if end > self.len() {
            return None;
        }
        let repr = match self.repr {
            Repr::Slice(OnePiece {
                bytes,
                code,
                offset,
            }) => Repr::Slice(OnePiece {
                bytes: bytes.get(start..end)?,
                code,
                offset: offset.saturating_add(start),
            }),
            Repr::Window {
                value, start: s, ..
            } => Repr::Window {
                value,
                // Within the value's length, itself a u32.
                start: s + u32::try_from(start).ok()?,
                len: u32::try_from(len).ok()?,
            },
        };
        Some(Joined { repr })
    }

    /// The message offset of byte `index` (for error reports); the offset
    /// just past the last byte for `index == len`.
    #[inline]
    pub fn message_offset(&self, index: usize) -> Option<usize> {
        match self.repr {
            Repr::Slice(OnePiece { bytes, offset, .. }) => {
                (index <= bytes.len()).then(|| offset.saturating_add(index))
            }
            Repr::Window { value, start, len } => {
                if index > len as usize {
                    return None;
                }
                let value = value.value()?;
                let joined = value
                    .first()
                    .value_offset()
                    .saturating_add(start as usize)
                    .saturating_add(index);
                value.message_offset(joined)
            }
        }
    }

    /// Copies the bytes into `buf` and returns the filled part.
    ///
    /// # Errors
    /// [`Error::JoinBufferTooSmall`] when `buf` is shorter than
    /// [`len`](Self::len).
    pub fn copy_to<'b>(&self, buf: &'b mut [u8]) -> Result<&'b [u8], Error> {
        let err = Error::JoinBufferTooSmall {
            code: self.code().0,
            offset: self.message_offset(0).unwrap_or(0),
            needed: self.len(),
            available: buf.len(),
        };
        let out = buf.get_mut(..self.len()).ok_or(err)?;
        let mut at = 0;
        for chunk in self.chunks() {
            let end = at + chunk.len();
            out.get_mut(at..end).ok_or(err)?.copy_from_slice(chunk);
            at = end;
        }
        Ok(out)
    }

    /// The bytes in a new vector.
    #[cfg(feature = "alloc")]
    pub fn to_vec(&self) -> alloc::vec::Vec<u8> {
        let mut v = alloc::vec::Vec::with_capacity(self.len());
        for chunk in self.chunks() {
            v.extend_from_slice(chunk);
        }
        v
    }
}

impl PartialEq for Joined<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.bytes().eq(other.bytes())
    }
}

impl Eq for Joined<'_> {}

impl PartialEq<[u8]> for Joined<'_> {
    fn eq(&self, other: &[u8]) -> bool {
        match self.as_slice() {
            Some(bytes) => bytes == other,
            None => self.len() == other.len() && self.bytes().eq(other.iter().copied()),
        }
    }
}

impl PartialEq<&[u8]> for Joined<'_> {
    fn eq(&self, other: &&[u8]) -> bool {
        *self == **other
    }
}

impl<const N: usize> PartialEq<[u8; N]> for Joined<'_> {
    fn eq(&self, other: &[u8; N]) -> bool {
        *self == other[..]
    }
}

impl Hash for Joined<'_> {
    /// The length, then every byte: equal joined bytes hash equally
    /// wherever the fragments split them.
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_usize(self.len());
        for chunk in self.chunks() {
            state.write(chunk);
        }
    }
}

impl fmt::Debug for Joined<'_> {
    /// The bytes in hex, like `0a:16:36`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Joined({self})")
    }
}

impl fmt::Display for Joined<'_> {
    /// Quoted text when every byte is printable ASCII, hex otherwise (as
    /// tcpdump shows an opaque value).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let printable = |b: u8| (0x20..=0x7e).contains(&b);
        if !self.is_empty() && self.bytes().all(printable) {
            f.write_str("\"")?;
            for chunk in self.chunks() {
                write!(f, "{}", crate::fmt::Text(chunk))?;
            }
            f.write_str("\"")
        } else {
            crate::fmt::join(f, self.bytes(), ":", |f, b| write!(f, "{b:02x}"))
        }
    }
}

/// The pieces of a [`Joined`] value, in order.
#[derive(Debug, Clone)]
pub struct JoinedChunks<'a> {
    state: ChunksState<'a>,
}

#[derive(Debug, Clone)]
enum ChunksState<'a> {
    One(Option<&'a [u8]>),
    Fragments {
        fragments: Fragments<'a>,
        /// Bytes still to skip before the window.
        skip: usize,
        /// Bytes of the window still to yield.
        left: usize,
    },
}

impl<'a> Iterator for JoinedChunks<'a> {
    type Item = &'a [u8];

    #[inline]
    fn next(&mut self) -> Option<&'a [u8]> {
        match &mut self.state {
            ChunksState::One(one) => one.take(),
            ChunksState::Fragments { .. } => self.next_fragment(),
        }
    }
}

impl<'a> JoinedChunks<'a> {
    /// [`next`](Iterator::next) of a split value: out of line, so that the
    /// one-piece case inlines into the caller's loop.
    #[inline(never)]
    fn next_fragment(&mut self) -> Option<&'a [u8]> {
        match &mut self.state {
            ChunksState::One(one) => one.take(),
            ChunksState::Fragments {
                fragments,
                skip,
                left,
            } => {
                while *left > 0 {
                    let data = fragments.next()?.data;
                    let Some(rest) = data.get(*skip..) else {
                        *skip -= data.len();
                        continue;
                    };
                    *skip = 0;
                    let piece = rest.get(..*left).unwrap_or(rest);
                    *left -= piece.len();
                    if !piece.is_empty() {
                        return Some(piece);
                    }
                }
                None
            }
        }
    }
}

impl FusedIterator for JoinedChunks<'_> {}

/// The bytes of a [`Joined`] value, one by one.
#[derive(Debug, Clone)]
pub struct JoinedBytes<'a> {
    current: core::slice::Iter<'a, u8>,
    chunks: JoinedChunks<'a>,
    /// Bytes in the chunks after `current`: kept per chunk, not per byte.
    after: usize,
}

impl JoinedBytes<'_> {
    /// Skips `n` bytes; false when fewer remain (all are then skipped).
    pub(crate) fn skip_bytes(&mut self, mut n: usize) -> bool {
        while n > 0 {
            let here = self.current.len();
            if here == 0 {
                if !self.load_chunk() {
                    return false;
                }
                continue;
            }
            let step = here.min(n);
            if let Some(rest) = self.current.as_slice().get(step..) {
                self.current = rest.iter();
            }
            n -= step;
        }
        true
    }

    /// Makes the next chunk current; false when there is none.
    fn load_chunk(&mut self) -> bool {
        match self.chunks.next() {
            Some(chunk) => {
                self.after = self.after.saturating_sub(chunk.len());
                self.current = chunk.iter();
                true
            }
            None => false,
        }
    }

    /// [`next`](Iterator::next) once `current` is used up: out of line, so
    /// that the per-byte step inlines into the caller's loop.
    #[inline(never)]
    fn next_from_chunks(&mut self) -> Option<u8> {
        while self.load_chunk() {
            if let Some(&b) = self.current.next() {
                return Some(b);
            }
        }
        None
    }
}

impl Iterator for JoinedBytes<'_> {
    type Item = u8;

    #[inline]
    fn next(&mut self) -> Option<u8> {
        match self.current.next() {
            Some(&b) => Some(b),
            None => self.next_from_chunks(),
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.current.len() + self.after;
        (n, Some(n))
    }

    /// Chunk by chunk, each a slice fold (which the compiler unrolls).
    #[inline(always)]
    fn fold<B, F: FnMut(B, u8) -> B>(self, init: B, mut f: F) -> B {
        let mut acc = self.current.fold(init, |acc, &b| f(acc, b));
        // Nothing after (a value in one piece): no chunk to ask for.
        if self.after == 0 {
            return acc;
        }
        for chunk in self.chunks {
            acc = chunk.iter().fold(acc, |acc, &b| f(acc, b));
        }
        acc
    }
}

impl ExactSizeIterator for JoinedBytes<'_> {}
impl FusedIterator for JoinedBytes<'_> {}
