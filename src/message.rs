//! [`Message`]: a checked, borrowed view of a whole DHCP message, and
//! [`MessageMut`] for editing one in place.

use core::fmt;
use core::net::Ipv4Addr;
use core::ops::Deref;

use zerocopy::FromBytes;

use crate::code::{MessageType, OptionCode};
use crate::error::Error;
use crate::header::{Flags, HEADER_LEN, Header, offset};
use crate::options::typed::DhcpOption;
use crate::options::{Area, AreaOptions, OptionValue, Options, Overload, OverloadSeen, RawOption};

/// The DHCP magic cookie 99.130.83.99 (RFC 2131 §3).
pub const MAGIC_COOKIE: [u8; 4] = [99, 130, 83, 99];

/// The smallest DHCP message: header and cookie.
pub const MIN_DHCP_LEN: usize = 240;

/// Checks the cookie of a message known to hold a full header.
fn check_cookie(bytes: &[u8]) -> Result<(), Error> {
    match bytes.get(offset::COOKIE..offset::OPTIONS) {
        Some(&[a, b, c, d]) if [a, b, c, d] == MAGIC_COOKIE => Ok(()),
        Some(&[a, b, c, d]) => Err(Error::NoMagicCookie {
            found: [a, b, c, d],
            offset: offset::COOKIE,
        }),
        _ => Err(Error::TruncatedCookie { len: bytes.len() }),
    }
}

/// A DHCP (or plain BOOTP) message, borrowed from a buffer.
///
/// Parsing is O(1): it views the 236-byte header in place and checks the
/// magic cookie. Options are walked lazily. `Message` dereferences to
/// [`Header`] for the fixed fields.
///
/// ```
/// # fn main() -> Result<(), dhcpwire::Error> {
/// use dhcpwire::{Message, MessageBuilder, MessageType, OptionCode};
/// let mut buf = [0u8; 576];
/// let len = MessageBuilder::new(&mut buf)?
///     .xid(0x0a00_0001)
///     .chaddr(&[0x0a, 0x16, 0x36, 0xfb, 0xbb, 0x4a])
///     .message_type(MessageType::Discover)
///     .option(OptionCode::HOST_NAME, b"laptop-a")
///     .finish()?;
/// let msg = Message::parse(&buf[..len])?;
/// assert_eq!(msg.xid(), 0x0a00_0001);
/// assert_eq!(msg.message_type()?, Some(MessageType::Discover));
/// assert_eq!(msg.chaddr()?, &[0x0a, 0x16, 0x36, 0xfb, 0xbb, 0x4a]);
/// # Ok(()) }
/// ```
#[derive(Clone, Copy)]
pub struct Message<'a> {
    bytes: &'a [u8],
    header: &'a Header,
    cookie: Result<(), Error>,
}

impl<'a> Message<'a> {
    /// Views `bytes` as a message.
    ///
    /// A message of at least 236 bytes parses; when the magic cookie is
    /// missing or truncated (plain BOOTP, or not DHCP at all) the header is
    /// still available and [`cookie`](Self::cookie), [`options`](Self::options)
    /// and the option look-ups report it.
    ///
    /// # Errors
    /// [`Error::TruncatedHeader`] when fewer than 236 bytes are given.
    #[inline]
    pub fn parse(bytes: &'a [u8]) -> Result<Self, Error> {
        let header = Header::from_prefix(bytes)?;
        Ok(Message {
            bytes,
            header,
            cookie: check_cookie(bytes),
        })
    }

    /// Views `bytes` as a DHCP message, requiring the magic cookie.
    ///
    /// # Errors
    /// [`Error::TruncatedHeader`], [`Error::TruncatedCookie`] or
    /// [`Error::NoMagicCookie`].
    pub fn parse_dhcp(bytes: &'a [u8]) -> Result<Self, Error> {
        let msg = Self::parse(bytes)?;
        msg.cookie?;
        Ok(msg)
    }

