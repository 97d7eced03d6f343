//! Server replies restricted to RFC 2131 Table 3, and the errors of the
//! restricted builders.

use core::borrow::Borrow;
use core::fmt;
use core::marker::PhantomData;
use core::net::Ipv4Addr;

use super::timers::LeaseTimers;
use super::timers::timers_ordered;
use super::violation::{Rule, Severity, Subject, Violation};
use super::{SEC_TIMERS, TABLE3};
use crate::builder::MessageBuilder;
use crate::code::{MessageType, OptionCode};
use crate::error::Error;
use crate::header::Header;
use crate::header::{Field, Flags};
use crate::message::{EchoAt, Message, OptionIndex};

/// A request's type in an error message: `a DHCP Discover`, or `without a
/// message type`.
struct FoundType(Option<MessageType>);

impl fmt::Display for FoundType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(t) => write!(f, "a DHCP {t}"),
            None => f.write_str("without a message type"),
        }
    }
}

/// Why a [`Reply`] or [`ClientMessage`](super::ClientMessage) could not be
/// built.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ProtocolError {
    /// A wire-level error from the builder or the request (buffer too
    /// small, unparseable request, ...).
    #[error(transparent)]
    Wire(#[from] Error),
    /// The message would break an RFC rule (a missing MUST, a forbidden
    /// option, T1/T2 out of order): the violation says which.
    #[error("{0}")]
    Violation(Violation),
    /// The request is not of the type this reply answers.
    #[error("a DHCP {reply} answers a DHCP {expected}, the request is {}", FoundType(*found))]
    WrongRequest {
        /// The reply being built.
        reply: MessageType,
        /// The request type it answers.
        expected: MessageType,
        /// The request's type (`None`: no option 53).
        found: Option<MessageType>,
    },
    /// The request is not a BOOTREQUEST (`op` 1): a server answers only
    /// client messages.
    #[error("the request's op at offset 0 is {found}, not BOOTREQUEST: no reply answers it")]
    NotARequest {
        /// The request's `op`.
        found: crate::header::Op,
    },
    /// The option is written by a dedicated method or automatically.
    #[error("option {code} is set by {by}, not by option()")]
    ManagedOption {
        /// The option code.
        code: u8,
        /// What sets it.
        by: &'static str,
    },
}

/// The request a [`Reply`] answers: a parsed message, or its
/// [`OptionIndex`] when the server has one already (then the request is not
/// walked again). `&Message` and `&OptionIndex` convert into it.
#[derive(Debug, Clone, Copy)]
pub enum ReplyTo<'i, 'r> {
    /// A parsed request: the reply indexes it (one walk).
    Message(&'i Message<'r>),
    /// An indexed request.
    Index(&'i OptionIndex<'r>),
}

impl<'r> ReplyTo<'_, 'r> {
    /// The request's header.
    pub fn header(&self) -> &'r Header {
        match self {
            ReplyTo::Message(m) => m.header(),
            ReplyTo::Index(i) => i.message().header(),
        }
    }
}

impl<'i, 'r> From<&'i Message<'r>> for ReplyTo<'i, 'r> {
    fn from(m: &'i Message<'r>) -> Self {
        ReplyTo::Message(m)
    }
}

impl<'i, 'r> From<&'i OptionIndex<'r>> for ReplyTo<'i, 'r> {
    fn from(i: &'i OptionIndex<'r>) -> Self {
        ReplyTo::Index(i)
    }
}

/// When a [`Reply`] echoes the request's relay agent information (option
/// 82, RFC 3046).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum EchoRelayInfo {
    /// When the request came through a relay (`giaddr` set): the default.
    /// RFC 3046 §2.2 has a server echo what the relay added; an option 82
    /// in a request with `giaddr` 0 came from the client's own link, where
    /// no relay added it, and RFC 3046 §2.1 has such options from
    /// untrusted circuits discarded.
    #[default]
    WhenRelayed,
    /// Whenever the request has one (RFC 3046 §2.2 read literally).
    Always,
    /// Never.
    Never,
}

/// The first error a chain of setters met: later ones are dropped, and
/// `finish` returns it.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct FirstError(Option<ProtocolError>);

impl FirstError {
    /// Keeps `e` unless an error is already kept.
    pub(super) fn record(&mut self, e: ProtocolError) {
        if self.0.is_none() {
            self.0 = Some(e);
        }
    }

