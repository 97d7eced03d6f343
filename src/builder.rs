//! [`MessageBuilder`]: writes a DHCP message into the caller's buffer.
//!
//! No allocation: the header is written in place, options are appended in
//! the caller's order, values longer than 255 bytes are split into RFC 3396
//! fragments, END is added, and the message is zero-padded to a minimum
//! length (300 bytes, the BOOTP minimum, unless configured otherwise).

use core::net::Ipv4Addr;

use crate::code::{MessageType, OptionCode};
use crate::error::Error;
use crate::header::{Flags, HEADER_LEN, Header, Op, offset};
use crate::message::{MAGIC_COOKIE, MIN_DHCP_LEN, Message};
use crate::options::Area;
use crate::options::typed::DhcpOption;

/// The default minimum message length: the 300-byte BOOTP minimum
/// (RFC 951 header plus 64-byte vendor area) that many relays and old
/// clients still expect.
pub const DEFAULT_MIN_LEN: usize = 300;

/// Write state of one area.
#[derive(Debug, Clone, Copy)]
struct AreaCursor {
    /// Next write position (absolute). The main area's keeps counting past
    /// the limit after an overflow, to report the size needed.
    pos: usize,
    /// END written, or omitted on request.
    ended: bool,
    /// Opened for options (always true for the main area).
    opened: bool,
}

/// Builds a DHCP message into a `&mut [u8]`.
///
/// Setters take `&mut self` and return it for chaining; the first error
/// (a full buffer, an oversized field) is kept and returned by
/// [`finish`](Self::finish), which also reports the total size the message
/// would have needed.
///
/// ```
/// # fn main() -> Result<(), dhcpwire::Error> {
/// use dhcpwire::{Flags, Message, MessageBuilder, MessageType, Op};
/// use std::net::Ipv4Addr;
///
/// let mut buf = [0u8; 576];
/// let len = MessageBuilder::new(&mut buf)?
///     .op(Op::BootReply)
///     .htype(1)
///     .chaddr(&[0x0a, 0x16, 0x36, 0xfb, 0xbb, 0x4a])
///     .xid(0x0a00_0002)
///     .yiaddr(Ipv4Addr::new(10, 198, 27, 8))
///     .message_type(MessageType::Ack)
///     .server_identifier(Ipv4Addr::new(10, 228, 18, 1))
///     .lease_time(300)
///     .finish()?;
/// assert_eq!(len, 300); // padded to the BOOTP minimum
/// let msg = Message::parse(&buf[..len])?;
/// assert_eq!(msg.lease_time(), Some(300));
/// # Ok(()) }
/// ```
#[derive(Debug)]
pub struct MessageBuilder<'b> {
    buf: &'b mut [u8],
    /// min(buffer length, configured maximum size).
    limit: usize,
    min_len: usize,
    area: Area,
    main: AreaCursor,
    file: AreaCursor,
    sname: AreaCursor,
    /// Whether options that do not fit may move into `file`, then `sname`.
    overload_allowed: bool,
    /// Who writes option 52.
    overload: OverloadBy,
    /// `file` / `sname` hold a name set by the caller: never overloaded.
    file_named: bool,
    sname_named: bool,
    /// The size the message would have with every option in the main
    /// area: what an overloading build that failed reports as needed.
    unoverloaded_len: usize,
    error: Option<Error>,
}

/// Who writes option 52 into a message being built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum OverloadBy {
    /// No one yet.
    Nobody,
    /// The automatic overload, whose option 52 has its value byte here
    /// (patched by `finish` once the areas used are known).
    Builder { value_at: usize },
    /// The caller (option 52 written, or `file`/`sname` opened by hand).
    Caller,
}

impl<'b> MessageBuilder<'b> {
    /// Starts a message in `buf`: a zeroed header and the magic cookie.
    ///
    /// # Errors
    /// [`Error::BufferTooSmall`] when `buf` cannot hold the 240 bytes of
    /// header and cookie.
    #[inline]
    pub fn new(buf: &'b mut [u8]) -> Result<Self, Error> {
        let available = buf.len();
        let start = buf.get_mut(..MIN_DHCP_LEN).ok_or(Error::BufferTooSmall {
            needed: MIN_DHCP_LEN,
            available,
        })?;
        start.fill(0);
        if let Some(cookie) = start.get_mut(offset::COOKIE..) {
            cookie.copy_from_slice(&MAGIC_COOKIE);
        }
        Ok(MessageBuilder {
            buf,
            limit: available,
            min_len: DEFAULT_MIN_LEN,
            area: Area::Options,
            main: AreaCursor {
                pos: offset::OPTIONS,
                ended: false,
                opened: true,
            },
            file: AreaCursor {
                pos: offset::FILE,
                ended: false,
                opened: false,
            },
            sname: AreaCursor {
                pos: offset::SNAME,
                ended: false,
                opened: false,
            },
            overload_allowed: false,
            overload: OverloadBy::Nobody,
            file_named: false,
            sname_named: false,
            unoverloaded_len: MIN_DHCP_LEN,
            error: None,
        })
    }