    /// The fixed header.
    pub fn header(&self) -> &'a Header {
        self.header
    }

    /// The whole message.
    pub fn as_bytes(&self) -> &'a [u8] {
        self.bytes
    }

    /// Length of the message in bytes.
    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    /// Always false: a parsed message holds at least a header.
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// `Ok` when the magic cookie is present, else why not.
    ///
    /// # Errors
    /// [`Error::TruncatedCookie`] or [`Error::NoMagicCookie`].
    pub fn cookie(&self) -> Result<(), Error> {
        self.cookie
    }

    /// Whether the message carries the DHCP magic cookie.
    pub fn is_dhcp(&self) -> bool {
        self.cookie.is_ok()
    }

    /// The plain BOOTP vendor area (RFC 951/1497), bytes 236 onwards, when
    /// the message has at least 4 bytes there and they are not the DHCP
    /// cookie; `None` for a DHCP message or one cut inside the cookie.
    pub fn bootp_vendor_area(&self) -> Option<&'a [u8]> {
        match self.cookie {
            Err(Error::NoMagicCookie { .. }) => self.bytes.get(offset::COOKIE..),
            _ => None,
        }
    }

    /// The bytes of the options area (after the cookie), empty when there is
    /// no cookie.
    pub fn options_area(&self) -> &'a [u8] {
        match self.cookie {
            Ok(()) => self.bytes.get(offset::OPTIONS..).unwrap_or(&[]),
            Err(_) => &[],
        }
    }

    /// The overload-aware walk over every option instance: options area,
    /// then `file`, then `sname` as option 52 directs. Without a cookie the
    /// walk yields that error once.
    #[inline]
    pub fn options(&self) -> Options<'a> {
        match self.cookie {
            Ok(()) => Options::new(self.header, self.options_area()),
            Err(e) => Options::failed(self.header, e),
        }
    }

    /// The raw walk over the main options area only.
    ///
    /// # Errors
    /// The cookie error when there is no cookie.
    pub fn main_options(&self) -> Result<AreaOptions<'a>, Error> {
        self.cookie?;
        Ok(AreaOptions::new(
            self.options_area(),
            offset::OPTIONS,
            Area::Options,
        ))
    }

    /// Option 52 as the walk follows it: `Some` only for exactly one
    /// instance in the main area with value 1, 2 or 3.
    ///
    /// # Errors
    /// The cookie error, or the first error of the main-area walk.
    pub fn overload(&self) -> Result<Option<Overload>, Error> {
        let mut seen = OverloadSeen::None;
        for opt in self.main_options()? {
            let opt = opt?;
            if opt.code == OptionCode::OVERLOAD {
                seen.record(opt.data);
            }
        }
        Ok(seen.overload())
    }

    /// `sname` up to its first NUL, or `None` when option 52 says the field
    /// carries options.
    ///
    /// # Errors
    /// The first error of the main-area walk (needed to read option 52).
    pub fn sname(&self) -> Result<Option<&'a [u8]>, Error> {
        match self.overload_or_none()? {
            Some(o) if o.sname() => Ok(None),
            _ => Ok(Some(self.header.sname_bytes())),
        }
    }

    /// `file` up to its first NUL, or `None` when option 52 says the field
    /// carries options.
    ///
    /// # Errors
    /// The first error of the main-area walk (needed to read option 52).
    pub fn file(&self) -> Result<Option<&'a [u8]>, Error> {
        match self.overload_or_none()? {
            Some(o) if o.file() => Ok(None),
            _ => Ok(Some(self.header.file_bytes())),
        }
    }

    /// Option 52 as the main-area walk reads it up to its first error: what
    /// the message says about `file` and `sname` even when a later option
    /// is malformed (where [`overload`](Self::overload), [`sname`](Self::sname)
    /// and [`file`](Self::file) give the walk's error). Equal to
    /// `overload()` when the main area walks cleanly; `None` without a
    /// cookie or when no usable option 52 (exactly one, value 1, 2 or 3)
    /// was read before the error.
    ///
    /// ```
    /// # fn main() -> Result<(), dhcpwire::Error> {
    /// use dhcpwire::{Message, MessageBuilder, OptionCode, Overload};
    /// let mut buf = [0u8; 300];
    /// let len = MessageBuilder::new(&mut buf)?
    ///     .option(OptionCode::OVERLOAD, &[1])
    ///     .option(OptionCode::HOST_NAME, b"pc")
    ///     .finish()?;
    /// buf[244] = 200; // option 12 now claims 200 bytes: it overruns the message
    /// let msg = Message::parse(&buf[..len])?;
    /// assert!(msg.overload().is_err());
    /// assert_eq!(msg.declared_overload(), Some(Overload::File));
    /// # Ok(()) }
    /// ```
    pub fn declared_overload(&self) -> Option<Overload> {
        let mut seen = OverloadSeen::None;
        for opt in self.main_options().ok()? {
            match opt {
                Ok(opt) if opt.code == OptionCode::OVERLOAD => seen.record(opt.data),
                Ok(_) => {}
                Err(_) => break,
            }
        }
        seen.overload()
    }

    /// The first part of the [`Display`](fmt::Display) form: the summary
    /// line and the header fields, one line each, without the cookie and
    /// the options. `sname` and `file` are shown unless the option 52 read
    /// before any walk error says they carry options
    /// ([`declared_overload`](Self::declared_overload)).
    pub fn display_header(&self) -> impl fmt::Display + 'a {
        HeaderLines(*self)
    }

    /// Overload, treating "no cookie" as "no overload".
    fn overload_or_none(&self) -> Result<Option<Overload>, Error> {
        if self.cookie.is_err() {
            return Ok(None);
        }
        self.overload()
    }

    /// Bytes after END in the main options area (padding, usually zeros);
    /// empty when END is missing.
    ///
    /// # Errors
    /// The cookie error or the first error of the main-area walk.
    pub fn trailing(&self) -> Result<&'a [u8], Error> {
        let mut main = self.main_options()?;
        main.finish()?;
        Ok(main.trailing().unwrap_or(&[]))
    }

    /// Every instance of `code`, joined per RFC 3396, or `None` when absent.
    ///
    /// # Errors
    /// The cookie error or the first error of the overload-aware walk: a
    /// value is only given out when the whole message could be walked, since
    /// a later fragment could otherwise be missed.
    ///
    /// ```
    /// # fn main() -> Result<(), dhcpwire::Error> {
    /// use dhcpwire::{Message, MessageBuilder, OptionCode};
    /// let long = [7u8; 300]; // more than 255 bytes: split into 2 fragments
    /// let mut buf = [0u8; 1024];
    /// let len = MessageBuilder::new(&mut buf)?.option(OptionCode(224), &long).finish()?;
    /// let msg = Message::parse(&buf[..len])?;
    /// let value = msg.option(OptionCode(224))?.expect("present");
    /// assert_eq!(value.fragment_count(), 2);
    /// assert_eq!(value.len(), 300);
    /// let mut joined = [0u8; 512];
    /// assert_eq!(value.copy_to(&mut joined)?, &long[..]);
    /// # Ok(()) }
    /// ```
    pub fn option(&self, code: OptionCode) -> Result<Option<OptionValue<'a>>, Error> {
        self.cookie?;
        OptionValue::find(self.header, self.options_area(), code)
    }

    /// The typed value of `code` when it is present as a single fragment
    /// (the common case), borrowing from the packet.
    ///
    /// # Errors
    /// Walk errors, [`Error::Fragmented`] for a split value (use
    /// [`OptionValue::decode_with`]), or the typed decoding error.
    pub fn typed(&self, code: OptionCode) -> Result<Option<DhcpOption<'a>>, Error> {
        self.option(code)?.map(|v| v.decode()).transpose()
    }

    /// The DHCP message type (option 53), `None` when absent (plain BOOTP).
    ///
    /// # Errors
    /// Walk errors, or [`Error::InvalidLength`] when the (joined) value is
    /// not exactly one byte.
    #[inline]
    pub fn message_type(&self) -> Result<Option<MessageType>, Error> {
        if let Some(t) = self.message_type_fast() {
            return Ok(Some(t));
        }
        self.scalar(OptionCode::MESSAGE_TYPE, |o| match o {
            DhcpOption::MessageType(t) => Some(*t),
            _ => None,
        })
    }

    /// The common case in one tight pass over the options area: no option
    /// 52 (so no other area holds options) and exactly one option 53 of one
    /// byte. Anything else (including every malformed message) returns
    /// `None` and takes the general path, which reports errors.
    #[inline]
    fn message_type_fast(&self) -> Option<MessageType> {
        if self.cookie.is_err() {
            return None;
        }
        let area = self.options_area();
        let mut i = 0;
        let mut found = None;
        loop {
            match area.get(i) {
                None | Some(255) => break,
                Some(0) => i += 1,
                Some(&code) => {
                    let len = usize::from(*area.get(i + 1)?);
                    let value = area.get(i + 2..i + 2 + len)?;
                    match (code, value) {
                        (53, [t]) if found.is_none() => found = Some(*t),
                        (53 | 52, _) => return None,
                        _ => {}
                    }
                    i += 2 + len;
                }
            }
        }
        found.map(MessageType::from)
    }

    /// The message type for dispatching on the hot path: the first option
    /// 53 wins, and the scan stops there.
    ///
    /// The scan reads the options area, then `file` and `sname` when an
    /// option 52 before that point overloads them (RFC 2131 §4.1 order).
    /// It is the first-match scan that the raw option iterators of smoltcp
    /// and dhcproto's borrowed API give, and it costs a few nanoseconds
    /// because 53 is nearly always the first option. It does not look past
    /// the first option 53, so unlike [`message_type`](Self::message_type)
    /// it does not notice:
    /// - a second option 53, which RFC 3396 joins with the first into an
    ///   invalid two-byte value (`message_type` reports
    ///   [`Error::InvalidLength`]);
    /// - a malformed option after the first option 53 (`message_type`
    ///   reports the walk error);
    /// - an option 52 after the first option 53.
    ///
    /// Use it to route a datagram; validate with `message_type` or a full
    /// walk before acting on what the message says.
    ///
    /// Whenever `message_type` returns `Ok(Some(t))`, this returns
    /// `Some(t)`. `None` when there is no cookie, no non-empty option 53
    /// before a malformed option or the end, or the first non-empty option
    /// 53 is longer than one byte.
    ///
    /// ```
    /// # fn main() -> Result<(), dhcpwire::Error> {
    /// use dhcpwire::{Error, Message, MessageType};
    /// let mut bytes = [0u8; 248];
    /// bytes[236..240].copy_from_slice(&dhcpwire::MAGIC_COOKIE);
    /// // Two message types: DISCOVER, then REQUEST, then END.
    /// bytes[240..247].copy_from_slice(&[53, 1, 1, 53, 1, 3, 255]);
    /// let msg = Message::parse(&bytes)?;
    /// assert_eq!(msg.peek_message_type(), Some(MessageType::Discover));
    /// // RFC 3396 makes the two instances one value of two bytes.
    /// assert!(matches!(msg.message_type(), Err(Error::InvalidLength { code: 53, len: 2, .. })));
    /// # Ok(()) }
    /// ```
    #[inline]
    pub fn peek_message_type(&self) -> Option<MessageType> {
        if self.cookie.is_err() {
            return None;
        }
        let mut overload = None;
        if let Some(t) = first_message_type(self.options_area(), Some(&mut overload)) {
            return t;
        }
        let overload = Overload::from_u8(overload?)?;
        if overload.file() {
            if let Some(t) = first_message_type(&self.header.file, None) {
                return t;
            }
        }
        if overload.sname() {
            return first_message_type(&self.header.sname, None).flatten();
        }
        None
    }

    /// Decodes a fixed-size option (at most 4 bytes), joining RFC 3396
    /// fragments on the stack, and extracts its value.
    fn scalar<T>(
        &self,
        code: OptionCode,
        extract: impl FnOnce(&DhcpOption<'_>) -> Option<T>,
    ) -> Result<Option<T>, Error> {
        let Some(value) = self.option(code)? else {
            return Ok(None);
        };
        let mut scratch = [0u8; 4];
        let decoded = match value.as_single() {
            Some(data) => DhcpOption::decode(code, data, value.offset())?,
            None if value.len() <= scratch.len() => value.decode_with(&mut scratch)?,
            None => {
                return Err(Error::InvalidLength {
                    code: code.0,
                    offset: value.offset(),
                    len: value.len(),
                    expected: "a fixed-size value of at most 4 bytes",
                });
            }
        };
        Ok(extract(&decoded))
    }

    /// The client's maximum DHCP message size (option 57), if sent and valid.
    pub fn max_message_size(&self) -> Option<u16> {
        self.scalar(OptionCode::MAX_MESSAGE_SIZE, |o| match o {
            DhcpOption::MaxMessageSize(v) => Some(*v),
            _ => None,
        })
        .ok()
        .flatten()
    }

    /// The server identifier (option 54), if present and valid.
    pub fn server_identifier(&self) -> Option<Ipv4Addr> {
        self.scalar(OptionCode::SERVER_IDENTIFIER, |o| match o {
            DhcpOption::ServerIdentifier(a) => Some(*a),
            _ => None,
        })
        .ok()
        .flatten()
    }

    /// The requested IP address (option 50), if present and valid.
    pub fn requested_ip(&self) -> Option<Ipv4Addr> {
        self.scalar(OptionCode::REQUESTED_IP_ADDRESS, |o| match o {
            DhcpOption::RequestedIpAddress(a) => Some(*a),
            _ => None,
        })
        .ok()
        .flatten()
    }

    /// The lease time in seconds (option 51), if present and valid.
    pub fn lease_time(&self) -> Option<u32> {
        self.scalar(OptionCode::LEASE_TIME, |o| match o {
            DhcpOption::LeaseTime(v) => Some(*v),
            _ => None,
        })
        .ok()
        .flatten()
    }

    /// Calls `f` for every way this message departs from the strict wire
    /// rules that the lenient parse tolerates (see [`Deviation`]).
    ///
    /// # Errors
    /// The cookie error or the first walk error (a malformed message is an
    /// error, not a deviation).
    pub fn for_each_deviation(&self, mut f: impl FnMut(Deviation)) -> Result<(), Error> {
        self.cookie?;
        let mut areas = [None; 3];
        areas[0] = Some(Area::Options);
        if let Some(o) = self.overload()? {
            if o.file() {
                areas[1] = Some(Area::File);
            }
            if o.sname() {
                areas[2] = Some(Area::Sname);
            }
        }
        let mut main_52 = 0usize;
        let mut second_52 = offset::OPTIONS;
        let mut seen = [0u8; 32];
        for area in areas.into_iter().flatten() {
            let slice = match area {
                Area::Options => self.options_area(),
                Area::File => &self.header.file[..],
                Area::Sname => &self.header.sname[..],
            };
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

/// Scans one area for its first option 53, for
/// [`Message::peek_message_type`]: `None` when the area ends without one,
/// `Some(None)` when the scan has to stop without a type (that option 53 is
/// longer than one byte, or an option runs past the area), `Some(Some(t))`
/// when found. Empty instances of option 53 are skipped.
///
/// With `overload`, records option 52 the way the overload-aware walk
/// follows it: `Some(v)` for a single one-byte instance, `Some(0)` (which
/// no overload value means) once there is a second instance or one of
/// another length.
#[inline(always)]
fn first_message_type(
    area: &[u8],
    mut overload: Option<&mut Option<u8>>,
) -> Option<Option<MessageType>> {
    let mut i = 0;
    while let Some(&code) = area.get(i) {
        match code {
            0 => {
                i += 1;
                continue;
            }
            255 => return None,
            _ => {}
        }
        let Some(&len) = area.get(i + 1) else {
            return Some(None);
        };
        let len = usize::from(len);
        let Some(value) = area.get(i + 2..i + 2 + len) else {
            return Some(None);
        };
        match (code, value) {
            (53, &[t]) => return Some(Some(MessageType::from(t))),
            // An empty instance adds nothing to the RFC 3396 value: a
            // one-byte instance may still follow.
            (53, &[]) => {}
            (53, _) => return Some(None),
            (52, value) => {
                if let Some(seen) = overload.as_deref_mut() {
                    *seen = match (*seen, value) {
                        (None, &[v]) => Some(v),
                        _ => Some(0),
                    };
                }
            }
            _ => {}
        }
        i += 2 + len;
    }
    None
}

/// Options whose RFC 2132 format has one fixed length, so a second instance
/// cannot be an RFC 3396 continuation that makes sense.
fn has_fixed_length(code: OptionCode) -> bool {
    matches!(
        code.0,
        1 | 2
            | 13
            | 16
            | 19
            | 20
            | 22
            | 23
            | 24
            | 26
            | 27
            | 28
            | 29
            | 30
            | 31
            | 32
            | 34
            | 35
            | 36
            | 37
            | 38
            | 39
            | 46
            | 50
            | 51
            | 52
            | 53
            | 54
            | 57
            | 58
            | 59
    )
}

impl Deref for Message<'_> {
    type Target = Header;
    fn deref(&self) -> &Header {
        self.header
    }
}

impl fmt::Debug for Message<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Message")
            .field("len", &self.bytes.len())
            .field("header", self.header)
            .field("cookie", &self.cookie)
            .finish()
    }
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

/// A message being edited in place: the edits a relay or a middlebox makes
/// without rebuilding (giaddr, hops, flags, secs, addresses, and option
/// values of unchanged length).
///
/// ```
/// # fn main() -> Result<(), dhcpwire::Error> {
/// use dhcpwire::{Message, MessageBuilder, MessageMut, MessageType};
/// use std::net::Ipv4Addr;
/// let mut buf = [0u8; 300];
/// let len = MessageBuilder::new(&mut buf)?.message_type(MessageType::Discover).finish()?;
/// MessageMut::parse(&mut buf[..len])?
///     .set_giaddr(Ipv4Addr::new(10, 198, 27, 4))
///     .increment_hops()?;
/// let msg = Message::parse(&buf[..len])?;
/// assert_eq!((msg.giaddr(), msg.hops), (Ipv4Addr::new(10, 198, 27, 4), 1));
/// # Ok(()) }
/// ```
#[derive(Debug)]
pub struct MessageMut<'a> {
    header: &'a mut Header,
    /// Everything after the header: cookie and options.
    rest: &'a mut [u8],
}

