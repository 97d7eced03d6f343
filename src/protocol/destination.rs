//! Where a server sends a reply (RFC 2131 §4.1).

use core::fmt;
use core::net::{Ipv4Addr, SocketAddrV4};

use super::{CLIENT_PORT, SERVER_PORT};
use crate::code::MessageType;
use crate::message::Message;

/// A hardware address of at most 16 bytes, by value.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct HardwareAddress {
    bytes: [u8; 16],
    len: u8,
}

impl HardwareAddress {
    /// A hardware address of `bytes`; `None` over 16 bytes (the size of
    /// `chaddr`).
    pub fn new(bytes: &[u8]) -> Option<Self> {
        let mut stored = [0u8; 16];
        stored.get_mut(..bytes.len())?.copy_from_slice(bytes);
        Some(HardwareAddress {
            bytes: stored,
            len: u8::try_from(bytes.len()).ok()?,
        })
    }

    /// The `hlen` bytes of `chaddr`.
    pub fn as_bytes(&self) -> &[u8] {
        self.bytes.get(..usize::from(self.len)).unwrap_or(&[])
    }

    /// The address as a 6-byte MAC (Ethernet, Wi-Fi), when it has 6 bytes.
    pub fn mac(&self) -> Option<[u8; 6]> {
        self.as_bytes().try_into().ok()
    }

    /// The usable part of a request's `chaddr`: its `hlen` bytes, `None`
    /// for `hlen` 0 or over 16.
    fn of(request: &crate::Header) -> Option<Self> {
        Self::new(request.chaddr().ok().filter(|hw| !hw.is_empty())?)
    }
}

impl fmt::Debug for HardwareAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl fmt::Display for HardwareAddress {
    /// `0a:16:36:fb:bb:4a`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", crate::fmt::Hex(self.as_bytes()))
    }
}

/// Where a server sends a reply (RFC 2131 §4.1), from [`reply_destination`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Destination {
    /// To the relay agent at `giaddr`, port 67.
    Relay(Ipv4Addr),
    /// To 255.255.255.255 port 68 (and the link-layer broadcast address).
    Broadcast,
    /// To the client's current address `ciaddr`, port 68, by ordinary
    /// unicast (the client answers ARP for it; a responder without ARP has
    /// its link-layer address in `chaddr`).
    Unicast {
        /// `ciaddr`.
        ip: Ipv4Addr,
        /// The request's `chaddr` (its `hlen` bytes), when usable.
        chaddr: Option<HardwareAddress>,
    },
    /// To `yiaddr` port 68 at link-layer address `chaddr`: the client does
    /// not have the address yet and will not answer ARP, so the server
    /// writes an ARP entry (or a raw frame) from `chaddr`. RFC 2131 §4.1
    /// allows broadcasting instead when that is not possible.
    Hardware {
        /// `yiaddr`.
        ip: Ipv4Addr,
        /// `htype`.
        htype: u8,
        /// `chaddr` (its `hlen` bytes).
        chaddr: HardwareAddress,
    },
}

impl Destination {
    /// The UDP destination.
    pub fn socket_addr(&self) -> SocketAddrV4 {
        match *self {
            Destination::Relay(ip) => SocketAddrV4::new(ip, SERVER_PORT),
            Destination::Broadcast => SocketAddrV4::new(Ipv4Addr::BROADCAST, CLIENT_PORT),
            Destination::Unicast { ip, .. } | Destination::Hardware { ip, .. } => {
                SocketAddrV4::new(ip, CLIENT_PORT)
            }
        }
    }

    /// The link-layer (MAC) destination for a responder that writes its
    /// own frames, without ARP: ff:ff:ff:ff:ff:ff for a broadcast, the
    /// client's 6-byte `chaddr` for a unicast; `None` for a relay (whose
    /// address takes ARP) or a client whose hardware address is not 6
    /// bytes.
    pub fn mac(&self) -> Option<[u8; 6]> {
        match self {
            Destination::Relay(_) => None,
            Destination::Broadcast => Some([0xff; 6]),
            Destination::Unicast { chaddr, .. } => chaddr.as_ref()?.mac(),
            Destination::Hardware { chaddr, .. } => chaddr.mac(),
        }
    }
}

impl fmt::Display for Destination {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Destination::Relay(ip) => write!(f, "relay {ip}:{SERVER_PORT}"),
            Destination::Broadcast => write!(f, "broadcast 255.255.255.255:{CLIENT_PORT}"),
            Destination::Unicast { ip, .. } => write!(f, "unicast {ip}:{CLIENT_PORT}"),
            Destination::Hardware { ip, chaddr, .. } => {
                write!(f, "unicast {ip}:{CLIENT_PORT} at {chaddr}")
            }
        }
    }
}

/// Where the server sends `reply` to `request` (RFC 2131 §4.1):
///
/// > If the 'giaddr' field in a DHCP message from a client is non-zero,
/// > the server sends any return messages to the 'DHCP server' port on the
/// > BOOTP relay agent whose address appears in 'giaddr'. If the 'giaddr'
/// > field is zero and the 'ciaddr' field is nonzero, then the server
/// > unicasts DHCPOFFER and DHCPACK messages to the address in 'ciaddr'.
/// > If 'giaddr' is zero and 'ciaddr' is zero, and the broadcast bit is
/// > set, then the server broadcasts DHCPOFFER and DHCPACK messages to
/// > 0xffffffff. If the broadcast bit is not set and 'giaddr' is zero and
/// > 'ciaddr' is zero, then the server unicasts DHCPOFFER and DHCPACK
/// > messages to the client's hardware address and 'yiaddr' address. In
/// > all cases, when 'giaddr' is zero, the server broadcasts any DHCPNAK
/// > messages to 0xffffffff.
///
/// So, in order: `giaddr` ≠ 0 → [`Destination::Relay`]; a DHCPNAK (the
/// reply's first option 53) → [`Destination::Broadcast`]; `ciaddr` ≠ 0 →
/// [`Destination::Unicast`];
/// broadcast bit → [`Destination::Broadcast`]; otherwise
/// [`Destination::Hardware`] with the reply's `yiaddr` and the request's
/// `chaddr` — or [`Destination::Broadcast`] when there is no `yiaddr` or no
/// usable hardware address (`hlen` 0 or over 16) to unicast to.
#[inline]
pub fn reply_destination(request: &Message<'_>, reply: &Message<'_>) -> Destination {
    let q = request.header();
    if !q.giaddr().is_unspecified() {
        return Destination::Relay(q.giaddr());
    }
    // The reply's type decides only NAK or not: the first option 53 says it
    // (a builder writes it first), so the reply is not walked.
    if reply.peek_message_type() == Some(MessageType::Nak) {
        return Destination::Broadcast;
    }
    if !q.ciaddr().is_unspecified() {
        return Destination::Unicast {
            ip: q.ciaddr(),
            chaddr: HardwareAddress::of(q),
        };
    }
    if q.flags().broadcast() {
        return Destination::Broadcast;
    }
    let ip = reply.yiaddr();
    match HardwareAddress::of(q) {
        Some(chaddr) if !ip.is_unspecified() => Destination::Hardware {
            ip,
            htype: q.htype,
            chaddr,
        },
        _ => Destination::Broadcast,
    }
}