    /// Starts a reply to `request` (RFC 2131 §4.3): op BOOTREPLY, hops 0,
    /// `xid`, `htype`, `hlen`, `flags`, `giaddr` and `chaddr` copied from the
    /// request, option 53 set to `message_type`, and the maximum size taken
    /// from the request's option 57 when it has one
    /// ([`max_size_from_request`](Self::max_size_from_request)).
    ///
    /// # Errors
    /// As [`new`](Self::new).
    pub fn reply_to(
        request: &Message<'_>,
        message_type: MessageType,
        buf: &'b mut [u8],
    ) -> Result<Self, Error> {
        let mut b = Self::new(buf)?;
        let req = request.header();
        if let Some(h) = b.header_mut() {
            h.set_op(Op::BootReply);
            h.htype = req.htype;
            h.hlen = req.hlen;
            h.xid = req.xid;
            h.flags = req.flags;
            h.giaddr = req.giaddr;
            h.chaddr = req.chaddr;
        }
        b.max_size_from_request(request).message_type(message_type);
        Ok(b)
    }

    #[inline]
    fn cursor(&mut self, area: Area) -> &mut AreaCursor {
        match area {
            Area::Options => &mut self.main,
            Area::File => &mut self.file,
            Area::Sname => &mut self.sname,
        }
    }

    #[inline]
    fn header_mut(&mut self) -> Option<&mut Header> {
        Header::mut_from_prefix_checked(self.buf)
    }

    #[inline]
    fn fail(&mut self, e: Error) {
        if self.error.is_none() {
            self.error = Some(e);
        }
    }

    #[inline]
    fn with_header(&mut self, f: impl FnOnce(&mut Header)) -> &mut Self {
        if let Some(h) = self.header_mut() {
            f(h);
        }
        self
    }

    /// Sets the largest message the builder may produce (e.g. the client's
    /// option 57, or a path MTU). The buffer length is always a limit too.
    /// A `max` below 240 (header and cookie) records
    /// [`Error::BufferTooSmall`] for [`finish`](Self::finish).
    #[inline]
    pub fn max_size(&mut self, max: usize) -> &mut Self {
        self.limit = self.buf.len().min(max).max(MIN_DHCP_LEN);
        if max < MIN_DHCP_LEN {
            self.fail(Error::BufferTooSmall {
                needed: MIN_DHCP_LEN,
                available: max,
            });
        }
        self
    }

    /// Sets the length the message is zero-padded to (default 300; 0 for
    /// no padding).
    #[inline]
    pub fn min_len(&mut self, min: usize) -> &mut Self {
        self.min_len = min;
        self
    }

    /// Copies a whole header (all 236 bytes, including `sname` and `file`).
    ///
    /// A field already opened for options with [`area`](Self::area) (or by
    /// the automatic overload) keeps its options; a name for it in `header`
    /// is [`Error::FieldHoldsOptions`], as with [`sname`](Self::sname) and
    /// [`file`](Self::file).
    pub fn header(&mut self, header: &Header) -> &mut Self {
        let (file_opened, sname_opened) = (self.file.opened, self.sname.opened);
        for (area, opened, name) in [
            (Area::File, file_opened, header.file_bytes()),
            (Area::Sname, sname_opened, header.sname_bytes()),
        ] {
            if opened && !name.is_empty() {
                self.fail(Error::FieldHoldsOptions {
                    area,
                    offset: area.start(),
                });
                return self;
            }
        }
        // A copied name is a name: automatic overload must not use its field.
        self.file_named = !header.file_bytes().is_empty();
        self.sname_named = !header.sname_bytes().is_empty();
        self.with_header(|dst| {
            let file = file_opened.then_some(dst.file);
            let sname = sname_opened.then_some(dst.sname);
            dst.clone_from(header);
            if let Some(file) = file {
                dst.file = file;
            }
            if let Some(sname) = sname {
                dst.sname = sname;
            }
        })
    }