impl<'a> MessageMut<'a> {
    /// Views `bytes` as a message to edit; the same rules as
    /// [`Message::parse`].
    ///
    /// # Errors
    /// [`Error::TruncatedHeader`] when fewer than 236 bytes are given.
    pub fn parse(bytes: &'a mut [u8]) -> Result<Self, Error> {
        let len = bytes.len();
        let (header, rest) =
            Header::mut_from_prefix(bytes).map_err(|_| Error::TruncatedHeader { len })?;
        Ok(MessageMut { header, rest })
    }

    /// The header.
    pub fn header(&self) -> &Header {
        self.header
    }

    /// The header, mutable.
    pub fn header_mut(&mut self) -> &mut Header {
        self.header
    }

    /// The options area after the cookie, or the cookie error.
    fn options_area(&self) -> Result<&[u8], Error> {
        match self.rest.split_first_chunk::<4>() {
            Some((cookie, area)) if *cookie == MAGIC_COOKIE => Ok(area),
            Some((&found, _)) => Err(Error::NoMagicCookie {
                found,
                offset: offset::COOKIE,
            }),
            None => Err(Error::TruncatedCookie {
                len: HEADER_LEN + self.rest.len(),
            }),
        }
    }

    /// The overload-aware walk over the current options.
    pub fn options(&self) -> Options<'_> {
        match self.options_area() {
            Ok(area) => Options::new(self.header, area),
            Err(e) => Options::failed(self.header, e),
        }
    }

    /// Every instance of `code`, as [`Message::option`].
    ///
    /// # Errors
    /// As [`Message::option`].
    pub fn option(&self, code: OptionCode) -> Result<Option<OptionValue<'_>>, Error> {
        OptionValue::find(self.header, self.options_area()?, code)
    }

    /// Sets the relay agent address.
    pub fn set_giaddr(&mut self, addr: Ipv4Addr) -> &mut Self {
        self.header.set_giaddr(addr);
        self
    }

    /// Sets the client address.
    pub fn set_ciaddr(&mut self, addr: Ipv4Addr) -> &mut Self {
        self.header.set_ciaddr(addr);
        self
    }

    /// Sets "your" address.
    pub fn set_yiaddr(&mut self, addr: Ipv4Addr) -> &mut Self {
        self.header.set_yiaddr(addr);
        self
    }

    /// Sets the next-server address.
    pub fn set_siaddr(&mut self, addr: Ipv4Addr) -> &mut Self {
        self.header.set_siaddr(addr);
        self
    }

    /// Sets the flags.
    pub fn set_flags(&mut self, flags: Flags) -> &mut Self {
        self.header.set_flags(flags);
        self
    }

    /// Sets `secs`.
    pub fn set_secs(&mut self, secs: u16) -> &mut Self {
        self.header.set_secs(secs);
        self
    }

    /// Sets `xid`.
    pub fn set_xid(&mut self, xid: u32) -> &mut Self {
        self.header.set_xid(xid);
        self
    }

    /// Sets `hops`.
    pub fn set_hops(&mut self, hops: u8) -> &mut Self {
        self.header.hops = hops;
        self
    }

    /// Adds one to `hops`.
    ///
    /// # Errors
    /// [`Error::HopsOverflow`] when `hops` is 255; nothing is changed.
    pub fn increment_hops(&mut self) -> Result<&mut Self, Error> {
        self.header.increment_hops()?;
        Ok(self)
    }

    /// Locates the single instance of `code`: its area and value range
    /// within that area's bytes.
    fn locate(&self, code: OptionCode) -> Result<(Area, core::ops::Range<usize>), Error> {
        let value = self.option(code)?.ok_or(Error::OptionNotFound {
            code: code.0,
            offset: HEADER_LEN + self.rest.len(),
        })?;
        if value.fragment_count() != 1 {
            return Err(Error::Fragmented {
                code: code.0,
                offset: value.offset(),
            });
        }
        let first: RawOption<'_> = value.first();
        let start = first.value_offset() - first.area.start();
        Ok((first.area, start..start + first.len()))
    }

    /// The value of the single instance of `code`, mutable.
    ///
    /// # Errors
    /// [`Error::OptionNotFound`], [`Error::Fragmented`], or a walk error.
    pub fn option_mut(&mut self, code: OptionCode) -> Result<&mut [u8], Error> {
        let (area, range) = self.locate(code)?;
        self.area_slice_mut(code, area, range)
    }

    fn area_slice_mut(
        &mut self,
        code: OptionCode,
        area: Area,
        range: core::ops::Range<usize>,
    ) -> Result<&mut [u8], Error> {
        let at = area.start() + range.start;
        let slice: &mut [u8] = match area {
            // The options area starts 4 bytes into `rest`, after the cookie.
            Area::Options => self.rest.get_mut(4..).unwrap_or_default(),
            Area::File => &mut self.header.file,
            Area::Sname => &mut self.header.sname,
        };
        slice.get_mut(range).ok_or(Error::OptionNotFound {
            code: code.0,
            offset: at,
        })
    }

    /// Overwrites the value of `code` with `value` of the same length.
    ///
    /// # Errors
    /// [`Error::LengthMismatch`] when the lengths differ, and the errors of
    /// [`option_mut`](Self::option_mut); nothing is changed on error.
    pub fn set_option(&mut self, code: OptionCode, value: &[u8]) -> Result<&mut Self, Error> {
        let (area, range) = self.locate(code)?;
        if range.len() != value.len() {
            return Err(Error::LengthMismatch {
                code: code.0,
                offset: area.start() + range.start - 2,
                len: range.len(),
                given: value.len(),
            });
        }
        self.area_slice_mut(code, area, range)?
            .copy_from_slice(value);
        Ok(self)
    }
}

