//! [`MessageMut`]: edits in place.

use core::net::Ipv4Addr;

use zerocopy::FromBytes;

use super::MAGIC_COOKIE;
use crate::code::OptionCode;
use crate::error::Error;
use crate::header::{Area, Flags, HEADER_LEN, Header, offset};
use crate::options::{OptionValue, Options, RawOption};

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
    /// [`Message::parse`](super::Message::parse).
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

    /// Every instance of `code`, as [`Message::option`](super::Message::option).
    ///
    /// # Errors
    /// As [`Message::option`](super::Message::option).
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
            other => self.header.area_mut(other),
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
