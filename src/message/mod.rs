//! [`Message`]: a checked, borrowed view of a whole DHCP message, and
//! [`MessageMut`] for editing one in place.

mod deviation;
mod display;
mod edit;
mod index;
mod peek;
mod relay;

pub use deviation::{Deviation, DeviationKind};
pub use edit::MessageMut;
pub use index::{
    AddressIter, Addresses, ClientIdentifier, Codes, FIXED_CODES, INDEXED_CODES, JoinedOption,
    OptionIndex,
};
pub(crate) use index::{Echo, EchoAt};
pub use relay::{RelayAgentInformation, RelaySub};

use core::fmt;
use core::net::Ipv4Addr;
use core::ops::Deref;

use crate::code::{MessageType, OptionCode};
use crate::error::Error;
use crate::header::{Header, offset};
use crate::options::typed::{DhcpOption, OptionData};
use crate::options::{Area, AreaOptions, OptionValue, Options, Overload, OverloadSeen};

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
    /// Whether bytes 236..240 are the magic cookie; the error otherwise is
    /// recomputed by [`cookie`](Self::cookie), which keeps `Message` small.
    has_cookie: bool,
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
            has_cookie: check_cookie(bytes).is_ok(),
        })
    }

    /// Views `bytes` as a DHCP message, requiring the magic cookie.
    ///
    /// # Errors
    /// [`Error::TruncatedHeader`], [`Error::TruncatedCookie`] or
    /// [`Error::NoMagicCookie`].
    pub fn parse_dhcp(bytes: &'a [u8]) -> Result<Self, Error> {
        let msg = Self::parse(bytes)?;
        msg.cookie()?;
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
    #[inline]
    pub fn cookie(&self) -> Result<(), Error> {
        if self.has_cookie {
            Ok(())
        } else {
            check_cookie(self.bytes)
        }
    }

    /// Whether the message carries the DHCP magic cookie.
    pub fn is_dhcp(&self) -> bool {
        self.has_cookie
    }

    /// The plain BOOTP vendor area (RFC 951/1497), bytes 236 onwards, when
    /// the message has at least 4 bytes there and they are not the DHCP
    /// cookie; `None` for a DHCP message or one cut inside the cookie.
    pub fn bootp_vendor_area(&self) -> Option<&'a [u8]> {
        match self.cookie() {
            Err(Error::NoMagicCookie { .. }) => self.bytes.get(offset::COOKIE..),
            _ => None,
        }
    }

    /// The bytes of the options area (after the cookie), empty when there is
    /// no cookie.
    pub fn options_area(&self) -> &'a [u8] {
        if self.has_cookie {
            self.bytes.get(offset::OPTIONS..).unwrap_or(&[])
        } else {
            &[]
        }
    }

    /// The bytes of one area: the options field after the cookie (empty
    /// without a cookie), or the `file` or `sname` field.
    pub fn area(&self, area: Area) -> &'a [u8] {
        match area {
            Area::Options => self.options_area(),
            other => self.header.area(other),
        }
    }

    /// The overload-aware walk over every option instance: options area,
    /// then `file`, then `sname` as option 52 directs. Without a cookie the
    /// walk yields that error once.
    #[inline]
    pub fn options(&self) -> Options<'a> {
        match self.cookie() {
            Ok(()) => Options::new(self.header, self.options_area()),
            Err(e) => Options::failed(self.header, e),
        }
    }

    /// The raw walk over the main options area only.
    ///
    /// # Errors
    /// The cookie error when there is no cookie.
    pub fn main_options(&self) -> Result<AreaOptions<'a>, Error> {
        self.cookie()?;
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
        display::HeaderLines(*self)
    }

    /// Overload, treating "no cookie" as "no overload".
    fn overload_or_none(&self) -> Result<Option<Overload>, Error> {
        if !self.has_cookie {
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
        self.cookie()?;
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

    /// The DHCP message type (option 53), `None` when the options carry
    /// none.
    ///
    /// A plain BOOTP message (RFC 951, no magic cookie) has no options at
    /// all: it is an error here, like every option accessor, so check
    /// [`cookie`](Self::cookie) first to tell BOOTP from a broken DHCP
    /// message.
    ///
    /// ```
    /// # use dhcpwire::{Error, Message};
    /// let mut bootp = [0u8; 300];
    /// bootp[0] = 1; // BOOTREQUEST, no cookie
    /// let msg = Message::parse(&bootp)?;
    /// assert!(matches!(msg.message_type(), Err(Error::NoMagicCookie { offset: 236, .. })));
    /// assert!(msg.cookie().is_err());
    /// # Ok::<(), Error>(())
    /// ```
    ///
    /// # Errors
    /// Walk errors ([`Error::NoMagicCookie`] for plain BOOTP), or
    /// [`Error::InvalidLength`] when the (joined) value is not exactly one
    /// byte.
    #[inline]
    pub fn message_type(&self) -> Result<Option<MessageType>, Error> {
        if let Some(t) = self.message_type_fast() {
            return Ok(Some(t));
        }
        self.fixed(OptionCode::MESSAGE_TYPE)
    }

    /// The value of `code` decoded as `T`, a value type that borrows
    /// nothing from the packet (a number, an address, a flag), RFC 3396
    /// fragments joined on the stack; `None` when absent.
    ///
    /// It calls `T`'s decoder directly, without the 148-way dispatch of
    /// [`DhcpOption::decode`].
    pub(crate) fn fixed<T: for<'b> OptionData<'b>>(
        &self,
        code: OptionCode,
    ) -> Result<Option<T>, Error> {
        match self.option(code)? {
            Some(value) => value.decode_owned().map(Some),
            None => Ok(None),
        }
    }

    /// The client's maximum DHCP message size (option 57), if sent and valid.
    pub fn max_message_size(&self) -> Option<u16> {
        self.fixed(OptionCode::MAX_MESSAGE_SIZE).ok().flatten()
    }

    /// The server identifier (option 54), if present and valid.
    pub fn server_identifier(&self) -> Option<Ipv4Addr> {
        self.fixed(OptionCode::SERVER_IDENTIFIER).ok().flatten()
    }

    /// The requested IP address (option 50), if present and valid.
    pub fn requested_ip(&self) -> Option<Ipv4Addr> {
        self.fixed(OptionCode::REQUESTED_IP_ADDRESS).ok().flatten()
    }

    /// The lease time in seconds (option 51), if present and valid.
    pub fn lease_time(&self) -> Option<u32> {
        self.fixed(OptionCode::LEASE_TIME).ok().flatten()
    }
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
            .field("cookie", &self.cookie())
            .finish()
    }
}