/// [`Message::display_header`].
struct HeaderLines<'a>(Message<'a>);

impl fmt::Display for HeaderLines<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let msg = &self.0;
        let h = msg.header;
        write!(f, "BOOTP/DHCP, {}", h.op())?;
        // tcpdump names the client only on requests.
        if h.op() == crate::header::Op::BootRequest && h.htype == 1 && h.hlen == 6 {
            write!(f, " from {}", crate::fmt::Hex(h.chaddr_lossy()))?;
        }
        write!(f, ", length {}", msg.bytes.len())?;
        if h.hops != 0 {
            write!(f, ", hops {}", h.hops)?;
        }
        write!(f, ", xid 0x{:x}", h.xid())?;
        if h.secs() != 0 {
            write!(f, ", secs {}", h.secs())?;
        }
        writeln!(f, ", Flags {}", h.flags())?;
        for (label, addr) in [
            ("Client-IP", h.ciaddr()),
            ("Your-IP", h.yiaddr()),
            ("Server-IP", h.siaddr()),
            ("Gateway-IP", h.giaddr()),
        ] {
            if !addr.is_unspecified() {
                writeln!(f, "\t  {label} {addr}")?;
            }
        }
        if h.htype == 1 {
            writeln!(
                f,
                "\t  Client-Ethernet-Address {}",
                crate::fmt::Hex(h.chaddr_lossy())
            )?;
        } else {
            writeln!(
                f,
                "\t  Client-Hardware-Address htype {} hlen {} {}",
                h.htype,
                h.hlen,
                crate::fmt::Hex(h.chaddr_lossy())
            )?;
        }
        let overload = msg.declared_overload();
        for (label, carries_options, name) in [
            (
                "sname",
                overload.is_some_and(|o| o.sname()),
                h.sname_bytes(),
            ),
            ("file", overload.is_some_and(|o| o.file()), h.file_bytes()),
        ] {
            if !carries_options && !name.is_empty() {
                writeln!(f, "\t  {label} \"{}\"", crate::fmt::Text(name))?;
            }
        }
        Ok(())
    }
}

impl fmt::Display for Message<'_> {
    /// A tcpdump -v-like rendering: summary line, non-zero header fields
    /// ([`display_header`](Message::display_header)), then one line per
    /// option instance with its typed value.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.display_header())?;
        if let Err(e) = self.cookie {
            return writeln!(f, "\t  {e}");
        }
        writeln!(f, "\t  Vendor-rfc1048 Extensions")?;
        writeln!(f, "\t    Magic Cookie 0x63825363")?;
        for opt in self.options() {
            match opt {
                Ok(opt) => writeln!(f, "\t    {opt}")?,
                Err(e) => writeln!(f, "\t    error: {e}")?,
            }
        }
        if let Ok(tail) = self.trailing() {
            if !tail.is_empty() && tail.iter().all(|&b| b == 0) {
                writeln!(f, "\t    PAD Option 0, length 0, occurs {}", tail.len())?;
            } else if !tail.is_empty() {
                writeln!(f, "\t    {} bytes after END", tail.len())?;
            }
        }
        Ok(())
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
