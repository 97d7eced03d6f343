//! Client messages restricted to RFC 2131 Table 5.

use core::borrow::Borrow;
use core::marker::PhantomData;
use core::net::{Ipv4Addr, SocketAddrV4};

use super::reply::{FirstError, ProtocolError, kind};
use super::reply::{managed, sealed};
use super::violation::{Rule, Severity, Subject, Violation};
use super::{SERVER_PORT, TABLE3};
use crate::builder::MessageBuilder;
use crate::code::{MessageType, OptionCode};
use crate::header::Field;
use crate::header::{Flags, Op};
use crate::message::Message;

/// The client state a DHCPREQUEST is sent in (RFC 2131 §4.3.2, Table 5),
/// with what each carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RequestState {
    /// Answering a DHCPOFFER: option 50 = the offered address, option 54 =
    /// the offering server, `ciaddr` 0, broadcast.
    Selecting {
        /// The server chosen (its option 54).
        server_identifier: Ipv4Addr,
        /// The address offered (the DHCPOFFER's `yiaddr`).
        requested: Ipv4Addr,
    },
    /// Verifying a remembered address after a reboot: option 50, no 54,
    /// `ciaddr` 0, broadcast.
    InitReboot {
        /// The remembered address.
        requested: Ipv4Addr,
    },
    /// Extending the lease at T1: `ciaddr`, no 50/54, unicast to the server.
    Renewing {
        /// The client's address.
        ciaddr: Ipv4Addr,
        /// The server that granted the lease (unicast destination).
        server: Ipv4Addr,
    },
    /// Extending the lease at T2 from any server: `ciaddr`, no 50/54,
    /// broadcast.
    Rebinding {
        /// The client's address.
        ciaddr: Ipv4Addr,
    },
}

/// The eight client messages of RFC 2131 §4.4.1 Table 5, each DHCPREQUEST
/// state a kind of its own: what a unit test of a server builds in one
/// line with [`build`](Self::build).
///
/// ```
/// # fn main() -> Result<(), dhcpwire::protocol::ProtocolError> {
/// use dhcpwire::MessageType;
/// use dhcpwire::protocol::{ClientKind, validate};
/// use std::net::Ipv4Addr;
///
/// let (ip, server) = (Ipv4Addr::new(192, 168, 1, 100), Ipv4Addr::new(192, 168, 1, 1));
/// let mut buf = [0u8; 576];
/// let renew = ClientKind::Renewing.build(&mut buf, 7, &[2, 0, 0, 0, 0, 1], ip, server)?;
/// assert_eq!(renew.message_type()?, Some(MessageType::Request));
/// assert_eq!(renew.ciaddr(), ip);
/// assert!(validate(&renew).is_empty());
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ClientKind {
    /// DHCPDISCOVER.
    Discover,
    /// DHCPREQUEST answering a DHCPOFFER (SELECTING).
    Selecting,
    /// DHCPREQUEST verifying a remembered address (INIT-REBOOT).
    InitReboot,
    /// DHCPREQUEST extending the lease, unicast (RENEWING).
    Renewing,
    /// DHCPREQUEST extending the lease, broadcast (REBINDING).
    Rebinding,
    /// DHCPDECLINE.
    Decline,
    /// DHCPRELEASE.
    Release,
    /// DHCPINFORM.
    Inform,
}

impl ClientKind {
    /// Every kind, in Table 5's order.
    pub const ALL: [ClientKind; 8] = [
        ClientKind::Discover,
        ClientKind::Selecting,
        ClientKind::InitReboot,
        ClientKind::Renewing,
        ClientKind::Rebinding,
        ClientKind::Decline,
        ClientKind::Release,
        ClientKind::Inform,
    ];

    /// The message type (option 53) of this kind.
    pub const fn message_type(self) -> MessageType {
        match self {
            ClientKind::Discover => MessageType::Discover,
            ClientKind::Selecting
            | ClientKind::InitReboot
            | ClientKind::Renewing
            | ClientKind::Rebinding => MessageType::Request,
            ClientKind::Decline => MessageType::Decline,
            ClientKind::Release => MessageType::Release,
            ClientKind::Inform => MessageType::Inform,
        }
    }

    /// The DHCPREQUEST state of this kind, `None` for the other messages.
    /// `client` and `server` as in [`build`](Self::build).
    pub const fn request_state(self, client: Ipv4Addr, server: Ipv4Addr) -> Option<RequestState> {
        match self {
            ClientKind::Selecting => Some(RequestState::Selecting {
                server_identifier: server,
                requested: client,
            }),
            ClientKind::InitReboot => Some(RequestState::InitReboot { requested: client }),
            ClientKind::Renewing => Some(RequestState::Renewing {
                ciaddr: client,
                server,
            }),
            ClientKind::Rebinding => Some(RequestState::Rebinding { ciaddr: client }),
            _ => None,
        }
    }