    /// The kept error, if any.
    #[inline]
    pub(super) fn check(&self) -> Result<(), ProtocolError> {
        // By reference: the ~60-byte error is copied only when there is one.
        match &self.0 {
            None => Ok(()),
            Some(e) => Err(*e),
        }
    }
}

/// Which method or rule writes `code`, for codes `option()` refuses.
pub(super) fn managed(code: OptionCode, client: bool) -> Option<&'static str> {
    Some(match code.0 {
        0 | 255 => "the builder (PAD/END)",
        50 if client => "the constructor or requested_ip() (RFC 2131 Table 5)",
        50 => "nobody: a reply MUST NOT carry it (RFC 2131 Table 3)",
        51 => "lease_time() (RFC 2131 Tables 3 and 5)",
        52 if client => "nobody: client messages are not overloaded here",
        52 => "overload_when_full()",
        53 => "the constructor",
        54 if client => "the message's constructor (RFC 2131 Table 5)",
        54 => "server_identifier()",
        55 if !client => "nobody: a reply MUST NOT carry it (RFC 2131 Table 3)",
        57 if client => "max_message_size(), which refuses values under 576",
        57 => "nobody: a reply MUST NOT carry it (RFC 2131 Table 3)",
        58 if !client => "renewal_time()",
        59 if !client => "rebinding_time()",
        61 if client => "client_identifier()",
        61 => "the reply itself: it echoes the request's (RFC 6842 §3)",
        82 if client => "relay agents only (RFC 3046)",
        82 => "the reply itself: it echoes the request's (RFC 3046 §2.2)",
        56 if client => "nobody: SHOULD NOT in this message (RFC 2131 Table 5)",
        _ => return None,
    })
}

/// Marker types for the kinds of [`Reply`] and
/// [`ClientMessage`](super::ClientMessage).
pub mod kind {
    /// DHCPOFFER, answering a DHCPDISCOVER.
    #[derive(Debug)]
    pub struct Offer;
    /// DHCPACK, answering a DHCPREQUEST.
    #[derive(Debug)]
    pub struct Ack;
    /// DHCPACK, answering a DHCPINFORM (no lease, RFC 2131 §4.3.5).
    #[derive(Debug)]
    pub struct InformAck;
    /// DHCPNAK, answering a DHCPREQUEST.
    #[derive(Debug)]
    pub struct Nak;
    /// DHCPDISCOVER.
    #[derive(Debug)]
    pub struct Discover;
    /// DHCPREQUEST.
    #[derive(Debug)]
    pub struct Request;
    /// DHCPDECLINE.
    #[derive(Debug)]
    pub struct Decline;
    /// DHCPRELEASE.
    #[derive(Debug)]
    pub struct Release;
    /// DHCPINFORM.
    #[derive(Debug)]
    pub struct Inform;
}

pub(super) mod sealed {
    pub trait Sealed {}
    impl Sealed for super::kind::Offer {}
    impl Sealed for super::kind::Ack {}
    impl Sealed for super::kind::InformAck {}
    impl Sealed for super::kind::Nak {}
    impl Sealed for super::kind::Discover {}
    impl Sealed for super::kind::Request {}
    impl Sealed for super::kind::Decline {}
    impl Sealed for super::kind::Release {}
    impl Sealed for super::kind::Inform {}
}

/// The kinds of [`Reply`].
pub trait ReplyKind: sealed::Sealed {
    /// Whether the reply grants a lease (needs `yiaddr` and option 51).
    const LEASED: bool;
}
impl ReplyKind for kind::Offer {
    const LEASED: bool = true;
}
impl ReplyKind for kind::Ack {
    const LEASED: bool = true;
}
impl ReplyKind for kind::InformAck {
    const LEASED: bool = false;
}
impl ReplyKind for kind::Nak {
    const LEASED: bool = false;
}

/// Replies that carry configuration (OFFER, ACK, ACK to INFORM): not NAK.
pub trait Configures: ReplyKind {}
impl Configures for kind::Offer {}
impl Configures for kind::Ack {}
impl Configures for kind::InformAck {}

/// Replies that grant a lease (OFFER, ACK to REQUEST); a bound `K: Leases`
/// gives a helper generic over both every setter of [`Configures`] too.
pub trait Leases: Configures {}
impl Leases for kind::Offer {}
impl Leases for kind::Ack {}

