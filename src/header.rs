//! The fixed 236-byte BOOTP header (RFC 951, RFC 2131 §2), as a zerocopy view.
//!
//! [`Header`] is `#[repr(C)]` over byte-aligned fields, so a `&[u8]` of at
//! least 236 bytes is viewed as a `&Header` without copying and without
//! `unsafe`; a `&mut [u8]` gives a `&mut Header` that edits the packet in place.

use core::fmt;
use core::net::Ipv4Addr;

use zerocopy::byteorder::network_endian::{U16, U32};
use zerocopy::{FromBytes, Immutable, IntoBytes, KnownLayout, Unaligned};

use crate::error::Error;

pub use crate::layout::{Area, Field, HEADER_LEN, offset};
use crate::layout::{FILE_LEN, SNAME_LEN};

/// The fixed BOOTP header, field for field as on the wire.
///
/// Multi-byte integers are big-endian wrappers; use the accessor methods for
/// plain Rust types.
///
/// ```
/// use dhcpwire::Header;
/// use zerocopy::FromBytes;
///
/// let mut bytes = [0u8; 236];
/// bytes[0] = 1; // BOOTREQUEST
/// bytes[4..8].copy_from_slice(&[0x0a, 0, 0, 1]);
/// let (header, _rest) = Header::ref_from_prefix(&bytes).unwrap();
/// assert_eq!(header.op(), dhcpwire::Op::BootRequest);
/// assert_eq!(header.xid(), 0x0a00_0001);
/// ```
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Clone, PartialEq, Eq)]
#[repr(C)]
pub struct Header {
    /// Message op code: 1 = BOOTREQUEST, 2 = BOOTREPLY.
    pub op: u8,
    /// Hardware address type (ARP `hrd` numbers: 1 = Ethernet).
    pub htype: u8,
    /// Hardware address length.
    pub hlen: u8,
    /// Relay agent hop count.
    pub hops: u8,
    /// Transaction id.
    pub xid: U32,
    /// Seconds elapsed since the client began acquisition or renewal.
    pub secs: U16,
    /// Flags: bit 15 is BROADCAST.
    pub flags: U16,
    /// Client IP address (when the client is bound, renewing or rebinding).
    pub ciaddr: [u8; 4],
    /// "Your" IP address: the address the server assigns.
    pub yiaddr: [u8; 4],
    /// Address of the next server in bootstrap.
    pub siaddr: [u8; 4],
    /// Relay agent IP address.
    pub giaddr: [u8; 4],
    /// Client hardware address; the first `hlen` bytes are meaningful.
    pub chaddr: [u8; 16],
    /// Server host name, NUL-terminated, or options when overloaded.
    pub sname: [u8; SNAME_LEN],
    /// Boot file name, NUL-terminated, or options when overloaded.
    pub file: [u8; FILE_LEN],
}

const _: () = assert!(core::mem::size_of::<Header>() == HEADER_LEN);

/// `htype` of Ethernet (ARP hardware type 1, RFC 1700), which nearly every
/// DHCP client uses.
pub const HTYPE_ETHERNET: u8 = 1;

/// The `op` field.
///
/// Implements `arbitrary::Arbitrary` with feature `arbitrary`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
pub enum Op {
    /// 1: sent by clients (and relays forwarding client messages).
    BootRequest,
    /// 2: sent by servers.
    BootReply,
    /// Any other value.
    Unknown(u8),
}

impl From<u8> for Op {
    fn from(v: u8) -> Self {
        match v {
            1 => Op::BootRequest,
            2 => Op::BootReply,
            other => Op::Unknown(other),
        }
    }
}

impl From<Op> for u8 {
    fn from(op: Op) -> u8 {
        match op {
            Op::BootRequest => 1,
            Op::BootReply => 2,
            Op::Unknown(v) => v,
        }
    }
}

impl fmt::Display for Op {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Op::BootRequest => f.write_str("Request"),
            Op::BootReply => f.write_str("Reply"),
            Op::Unknown(v) => write!(f, "Op-{v}"),
        }
    }
}