    /// Builds this kind of message into `buf` with [`ClientMessage`] and
    /// hands it back parsed: `client` is the client's address (`ciaddr`,
    /// or the address requested or declined in option 50; unused by
    /// DISCOVER), `server` the server's (option 54, and where a renewal or
    /// a release is sent; unused by DISCOVER, INIT-REBOOT, REBINDING and
    /// INFORM). For anything more (option 55, 61, a host name), use
    /// [`ClientMessage`] itself.
    ///
    /// # Errors
    /// As [`ClientMessage::discover`].
    pub fn build<'b>(
        self,
        buf: &'b mut [u8],
        xid: u32,
        chaddr: &[u8],
        client: Ipv4Addr,
        server: Ipv4Addr,
    ) -> Result<Message<'b>, ProtocolError> {
        if let Some(state) = self.request_state(client, server) {
            return ClientMessage::request(buf, xid, chaddr, state)?.finish_message();
        }
        match self {
            ClientKind::Decline => {
                ClientMessage::decline(buf, xid, chaddr, client, server)?.finish_message()
            }
            ClientKind::Release => {
                ClientMessage::release(buf, xid, chaddr, client, server)?.finish_message()
            }
            ClientKind::Inform => ClientMessage::inform(buf, xid, chaddr, client)?.finish_message(),
            _ => ClientMessage::discover(buf, xid, chaddr)?.finish_message(),
        }
    }
}

/// Client messages that carry configuration requests (DISCOVER, REQUEST,
/// INFORM): not DECLINE or RELEASE.
pub trait Asks: sealed::Sealed {}
impl Asks for kind::Discover {}
impl Asks for kind::Request {}
impl Asks for kind::Inform {}

/// Client messages that may suggest a lease time (DISCOVER, REQUEST).
pub trait SuggestsLease: sealed::Sealed {}
impl SuggestsLease for kind::Discover {}
impl SuggestsLease for kind::Request {}

/// Client messages that explain themselves with option 56 (DECLINE,
/// RELEASE: Table 5 "SHOULD").
pub trait Explains: sealed::Sealed {}
impl Explains for kind::Decline {}
impl Explains for kind::Release {}

/// A client message restricted to what RFC 2131 §4.4.1 Table 5 allows.
///
/// The constructors write `op` BOOTREQUEST, `htype` 1 (change it with
/// [`htype`](Self::htype)), `chaddr`, `xid`, option 53, and the `ciaddr`,
/// option 50 and option 54 the message type and state call for:
///
/// | | ciaddr | 50 | 54 | 51 | 55, 57, 60, others | 56 | sent to |
/// |---|---|---|---|---|---|---|---|
/// | DISCOVER | 0 | MAY | never | MAY | MAY | never | broadcast |
/// | REQUEST selecting | 0 | yes | yes | MAY | MAY | never | broadcast |
/// | REQUEST init-reboot | 0 | yes | never | MAY | MAY | never | broadcast |
/// | REQUEST renewing | yes | never | never | MAY | MAY | never | server |
/// | REQUEST rebinding | yes | never | never | MAY | MAY | never | broadcast |
/// | DECLINE | 0 | yes | yes | never | never | MAY | broadcast |
/// | RELEASE | yes | never | yes | never | never | MAY | server |
/// | INFORM | yes | never | never | never | MAY | never | broadcast |
#[derive(Debug)]
pub struct ClientMessage<'b, K> {
    b: MessageBuilder<'b>,
    destination: SocketAddrV4,
    error: FirstError,
    _kind: PhantomData<K>,
}

const BROADCAST_TO_SERVER: SocketAddrV4 = SocketAddrV4::new(Ipv4Addr::BROADCAST, SERVER_PORT);

impl<'b, K> ClientMessage<'b, K> {
    fn start(
        buf: &'b mut [u8],
        t: MessageType,
        xid: u32,
        chaddr: &[u8],
    ) -> Result<Self, ProtocolError> {
        let mut b = MessageBuilder::new(buf)?;
        b.op(Op::BootRequest)
            .htype(1)
            .xid(xid)
            .chaddr(chaddr)
            .message_type(t);
        if let Some(e) = b.error() {
            return Err(e.into());
        }
        Ok(ClientMessage {
            b,
            destination: BROADCAST_TO_SERVER,
            error: FirstError::default(),
            _kind: PhantomData,
        })
    }

    /// Sets `htype` (default 1, Ethernet).
    pub fn htype(&mut self, htype: u8) -> &mut Self {
        self.b.htype(htype);
        self
    }

