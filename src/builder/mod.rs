//! [`MessageBuilder`]: writes a DHCP message into the caller's buffer.
//!
//! No allocation: the header is written in place, options are appended in
//! the caller's order, values longer than 255 bytes are split into RFC 3396
//! fragments, END is added, and the message is zero-padded to a minimum
//! length (300 bytes, the BOOTP minimum, unless configured otherwise).

mod overload;
mod rebuild;
mod setters;

pub use rebuild::rebuild;

use core::net::Ipv4Addr;

use crate::code::{MessageType, OptionCode};
use crate::error::Error;
use crate::header::{Flags, HEADER_LEN, HTYPE_ETHERNET, Header, Op, offset};
use crate::message::{Echo, MAGIC_COOKIE, MIN_DHCP_LEN, Message};
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
    /// Whether an option that fits no single area may be split across them.
    split_allowed: bool,
    /// Who writes option 52.
    overload: OverloadBy,
    /// `file` / `sname` hold a name set by the caller: never overloaded.
    file_named: bool,
    sname_named: bool,
    /// The size the message would have with every option in the main
    /// area: what an overloading build that failed reports as needed.
    unoverloaded_len: usize,
    /// `limit` while a fixed-size option can be written straight into the
    /// options area (no automatic overload, no error, the options area
    /// current and open), else 0: one compare for the typed setters.
    fast_limit: usize,
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

/// `dst.copy_from_slice(src)` for slices of the same length, without a
/// call for the lengths option values mostly have (4 to 32 bytes): two
/// overlapping fixed-size copies. (A `memcpy` call costs about as much
/// again as writing the option.)
#[inline(always)]
fn copy_short(dst: &mut [u8], src: &[u8]) {
    fn overlapping<const N: usize>(dst: &mut [u8], src: &[u8]) -> bool {
        match (dst.first_chunk_mut::<N>(), src.first_chunk::<N>()) {
            (Some(d), Some(s)) => *d = *s,
            _ => return false,
        }
        match (dst.last_chunk_mut::<N>(), src.last_chunk::<N>()) {
            (Some(d), Some(s)) => *d = *s,
            _ => return false,
        }
        true
    }
    let copied = match src.len() {
        4..=8 => overlapping::<4>(dst, src),
        9..=16 => overlapping::<8>(dst, src),
        17..=32 => overlapping::<16>(dst, src),
        _ => false,
    };
    if !copied {
        dst.copy_from_slice(src);
    }
}

impl<'b> MessageBuilder<'b> {
    /// Starts a message in `buf`: a zeroed header (`op` 0: set it, or
    /// start with [`request`](Self::request) or
    /// [`reply_to`](Self::reply_to)) and the magic cookie.
    ///
    /// # Errors
    /// [`Error::BufferTooSmall`] when `buf` cannot hold the 240 bytes of
    /// header and cookie.
    #[inline]
    pub fn new(buf: &'b mut [u8]) -> Result<Self, Error> {
        Self::check_room(buf)?;
        Ok(Self::new_checked(buf))
    }

    /// [`new`](Self::new)'s check.
    #[inline(always)]
    pub(crate) fn check_room(buf: &[u8]) -> Result<(), Error> {
        if buf.len() < MIN_DHCP_LEN {
            return Err(Error::BufferTooSmall {
                needed: MIN_DHCP_LEN,
                available: buf.len(),
            });
        }
        Ok(())
    }

    /// [`new`](Self::new) for a buffer that passed
    /// [`check_room`](Self::check_room), returned bare so that a caller can
    /// build it in place (a builder in a `Result` is moved out of it).
    #[inline(always)]
    pub(crate) fn new_checked(buf: &'b mut [u8]) -> Self {
        let available = buf.len();
        if let Some(start) = buf.get_mut(..MIN_DHCP_LEN) {
            start.fill(0);
            if let Some(cookie) = start.get_mut(offset::COOKIE..) {
                cookie.copy_from_slice(&MAGIC_COOKIE);
            }
        }
        MessageBuilder {
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
            split_allowed: false,
            overload: OverloadBy::Nobody,
            file_named: false,
            sname_named: false,
            unoverloaded_len: MIN_DHCP_LEN,
            fast_limit: available,
            error: None,
        }
    }