/// A server reply restricted to what RFC 2131 §4.3.1 Table 3 allows.
///
/// Like [`MessageBuilder::reply_to`] it copies `xid`, `htype`, `hlen`, the
/// broadcast bit of `flags` (the reserved bits must be zero, RFC 2131 §2),
/// `giaddr` and `chaddr`, and sets `op` BOOTREPLY, `hops` 0, `secs` 0 and
/// the maximum size from the request's option 57 (a malformed 57 counts as
/// absent: 576 bytes). A reply that does not fit is laid out in `file` and
/// `sname` too, and a long option split across them, rather than not sent
/// ([`overload_when_full`](Self::overload_when_full); not a NAK, which
/// Table 3 keeps out of them). The echoed option 82 of a relayed request
/// goes last in the options field, past the client's maximum size if need
/// be: the relay removes it before the client sees the reply (RFC 3046
/// §2.1), so give a buffer larger than the client's limit (1500 bytes
/// covers every case). On top of that:
///
/// | | OFFER | ACK | ACK to INFORM | NAK |
/// |---|---|---|---|---|
/// | `ciaddr` | 0 | request's (or 0: [`clear_ciaddr`](Reply::clear_ciaddr)) | request's | 0 |
/// | `yiaddr` | required | required | 0 | 0 (no setter) |
/// | `siaddr`, `sname`, `file`, other options | settable | settable | settable | no setter |
/// | 54 server identifier | required | required | required | required |
/// | 51 lease time | required | required | no setter | no setter |
/// | 58/59 T1/T2 | settable, T1 < T2 < lease | same | no setter | no setter |
/// | 56 message | settable | settable | settable | settable |
/// | 50, 55, 57 | never | never | never | never |
/// | 61 client identifier | echoed when well-formed (RFC 6842) | same | same | same |
/// | 82 relay agent information | echoed last when relayed (RFC 3046 §2.2; [`EchoRelayInfo`]) | same | same | same |
/// | 3, 6 empty lists | not written (RFC 2132: at least one address) | same | same | – |
/// | broadcast bit | request's | request's | request's | set when relayed (§4.3.2) |
///
/// [`finish`](Self::finish) refuses a reply missing a MUST.
///
/// ```
/// # fn main() -> Result<(), dhcpwire::protocol::ProtocolError> {
/// use dhcpwire::{Message, MessageType, OptionCode};
/// use dhcpwire::protocol::{ClientMessage, ProtocolError, Reply, RequestState, Rule, Subject};
/// use std::net::Ipv4Addr;
/// let mut q = [0u8; 576];
/// let state = RequestState::InitReboot { requested: Ipv4Addr::new(10, 0, 0, 9) };
/// let n = ClientMessage::request(&mut q, 7, &[2, 0, 0, 0, 0, 1], state)?.finish()?;
/// let request = Message::parse(&q[..n])?;
///
/// let mut buf = [0u8; 576];
/// let n = Reply::nak(&request, &mut buf)?
///     .server_identifier(Ipv4Addr::new(10, 0, 0, 1))
///     .message(b"wrong network")
///     .finish()?;
/// let nak = Message::parse(&buf[..n])?;
/// assert_eq!(nak.message_type()?, Some(MessageType::Nak));
///
/// // An ACK without a lease time is refused.
/// let err = Reply::ack(&request, &mut buf)?
///     .yiaddr(Ipv4Addr::new(10, 0, 0, 9))
///     .server_identifier(Ipv4Addr::new(10, 0, 0, 1))
///     .finish()
///     .unwrap_err();
/// let ProtocolError::Violation(v) = err else { panic!() };
/// assert_eq!((v.rule, v.subject), (Rule::Missing, Subject::Option(OptionCode::LEASE_TIME)));
/// # Ok(()) }
/// ```
#[derive(Debug)]
pub struct Reply<'r, 'b, K> {
    b: MessageBuilder<'b>,
    message_type: MessageType,
    /// The request, for the echoes of 61 and 82 at `finish`.
    request: Message<'r>,
    client_id: EchoAt,
    relay_info: EchoAt,
    /// The request came through a relay (`giaddr` set).
    relayed: bool,
    echo_relay: EchoRelayInfo,
    server_id: bool,
    yiaddr: bool,
    lease: Option<u32>,
    t1: Option<u32>,
    t2: Option<u32>,
    error: FirstError,
    _kind: PhantomData<K>,
}