/// The 16-bit `flags` field.
///
/// Implements `arbitrary::Arbitrary` with feature `arbitrary`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "arbitrary", derive(arbitrary::Arbitrary))]
pub struct Flags(pub u16);

impl Flags {
    /// The BROADCAST bit (RFC 2131 §2, figure 2).
    pub const BROADCAST: u16 = 0x8000;

    /// Flags with only the broadcast bit set.
    pub const fn broadcast_only() -> Self {
        Flags(Self::BROADCAST)
    }

    /// Whether the client asked for broadcast replies.
    pub const fn broadcast(self) -> bool {
        self.0 & Self::BROADCAST != 0
    }

    /// These flags with the broadcast bit set or cleared.
    pub const fn with_broadcast(self, on: bool) -> Self {
        if on {
            Flags(self.0 | Self::BROADCAST)
        } else {
            Flags(self.0 & !Self::BROADCAST)
        }
    }

    /// The reserved bits (must be zero per RFC 2131).
    pub const fn reserved(self) -> u16 {
        self.0 & !Self::BROADCAST
    }
}

impl fmt::Display for Flags {
    /// tcpdump style: `[Broadcast] (0x8000)` or `[none] (0x0000)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.broadcast() {
            f.write_str("[Broadcast]")?;
        } else {
            f.write_str("[none]")?;
        }
        write!(f, " (0x{:04x})", self.0)
    }
}

/// Bytes of a fixed-size NUL-padded field up to the first NUL.
pub(crate) fn until_nul(field: &[u8]) -> &[u8] {
    let end = field.iter().position(|&b| b == 0).unwrap_or(field.len());
    field.get(..end).unwrap_or(field)
}

impl Header {
    /// Views the first 236 bytes of `bytes` as a header.
    ///
    /// # Errors
    /// [`Error::TruncatedHeader`] when fewer than 236 bytes are given.
    // Inlined: out of line it is a call and a 56-byte result through memory
    // on every parse (measured: a third of a peek's instructions).
    #[inline]
    pub fn from_prefix(bytes: &[u8]) -> Result<&Header, Error> {
        Header::ref_from_prefix(bytes)
            .map(|(h, _)| h)
            .map_err(|_| Error::TruncatedHeader { len: bytes.len() })
    }

    /// Views the first 236 bytes of `bytes` as a mutable header.
    ///
    /// # Errors
    /// [`Error::TruncatedHeader`] when fewer than 236 bytes are given.
    #[inline]
    pub fn from_prefix_mut(bytes: &mut [u8]) -> Result<&mut Header, Error> {
        let len = bytes.len();
        Header::mut_from_prefix(bytes)
            .map(|(h, _)| h)
            .map_err(|_| Error::TruncatedHeader { len })
    }

    /// A header with every byte zero.
    pub fn zeroed() -> Header {
        <Header as zerocopy::FromZeros>::new_zeroed()
    }

    /// The message op code.
    pub fn op(&self) -> Op {
        Op::from(self.op)
    }

    /// The hardware address type ([`HTYPE_ETHERNET`] for Ethernet).
    pub fn htype(&self) -> u8 {
        self.htype
    }

    /// The hardware address length (6 for Ethernet; more than 16 is
    /// malformed).
    pub fn hlen(&self) -> u8 {
        self.hlen
    }

    /// The relay hop count.
    pub fn hops(&self) -> u8 {
        self.hops
    }