    /// Starts a client message in `buf`: [`new`](Self::new) with `op`
    /// BOOTREQUEST and `htype` 1 (Ethernet). The other side's constructor
    /// is [`reply_to`](Self::reply_to); for a message restricted to what
    /// RFC 2131 Table 5 allows, see
    /// [`ClientMessage`](crate::protocol::ClientMessage).
    ///
    /// ```
    /// # fn main() -> Result<(), dhcpwire::Error> {
    /// use dhcpwire::{Message, MessageBuilder, MessageType, Op};
    /// let mut buf = [0u8; 300];
    /// let msg = MessageBuilder::request(&mut buf)?
    ///     .xid(0x3903_f326)
    ///     .chaddr(&[0x00, 0x0b, 0x82, 0x01, 0xfc, 0x42])
    ///     .message_type(MessageType::Discover)
    ///     .finish_message()?;
    /// assert_eq!((msg.op(), msg.htype(), msg.hlen()), (Op::BootRequest, 1, 6));
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// As [`new`](Self::new).
    #[inline]
    pub fn request(buf: &'b mut [u8]) -> Result<Self, Error> {
        let mut b = Self::new(buf)?;
        if let Some(h) = b.header_mut() {
            h.set_op(Op::BootRequest);
            h.htype = HTYPE_ETHERNET;
        }
        Ok(b)
    }

    /// Starts the copy of `msg` that a relay agent forwards (RFC 1542
    /// §4.1, RFC 3046 §2.1): its header as it is (`file` and `sname` too,
    /// with any options overloaded into them) and the options of its
    /// options field in order, without PAD and END and without option
    /// `strip` (82 when forwarding a server's reply to the client, RFC 3046
    /// §2.2). More options can then be added: a relay adds its option 82,
    /// which RFC 3046 §2.1 places last. Setting `giaddr` and counting the
    /// hop stay the caller's (RFC 1542 §4.1.1: drop at 16 hops).
    ///
    /// ```
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// use dhcpwire::protocol::ClientMessage;
    /// use dhcpwire::{Message, MessageBuilder};
    /// use std::net::Ipv4Addr;
    /// let mut frame = [0u8; 1500];
    /// let discover = ClientMessage::discover(&mut frame, 7, &[2, 0, 0, 0, 0, 1])?
    ///     .host_name(b"printer")
    ///     .finish_message()?;
    /// let mut out = [0u8; 1500];
    /// let relayed = MessageBuilder::relay(&discover, None, &mut out)?
    ///     .giaddr(Ipv4Addr::new(10, 0, 7, 1))
    ///     .hops(discover.hops + 1)
    ///     .relay_agent_information(&[(1, b"ge-0/0/7")])
    ///     .finish_message()?;
    /// let idx = relayed.index()?;
    /// let codes: Vec<u8> = idx.codes().map(|c| c.0).collect();
    /// assert_eq!(codes, [53, 12, 82]);
    /// let agent = idx.relay_agent_information()?.unwrap();
    /// assert!(agent.circuit_id().unwrap() == b"ge-0/0/7"[..]);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// The walk error of `msg`'s options (a message cut short is not
    /// forwarded), or [`Error::BufferTooSmall`].
    pub fn relay(
        msg: &Message<'_>,
        strip: Option<OptionCode>,
        buf: &'b mut [u8],
    ) -> Result<Self, Error> {
        let mut b = Self::new(buf)?;
        b.header(msg.header());
        for opt in msg.options() {
            let opt = opt?;
            if opt.area == Area::Options && Some(opt.code) != strip {
                b.option(opt.code, opt.data);
            }
        }
        Ok(b)
    }