/// What [`Reply`]'s constructors take from a request that they checked.
struct Checked<'r> {
    request: Message<'r>,
    max: Option<u16>,
    client_id: EchoAt,
    relay_info: EchoAt,
}

/// The checks of [`Reply`]'s constructors: `request` is an `expected`
/// BOOTREQUEST whose `chaddr` a reply can copy, and `buf` holds a header.
#[inline(always)]
fn checked<'r>(
    request: ReplyTo<'_, 'r>,
    buf: &[u8],
    reply: MessageType,
    expected: MessageType,
) -> Result<Checked<'r>, ProtocolError> {
    let built;
    let index = match request {
        ReplyTo::Index(index) => index,
        ReplyTo::Message(msg) => {
            built = msg.index()?;
            &built
        }
    };
    let found = index.message_type()?;
    if found != Some(expected) {
        return Err(ProtocolError::WrongRequest {
            reply,
            expected,
            found,
        });
    }
    let header = index.message().header();
    if header.op() != crate::header::Op::BootRequest {
        return Err(ProtocolError::NotARequest { found: header.op() });
    }
    // A reply copies `hlen` and `chaddr`: more than 16 bytes cannot be.
    header.chaddr()?;
    MessageBuilder::check_room(buf)?;
    Ok(Checked {
        request: *index.message(),
        // A malformed option 57 limits nothing: the 576-byte minimum
        // applies.
        max: index.max_message_size().ok().flatten(),
        client_id: index.echo_at(OptionCode::CLIENT_IDENTIFIER),
        relay_info: index.echo_at(OptionCode::RELAY_AGENT_INFORMATION),
    })
}

impl<'r, 'b, K: ReplyKind> Reply<'r, 'b, K> {
    // Always inlined into the constructors. The builder is made and filled
    // as a local that nothing takes the address of, and the reply is the
    // last expression: the compiler then keeps both in registers and the
    // caller's move out of the `Result` becomes plain stores. (A reply
    // filled in place and then returned is a `memcpy` call of ~300 bytes
    // when the buffer's length is not known at compile time, and the move
    // out of the `Result` is a second one: this way is 168 instructions
    // and about 40 ns fewer per W6 request.)
    #[inline(always)]
    fn start(
        request: ReplyTo<'_, 'r>,
        buf: &'b mut [u8],
        reply: MessageType,
        expected: MessageType,
        then: impl FnOnce(&mut MessageBuilder<'b>, &Header),
    ) -> Result<Self, ProtocolError> {
        let Checked {
            request,
            max,
            client_id,
            relay_info,
        } = checked(request, buf, reply, expected)?;
        let header = request.header();
        let mut b = MessageBuilder::new_checked(buf);
        b.reply_header(header, max, reply);
        then(&mut b, header);
        // Rather a reply in `file`/`sname` than none (RFC 2131 §4.1, RFC
        // 3396 §7): only a message that does not fit is laid out so. Not a
        // DHCPNAK: Table 3 has it "MUST NOT" use them.
        b.lay_out_when_full(reply != MessageType::Nak);
        Ok(Reply {
            b,
            message_type: reply,
            request,
            client_id,
            relay_info,
            relayed: !header.giaddr().is_unspecified(),
            echo_relay: EchoRelayInfo::WhenRelayed,
            server_id: false,
            yiaddr: false,
            lease: None,
            t1: None,
            t2: None,
            error: FirstError::default(),
            _kind: PhantomData,
        })
    }

    fn fail(&mut self, e: ProtocolError) {
        self.error.record(e);
    }

    fn violation(&self, rule: Rule, subject: Subject, section: &'static str) -> ProtocolError {
        ProtocolError::Violation(Violation {
            rule,
            subject,
            severity: Severity::Must,
            section,
            message_type: Some(self.message_type),
        })
    }

    /// Option 54 (required in every reply).
    #[inline]
    pub fn server_identifier(&mut self, addr: Ipv4Addr) -> &mut Self {
        if self.server_id {
            let e = self.violation(
                Rule::Length {
                    len: 8,
                    expected: "4",
                },
                Subject::Option(OptionCode::SERVER_IDENTIFIER),
                "RFC 2132 §9.7",
            );
            self.fail(e);
            return self;
        }
        self.server_id = true;
        self.b.server_identifier(addr);
        self
    }

    /// Option 56, a human-readable message (e.g. why a NAK).
    pub fn message(&mut self, text: &[u8]) -> &mut Self {
        self.b.option(OptionCode::MESSAGE, text);
        self
    }

    /// When to echo the request's option 82 (default
    /// [`EchoRelayInfo::WhenRelayed`]); it is written last (RFC 3046 §2.2).
    pub fn echo_relay_agent_information(&mut self, when: EchoRelayInfo) -> &mut Self {
        self.echo_relay = when;
        self
    }

    /// Option 60 (Table 3: MAY in every reply).
    pub fn vendor_class_identifier(&mut self, class: &[u8]) -> &mut Self {
        self.b.vendor_class_identifier(class);
        self
    }

    /// Checks the MUSTs, echoes option 82 as the last option and writes
    /// END; returns the message length.
    ///
    /// # Errors
    /// [`ProtocolError::Violation`] for a missing server identifier, `yiaddr`
    /// or lease time, or T1/T2 out of order; the first setter error; or the
    /// builder's [`Error`].
    pub fn finish(&mut self) -> Result<usize, ProtocolError> {
        self.close()?;
        Ok(self.b.finish()?)
    }

    /// [`finish`](Self::finish), handing back the reply as a [`Message`]
    /// over the buffer: route it ([`reply_destination`](super::reply_destination))
    /// and send its bytes without parsing it again.
    ///
    /// # Errors
    /// As [`finish`](Self::finish).
    #[inline]
    pub fn finish_message(&mut self) -> Result<Message<'b>, ProtocolError> {
        self.close()?;
        Ok(self.b.finish_message()?)
    }