    /// The client hardware address as a 6-byte MAC, when `hlen` is 6 (an
    /// Ethernet or Wi-Fi client): by value, with no copy loop for the
    /// caller to write.
    ///
    /// ```
    /// use dhcpwire::Header;
    /// let mut h = Header::zeroed();
    /// h.set_chaddr(&[0x0a, 0x16, 0x36, 0xfb, 0xbb, 0x4a]).unwrap();
    /// assert_eq!(h.chaddr_mac(), Some([0x0a, 0x16, 0x36, 0xfb, 0xbb, 0x4a]));
    /// h.hlen = 16;
    /// assert_eq!(h.chaddr_mac(), None);
    /// ```
    #[inline]
    pub fn chaddr_mac(&self) -> Option<[u8; 6]> {
        if self.hlen != 6 {
            return None;
        }
        self.chaddr.first_chunk::<6>().copied()
    }

    /// The transaction id.
    pub fn xid(&self) -> u32 {
        self.xid.get()
    }

    /// Seconds elapsed since the client began.
    pub fn secs(&self) -> u16 {
        self.secs.get()
    }

    /// The flags field.
    pub fn flags(&self) -> Flags {
        Flags(self.flags.get())
    }

    /// Client IP address.
    pub fn ciaddr(&self) -> Ipv4Addr {
        Ipv4Addr::from(self.ciaddr)
    }

    /// "Your" IP address.
    pub fn yiaddr(&self) -> Ipv4Addr {
        Ipv4Addr::from(self.yiaddr)
    }

    /// Next server IP address.
    pub fn siaddr(&self) -> Ipv4Addr {
        Ipv4Addr::from(self.siaddr)
    }

    /// Relay agent IP address.
    pub fn giaddr(&self) -> Ipv4Addr {
        Ipv4Addr::from(self.giaddr)
    }

    /// The client hardware address: the first `hlen` bytes of `chaddr`.
    ///
    /// # Errors
    /// [`Error::HardwareAddressTooLong`] when `hlen` exceeds 16; use
    /// [`Header::chaddr_lossy`] to get the 16 bytes anyway.
    pub fn chaddr(&self) -> Result<&[u8], Error> {
        self.chaddr
            .get(..usize::from(self.hlen))
            .ok_or(Error::HardwareAddressTooLong {
                hlen: self.hlen,
                offset: offset::HLEN,
            })
    }

    /// The first `min(hlen, 16)` bytes of `chaddr`: never fails.
    #[inline]
    pub fn chaddr_lossy(&self) -> &[u8] {
        let n = usize::from(self.hlen).min(self.chaddr.len());
        self.chaddr.get(..n).unwrap_or(&self.chaddr)
    }

    /// `sname` up to its first NUL, read as a name. When option 52 says the
    /// field carries options this is meaningless: prefer
    /// [`Message::sname`](crate::Message::sname), which knows.
    pub fn sname_bytes(&self) -> &[u8] {
        until_nul(&self.sname)
    }

    /// `file` up to its first NUL, read as a name. See
    /// [`Message::file`](crate::Message::file) for the overload-aware form.
    pub fn file_bytes(&self) -> &[u8] {
        until_nul(&self.file)
    }

    /// The bytes of `file` or `sname`; empty for [`Area::Options`], which
    /// lies after the header.
    pub fn area(&self, area: Area) -> &[u8] {
        match area {
            Area::Options => &[],
            Area::File => &self.file,
            Area::Sname => &self.sname,
        }
    }

    /// The bytes of `file` or `sname`, mutable; empty for
    /// [`Area::Options`].
    pub fn area_mut(&mut self, area: Area) -> &mut [u8] {
        match area {
            Area::Options => &mut [],
            Area::File => &mut self.file,
            Area::Sname => &mut self.sname,
        }
    }

    /// `mut_from_prefix` for buffers known to hold a header (the builder's
    /// are at least 240 bytes); `None` otherwise.
    #[inline]
    pub(crate) fn mut_from_prefix_checked(buf: &mut [u8]) -> Option<&mut Header> {
        Header::mut_from_prefix(buf).ok().map(|(h, _)| h)
    }

    /// Sets `op`.
    pub fn set_op(&mut self, op: Op) {
        self.op = op.into();
    }

    /// Sets `xid`.
    pub fn set_xid(&mut self, xid: u32) {
        self.xid.set(xid);
    }