    /// Option 61: a type byte (1 = Ethernet, 255 = RFC 4361 IAID+DUID, 0 =
    /// opaque) and the identifier.
    pub fn client_identifier(&mut self, kind: u8, id: &[u8]) -> &mut Self {
        self.b.client_identifier(kind, id);
        self
    }

    /// Where the client sends this message: 255.255.255.255:67, or the
    /// server's address port 67 for a RENEWING request and a RELEASE
    /// (RFC 2131 §4.4.4, §4.4.5, §4.4.6).
    pub fn destination(&self) -> SocketAddrV4 {
        self.destination
    }

    /// Writes END and returns the length.
    ///
    /// # Errors
    /// The first setter error, or the builder's [`Error`](crate::Error).
    pub fn finish(&mut self) -> Result<usize, ProtocolError> {
        self.error.check()?;
        Ok(self.b.finish()?)
    }

    /// [`finish`](Self::finish), handing back the message as a [`Message`]
    /// over the buffer.
    ///
    /// # Errors
    /// As [`finish`](Self::finish).
    pub fn finish_message(&mut self) -> Result<Message<'b>, ProtocolError> {
        self.error.check()?;
        Ok(self.b.finish_message()?)
    }
}

impl<'b> ClientMessage<'b, kind::Discover> {
    /// A DHCPDISCOVER (broadcast, `ciaddr` 0, no option 54).
    ///
    /// # Errors
    /// [`Error::BufferTooSmall`](crate::Error::BufferTooSmall), or
    /// [`Error::FieldTooLong`](crate::Error::FieldTooLong) for a `chaddr`
    /// over 16 bytes.
    pub fn discover(buf: &'b mut [u8], xid: u32, chaddr: &[u8]) -> Result<Self, ProtocolError> {
        Self::start(buf, MessageType::Discover, xid, chaddr)
    }

    /// Option 50: the address the client would like (MAY).
    pub fn requested_ip(&mut self, addr: Ipv4Addr) -> &mut Self {
        self.b.requested_ip(addr);
        self
    }
}

impl<'b> ClientMessage<'b, kind::Request> {
    /// A DHCPREQUEST in `state` (see [`RequestState`]).
    ///
    /// # Errors
    /// As [`discover`](ClientMessage::discover).
    pub fn request(
        buf: &'b mut [u8],
        xid: u32,
        chaddr: &[u8],
        state: RequestState,
    ) -> Result<Self, ProtocolError> {
        let mut m = Self::start(buf, MessageType::Request, xid, chaddr)?;
        match state {
            RequestState::Selecting {
                server_identifier,
                requested,
            } => {
                m.b.requested_ip(requested)
                    .server_identifier(server_identifier);
            }
            RequestState::InitReboot { requested } => {
                m.b.requested_ip(requested);
            }
            RequestState::Renewing { ciaddr, server } => {
                m.b.ciaddr(ciaddr);
                m.destination = SocketAddrV4::new(server, SERVER_PORT);
            }
            RequestState::Rebinding { ciaddr } => {
                m.b.ciaddr(ciaddr);
            }
        }
        Ok(m)
    }

    /// The SELECTING DHCPREQUEST answering `offer`: its `xid`, `htype`,
    /// `chaddr`, `yiaddr` as option 50 and option 54.
    ///
    /// # Errors
    /// [`ProtocolError::Violation`] when the offer has no server identifier
    /// or no `yiaddr`; [`ProtocolError::WrongRequest`] when it is not a
    /// DHCPOFFER.
    pub fn select(buf: &'b mut [u8], offer: &Message<'_>) -> Result<Self, ProtocolError> {
        let t = offer.message_type()?;
        if t != Some(MessageType::Offer) {
            return Err(ProtocolError::WrongRequest {
                reply: MessageType::Request,
                expected: MessageType::Offer,
                found: t,
            });
        }
        let missing = |s| {
            ProtocolError::Violation(Violation {
                rule: Rule::Missing,
                subject: s,
                severity: Severity::Must,
                section: TABLE3,
                message_type: Some(MessageType::Offer),
            })
        };
        let server_identifier = offer
            .server_identifier()
            .ok_or(missing(Subject::Option(OptionCode::SERVER_IDENTIFIER)))?;
        if offer.yiaddr().is_unspecified() {
            return Err(missing(Subject::Field(Field::Yiaddr)));
        }
        let mut m = Self::request(
            buf,
            offer.xid(),
            offer.chaddr()?,
            RequestState::Selecting {
                server_identifier,
                requested: offer.yiaddr(),
            },
        )?;
        m.b.htype(offer.htype);
        Ok(m)
    }
}