    /// Checks the MUSTs and echoes option 82 as the last option.
    #[inline]
    fn close(&mut self) -> Result<(), ProtocolError> {
        self.error.check()?;
        if !self.server_id {
            return Err(self.violation(
                Rule::Missing,
                Subject::Option(OptionCode::SERVER_IDENTIFIER),
                TABLE3,
            ));
        }
        if K::LEASED {
            if !self.yiaddr {
                return Err(self.violation(Rule::Missing, Subject::Field(Field::Yiaddr), TABLE3));
            }
            if self.lease.is_none() {
                return Err(self.violation(
                    Rule::Missing,
                    Subject::Option(OptionCode::LEASE_TIME),
                    TABLE3,
                ));
            }
            if !timers_ordered(self.t1, self.t2, self.lease) {
                return Err(self.violation(
                    Rule::TimerOrder {
                        t1: self.t1,
                        t2: self.t2,
                        lease: self.lease,
                    },
                    Subject::Option(OptionCode::RENEWAL_TIME),
                    SEC_TIMERS,
                ));
            }
        }
        let b = &mut self.b;
        // A client identifier of under 2 bytes is malformed (RFC 2132
        // §9.14): echoing it would make the reply malformed too.
        let client_id = core::mem::replace(&mut self.client_id, EchoAt::None)
            .resolve(&self.request, OptionCode::CLIENT_IDENTIFIER);
        if client_id.len() >= 2 {
            b.echo(OptionCode::CLIENT_IDENTIFIER, client_id);
        }
        let echo = match self.echo_relay {
            EchoRelayInfo::WhenRelayed => self.relayed,
            EchoRelayInfo::Always => true,
            EchoRelayInfo::Never => false,
        };
        let relay_info = core::mem::replace(&mut self.relay_info, EchoAt::None)
            .resolve(&self.request, OptionCode::RELAY_AGENT_INFORMATION);
        if echo && self.relayed {
            // The relay removes option 82 before the client sees the reply
            // (RFC 3046 §2.1): it does not count against the client's
            // maximum size, only against the buffer.
            b.echo_beyond_limit(OptionCode::RELAY_AGENT_INFORMATION, relay_info);
        } else if echo {
            b.echo(OptionCode::RELAY_AGENT_INFORMATION, relay_info);
        }
        Ok(())
    }
}