    /// Sets `op`.
    #[inline]
    pub fn op(&mut self, op: Op) -> &mut Self {
        self.with_header(|h| h.set_op(op))
    }

    /// Sets `htype` (1 = Ethernet).
    #[inline]
    pub fn htype(&mut self, htype: u8) -> &mut Self {
        self.with_header(|h| h.htype = htype)
    }

    /// Sets `hlen` directly (use [`chaddr`](Self::chaddr), which sets it).
    #[inline]
    pub fn hlen(&mut self, hlen: u8) -> &mut Self {
        self.with_header(|h| h.hlen = hlen)
    }

    /// Sets `hops`.
    #[inline]
    pub fn hops(&mut self, hops: u8) -> &mut Self {
        self.with_header(|h| h.hops = hops)
    }

    /// Sets `xid`.
    #[inline]
    pub fn xid(&mut self, xid: u32) -> &mut Self {
        self.with_header(|h| h.set_xid(xid))
    }

    /// Sets `secs`.
    #[inline]
    pub fn secs(&mut self, secs: u16) -> &mut Self {
        self.with_header(|h| h.set_secs(secs))
    }

    /// Sets `flags`.
    #[inline]
    pub fn flags(&mut self, flags: Flags) -> &mut Self {
        self.with_header(|h| h.set_flags(flags))
    }

    /// Sets `ciaddr`.
    #[inline]
    pub fn ciaddr(&mut self, addr: Ipv4Addr) -> &mut Self {
        self.with_header(|h| h.set_ciaddr(addr))
    }

    /// Sets `yiaddr`.
    #[inline]
    pub fn yiaddr(&mut self, addr: Ipv4Addr) -> &mut Self {
        self.with_header(|h| h.set_yiaddr(addr))
    }

    /// Sets `siaddr`.
    #[inline]
    pub fn siaddr(&mut self, addr: Ipv4Addr) -> &mut Self {
        self.with_header(|h| h.set_siaddr(addr))
    }

    /// Sets `giaddr`.
    #[inline]
    pub fn giaddr(&mut self, addr: Ipv4Addr) -> &mut Self {
        self.with_header(|h| h.set_giaddr(addr))
    }

    /// Sets `chaddr` (zero-padded) and `hlen` to its length (at most 16).
    #[inline]
    pub fn chaddr(&mut self, addr: &[u8]) -> &mut Self {
        let r = self.header_mut().map(|h| h.set_chaddr(addr));
        if let Some(Err(e)) = r {
            self.fail(e);
        }
        self
    }

    /// Sets `sname` (at most 64 bytes, NUL-padded).
    pub fn sname(&mut self, name: &[u8]) -> &mut Self {
        if self.sname.opened {
            self.fail(Error::FieldHoldsOptions {
                area: Area::Sname,
                offset: offset::SNAME,
            });
            return self;
        }
        self.sname_named = !name.is_empty();
        let r = self.header_mut().map(|h| h.set_sname(name));
        if let Some(Err(e)) = r {
            self.fail(e);
        }
        self
    }

    /// Sets `file` (at most 128 bytes, NUL-padded).
    pub fn file(&mut self, name: &[u8]) -> &mut Self {
        if self.file.opened {
            self.fail(Error::FieldHoldsOptions {
                area: Area::File,
                offset: offset::FILE,
            });
            return self;
        }
        self.file_named = !name.is_empty();
        let r = self.header_mut().map(|h| h.set_file(name));
        if let Some(Err(e)) = r {
            self.fail(e);
        }
        self
    }

    /// Directs the following options (and PAD/END/raw bytes) into `area`.
    /// Opening `file` or `sname` zeroes the field; the caller is responsible
    /// for option 52 in the main area saying so (see [`overload`](Self::overload)).
    pub fn area(&mut self, area: Area) -> &mut Self {
        if area != Area::Options {
            self.overload_by_hand();
        }
        self.open_area(area)
    }

    /// Directs the following writes into `area`, zeroing it when first
    /// opened.
    fn open_area(&mut self, area: Area) -> &mut Self {
        let cursor = self.cursor(area);
        if !cursor.opened {
            cursor.opened = true;
            let range = area.start()..area.start() + area_capacity(area);
            if let Some(field) = self.buf.get_mut(range) {
                field.fill(0);
            }
        }
        self.area = area;
        self
    }

