//! The one `code len value` step that every option and sub-option walk of
//! the crate takes: the overload-aware option walk, the peek paths, the
//! sub-option iterators of 82 and friends, and the PXE sub-options of 43.
//!
//! Each walker maps a [`Step`] to its own item or error; the rules of the
//! step itself (what a PAD is, where END stops, when a length byte is
//! missing or a value runs past the end) live only here.

use crate::error::Error;

/// What lies at one position of a TLV sequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Step<'a> {
    /// Nothing is left.
    Exhausted,
    /// PAD (code 0, a single byte), where the sequence has markers.
    Pad,
    /// END (code 255), where the sequence has markers.
    End,
    /// An item: its code, its value, and the position just after it.
    Item {
        code: u8,
        value: &'a [u8],
        next: usize,
    },
    /// The code is the last byte: its length byte is missing.
    NoLength { code: u8 },
    /// The length runs past the end: `available` bytes follow the length
    /// byte.
    Overrun { code: u8, len: u8, available: usize },
}

impl Step<'_> {
    /// The error a sub-option walk of option `parent` reports for this step
    /// at `offset` (the sub-option's code byte): `None` unless the length
    /// byte is missing or the value runs past the parent's end.
    #[inline]
    pub(crate) fn sub_option_error(&self, parent: u8, offset: usize) -> Option<Error> {
        match *self {
            Step::NoLength { code } => Some(Error::InvalidSubOption {
                code: parent,
                sub_code: code,
                offset,
                expected: "a length byte, but the parent option ends",
            }),
            Step::Overrun {
                code,
                len,
                available,
            } => Some(Error::SubOptionOverrun {
                code: parent,
                sub_code: code,
                offset,
                len,
                available,
            }),
            Step::Exhausted | Step::Pad | Step::End | Step::Item { .. } => None,
        }
    }
}

/// The step at `at` in `bytes`. With `markers`, 0 is PAD and 255 is END
/// (DHCP options, PXE sub-options); without, every code is an item (the
/// sub-options of 82 and the other RFC 3046-style values).
///
/// An item always ends after `at`, so a walk that moves to `next` makes
/// progress and ends.
// Always inlined: it is the body of every hot loop (W1's peek and W2's
// walk were tuned against instruction counts with this step inlined).
#[inline(always)]
pub(crate) fn step(bytes: &[u8], at: usize, markers: bool) -> Step<'_> {
    let Some(&code) = bytes.get(at) else {
        return Step::Exhausted;
    };
    if markers {
        match code {
            0 => return Step::Pad,
            255 => return Step::End,
            _ => {}
        }
    }
    let Some(&len) = bytes.get(at + 1) else {
        return Step::NoLength { code };
    };
    let start = at + 2;
    let next = start + usize::from(len);
    match bytes.get(start..next) {
        Some(value) => Step::Item { code, value, next },
        None => Step::Overrun {
            code,
            len,
            available: bytes.len().saturating_sub(start),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_markers_and_errors() {
        let bytes = [0, 53, 1, 3, 82, 0, 255, 7];
        assert_eq!(step(&bytes, 0, true), Step::Pad);
        assert_eq!(
            step(&bytes, 1, true),
            Step::Item {
                code: 53,
                value: &[3],
                next: 4
            }
        );
        assert_eq!(
            step(&bytes, 4, true),
            Step::Item {
                code: 82,
                value: &[],
                next: 6
            }
        );
        assert_eq!(step(&bytes, 6, true), Step::End);
        assert_eq!(step(&bytes, 7, true), Step::NoLength { code: 7 });
        assert_eq!(step(&bytes, 8, true), Step::Exhausted);
        assert_eq!(step(&bytes, usize::MAX, true), Step::Exhausted);
    }

    #[test]
    fn without_markers_pad_and_end_are_items() {
        assert_eq!(
            step(&[0, 1, 9], 0, false),
            Step::Item {
                code: 0,
                value: &[9],
                next: 3
            }
        );
        assert_eq!(
            step(&[255, 0], 0, false),
            Step::Item {
                code: 255,
                value: &[],
                next: 2
            }
        );
        assert_eq!(step(&[255], 0, false), Step::NoLength { code: 255 });
    }

    #[test]
    fn overrun_counts_what_follows_the_length_byte() {
        assert_eq!(
            step(&[12, 5, b'a', b'b'], 0, true),
            Step::Overrun {
                code: 12,
                len: 5,
                available: 2
            }
        );
        assert_eq!(
            step(&[12, 255], 0, false),
            Step::Overrun {
                code: 12,
                len: 255,
                available: 0
            }
        );
    }
}