impl<'r, 'b> Reply<'r, 'b, kind::Offer> {
    /// A DHCPOFFER answering the DHCPDISCOVER `request`.
    ///
    /// # Errors
    /// Each names a defect of the request, except the last:
    /// - the walk error ([`Error::OptionOverrun`], [`Error::NoMagicCookie`],
    ///   ...) when `request` is a [`Message`] whose options do not walk (an
    ///   [`OptionIndex`] has walked already);
    /// - [`ProtocolError::WrongRequest`] when `request` is not a
    ///   DHCPDISCOVER (or its option 53 is malformed:
    ///   [`Error::InvalidLength`]);
    /// - [`ProtocolError::NotARequest`] when its `op` is not BOOTREQUEST;
    /// - [`Error::HardwareAddressTooLong`] when its `hlen` exceeds 16, which
    ///   no reply can copy;
    /// - [`Error::BufferTooSmall`] for a buffer under 240 bytes.
    #[inline(always)]
    pub fn offer<'i>(
        request: impl Into<ReplyTo<'i, 'r>>,
        buf: &'b mut [u8],
    ) -> Result<Self, ProtocolError>
    where
        'r: 'i,
    {
        Self::start(
            request.into(),
            buf,
            MessageType::Offer,
            MessageType::Discover,
            |_, _| {},
        )
    }
}

impl<'r, 'b> Reply<'r, 'b, kind::Ack> {
    /// A DHCPACK answering the DHCPREQUEST `request`, `ciaddr` copied
    /// from it.
    ///
    /// # Errors
    /// As [`Reply::offer`], for a DHCPREQUEST.
    #[inline(always)]
    pub fn ack<'i>(
        request: impl Into<ReplyTo<'i, 'r>>,
        buf: &'b mut [u8],
    ) -> Result<Self, ProtocolError>
    where
        'r: 'i,
    {
        Self::start(
            request.into(),
            buf,
            MessageType::Ack,
            MessageType::Request,
            |b, h| {
                b.ciaddr(h.ciaddr());
            },
        )
    }

    /// `ciaddr` 0 instead of the request's (Table 3: "'ciaddr' from
    /// DHCPREQUEST or 0").
    pub fn clear_ciaddr(&mut self) -> &mut Self {
        self.b.ciaddr(Ipv4Addr::UNSPECIFIED);
        self
    }
}

impl<'r, 'b> Reply<'r, 'b, kind::InformAck> {
    /// A DHCPACK answering the DHCPINFORM `request`: `ciaddr` copied, no
    /// `yiaddr`, no lease time (RFC 2131 §4.3.5).
    ///
    /// # Errors
    /// As [`Reply::offer`], for a DHCPINFORM.
    #[inline]
    pub fn ack_inform<'i>(
        request: impl Into<ReplyTo<'i, 'r>>,
        buf: &'b mut [u8],
    ) -> Result<Self, ProtocolError>
    where
        'r: 'i,
    {
        Self::start(
            request.into(),
            buf,
            MessageType::Ack,
            MessageType::Inform,
            |b, h| {
                b.ciaddr(h.ciaddr());
            },
        )
    }
}

impl<'r, 'b> Reply<'r, 'b, kind::Nak> {
    /// A DHCPNAK answering the DHCPREQUEST `request`: nothing but 53, 54,
    /// 56, 60 and the echoed 61 and 82, all in the options field (Table 3:
    /// no `file`/`sname`, so never overloaded); the broadcast bit set when
    /// the request came through a relay (RFC 2131 §4.3.2).
    ///
    /// # Errors
    /// As [`Reply::offer`], for a DHCPREQUEST.
    #[inline]
    pub fn nak<'i>(
        request: impl Into<ReplyTo<'i, 'r>>,
        buf: &'b mut [u8],
    ) -> Result<Self, ProtocolError>
    where
        'r: 'i,
    {
        Self::start(
            request.into(),
            buf,
            MessageType::Nak,
            MessageType::Request,
            |b, h| {
                if !h.giaddr().is_unspecified() {
                    b.flags(Flags::broadcast_only());
                }
            },
        )
    }
}

impl<K: Configures> Reply<'_, '_, K> {
    /// `siaddr`: the next bootstrap server.
    pub fn siaddr(&mut self, addr: Ipv4Addr) -> &mut Self {
        self.b.siaddr(addr);
        self
    }

    /// `sname`: the server host name (at most 64 bytes).
    pub fn sname(&mut self, name: &[u8]) -> &mut Self {
        self.b.sname(name);
        self
    }