impl<'b> ClientMessage<'b, kind::Decline> {
    /// A DHCPDECLINE of `declined` (option 50) leased by `server` (option
    /// 54): `ciaddr` 0, broadcast (RFC 2131 §4.4.1).
    ///
    /// # Errors
    /// As [`discover`](ClientMessage::discover).
    pub fn decline(
        buf: &'b mut [u8],
        xid: u32,
        chaddr: &[u8],
        declined: Ipv4Addr,
        server: Ipv4Addr,
    ) -> Result<Self, ProtocolError> {
        let mut m = Self::start(buf, MessageType::Decline, xid, chaddr)?;
        m.b.requested_ip(declined).server_identifier(server);
        Ok(m)
    }
}

impl<'b> ClientMessage<'b, kind::Release> {
    /// A DHCPRELEASE of `ciaddr` to `server` (option 54), unicast to the
    /// server (RFC 2131 §4.4.6).
    ///
    /// # Errors
    /// As [`discover`](ClientMessage::discover).
    pub fn release(
        buf: &'b mut [u8],
        xid: u32,
        chaddr: &[u8],
        ciaddr: Ipv4Addr,
        server: Ipv4Addr,
    ) -> Result<Self, ProtocolError> {
        let mut m = Self::start(buf, MessageType::Release, xid, chaddr)?;
        m.b.ciaddr(ciaddr).server_identifier(server);
        m.destination = SocketAddrV4::new(server, SERVER_PORT);
        Ok(m)
    }
}

impl<'b> ClientMessage<'b, kind::Inform> {
    /// A DHCPINFORM from a client configured with `ciaddr` (no 50, 51, 54).
    ///
    /// # Errors
    /// As [`discover`](ClientMessage::discover).
    pub fn inform(
        buf: &'b mut [u8],
        xid: u32,
        chaddr: &[u8],
        ciaddr: Ipv4Addr,
    ) -> Result<Self, ProtocolError> {
        let mut m = Self::start(buf, MessageType::Inform, xid, chaddr)?;
        m.b.ciaddr(ciaddr);
        Ok(m)
    }
}

impl<K: Asks> ClientMessage<'_, K> {
    /// Sets the broadcast bit: the client cannot receive unicast before it
    /// has an address (RFC 2131 §4.1).
    pub fn broadcast(&mut self, on: bool) -> &mut Self {
        self.b.flags(Flags::default().with_broadcast(on));
        self
    }

    /// `secs`: seconds since the client began the exchange.
    pub fn secs(&mut self, secs: u16) -> &mut Self {
        self.b.secs(secs);
        self
    }

    /// Option 55, from any cloneable sequence of codes.
    pub fn parameter_request_list<I>(&mut self, codes: I) -> &mut Self
    where
        I: IntoIterator,
        I::Item: Borrow<OptionCode>,
        I::IntoIter: Clone,
    {
        self.b.parameter_request_list(codes);
        self
    }

    /// Option 57; values under 576 are refused (RFC 2132 §9.10).
    pub fn max_message_size(&mut self, size: u16) -> &mut Self {
        if size < 576 {
            self.error.record(ProtocolError::Violation(Violation::must(
                Rule::Value {
                    expected: "at least 576",
                },
                Subject::Option(OptionCode::MAX_MESSAGE_SIZE),
                "RFC 2132 §9.10",
            )));
        } else {
            self.b.max_message_size(size);
        }
        self
    }

    /// Option 60.
    pub fn vendor_class_identifier(&mut self, class: &[u8]) -> &mut Self {
        self.b.vendor_class_identifier(class);
        self
    }

    /// Option 12.
    pub fn host_name(&mut self, name: &[u8]) -> &mut Self {
        self.b.host_name(name);
        self
    }

    /// Any other option ("All others: MAY"); those written by the
    /// constructor, by a dedicated setter, by relays (82) or discouraged
    /// (56) are refused with [`ProtocolError::ManagedOption`].
    pub fn option(&mut self, code: OptionCode, value: &[u8]) -> &mut Self {
        match managed(code, true) {
            Some(by) => {
                self.error
                    .record(ProtocolError::ManagedOption { code: code.0, by });
            }
            None => {
                self.b.option(code, value);
            }
        }
        self
    }
}

impl<K: SuggestsLease> ClientMessage<'_, K> {
    /// Option 51: the lease time the client would like (MAY).
    pub fn lease_time(&mut self, secs: u32) -> &mut Self {
        self.b.lease_time(secs);
        self
    }
}

impl<K: Explains> ClientMessage<'_, K> {
    /// Option 56: why (Table 5: SHOULD).
    pub fn message(&mut self, text: &[u8]) -> &mut Self {
        self.b.option(OptionCode::MESSAGE, text);
        self
    }
}
