//! Option overload on build: options that do not fit move into `file`,
//! then `sname` (RFC 2131 §4.1), with option 52 written and patched; the
//! caller's own option 52; replacing a value already written.

use super::{MessageBuilder, OverloadBy};
use crate::code::OptionCode;
use crate::error::Error;
use crate::header::{Area, offset};
use crate::options::{AreaOptions, Overload};

impl MessageBuilder<'_> {
    /// Writes option 52 with `value`.
    pub fn overload(&mut self, value: Overload) -> &mut Self {
        self.option(OptionCode::OVERLOAD, &[value.to_u8()])
    }

    /// Lets options that no longer fit in the options area (within the
    /// buffer and [`max_size`](Self::max_size)) move into `file`, then
    /// `sname`, in the caller's order (RFC 2131 §4.1), with option 52 added
    /// to the options area to say so. A field given a name with
    /// [`file`](Self::file) or [`sname`](Self::sname) is never used. Without
    /// this, such an option is an [`Error::BufferTooSmall`] that says how
    /// much was needed. Once the caller has written option 52 or opened
    /// `file`/`sname` with [`area`](Self::area), the builder does not move
    /// options by itself (a second option 52 would make both unusable), so
    /// an option that does not fit is that error too.
    ///
    /// ```
    /// # fn main() -> Result<(), dhcpwire::Error> {
    /// use dhcpwire::{Area, Message, MessageBuilder, OptionCode, Overload};
    /// let mut buf = [0u8; 1500];
    /// let len = MessageBuilder::new(&mut buf)?
    ///     .max_size(300)
    ///     .overload_when_full(true)
    ///     .option(OptionCode::HOST_NAME, &[b'a'; 50])
    ///     .option(OptionCode::DOMAIN_NAME, &[b'b'; 100]) // does not fit: goes to file
    ///     .finish()?;
    /// assert_eq!(len, 300);
    /// let msg = Message::parse(&buf[..len])?;
    /// assert_eq!(msg.overload()?, Some(Overload::File));
    /// let domain = msg.option(OptionCode::DOMAIN_NAME)?.unwrap();
    /// assert_eq!(domain.first().area, Area::File);
    /// # Ok(()) }
    /// ```
    pub fn overload_when_full(&mut self, allowed: bool) -> &mut Self {
        self.overload_allowed = allowed;
        self.update_fast_limit();
        // An option 52 written before this call (later ones are seen by
        // `emit`, the only writer while overload is allowed).
        let written_52 = || {
            self.written(Area::Options)
                .into_iter()
                .flatten()
                .flatten()
                .any(|o| o.code == OptionCode::OVERLOAD)
        };
        if allowed && self.overload == OverloadBy::Nobody && written_52() {
            self.overload_by_hand();
        }
        self
    }

    /// With [`overload_when_full`](Self::overload_when_full), also lets an
    /// option that fits no single area be split into RFC 3396 fragments
    /// across the options field, `file` and `sname`, in that order (RFC
    /// 3396 §7 allows it): the last resort before
    /// [`Error::BufferTooSmall`]. A client that joins fragments and follows
    /// option 52 reads it whole; one that does not would have had no
    /// message at all. Off by default; [`Reply`](crate::protocol::Reply)
    /// turns it on.
    ///
    /// ```
    /// # fn main() -> Result<(), dhcpwire::Error> {
    /// use dhcpwire::{Area, Message, MessageBuilder, OptionCode};
    /// let mut buf = [0u8; 1500];
    /// let len = MessageBuilder::new(&mut buf)?
    ///     .max_size(300)
    ///     .overload_when_full(true)
    ///     .split_when_full(true)
    ///     .option(OptionCode(224), &[7; 200]) // fits no area whole
    ///     .finish()?;
    /// let msg = Message::parse(&buf[..len])?;
    /// let v = msg.option(OptionCode(224))?.unwrap();
    /// let areas: Vec<Area> = v.fragments().map(|f| f.area).collect();
    /// assert_eq!(areas, [Area::Options, Area::File, Area::Sname]);
    /// assert_eq!(v.len(), 200);
    /// # Ok(()) }
    /// ```
    pub fn split_when_full(&mut self, allowed: bool) -> &mut Self {
        self.split_allowed = allowed;
        self
    }

    /// The caller writes option 52 at `at` in `area`: false (and the
    /// error kept) when the automatic overload already wrote one. Out of
    /// line: rare, and kept off every other option's path.
    #[cold]
    pub(super) fn caller_overload(&mut self, area: Area, at: usize) -> bool {
        if area == Area::Options {
            self.overload_by_hand();
            true
        } else if matches!(self.overload, OverloadBy::Builder { .. }) {
            self.fail(Error::OverloadAlreadyWritten { area, offset: at });
            false
        } else {
            true
        }
    }

    /// The caller writes option 52 or opens `file`/`sname` itself: from now
    /// on the automatic overload neither adds a second option 52 nor uses
    /// an area the caller's option 52 may not name.
    pub(super) fn overload_by_hand(&mut self) {
        if self.overload == OverloadBy::Nobody {
            self.overload = OverloadBy::Caller;
        }
    }

    /// What has been written to `area` so far, as a walk; `None` while the
    /// area is not open, or once its count ran past the buffer (after an
    /// overflow).
    fn written(&self, area: Area) -> Option<AreaOptions<'_>> {
        let cursor = match area {
            Area::Options => self.main,
            Area::File => self.file,
            Area::Sname => self.sname,
        };
        let bytes = self.buf.get(area.start()..cursor.pos)?;
        cursor
            .opened
            .then(|| AreaOptions::new(bytes, area.start(), area))
    }

    /// Overwrites the value of an option already written (in any area) with
    /// a value of the same length; false when there is none.
    pub(crate) fn overwrite(&mut self, code: OptionCode, value: &[u8]) -> bool {
        // Every area written so far: with automatic overload the option may
        // have moved into `file` or `sname`.
        let found = [Area::Options, Area::File, Area::Sname]
            .into_iter()
            .filter_map(|area| self.written(area))
            .find_map(|written| {
                written
                    .flatten()
                    .find(|o| o.code == code && o.len() == value.len())
                    .map(|o| o.value_offset())
            });
        match found.and_then(|at| self.buf.get_mut(at..at + value.len())) {
            Some(dst) => {
                dst.copy_from_slice(value);
                true
            }
            None => false,
        }
    }

    /// Moves the write position for an option of `total` bytes to the next
    /// area with room for it and an END, writing option 52 on the first
    /// move. Returns false when no area has room.
    pub(super) fn spill(&mut self, total: usize) -> bool {
        if self.overload == OverloadBy::Caller {
            return false;
        }
        // Option 52 and the main area's END must still fit: move the last
        // options of the main area to the front of `file` (their order is
        // kept) until they do.
        if self.overload == OverloadBy::Nobody && !self.write_overload() {
            return false;
        }
        let candidates = [
            (Area::File, self.file_named),
            (Area::Sname, self.sname_named),
        ];
        for (area, named) in candidates {
            // Keep the caller's order: never go back to an earlier area.
            if named || area < self.area {
                continue;
            }
            let room = self.area_limit(area).saturating_sub(self.cursor(area).pos);
            if total < room {
                self.open_area(area);
                return true;
            }
        }
        false
    }

    /// Moves the trailing options of the main area into `file` so that
    /// option 52 and END fit in the main area. Only when `file` is still
    /// empty and unnamed, and the main area holds well-formed options.
    pub(super) fn move_tail_to_file(&mut self) -> bool {
        if self.file_named || self.file.opened || self.area != Area::Options {
            return false;
        }
        let end = self.main.pos;
        let Some(written) = self.written(Area::Options) else {
            return false;
        };
        // Option starts in the main area, found by walking what was written.
        const KEEP: usize = 64;
        let mut starts = [0usize; KEEP];
        let mut count = 0;
        // Option 53 stays in the options field, where clients that do not
        // follow overload look for it.
        let mut keep_until = offset::OPTIONS;
        for opt in written {
            let Ok(opt) = opt else { return false };
            if let Some(slot) = starts.get_mut(count % KEEP) {
                *slot = opt.offset;
            }
            if opt.code == OptionCode::MESSAGE_TYPE {
                keep_until = keep_until.max(opt.value_offset() + opt.len());
            }
            count += 1;
        }
        // Walk back from the end until 52 + END fit at the cut.
        let mut cut = end;
        let mut i = count;
        while cut + 3 + 1 > self.limit {
            if i == 0 || count - i >= KEEP {
                return false;
            }
            i -= 1;
            cut = starts.get(i % KEEP).copied().unwrap_or(end);
            if cut < keep_until {
                return false;
            }
        }
        let moved = end - cut;
        // The moved options and the file area's END must fit in `file`.
        if moved + 1 > Area::File.field_len().unwrap_or(0) {
            return false;
        }
        self.open_area(Area::File);
        let Some((head, tail)) = self.buf.split_at_mut_checked(offset::OPTIONS) else {
            return false;
        };
        let src = tail.get(cut - offset::OPTIONS..end - offset::OPTIONS);
        let dst = head.get_mut(offset::FILE..offset::FILE + moved);
        let (Some(src), Some(dst)) = (src, dst) else {
            return false;
        };
        dst.copy_from_slice(src);
        self.file.pos = offset::FILE + moved;
        self.main.pos = cut;
        true
    }

    /// Where an option of `len` value bytes that fits no single area goes
    /// when split into RFC 3396 fragments across the areas still open to
    /// it, in order (RFC 3396 §7: a long option may be split over
    /// `options`, `file` and `sname`): each area's start and the value
    /// bytes it takes, keeping a byte for each area's END. Writes option 52
    /// if the automatic overload has not yet. `None` (nothing changed but,
    /// perhaps, option 52) when the value does not fit.
    pub(super) fn plan_split(&mut self, len: usize) -> Option<Plan> {
        if self.overload == OverloadBy::Caller || len == 0 {
            return None;
        }
        if self.overload == OverloadBy::Nobody && !self.write_overload() {
            return None;
        }
        let mut plan = Plan::EMPTY;
        let mut left = len;
        for area in [Area::Options, Area::File, Area::Sname] {
            let named = match area {
                Area::Options => false,
                Area::File => self.file_named,
                Area::Sname => self.sname_named,
            };
            let cursor = *self.cursor(area);
            // Keep the caller's order: never go back to an earlier area.
            if named || cursor.ended || area < self.area {
                continue;
            }
            let pos = if cursor.opened {
                cursor.pos
            } else {
                area.start()
            };
            let room = self.area_limit(area).saturating_sub(pos).saturating_sub(1);
            let take = value_capacity(room).min(left);
            if take == 0 {
                continue;
            }
            if let Some(slot) = plan.parts.get_mut(plan.len) {
                *slot = (area, pos, take);
                plan.len += 1;
                left -= take;
            }
            if left == 0 {
                return Some(plan);
            }
        }
        None
    }

    /// Writes the automatic option 52 at the end of the main area (its
    /// value byte patched by `finish`), first moving trailing options to
    /// `file` if 52 and END would not fit; false when they cannot.
    pub(super) fn write_overload(&mut self) -> bool {
        if self.main.pos + 3 + 1 > self.limit && !self.move_tail_to_file() {
            return false;
        }
        let at = self.main.pos;
        if at + 3 + 1 > self.limit {
            return false;
        }
        if let Some(dst) = self.buf.get_mut(at..at + 3) {
            dst.copy_from_slice(&[OptionCode::OVERLOAD.0, 1, 0]);
        }
        self.main.pos = at + 3;
        self.overload = OverloadBy::Builder { value_at: at + 2 };
        true
    }
}

/// The areas a split option goes to: (area, where its first fragment
/// starts, value bytes in it), in order.
#[derive(Debug, Clone, Copy)]
pub(super) struct Plan {
    pub(super) parts: [(Area, usize, usize); 3],
    pub(super) len: usize,
}

impl Plan {
    const EMPTY: Plan = Plan {
        parts: [(Area::Options, 0, 0); 3],
        len: 0,
    };

    pub(super) fn parts(&self) -> &[(Area, usize, usize)] {
        self.parts.get(..self.len).unwrap_or(&[])
    }
}

/// The most value bytes that fit in `room` bytes as fragments of at most
/// 255 bytes with their 2-byte headers.
pub(super) fn value_capacity(room: usize) -> usize {
    let full = room / 257;
    full * 255 + (room % 257).saturating_sub(2)
}