    /// `file`: the boot file name (at most 128 bytes).
    pub fn file(&mut self, name: &[u8]) -> &mut Self {
        self.b.file(name);
        self
    }

    /// Whether options that do not fit may move into `file`/`sname`
    /// (option 52), and one that fits no single area be split across them
    /// (RFC 3396 §7): on by default, since a reply laid out so is better
    /// than none (a reply that fits is never laid out so). `false` for a
    /// network whose clients are known not to follow option 52.
    pub fn overload_when_full(&mut self, allowed: bool) -> &mut Self {
        self.b.overload_when_full(allowed).split_when_full(allowed);
        self
    }

    /// Option 1.
    #[inline]
    pub fn subnet_mask(&mut self, mask: Ipv4Addr) -> &mut Self {
        self.b.subnet_mask(mask);
        self
    }

    /// Option 3, from any cloneable sequence of addresses (a slice, an
    /// array, a filtering iterator; see [`MessageBuilder::addresses`]).
    #[inline]
    pub fn routers<I>(&mut self, addrs: I) -> &mut Self
    where
        I: IntoIterator,
        I::Item: Borrow<Ipv4Addr>,
        I::IntoIter: Clone,
    {
        self.b.routers(addrs);
        self
    }

    /// Option 6, from any cloneable sequence of addresses (see
    /// [`routers`](Self::routers)).
    #[inline]
    pub fn dns_servers<I>(&mut self, addrs: I) -> &mut Self
    where
        I: IntoIterator,
        I::Item: Borrow<Ipv4Addr>,
        I::IntoIter: Clone,
    {
        self.b.dns_servers(addrs);
        self
    }

    /// Option 15.
    pub fn domain_name(&mut self, name: &[u8]) -> &mut Self {
        self.b.domain_name(name);
        self
    }

    /// Option 28.
    pub fn broadcast_address(&mut self, addr: Ipv4Addr) -> &mut Self {
        self.b.broadcast_address(addr);
        self
    }

    /// Any other option ("All others: MAY"). Options with a dedicated
    /// setter or written automatically, and those Table 3 forbids (50, 55,
    /// 57) are refused with [`ProtocolError::ManagedOption`].
    pub fn option(&mut self, code: OptionCode, value: &[u8]) -> &mut Self {
        match managed(code, false) {
            Some(by) => self.fail(ProtocolError::ManagedOption { code: code.0, by }),
            None => {
                self.b.option(code, value);
            }
        }
        self
    }

    /// A typed option, refused like [`option`](Self::option).
    pub fn typed(&mut self, option: &crate::DhcpOption<'_>) -> &mut Self {
        match managed(option.code(), false) {
            Some(by) => self.fail(ProtocolError::ManagedOption {
                code: option.code().0,
                by,
            }),
            None => {
                self.b.typed(option);
            }
        }
        self
    }
}

impl<K: Leases> Reply<'_, '_, K> {
    /// `yiaddr`: the address offered or assigned (required).
    #[inline]
    pub fn yiaddr(&mut self, addr: Ipv4Addr) -> &mut Self {
        self.yiaddr = !addr.is_unspecified();
        self.b.yiaddr(addr);
        self
    }

    /// Option 51 in seconds ([`INFINITE`](super::INFINITE) for no expiry; required).
    #[inline]
    pub fn lease_time(&mut self, secs: u32) -> &mut Self {
        let old = self.lease.replace(secs);
        self.set_timer(old, OptionCode::LEASE_TIME, secs)
    }

    /// Option 58, T1 (default 0.5 × lease when absent).
    #[inline]
    pub fn renewal_time(&mut self, secs: u32) -> &mut Self {
        let old = self.t1.replace(secs);
        self.set_timer(old, OptionCode::RENEWAL_TIME, secs)
    }

    /// Option 59, T2 (default 0.875 × lease when absent).
    #[inline]
    pub fn rebinding_time(&mut self, secs: u32) -> &mut Self {
        let old = self.t2.replace(secs);
        self.set_timer(old, OptionCode::REBINDING_TIME, secs)
    }

    /// Writes timer option `code`, or replaces the value a call before
    /// (`previous`) wrote.
    #[inline(always)]
    fn set_timer(&mut self, previous: Option<u32>, code: OptionCode, secs: u32) -> &mut Self {
        if previous.is_some() {
            return self.reset_timer(code, secs);
        }
        self.b.fixed(code, secs.to_be_bytes());
        self
    }