    /// Writes option 52 with `value`.
    pub fn overload(&mut self, value: crate::options::Overload) -> &mut Self {
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
        // An option 52 written before this call (later ones are seen by
        // `emit`, the only writer while overload is allowed).
        if allowed && self.overload == OverloadBy::Nobody {
            let written = self.buf.get(offset::OPTIONS..self.main.pos).unwrap_or(&[]);
            if crate::options::AreaOptions::new(written, offset::OPTIONS, Area::Options)
                .flatten()
                .any(|o| o.code == OptionCode::OVERLOAD)
            {
                self.overload_by_hand();
            }
        }
        self
    }

    /// The caller writes option 52 at `at` in `area`: false (and the
    /// error kept) when the automatic overload already wrote one. Out of
    /// line: rare, and kept off every other option's path.
    #[cold]
    fn caller_overload(&mut self, area: Area, at: usize) -> bool {
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
    fn overload_by_hand(&mut self) {
        if self.overload == OverloadBy::Nobody {
            self.overload = OverloadBy::Caller;
        }
    }

    /// Sets the maximum size a reply to `request` may have (RFC 2132
    /// §9.10): from the client's option 57, which counts the IP and UDP
    /// headers (576 = 20 + 8 + 548), values below the legal minimum of 576
    /// read as 576; without option 57, the 576-byte datagram every client
    /// must accept (RFC 2131 §2), i.e. 548 bytes of DHCP message.
    pub fn max_size_from_request(&mut self, request: &Message<'_>) -> &mut Self {
        let datagram = request.max_message_size().unwrap_or(576).max(576);
        self.max_size(usize::from(datagram) - 28)
    }

    /// Overwrites the value of an option already written (in any area) with
    /// a value of the same length; false when there is none.
    pub(crate) fn overwrite(&mut self, code: OptionCode, value: &[u8]) -> bool {
        // Every area written so far: with automatic overload the option may
        // have moved into `file` or `sname`.
        let areas = [
            (offset::OPTIONS, self.main, Area::Options),
            (offset::FILE, self.file, Area::File),
            (offset::SNAME, self.sname, Area::Sname),
        ];
        let found = areas
            .into_iter()
            .filter(|(_, cursor, _)| cursor.opened)
            .find_map(|(start, cursor, area)| {
                let written = self.buf.get(start..cursor.pos.min(self.buf.len()))?;
                crate::options::AreaOptions::new(written, start, area)
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
    fn spill(&mut self, total: usize) -> bool {
        if self.overload == OverloadBy::Caller {
            return false;
        }
        if self.overload == OverloadBy::Nobody {
            // Option 52 and the main area's END must still fit: move the
            // last options of the main area to the front of `file` (their
            // order is kept) until they do.
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
        }
        let candidates = [
            (Area::File, self.file_named),
            (Area::Sname, self.sname_named),
        ];
        for (area, named) in candidates {
            // Keep the caller's order: never go back to an earlier area.
            let order = |a: Area| match a {
                Area::Options => 0,
                Area::File => 1,
                Area::Sname => 2,
            };
            if named || order(area) < order(self.area) {
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
    fn move_tail_to_file(&mut self) -> bool {
        if self.file_named || self.file.opened || self.area != Area::Options {
            return false;
        }
        let end = self.main.pos;
        let Some(written) = self.buf.get(offset::OPTIONS..end) else {
            return false;
        };
        // Option starts in the main area, found by walking what was written.
        const KEEP: usize = 64;
        let mut starts = [0usize; KEEP];
        let mut count = 0;
        // Option 53 stays in the options field, where clients that do not
        // follow overload look for it.
        let mut keep_until = offset::OPTIONS;
        for opt in crate::options::AreaOptions::new(written, offset::OPTIONS, Area::Options) {
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
        if moved + 1 > area_capacity(Area::File) {
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

    /// The end of the writable region of an area.
    #[inline]
    fn area_limit(&self, area: Area) -> usize {
        match area {
            Area::Options => self.limit,
            Area::File => offset::COOKIE,
            Area::Sname => offset::FILE,
        }
    }

    /// Reserves `len` bytes in the current area, returning the start.
    fn reserve(&mut self, len: usize) -> Option<usize> {
        let area = self.area;
        let start = self.cursor(area).pos;
        let end = start.saturating_add(len);
        let limit = self.area_limit(self.area);
        if self.error.is_some() || end > limit {
            match area {
                Area::Options => {
                    self.fail(Error::BufferTooSmall {
                        needed: end,
                        available: limit,
                    });
                    // Keep counting so `finish` can say how much was needed.
                    self.main.pos = end;
                }
                area => self.fail(Error::AreaFull {
                    area,
                    offset: start,
                    needed: len,
                    available: limit.saturating_sub(start),
                }),
            }
            return None;
        }
        self.cursor(area).pos = end;
        Some(start)
    }

    /// Writes `count` PAD bytes in the current area.
    pub fn pad(&mut self, count: usize) -> &mut Self {
        if self.area == Area::Options {
            self.unoverloaded_len = self.unoverloaded_len.saturating_add(count);
        }
        if let Some(start) = self.reserve(count) {
            if let Some(dst) = self.buf.get_mut(start..start + count) {
                dst.fill(0);
            }
        }
        self
    }

    /// Writes bytes verbatim in the current area (e.g. bytes after END).
    pub fn raw(&mut self, bytes: &[u8]) -> &mut Self {
        if self.area == Area::Options {
            self.unoverloaded_len = self.unoverloaded_len.saturating_add(bytes.len());
        }
        if let Some(start) = self.reserve(bytes.len()) {
            if let Some(dst) = self.buf.get_mut(start..start + bytes.len()) {
                dst.copy_from_slice(bytes);
            }
        }
        self
    }

    /// Writes END in the current area now.
    pub fn end(&mut self) -> &mut Self {
        if let Some(start) = self.reserve(1) {
            if let Some(b) = self.buf.get_mut(start) {
                *b = 255;
            }
        }
        let area = self.area;
        self.cursor(area).ended = true;
        self
    }

    /// Leaves the current area without END (only to reproduce senders that
    /// omit it; RFC 2131 requires END).
    pub fn no_end(&mut self) -> &mut Self {
        let area = self.area;
        self.cursor(area).ended = true;
        self
    }

    /// Writes option `code` with `value`, split into fragments of at most
    /// 255 bytes (RFC 3396) when longer. A value of 255 bytes or less is a
    /// single instance, so calling this repeatedly with the same code writes
    /// the fragments exactly as given.
    #[inline]
    pub fn option(&mut self, code: OptionCode, value: &[u8]) -> &mut Self {
        // Fast path: one instance that fits where the cursor is.
        if let Ok(len) = u8::try_from(value.len()) {
            if !self.overload_allowed
                && self.error.is_none()
                && code != OptionCode::PAD
                && code != OptionCode::END
            {
                let area = self.area;
                let at = self.cursor(area).pos;
                let end = at + 2 + value.len();
                if end <= self.area_limit(area) && !self.cursor(area).ended {
                    if let Some(([c, l], rest)) = self
                        .buf
                        .get_mut(at..end)
                        .and_then(|d| d.split_first_chunk_mut::<2>())
                    {
                        *c = code.0;
                        *l = len;
                        rest.copy_from_slice(value);
                        self.cursor(area).pos = end;
                        // Cannot overflow: it sums lengths of values the caller
                        // holds in memory. (Saturating here costs 16
                        // instructions per seed ACK build.)
                        self.unoverloaded_len += 2 + value.len();
                        return self;
                    }
                }
            }
        }
        self.emit(code, value.len(), |w| w(value))
    }

    /// Writes a typed option (split per RFC 3396 when its value exceeds 255
    /// bytes).
    pub fn typed(&mut self, option: &DhcpOption<'_>) -> &mut Self {
        self.emit(option.code(), option.value_len(), |w| option.write_value(w))
    }

    /// Writes option `code` whose value of `len` bytes is produced in pieces
    /// by `write`; the core of every option setter.
    fn emit(
        &mut self,
        code: OptionCode,
        len: usize,
        write: impl FnOnce(&mut dyn FnMut(&[u8])),
    ) -> &mut Self {
        let area = self.area;
        let at = self.cursor(area).pos;
        if self.cursor(area).ended {
            self.fail(Error::WriteAfterEnd { area, offset: at });
            return self;
        }
        if code == OptionCode::PAD || code == OptionCode::END {
            self.fail(Error::ReservedCode {
                code: code.0,
                offset: at,
            });
            return self;
        }
        if code == OptionCode::OVERLOAD && !self.caller_overload(area, at) {
            return self;
        }
        let fragments = len.div_ceil(255).max(1);
        let total = len + 2 * fragments;
        self.unoverloaded_len = self.unoverloaded_len.saturating_add(total);
        if self.overload_allowed && self.error.is_none() {
            // Room for the option and the area's END, or move on.
            let room = self.area_limit(area).saturating_sub(at);
            if total >= room && !self.spill(total) {
                self.fail(Error::BufferTooSmall {
                    needed: self.main.pos.saturating_add(total).saturating_add(1),
                    available: self.limit,
                });
                self.main.pos = self.main.pos.saturating_add(total);
                return self;
            }
        }
        let Some(start) = self.reserve(total) else {
            return self;
        };
        let Some(region) = self.buf.get_mut(start..start + total) else {
            return self;
        };
        let mut writer = FragmentWriter {
            region,
            at: 0,
            code: code.0,
            left_total: len,
            left_in_fragment: 0,
        };
        if len == 0 {
            writer.header();
        }
        write(&mut |piece: &[u8]| writer.put(piece));
        self
    }

    /// Option 53.
    #[inline]
    pub fn message_type(&mut self, t: MessageType) -> &mut Self {
        self.option(OptionCode::MESSAGE_TYPE, &[u8::from(t)])
    }

    /// Option 54.
    #[inline]
    pub fn server_identifier(&mut self, addr: Ipv4Addr) -> &mut Self {
        self.option(OptionCode::SERVER_IDENTIFIER, &addr.octets())
    }

    /// Option 50.
    #[inline]
    pub fn requested_ip(&mut self, addr: Ipv4Addr) -> &mut Self {
        self.option(OptionCode::REQUESTED_IP_ADDRESS, &addr.octets())
    }

    /// Option 51, seconds (`u32::MAX` is infinite).
    #[inline]
    pub fn lease_time(&mut self, secs: u32) -> &mut Self {
        self.option(OptionCode::LEASE_TIME, &secs.to_be_bytes())
    }

    /// Option 58, seconds.
    #[inline]
    pub fn renewal_time(&mut self, secs: u32) -> &mut Self {
        self.option(OptionCode::RENEWAL_TIME, &secs.to_be_bytes())
    }

    /// Option 59, seconds.
    #[inline]
    pub fn rebinding_time(&mut self, secs: u32) -> &mut Self {
        self.option(OptionCode::REBINDING_TIME, &secs.to_be_bytes())
    }

    /// Option 1.
    #[inline]
    pub fn subnet_mask(&mut self, mask: Ipv4Addr) -> &mut Self {
        self.option(OptionCode::SUBNET_MASK, &mask.octets())
    }

    /// Option 28.
    #[inline]
    pub fn broadcast_address(&mut self, addr: Ipv4Addr) -> &mut Self {
        self.option(OptionCode::BROADCAST_ADDRESS, &addr.octets())
    }

    /// An option whose value is a list of addresses (3, 6, 42, ...).
    pub fn addresses(&mut self, code: OptionCode, addrs: &[Ipv4Addr]) -> &mut Self {
        self.emit(code, addrs.len() * 4, |w| {
            for a in addrs {
                w(&a.octets());
            }
        })
    }

    /// Option 3.
    pub fn routers(&mut self, addrs: &[Ipv4Addr]) -> &mut Self {
        self.addresses(OptionCode::ROUTER, addrs)
    }

    /// Option 6.
    pub fn dns_servers(&mut self, addrs: &[Ipv4Addr]) -> &mut Self {
        self.addresses(OptionCode::DOMAIN_NAME_SERVER, addrs)
    }

    /// Option 12.
    #[inline]
    pub fn host_name(&mut self, name: &[u8]) -> &mut Self {
        self.option(OptionCode::HOST_NAME, name)
    }

    /// Option 15.
    #[inline]
    pub fn domain_name(&mut self, name: &[u8]) -> &mut Self {
        self.option(OptionCode::DOMAIN_NAME, name)
    }

    /// Option 55.
    pub fn parameter_request_list(&mut self, codes: &[OptionCode]) -> &mut Self {
        self.emit(OptionCode::PARAMETER_REQUEST_LIST, codes.len(), |w| {
            for c in codes {
                w(&[c.0]);
            }
        })
    }

    /// Option 57.
    #[inline]
    pub fn max_message_size(&mut self, size: u16) -> &mut Self {
        self.option(OptionCode::MAX_MESSAGE_SIZE, &size.to_be_bytes())
    }

    /// Option 60.
    #[inline]
    pub fn vendor_class_identifier(&mut self, class: &[u8]) -> &mut Self {
        self.option(OptionCode::VENDOR_CLASS_IDENTIFIER, class)
    }

    /// Option 61: a type byte and the identifier.
    pub fn client_identifier(&mut self, kind: u8, id: &[u8]) -> &mut Self {
        self.emit(OptionCode::CLIENT_IDENTIFIER, 1 + id.len(), |w| {
            w(&[kind]);
            w(id);
        })
    }

    /// Option 82 from `(sub-option code, value)` pairs, each value at most
    /// 255 bytes (longer ones are an [`Error::InvalidLength`]).
    pub fn relay_agent_information(&mut self, subs: &[(u8, &[u8])]) -> &mut Self {
        if let Some((_, v)) = subs.iter().find(|(_, v)| v.len() > 255) {
            let area = self.area;
            let at = self.cursor(area).pos;
            self.fail(Error::InvalidLength {
                code: OptionCode::RELAY_AGENT_INFORMATION.0,
                offset: at,
                len: v.len(),
                expected: "a sub-option value of at most 255 bytes",
            });
            return self;
        }
        let len = subs.iter().map(|(_, v)| 2 + v.len()).sum();
        self.emit(OptionCode::RELAY_AGENT_INFORMATION, len, |w| {
            for (code, v) in subs {
                // Checked above: every value fits a length byte.
                w(&[*code, u8::try_from(v.len()).unwrap_or(255)]);
                w(v);
            }
        })
    }

    /// The first error so far, if any.
    pub fn error(&self) -> Option<Error> {
        self.error
    }

    /// Closes every open area with END (unless written or omitted), pads to
    /// the minimum length with zeros and returns the message length.
    ///
    /// # Errors
    /// The first error of any setter; [`Error::BufferTooSmall`] reports the
    /// total size the message needs.
    pub fn finish(&mut self) -> Result<usize, Error> {
        if let OverloadBy::Builder { value_at: at } = self.overload {
            let value = match (self.file.opened, self.sname.opened) {
                (true, true) => 3,
                (true, false) => 1,
                _ => 2,
            };
            if let Some(b) = self.buf.get_mut(at) {
                *b = value;
            }
        }
        for area in [Area::File, Area::Sname, Area::Options] {
            let c = *self.cursor(area);
            if c.opened && !c.ended {
                self.area = area;
                self.end();
            }
        }
        let used = self.main.pos;
        let len = used.max(self.min_len);
        if let Some(err) = self.error {
            // Without overload the main area's count is exact; with it, the
            // size the message has with no option moved (and so no option
            // 52 added) is a size that fits.
            let needed = if self.overload_allowed {
                self.unoverloaded_len.saturating_add(1).max(self.min_len)
            } else {
                len
            };
            return Err(match err {
                Error::BufferTooSmall { available, .. } => {
                    Error::BufferTooSmall { needed, available }
                }
                other => other,
            });
        }
        if len > self.limit {
            return Err(Error::BufferTooSmall {
                needed: len,
                available: self.limit,
            });
        }
        if let Some(padding) = self.buf.get_mut(used..len) {
            padding.fill(0);
        }
        Ok(len)
    }

    /// Finishes and appends the message to `out`. Requires feature `bytes`.
    ///
    /// # Errors
    /// As [`finish`](Self::finish), and [`Error::BufferTooSmall`] when `out`
    /// has less room than the message.
    #[cfg(feature = "bytes")]
    #[cfg_attr(docsrs, doc(cfg(feature = "bytes")))]
    pub fn finish_to<B: bytes::BufMut>(&mut self, out: &mut B) -> Result<usize, Error> {
        let len = self.finish()?;
        if out.remaining_mut() < len {
            return Err(Error::BufferTooSmall {
                needed: len,
                available: out.remaining_mut(),
            });
        }
        out.put_slice(self.buf.get(..len).unwrap_or_default());
        Ok(len)
    }
}

fn area_capacity(area: Area) -> usize {
    match area {
        Area::Options => 0,
        Area::File => 128,
        Area::Sname => 64,
    }
}

/// Writes one option value into a reserved region, inserting a `code len`
/// header every 255 bytes.
struct FragmentWriter<'r> {
    region: &'r mut [u8],
    at: usize,
    code: u8,
    left_total: usize,
    left_in_fragment: usize,
}

impl FragmentWriter<'_> {
    fn header(&mut self) {
        let len = self.left_total.min(255);
        if let Some(h) = self.region.get_mut(self.at..self.at + 2) {
            h.copy_from_slice(&[self.code, u8::try_from(len).unwrap_or(255)]);
        }
        self.at += 2;
        self.left_in_fragment = len;
    }

    fn put(&mut self, mut piece: &[u8]) {
        while !piece.is_empty() && self.left_total > 0 {
            if self.left_in_fragment == 0 {
                self.header();
            }
            let n = piece.len().min(self.left_in_fragment);
            let (now, later) = piece.split_at(n);
            if let Some(dst) = self.region.get_mut(self.at..self.at + n) {
                dst.copy_from_slice(now);
            }
            self.at += n;
            self.left_in_fragment -= n;
            self.left_total -= n;
            piece = later;
        }
    }
}

/// Re-emits a parsed message through the builder, reproducing every option
/// instance in place (PAD runs, fragment boundaries, overloaded areas, bytes
/// after END). The output equals the input for any message whose options
/// walk without error: a check that nothing was lost in parsing.
///
/// A plain BOOTP message (no magic cookie, a
/// [`bootp_vendor_area`](Message::bootp_vendor_area) of RFC 951) is
/// re-emitted as its header and its vendor area, byte for byte.
///
/// # Errors
/// The message's walk error, its cookie error when it is cut inside the
/// cookie ([`Error::TruncatedCookie`]), or [`Error::BufferTooSmall`].
///
/// ```
/// # fn main() -> Result<(), dhcpwire::Error> {
/// use dhcpwire::{Message, MessageBuilder, MessageType, builder::rebuild};
/// let mut buf = [0u8; 300];
/// let len = MessageBuilder::new(&mut buf)?.message_type(MessageType::Inform).finish()?;
/// let mut out = [0u8; 300];
/// let n = rebuild(&Message::parse(&buf[..len])?, &mut out)?;
/// assert_eq!(&out[..n], &buf[..len]);
/// # Ok(()) }
/// ```
pub fn rebuild(msg: &Message<'_>, out: &mut [u8]) -> Result<usize, Error> {
    if let Some(vendor) = msg.bootp_vendor_area() {
        return rebuild_bootp(msg, vendor, out);
    }
    msg.cookie()?;
    let mut b = MessageBuilder::new(out)?;
    b.min_len(0).max_size(msg.len()).header(msg.header());
    let overload = msg.overload()?;
    let mut areas = [Some(Area::Options), None, None];
    if let Some(o) = overload {
        if o.file() {
            areas[1] = Some(Area::File);
        }
        if o.sname() {
            areas[2] = Some(Area::Sname);
        }
    }
    for area in areas.into_iter().flatten() {
        b.area(area);
        let slice: &[u8] = match area {
            Area::Options => msg.options_area(),
            Area::File => &msg.header().file,
            Area::Sname => &msg.header().sname,
        };
        let mut walk = crate::options::AreaOptions::new(slice, area.start(), area);
        let mut cursor = area.start();
        for opt in walk.by_ref() {
            let opt = opt?;
            b.pad(opt.offset - cursor).option(opt.code, opt.data);
            cursor = opt.offset + 2 + opt.len();
        }
        match (walk.end_offset(), walk.trailing()) {
            (Some(end), Some(tail)) => {
                b.pad(end - cursor).end().raw(tail);
            }
            _ => {
                // Ran out without END: only PAD bytes can remain.
                let area_end = area.start() + slice.len();
                b.pad(area_end - cursor).no_end();
            }
        }
    }
    b.area(Area::Options);
    b.finish()
}

/// [`rebuild`] of a plain BOOTP message: the header through the builder,
/// then the vendor area verbatim. Its first 4 bytes go where the builder
/// wrote the cookie.
fn rebuild_bootp(msg: &Message<'_>, vendor: &[u8], out: &mut [u8]) -> Result<usize, Error> {
    let (head, rest) = vendor
        .split_first_chunk::<4>()
        .ok_or(Error::TruncatedCookie { len: msg.len() })?;
    let len = {
        let mut b = MessageBuilder::new(out)?;
        b.min_len(0).max_size(msg.len()).header(msg.header());
        b.raw(rest).no_end();
        b.finish()?
    };
    let available = out.len();
    let cookie = out
        .get_mut(offset::COOKIE..offset::OPTIONS)
        .ok_or(Error::BufferTooSmall {
            needed: MIN_DHCP_LEN,
            available,
        })?;
    cookie.copy_from_slice(head);
    Ok(len)
}

impl Header {
    /// `mut_from_prefix` that never fails for the builder's buffers (always
    /// at least 240 bytes); `None` otherwise.
    #[inline]
    fn mut_from_prefix_checked(buf: &mut [u8]) -> Option<&mut Header> {
        use zerocopy::FromBytes;
        Header::mut_from_prefix(buf).ok().map(|(h, _)| h)
    }
}

const _: () = assert!(HEADER_LEN + 4 == MIN_DHCP_LEN);
