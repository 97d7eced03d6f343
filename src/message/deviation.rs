//! What a lenient parse accepted that the strict wire rules forbid.

use core::fmt;

use super::Message;
use crate::code::OptionCode;
use crate::error::Error;
use crate::header::{Area, offset};
use crate::options::typed::DhcpOption;
use crate::options::{AreaOptions, walk_areas};

impl Message<'_> {
    /// Calls `f` for every way this message departs from the strict wire
    /// rules that the lenient parse tolerates (see [`Deviation`]).
    ///
    /// # Errors
    /// The cookie error or the first walk error (a malformed message is an
    /// error, not a deviation).
    pub fn for_each_deviation(&self, mut f: impl FnMut(Deviation)) -> Result<(), Error> {
        self.cookie()?;
        let areas = walk_areas(self.overload()?);
        let mut main_52 = 0usize;
        let mut second_52 = offset::OPTIONS;
        let mut seen = [0u8; 32];
        for area in areas {
            let slice = self.area(area);
            let mut walk = AreaOptions::new(slice, area.start(), area);
            let mut cursor = area.start();
            let mut pad_reported = false;
            for opt in walk.by_ref() {
                let opt = opt?;
                if area != Area::Options && opt.offset > cursor && !pad_reported {
                    pad_reported = true;
                    f(Deviation {
                        kind: DeviationKind::PadInOverloadedArea,
                        area,
                        offset: cursor,
                    });
                }
                cursor = opt.offset + 2 + opt.len();
                let (byte, bit) = (usize::from(opt.code.0 / 8), 1u8 << (opt.code.0 % 8));
                if let Some(slot) = seen.get_mut(byte) {
                    if *slot & bit != 0
                        && has_fixed_length(opt.code)
                        && opt.code != OptionCode::OVERLOAD
                    {
                        f(Deviation {
                            kind: DeviationKind::RepeatedFixedLengthOption,
                            area,
                            offset: opt.offset,
                        });
                    }
                    *slot |= bit;
                }
                if opt.code == OptionCode::OVERLOAD {
                    if area == Area::Options {
                        main_52 += 1;
                        if main_52 == 2 {
                            second_52 = opt.offset;
                        }
                    } else {
                        f(Deviation {
                            kind: DeviationKind::OverloadOutsideMainArea,
                            area,
                            offset: opt.offset,
                        });
                    }
                }
            }
            if walk.missing_end() {
                f(Deviation {
                    kind: DeviationKind::MissingEnd,
                    area,
                    offset: area.start() + slice.len(),
                });
            }
            if let (Some(end), Some(tail)) = (walk.end_offset(), walk.trailing()) {
                if area != Area::Options && end > cursor && !pad_reported {
                    f(Deviation {
                        kind: DeviationKind::PadInOverloadedArea,
                        area,
                        offset: cursor,
                    });
                }
                if let Some(i) = tail.iter().position(|&b| b != 0) {
                    f(Deviation {
                        kind: DeviationKind::NonZeroAfterEnd,
                        area,
                        offset: end + 1 + i,
                    });
                }
            }
        }
        if main_52 > 1 {
            f(Deviation {
                kind: DeviationKind::RepeatedOverload,
                area: Area::Options,
                offset: second_52,
            });
        }
        Ok(())
    }

    /// Every [`Deviation`], in walk order. Requires feature `alloc`
    /// ([`for_each_deviation`](Self::for_each_deviation) does not allocate).
    ///
    /// # Errors
    /// As [`for_each_deviation`](Self::for_each_deviation).
    #[cfg(feature = "alloc")]
    #[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
    pub fn deviations(&self) -> Result<alloc::vec::Vec<Deviation>, Error> {
        let mut out = alloc::vec::Vec::new();
        self.for_each_deviation(|d| out.push(d))?;
        Ok(out)
    }
}

/// Options whose value has one fixed, non-zero length (from the
/// catalogue), so that a second instance cannot be an RFC 3396
/// continuation that makes sense.
fn has_fixed_length(code: OptionCode) -> bool {
    DhcpOption::fixed_len(code).is_some_and(|n| n > 0)
}

/// Something a lenient parse accepted that the strict rules forbid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deviation {
    /// What is wrong.
    pub kind: DeviationKind,
    /// The area it was found in.
    pub area: Area,
    /// Where: the message offset it concerns.
    pub offset: usize,
}

/// The kinds of [`Deviation`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum DeviationKind {
    /// An area ends without an END option (RFC 2131 §4.1 requires one).
    MissingEnd,
    /// A byte after END is not zero.
    NonZeroAfterEnd,
    /// Option 52 appears in `file` or `sname`, where it has no meaning.
    OverloadOutsideMainArea,
    /// Option 52 appears more than once in the options area.
    RepeatedOverload,
    /// PAD bytes inside an overloaded `file` or `sname` area (legal, but
    /// senders normally end the area with END and fill the rest with zeros).
    PadInOverloadedArea,
    /// A second instance of an option with one fixed length (e.g. 53, 54,
    /// 51): RFC 3396 would join them into a value of the wrong length.
    RepeatedFixedLengthOption,
}

impl fmt::Display for Deviation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            DeviationKind::MissingEnd => "no END option before the area ends",
            DeviationKind::NonZeroAfterEnd => "non-zero byte after END",
            DeviationKind::OverloadOutsideMainArea => {
                "option 52 (overload) outside the options area"
            }
            DeviationKind::RepeatedOverload => "option 52 (overload) repeated",
            DeviationKind::PadInOverloadedArea => "PAD bytes inside an overloaded area",
            DeviationKind::RepeatedFixedLengthOption => "fixed-length option repeated",
        };
        write!(f, "{what} ({} area, offset {})", self.area, self.offset)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_length_codes_come_from_the_catalogue() {
        assert!(has_fixed_length(OptionCode::LEASE_TIME));
        assert!(has_fixed_length(OptionCode::MESSAGE_TYPE));
        // Past code 59, where the old hand-kept list stopped.
        assert!(has_fixed_length(OptionCode::SUBNET_SELECTION));
        assert!(has_fixed_length(OptionCode::DHCP4O6_S46_SADDR));
        // Empty values join to an empty value; lists and text may be split.
        assert!(!has_fixed_length(OptionCode::RAPID_COMMIT));
        assert!(!has_fixed_length(OptionCode::ROUTER));
        assert!(!has_fixed_length(OptionCode::HOST_NAME));
        assert!(!has_fixed_length(OptionCode(224)));
    }
}