    /// Starts a reply to `request` (RFC 2131 §4.3): op BOOTREPLY, hops 0,
    /// `xid`, `htype`, `hlen`, `giaddr` and `chaddr` copied from the
    /// request, the broadcast bit of `flags` copied (the reserved bits are
    /// left zero, RFC 2131 §2), option 53 set to `message_type`, and the maximum size taken
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
        Self::reply_to_header(
            request.header(),
            request.max_message_size(),
            message_type,
            buf,
        )
    }

    /// [`reply_to`](Self::reply_to) from the request's header and its
    /// option 57, already read.
    #[inline(always)]
    pub(crate) fn reply_to_header(
        req: &Header,
        max_message_size: Option<u16>,
        message_type: MessageType,
        buf: &'b mut [u8],
    ) -> Result<Self, Error> {
        let mut b = Self::new(buf)?;
        b.reply_header(req, max_message_size, message_type);
        Ok(b)
    }

    /// [`overload_when_full`](Self::overload_when_full) and
    /// [`split_when_full`](Self::split_when_full) on, for a builder just
    /// made (which holds no option 52 to look for).
    #[inline]
    pub(crate) fn lay_out_when_full(&mut self, allowed: bool) {
        self.overload_allowed = allowed;
        self.split_allowed = allowed;
        self.update_fast_limit();
    }

    /// Writes what a reply takes from the request `req` (see
    /// [`reply_to`](Self::reply_to)) into a builder just made.
    #[inline(always)]
    pub(crate) fn reply_header(
        &mut self,
        req: &Header,
        max_message_size: Option<u16>,
        message_type: MessageType,
    ) {
        if let Some(h) = self.header_mut() {
            h.set_op(Op::BootReply);
            h.htype = req.htype;
            h.hlen = req.hlen;
            h.xid = req.xid;
            // Only the broadcast bit: the others are reserved and MUST be
            // zero in what we send (RFC 2131 §2), whatever the client set.
            h.set_flags(Flags(0).with_broadcast(req.flags().broadcast()));
            h.giaddr = req.giaddr;
            h.chaddr = req.chaddr;
        }
        self.max_size_for_client(max_message_size);
        self.first_message_type(message_type);
    }

    /// Option 53 as the first option of a builder just made, as
    /// [`message_type`](Self::message_type) writes it, but with no
    /// out-of-line path: one would take the builder's address, and a reply
    /// made around the builder could then not be kept in registers and
    /// would be copied out of its `Result` by a `memcpy` call.
    #[inline(always)]
    fn first_message_type(&mut self, t: MessageType) {
        if self.fixed_fast(OptionCode::MESSAGE_TYPE, [u8::from(t)]) {
            return;
        }
        // As `emit` and `reserve` fail: the buffer ends before the option
        // does (a builder just made has no overload and no error).
        let end = self.main.pos.saturating_add(3);
        self.unoverloaded_len = self.unoverloaded_len.saturating_add(3);
        self.fail(Error::BufferTooSmall {
            needed: end,
            available: self.limit,
        });
        self.main.pos = end;
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
        self.fast_limit = 0;
    }

    /// Recomputes [`fast_limit`](Self::fast_limit) after a change of area,
    /// limit, END or overload.
    #[inline]
    fn update_fast_limit(&mut self) {
        self.fast_limit = if self.error.is_none() && self.area == Area::Options && !self.main.ended
        {
            // With automatic overload an option stays where it is only when
            // a byte is left for END (as `emit` decides).
            if self.overload_allowed {
                self.limit.saturating_sub(1)
            } else {
                self.limit
            }
        } else {
            0
        };
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
        self.update_fast_limit();
        if max < MIN_DHCP_LEN {
            self.fail(Error::BufferTooSmall {
                needed: MIN_DHCP_LEN,
                available: max,
            });
        }
        self
    }

    /// Copies a request's option as it is (a reply's echo of 61 or 82)
    /// into the current area: one instance, or each fragment of a split
    /// value as its own instance.
    #[inline(always)]
    pub(crate) fn echo(&mut self, code: OptionCode, echo: Echo<'_>) {
        match echo {
            Echo::One(data) => {
                self.option(code, data);
            }
            Echo::None => {}
            split => self.echo_split(code, split),
        }
    }

    /// [`echo`](Self::echo) of a split value: out of line, so that the
    /// one-fragment case stays small.
    #[inline(never)]
    fn echo_split(&mut self, code: OptionCode, split: Echo<'_>) {
        split.for_each(|data| {
            self.option(code, data);
        });
    }

    /// [`echo`](Self::echo) at the end of the options area, past the
    /// maximum size when the buffer has room: for an option that is removed
    /// before the message reaches the peer whose limit that is (the relay
    /// agent information a relay strips, RFC 3046 §2.1). Otherwise it is
    /// written as any option would be.
    #[inline(always)]
    pub(crate) fn echo_beyond_limit(&mut self, code: OptionCode, echo: Echo<'_>) {
        let end = self
            .main
            .pos
            .saturating_add(echo.wire_len())
            .saturating_add(1);
        // (An ended options area needs no test of its own: the write fails
        // with WriteAfterEnd there either way.)
        if self.error.is_some() || self.overload == OverloadBy::Caller || end > self.buf.len() {
            self.echo(code, echo);
            return;
        }
        // Back to the options area even after overload moved on to `file`
        // or `sname`: the option is last in it, where relays look.
        // (`echo` does not read `fast_limit`: it is brought up to date
        // once, after.)
        let area = self.area;
        self.area = Area::Options;
        self.limit = self.limit.max(end);
        self.echo(code, echo);
        self.area = area;
        self.update_fast_limit();
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
            let range = area.start()..area.start() + area.field_len().unwrap_or(0);
            if let Some(field) = self.buf.get_mut(range) {
                field.fill(0);
            }
        }
        self.area = area;
        self.update_fast_limit();
        self
    }

    /// Sets the maximum size a reply to `request` may have (RFC 2132
    /// §9.10): from the client's option 57, which counts the IP and UDP
    /// headers (576 = 20 + 8 + 548), values below the legal minimum of 576
    /// read as 576; without option 57, the 576-byte datagram every client
    /// must accept (RFC 2131 §2), i.e. 548 bytes of DHCP message.
    pub fn max_size_from_request(&mut self, request: &Message<'_>) -> &mut Self {
        self.max_size_for_client(request.max_message_size())
    }

    /// [`max_size_from_request`](Self::max_size_from_request) from the
    /// client's option 57 value.
    #[inline]
    pub(crate) fn max_size_for_client(&mut self, max_message_size: Option<u16>) -> &mut Self {
        let datagram = max_message_size.unwrap_or(576).max(576);
        self.max_size(usize::from(datagram) - 28)
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
        self.update_fast_limit();
        self
    }

    /// Leaves the current area without END (only to reproduce senders that
    /// omit it; RFC 2131 requires END).
    pub fn no_end(&mut self) -> &mut Self {
        let area = self.area;
        self.cursor(area).ended = true;
        self.update_fast_limit();
        self
    }

    /// Writes option `code` with `value`, split into fragments of at most
    /// 255 bytes (RFC 3396) when longer. A value of 255 bytes or less is a
    /// single instance, so calling this repeatedly with the same code writes
    /// the fragments exactly as given.
    // Always inlined, with everything but the fast path out of line: a
    // reply's echoes of 61 and 82 were a call each.
    #[inline(always)]
    pub fn option(&mut self, code: OptionCode, value: &[u8]) -> &mut Self {
        // Fast path: one instance that fits where the cursor is (with
        // automatic overload, with a byte left for END, as `emit` decides).
        if let Ok(len) = u8::try_from(value.len()) {
            if self.error.is_none()
                && code != OptionCode::PAD
                && code != OptionCode::END
                && code != OptionCode::OVERLOAD
            {
                let area = self.area;
                let at = self.cursor(area).pos;
                let end = at + 2 + value.len();
                if end + usize::from(self.overload_allowed) <= self.area_limit(area)
                    && !self.cursor(area).ended
                {
                    if let Some(([c, l], rest)) = self
                        .buf
                        .get_mut(at..end)
                        .and_then(|d| d.split_first_chunk_mut::<2>())
                    {
                        *c = code.0;
                        *l = len;
                        copy_short(rest, value);
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
        self.option_general(code, value)
    }

    /// [`option`](Self::option) for everything but one instance that fits.
    #[inline(never)]
    fn option_general(&mut self, code: OptionCode, value: &[u8]) -> &mut Self {
        self.emit(code, value.len(), |w| w(value))
    }

    /// Writes option `code` with a value of `N` bytes known at compile time:
    /// the typed setters' path, inlined into the caller so that a build
    /// from run-time values is a few stores per option (no call, no
    /// `memcpy`). Anything unusual (automatic overload, another area, an
    /// error already kept, no room) takes [`option`](Self::option)'s path.
    #[inline(always)]
    pub(crate) fn fixed<const N: usize>(&mut self, code: OptionCode, value: [u8; N]) -> &mut Self {
        if self.fixed_fast(code, value) {
            return self;
        }
        self.fixed_general(code, value)
    }

    /// [`fixed`](Self::fixed)'s fast path: writes the option and returns
    /// true when it fits straight into the options area, else changes
    /// nothing and returns false.
    #[inline(always)]
    fn fixed_fast<const N: usize>(&mut self, code: OptionCode, value: [u8; N]) -> bool {
        let at = self.main.pos;
        // Wraps only for a position a failed write pushed to the top of
        // `usize` (`fast_limit` is then 0): the range below is then empty.
        let end = at.wrapping_add(2 + N);
        if end <= self.fast_limit {
            if let Some((head, rest)) = self
                .buf
                .get_mut(at..end)
                .and_then(|d| d.split_first_chunk_mut::<2>())
            {
                if let Some(dst) = rest.first_chunk_mut::<N>() {
                    // N is at most 4 here: it fits the length byte.
                    *head = [code.0, N as u8];
                    *dst = value;
                    self.main.pos = end;
                    self.unoverloaded_len += 2 + N;
                    return true;
                }
            }
        }
        false
    }

    /// [`fixed`](Self::fixed) for everything but the fast path: out of
    /// line, and given the value itself, so that the fast path keeps it in
    /// a register.
    #[inline(never)]
    fn fixed_general<const N: usize>(&mut self, code: OptionCode, value: [u8; N]) -> &mut Self {
        self.option(code, &value)
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
            // Room for the option and the area's END, or move on: whole to
            // the next area with room, else split across the areas left.
            let room = self.area_limit(area).saturating_sub(at);
            if total >= room && !self.spill(total) {
                if self.split_allowed {
                    if let Some(plan) = self.plan_split(len) {
                        self.write_split(code, plan, write);
                        return self;
                    }
                }
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
    #[inline]
    pub fn finish(&mut self) -> Result<usize, Error> {
        // The common message: options area only, nothing failed.
        if self.error.is_none()
            && self.overload == OverloadBy::Nobody
            && !self.file.opened
            && !self.sname.opened
        {
            let mut used = self.main.pos;
            let ended = self.main.ended
                || match self.buf.get_mut(used) {
                    Some(end) if used < self.limit => {
                        *end = 255;
                        used += 1;
                        true
                    }
                    _ => false,
                };
            let len = used.max(self.min_len);
            if ended && len <= self.limit {
                if let Some(padding) = self.buf.get_mut(used..len) {
                    padding.fill(0);
                    self.main.pos = used;
                    self.main.ended = true;
                    self.area = Area::Options;
                    self.fast_limit = 0;
                    return Ok(len);
                }
            }
        }
        self.finish_general()
    }

    /// [`finish`](Self::finish) for everything else: overloaded areas, an
    /// error kept, no room.
    #[cold]
    fn finish_general(&mut self) -> Result<usize, Error> {
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

    /// Finishes as [`finish`](Self::finish) and hands back the message as a
    /// [`Message`] over the buffer, so the reply can be read or routed
    /// without parsing it again. The buffer goes with it: later calls find
    /// the builder without room.
    ///
    /// # Errors
    /// As [`finish`](Self::finish).
    ///
    /// ```
    /// # fn main() -> Result<(), dhcpwire::Error> {
    /// use dhcpwire::{MessageBuilder, MessageType};
    /// let mut buf = [0u8; 300];
    /// let msg = MessageBuilder::new(&mut buf)?.message_type(MessageType::Inform).finish_message()?;
    /// assert_eq!((msg.len(), msg.peek_message_type()), (300, Some(MessageType::Inform)));
    /// # Ok(()) }
    /// ```
    #[inline]
    pub fn finish_message(&mut self) -> Result<Message<'b>, Error> {
        let len = self.finish()?;
        let buf: &'b mut [u8] = core::mem::take(&mut self.buf);
        let buf: &'b [u8] = buf;
        self.limit = 0;
        self.fast_limit = 0;
        Message::parse(buf.get(..len).unwrap_or_default())
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

impl MessageBuilder<'_> {
    /// Writes option `code` (its value bytes from `write`) as the
    /// fragments `plan` lays out over several areas.
    fn write_split(
        &mut self,
        code: OptionCode,
        plan: overload::Plan,
        write: impl FnOnce(&mut dyn FnMut(&[u8])),
    ) {
        for &(area, start, take) in plan.parts() {
            self.open_area(area);
            self.cursor(area).pos = start + take + 2 * take.div_ceil(255);
        }
        let mut writer = SplitWriter {
            buf: self.buf,
            plan,
            part: 0,
            at: 0,
            code: code.0,
            left_in_part: 0,
            left_in_fragment: 0,
        };
        write(&mut |piece: &[u8]| writer.put(piece));
    }
}

/// Writes one option value as fragments spread over the areas of a split
/// plan, a `code len` header starting each fragment. The plan's parts hold
/// exactly the value's bytes: what is left of the value is what is left
/// of its parts, and the writer stops after the last one.
struct SplitWriter<'r> {
    buf: &'r mut [u8],
    plan: overload::Plan,
    part: usize,
    /// Absolute write position.
    at: usize,
    code: u8,
    left_in_part: usize,
    left_in_fragment: usize,
}

impl SplitWriter<'_> {
    fn put(&mut self, mut piece: &[u8]) {
        while !piece.is_empty() {
            if self.left_in_fragment == 0 {
                if self.left_in_part == 0 {
                    let Some(&(_, start, take)) = self.plan.parts().get(self.part) else {
                        return;
                    };
                    self.part += 1;
                    self.at = start;
                    self.left_in_part = take;
                }
                let len = self.left_in_part.min(255);
                if let Some(h) = self.buf.get_mut(self.at..self.at + 2) {
                    // len <= 255: it fits the length byte.
                    h.copy_from_slice(&[self.code, len as u8]);
                }
                self.at += 2;
                self.left_in_fragment = len;
            }
            let n = piece.len().min(self.left_in_fragment);
            let (now, later) = piece.split_at(n);
            if let Some(dst) = self.buf.get_mut(self.at..self.at + n) {
                dst.copy_from_slice(now);
            }
            self.at += n;
            self.left_in_fragment -= n;
            self.left_in_part -= n;
            piece = later;
        }
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

const _: () = assert!(HEADER_LEN + 4 == MIN_DHCP_LEN);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copy_short_copies_every_length_exactly() {
        let mut src = [0u8; 40];
        for (b, v) in src.iter_mut().zip(1..) {
            *b = v;
        }
        for n in 0..=40 {
            // Marked bytes around the destination must stay as they were.
            let mut dst = [0xeeu8; 42];
            copy_short(&mut dst[1..=n], &src[..n]);
            assert_eq!(&dst[1..=n], &src[..n], "length {n}");
            assert_eq!((dst[0], dst[n + 1]), (0xee, 0xee), "length {n}");
        }
    }

    /// `echo_beyond_limit` goes past the maximum size only in a layout the
    /// builder makes: once the caller has laid out `file` (its own option
    /// 52), the option goes where any option would, the current area.
    #[test]
    fn echo_beyond_limit_keeps_the_callers_own_layout() {
        let mut buf = [0u8; 600];
        let mut b = MessageBuilder::new(&mut buf).unwrap();
        b.max_size(548)
            .option(OptionCode::OVERLOAD, &[1])
            .area(Area::File);
        b.echo_beyond_limit(
            OptionCode::RELAY_AGENT_INFORMATION,
            Echo::One(&[1, 1, b'x']),
        );
        assert_eq!(b.area(Area::Options).finish(), Ok(300));
        assert_eq!(buf[240..244], [52, 1, 1, 255]);
        assert_eq!(buf[108..114], [82, 3, 1, 1, b'x', 255]);
    }

    /// Past the maximum size, when the buffer has room: the option goes
    /// last in the options field, even after overload moved on to `file`.
    #[test]
    fn echo_beyond_limit_writes_past_the_maximum_size_into_the_options_field() {
        let mut buf = [0u8; 600];
        let mut b = MessageBuilder::new(&mut buf).unwrap();
        b.max_size(300)
            .overload_when_full(true)
            .option(OptionCode(224), &[7; 50])
            .option(OptionCode(225), &[8; 20]);
        assert_eq!(b.area, Area::File);
        b.echo_beyond_limit(
            OptionCode::RELAY_AGENT_INFORMATION,
            Echo::One(&[1, 1, b'x']),
        );
        assert_eq!(b.finish(), Ok(301));
        // 224 (240..292), 52 = file (292..295), 82 (295..300), END.
        assert_eq!(buf[292..301], [52, 1, 1, 82, 3, 1, 1, b'x', 255]);
        assert_eq!(
            buf[108..131],
            [&[225, 20][..], &[8; 20], &[255]].concat()[..]
        );
    }
}