    /// Sets `secs`.
    pub fn set_secs(&mut self, secs: u16) {
        self.secs.set(secs);
    }

    /// Sets `flags`.
    pub fn set_flags(&mut self, flags: Flags) {
        self.flags.set(flags.0);
    }

    /// Sets `ciaddr`.
    pub fn set_ciaddr(&mut self, addr: Ipv4Addr) {
        self.ciaddr = addr.octets();
    }

    /// Sets `yiaddr`.
    pub fn set_yiaddr(&mut self, addr: Ipv4Addr) {
        self.yiaddr = addr.octets();
    }

    /// Sets `siaddr`.
    pub fn set_siaddr(&mut self, addr: Ipv4Addr) {
        self.siaddr = addr.octets();
    }

    /// Sets `giaddr`.
    pub fn set_giaddr(&mut self, addr: Ipv4Addr) {
        self.giaddr = addr.octets();
    }

    /// Adds one to `hops`.
    ///
    /// # Errors
    /// [`Error::HopsOverflow`] when `hops` is already 255 (RFC 1542 §4.1.1
    /// says relays discard messages whose hops exceed a configured maximum,
    /// at most 16; this only refuses to wrap).
    pub fn increment_hops(&mut self) -> Result<u8, Error> {
        let hops = self.hops.checked_add(1).ok_or(Error::HopsOverflow {
            offset: offset::HOPS,
        })?;
        self.hops = hops;
        Ok(hops)
    }

    /// Sets `chaddr` to `addr` zero-padded and `hlen` to its length.
    ///
    /// # Errors
    /// [`Error::FieldTooLong`] when `addr` is longer than 16 bytes.
    // Inlined: a builder's hot path (out of line, a tenth of building an ACK).
    #[inline]
    pub fn set_chaddr(&mut self, addr: &[u8]) -> Result<(), Error> {
        set_field(&mut self.chaddr, addr, "chaddr", offset::CHADDR)?;
        // set_field guarantees addr.len() <= 16.
        self.hlen = u8::try_from(addr.len()).unwrap_or(16);
        Ok(())
    }

    /// Sets `sname` to `name` followed by NULs.
    ///
    /// # Errors
    /// [`Error::FieldTooLong`] when `name` is longer than 64 bytes.
    pub fn set_sname(&mut self, name: &[u8]) -> Result<(), Error> {
        set_field(&mut self.sname, name, "sname", offset::SNAME)
    }

    /// Sets `file` to `name` followed by NULs.
    ///
    /// # Errors
    /// [`Error::FieldTooLong`] when `name` is longer than 128 bytes.
    pub fn set_file(&mut self, name: &[u8]) -> Result<(), Error> {
        set_field(&mut self.file, name, "file", offset::FILE)
    }
}

#[inline]
fn set_field(field: &mut [u8], value: &[u8], name: &'static str, at: usize) -> Result<(), Error> {
    let max = field.len();
    let (head, tail) = field
        .split_at_mut_checked(value.len())
        .ok_or(Error::FieldTooLong {
            field: name,
            offset: at,
            len: value.len(),
            max,
        })?;
    head.copy_from_slice(value);
    tail.fill(0);
    Ok(())
}

impl fmt::Debug for Header {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Header")
            .field("op", &self.op())
            .field("htype", &self.htype)
            .field("hlen", &self.hlen)
            .field("hops", &self.hops)
            .field("xid", &format_args!("{:#010x}", self.xid()))
            .field("secs", &self.secs())
            .field("flags", &self.flags())
            .field("ciaddr", &self.ciaddr())
            .field("yiaddr", &self.yiaddr())
            .field("siaddr", &self.siaddr())
            .field("giaddr", &self.giaddr())
            .field("chaddr", &crate::fmt::Hex(self.chaddr_lossy()))
            .field("sname", &crate::fmt::Text(self.sname_bytes()))
            .field("file", &crate::fmt::Text(self.file_bytes()))
            .finish()
    }
}