    /// [`set_timer`](Self::set_timer) of a timer already written: out of
    /// line, so that the first setting keeps its value in a register.
    #[inline(never)]
    fn reset_timer(&mut self, code: OptionCode, secs: u32) -> &mut Self {
        let value = secs.to_be_bytes();
        if !self.b.overwrite(code, &value) {
            self.b.fixed(code, value);
        }
        self
    }

    /// Options 51, 58 and 59 from `timers`.
    pub fn timers(&mut self, timers: &LeaseTimers) -> &mut Self {
        self.lease_time(timers.lease)
            .renewal_time(timers.t1)
            .rebinding_time(timers.t2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::walks;
    use crate::protocol::{ClientMessage, RequestState};
    use core::net::Ipv4Addr;

    /// A server reads the request through its index and builds the reply
    /// from it: one walk of the request in all.
    #[test]
    fn serving_a_request_walks_it_once() {
        let mut q = [0u8; 576];
        let state = RequestState::Selecting {
            server_identifier: Ipv4Addr::new(10, 0, 0, 1),
            requested: Ipv4Addr::new(10, 0, 0, 9),
        };
        let n = ClientMessage::request(&mut q, 7, &[2, 0, 0, 0, 0, 1], state)
            .unwrap()
            .client_identifier(1, &[2, 0, 0, 0, 0, 1])
            .max_message_size(1500)
            .parameter_request_list([OptionCode::SUBNET_MASK, OptionCode::ROUTER])
            .finish()
            .unwrap();
        // A relay adds option 82 (written here by hand after the client's END).
        let mut relayed = [0u8; 576];
        let len = crate::MessageBuilder::new(&mut relayed)
            .unwrap()
            .header(Message::parse(&q[..n]).unwrap().header())
            .giaddr(Ipv4Addr::new(10, 0, 0, 254))
            .option(OptionCode::MESSAGE_TYPE, &[3])
            .option(OptionCode::SERVER_IDENTIFIER, &[10, 0, 0, 1])
            .option(OptionCode::REQUESTED_IP_ADDRESS, &[10, 0, 0, 9])
            .option(OptionCode::CLIENT_IDENTIFIER, &[1, 2, 0, 0, 0, 0, 1])
            .option(OptionCode::RELAY_AGENT_INFORMATION, &[1, 2, b'p', b'1'])
            .finish()
            .unwrap();
        let request = Message::parse(&relayed[..len]).unwrap();
        let mut buf = [0u8; 576];
        let serve = |buf: &mut [u8]| {
            let idx = request.index().unwrap();
            assert_eq!(
                idx.server_identifier(),
                Ok(Some(Ipv4Addr::new(10, 0, 0, 1)))
            );
            assert_eq!(idx.requested_ip(), Ok(Some(Ipv4Addr::new(10, 0, 0, 9))));
            let relay = idx.relay_agent_information().unwrap().unwrap();
            assert!(relay.circuit_id().unwrap() == b"p1"[..]);
            Reply::ack(&idx, buf)
                .unwrap()
                .yiaddr(Ipv4Addr::new(10, 0, 0, 9))
                .server_identifier(Ipv4Addr::new(10, 0, 0, 1))
                .lease_time(3600)
                .finish_message()
                .map(|m| m.len())
                .unwrap()
        };
        assert_eq!(walks::during(|| assert_eq!(serve(&mut buf), 300)), 1);
        // From the message, the reply indexes it itself: still one walk.
        let n = walks::during(|| {
            Reply::ack(&request, &mut buf)
                .unwrap()
                .yiaddr(Ipv4Addr::new(10, 0, 0, 9))
                .server_identifier(Ipv4Addr::new(10, 0, 0, 1))
                .lease_time(3600)
                .finish()
                .unwrap();
        });
        assert_eq!(n, 1);
        // The echoes are there: 61 and 82 as the request had them.
        let ack = Message::parse(&buf[..300]).unwrap().index().unwrap();
        assert!(ack.get(OptionCode::CLIENT_IDENTIFIER).unwrap().joined() == [1, 2, 0, 0, 0, 0, 1]);
        assert!(
            ack.get(OptionCode::RELAY_AGENT_INFORMATION)
                .unwrap()
                .joined()
                == [1, 2, b'p', b'1']
        );
    }
}
