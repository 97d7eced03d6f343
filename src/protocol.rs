//! The rules of RFC 2131 that DHCP programs get wrong most often, as code.
//!
//! - [`Reply`]: a server reply (DHCPOFFER, DHCPACK, DHCPNAK) that only lets
//!   the caller set what RFC 2131 §4.3.1 Table 3 allows for that reply, echoes
//!   the client identifier (RFC 6842) and the relay agent information
//!   (RFC 3046 §2.2), and refuses to [`finish`](Reply::finish) when a MUST
//!   is missing.
//! - [`ClientMessage`]: DHCPDISCOVER, DHCPREQUEST in each client state,
//!   DHCPDECLINE, DHCPRELEASE and DHCPINFORM carrying exactly the fields and
//!   options of RFC 2131 §4.4.1 Table 5.
//! - [`validate`] / [`for_each_violation`]: every violation of Tables 3 and 5
//!   and of the RFC 2132 option length rules in a message, each a
//!   [`Violation`] naming the [`Rule`], the field or option ([`Subject`]),
//!   the RFC section and a [`Severity`]; [`validate_reply`] also checks what
//!   a reply must copy from its request.
//! - [`reply_destination`]: where a server sends a reply (RFC 2131 §4.1).
//! - [`LeaseTimers`]: T1/T2 defaults, their order, and the renew, rebind and
//!   expiry instants of a lease.
//!
//! Nothing here allocates (the `Vec` conveniences need the `alloc`
//! feature) and nothing panics.
//!
//! ```
//! # fn main() -> Result<(), dhcpwire::protocol::ProtocolError> {
//! use dhcpwire::Message;
//! use dhcpwire::protocol::{ClientMessage, Destination, Reply, reply_destination, validate};
//! use std::net::Ipv4Addr;
//!
//! let chaddr = [0x0a, 0x16, 0x36, 0xfb, 0xbb, 0x4a];
//! let mut d = [0u8; 576];
//! let n = ClientMessage::discover(&mut d, 0x0a00_0001, &chaddr)?.host_name(b"laptop-a").finish()?;
//! let discover = Message::parse(&d[..n])?;
//! assert!(validate(&discover).is_empty());
//!
//! let mut o = [0u8; 576];
//! let n = Reply::offer(&discover, &mut o)?
//!     .yiaddr(Ipv4Addr::new(192, 168, 1, 100))
//!     .server_identifier(Ipv4Addr::new(192, 168, 1, 1))
//!     .lease_time(3600)
//!     .finish()?;
//! let offer = Message::parse(&o[..n])?;
//! assert!(validate(&offer).is_empty());
//! // No broadcast bit, no ciaddr, no relay: unicast to yiaddr and chaddr.
//! assert_eq!(
//!     reply_destination(&discover, &offer).socket_addr().to_string(),
//!     "192.168.1.100:68"
//! );
//! assert!(matches!(reply_destination(&discover, &offer), Destination::Hardware { .. }));
//! # Ok(()) }
//! ```

use core::fmt;
use core::marker::PhantomData;
use core::net::{Ipv4Addr, SocketAddrV4};
use core::time::Duration;

use crate::builder::MessageBuilder;
use crate::code::{MessageType, OptionCode};
use crate::error::Error;
use crate::header::{Flags, Op, offset};
use crate::message::Message;
use crate::options::OptionValue;

/// The UDP port of DHCP servers and relay agents (RFC 2131 §4.1).
pub const SERVER_PORT: u16 = 67;
/// The UDP port of DHCP clients (RFC 2131 §4.1).
pub const CLIENT_PORT: u16 = 68;
/// Option 51's value for a lease that never expires (RFC 2131 §3.3).
pub const INFINITE: u32 = 0xffff_ffff;

const TABLE3: &str = "RFC 2131 §4.3.1, Table 3";
const TABLE5: &str = "RFC 2131 §4.4.1, Table 5";
const SEC_FLAGS: &str = "RFC 2131 §2";
const SEC_NAK: &str = "RFC 2131 §4.3.2";
const SEC_INFORM: &str = "RFC 2131 §4.3.5";
const SEC_REQUEST: &str = "RFC 2131 §4.3.2";
const SEC_TIMERS: &str = "RFC 2131 §4.4.5";
const SEC_OPTIONS: &str = "RFC 2132 §2";
const SEC_CLIENT_ID: &str = "RFC 6842 §3";
const SEC_RELAY: &str = "RFC 3046 §2.2";

// ---------------------------------------------------------------------------
// Violations
// ---------------------------------------------------------------------------

/// How strongly the RFC words a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// MUST / MUST NOT (or a value a table fixes).
    Must,
    /// SHOULD / SHOULD NOT.
    Should,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Must => "MUST",
            Severity::Should => "SHOULD",
        })
    }
}

/// A fixed header field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(missing_docs)] // the RFC 2131 field names
pub enum Field {
    Op,
    Htype,
    Hlen,
    Hops,
    Xid,
    Secs,
    Flags,
    Ciaddr,
    Yiaddr,
    Siaddr,
    Giaddr,
    Chaddr,
    Sname,
    File,
}

impl Field {
    /// The RFC 2131 name (`"ciaddr"`, ...).
    pub const fn name(self) -> &'static str {
        match self {
            Field::Op => "op",
            Field::Htype => "htype",
            Field::Hlen => "hlen",
            Field::Hops => "hops",
            Field::Xid => "xid",
            Field::Secs => "secs",
            Field::Flags => "flags",
            Field::Ciaddr => "ciaddr",
            Field::Yiaddr => "yiaddr",
            Field::Siaddr => "siaddr",
            Field::Giaddr => "giaddr",
            Field::Chaddr => "chaddr",
            Field::Sname => "sname",
            Field::File => "file",
        }
    }

    /// Offset of the field in the message.
    pub const fn offset(self) -> usize {
        match self {
            Field::Op => offset::OP,
            Field::Htype => offset::HTYPE,
            Field::Hlen => offset::HLEN,
            Field::Hops => offset::HOPS,
            Field::Xid => offset::XID,
            Field::Secs => offset::SECS,
            Field::Flags => offset::FLAGS,
            Field::Ciaddr => offset::CIADDR,
            Field::Yiaddr => offset::YIADDR,
            Field::Siaddr => offset::SIADDR,
            Field::Giaddr => offset::GIADDR,
            Field::Chaddr => offset::CHADDR,
            Field::Sname => offset::SNAME,
            Field::File => offset::FILE,
        }
    }
}

/// What a [`Violation`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Subject {
    /// A fixed header field.
    Field(Field),
    /// An option (all its RFC 3396 instances together).
    Option(OptionCode),
}

impl fmt::Display for Subject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Subject::Field(field) => write!(f, "field '{}'", field.name()),
            Subject::Option(code) => write!(f, "option {} ({code})", code.0),
        }
    }
}

/// Which rule a [`Violation`] breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Rule {
    /// A required option is absent, or a required field is zero.
    Missing,
    /// An option that must not appear is present, or a field that must be
    /// zero is not.
    NotAllowed,
    /// `op` does not match the message type (BOOTREQUEST for client
    /// messages, BOOTREPLY for server messages).
    WrongOp {
        /// What the message type requires.
        expected: Op,
    },
    /// An option value's length (all fragments together) breaks its format.
    Length {
        /// The length found.
        len: usize,
        /// What the format requires.
        expected: &'static str,
    },
    /// A field or option value outside its range.
    Value {
        /// What is allowed.
        expected: &'static str,
    },
    /// T1 < T2 < lease time does not hold.
    TimerOrder {
        /// Option 58, if present.
        t1: Option<u32>,
        /// Option 59, if present.
        t2: Option<u32>,
        /// Option 51, if present.
        lease: Option<u32>,
    },
    /// A reply field or option that must be copied from the request is not.
    NotCopied,
    /// The reply's message type does not answer the request's.
    WrongReplyType {
        /// The request's type.
        request: MessageType,
    },
    /// The options cannot be walked: nothing else was checked.
    Malformed(Error),
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rule::Missing => f.write_str("is required but missing"),
            Rule::NotAllowed => f.write_str("is not allowed"),
            Rule::WrongOp { expected } => write!(f, "must be {expected}"),
            Rule::Length { len, expected } => {
                write!(f, "has length {len}, expected {expected}")
            }
            Rule::Value { expected } => write!(f, "has a bad value, expected {expected}"),
            Rule::TimerOrder { t1, t2, lease } => {
                f.write_str("breaks T1 < T2 < lease (")?;
                for (name, v) in [("T1", t1), ("T2", t2), ("lease", lease)] {
                    match v {
                        Some(v) => write!(f, " {name}={v}")?,
                        None => write!(f, " {name}=-")?,
                    }
                }
                f.write_str(" )")
            }
            Rule::NotCopied => f.write_str("is not copied from the request"),
            Rule::WrongReplyType { request } => write!(f, "does not answer a {request}"),
            Rule::Malformed(e) => write!(f, "cannot be walked: {e}"),
        }
    }
}

/// One broken rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Violation {
    /// The rule.
    pub rule: Rule,
    /// The field or option.
    pub subject: Subject,
    /// MUST or SHOULD.
    pub severity: Severity,
    /// Where the rule is written, e.g. `"RFC 2131 §4.3.1, Table 3"`.
    pub section: &'static str,
    /// The message type it was checked against (`None`: the message has no
    /// valid option 53, or its options cannot be walked).
    pub message_type: Option<MessageType>,
}

impl Violation {
    const fn must(rule: Rule, subject: Subject, section: &'static str) -> Self {
        Violation {
            rule,
            subject,
            severity: Severity::Must,
            section,
            message_type: None,
        }
    }

    const fn should(rule: Rule, subject: Subject, section: &'static str) -> Self {
        Violation {
            rule,
            subject,
            severity: Severity::Should,
            section,
            message_type: None,
        }
    }
}

impl fmt::Display for Violation {
    /// `MUST: DHCP NACK option 51 (IP Address Lease Time) is not allowed [RFC 2131 §4.3.1, Table 3]`;
    /// without a message type, `DHCP (no type)` stands for `DHCP NACK`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.severity)?;
        match self.message_type {
            Some(t) => write!(f, "DHCP {t} ")?,
            None => f.write_str("DHCP (no type) ")?,
        }
        write!(f, "{} {} [{}]", self.subject, self.rule, self.section)
    }
}

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

/// How many violations [`Violations`] keeps; further ones are counted.
pub const MAX_VIOLATIONS: usize = 32;

/// The violations of one message, in a fixed-capacity list (no allocation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Violations {
    items: [Option<Violation>; MAX_VIOLATIONS],
    len: usize,
    dropped: usize,
}

impl Default for Violations {
    fn default() -> Self {
        Violations {
            items: [None; MAX_VIOLATIONS],
            len: 0,
            dropped: 0,
        }
    }
}

impl Violations {
    fn push(&mut self, v: Violation) {
        match self.items.get_mut(self.len) {
            Some(slot) => {
                *slot = Some(v);
                self.len += 1;
            }
            None => self.dropped += 1,
        }
    }

    /// Number of violations kept.
    pub fn len(&self) -> usize {
        self.len
    }

    /// No violation at all.
    pub fn is_empty(&self) -> bool {
        self.len == 0 && self.dropped == 0
    }

    /// Violations found beyond [`MAX_VIOLATIONS`] (not kept).
    pub fn dropped(&self) -> usize {
        self.dropped
    }

    /// The violations, in the order found.
    pub fn iter(&self) -> impl Iterator<Item = &Violation> + '_ {
        self.items.iter().take(self.len).flatten()
    }

    /// Whether any violation is a MUST.
    pub fn has_must(&self) -> bool {
        self.iter().any(|v| v.severity == Severity::Must)
    }
}

impl<'v> IntoIterator for &'v Violations {
    type Item = &'v Violation;
    type IntoIter = core::iter::Flatten<core::iter::Take<core::slice::Iter<'v, Option<Violation>>>>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.iter().take(self.len).flatten()
    }
}

// ---------------------------------------------------------------------------
// Known deviations of real software
// ---------------------------------------------------------------------------

/// A deviation from RFC 2131 that widely deployed software makes, which
/// [`Policy::REAL_WORLD`] does not report. Each was seen in the captures of
/// `testdata/corpus` (Debian 12 packages, see its README).
///
/// [`validate`] reports everything; [`validate_with`] and
/// [`Policy::REAL_WORLD`] leave these out, so a monitor can tell "broken"
/// from "the way deployed software has always done it".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum KnownDeviation {
    /// ISC dhcpd 4.4 and dnsmasq 2.90 copy the request's `secs` into
    /// DHCPOFFER/DHCPACK; Table 3 says 0 (e.g. `overload-dnsmasq-udhcpc.pcap`
    /// frame 4, `iscdhcpd-udhcpc-dora-release.pcap` frame 4).
    ServerCopiesSecs,
    /// ISC dhcpd 4.4 and Kea 2.2 copy the request's `hops` into replies sent
    /// through a relay; Table 3 says 0 (`relay-dhcrelay-option82-*.pcap`,
    /// `relay-dnsmasq-kea-udhcpc-*.pcap`, `leasequery-iscdhcpd.pcap`).
    ServerCopiesHopsIntoRelayedReply,
    /// busybox udhcpc 1.35 and systemd-networkd 252 send DHCPRELEASE with a
    /// non-zero `secs`; Table 5 says 0 (`*-udhcpc-*release*.pcap`,
    /// `kea-systemd-networkd-dora-release.pcap` frame 5).
    SecsInRelease,
    /// ISC dhclient 4.4 sends its host name (12), vendor class (60), user
    /// class (77) and FQDN (81) in DHCPRELEASE, where Table 5 says "all
    /// others MUST NOT" (`*-dhclient-*release*.pcap`).
    ClientOptionsInRelease,
    /// systemd-networkd 252 and dhcping send DHCPRELEASE without option
    /// 54, which Table 5 requires (`kea-systemd-networkd-dora-release.pcap`
    /// frame 5, `dhcping-*.pcap`).
    ReleaseWithoutServerIdentifier,
    /// dhcping sends a DHCPREQUEST with `ciaddr` (RENEWING) that also
    /// carries option 50, which Table 5 forbids in that state
    /// (`dhcping-iscdhcpd-request-inform.pcap` frame 1,
    /// `dhcping-kea-inform-request.pcap` frame 3).
    RequestedAddressWhileRenewing,
    /// dnsmasq 2.90, ISC dhcpd 4.4 and busybox udhcpd 1.35 do not echo the
    /// client identifier (61) as RFC 6842 §3 requires (of the servers in
    /// the corpus only Kea 2.2 does); seen by [`validate_reply`].
    ClientIdentifierNotEchoed,
}

impl KnownDeviation {
    /// Every known deviation.
    pub const ALL: &'static [KnownDeviation] = &[
        KnownDeviation::ServerCopiesSecs,
        KnownDeviation::ServerCopiesHopsIntoRelayedReply,
        KnownDeviation::SecsInRelease,
        KnownDeviation::ClientOptionsInRelease,
        KnownDeviation::ReleaseWithoutServerIdentifier,
        KnownDeviation::RequestedAddressWhileRenewing,
        KnownDeviation::ClientIdentifierNotEchoed,
    ];

    /// A stable snake-case name.
    pub const fn name(self) -> &'static str {
        match self {
            KnownDeviation::ServerCopiesSecs => "server_copies_secs",
            KnownDeviation::ServerCopiesHopsIntoRelayedReply => {
                "server_copies_hops_into_relayed_reply"
            }
            KnownDeviation::SecsInRelease => "secs_in_release",
            KnownDeviation::ClientOptionsInRelease => "client_options_in_release",
            KnownDeviation::ReleaseWithoutServerIdentifier => "release_without_server_identifier",
            KnownDeviation::RequestedAddressWhileRenewing => "requested_address_while_renewing",
            KnownDeviation::ClientIdentifierNotEchoed => "client_identifier_not_echoed",
        }
    }

    /// Whether `v`, found in `msg`, is this deviation.
    pub fn matches(self, v: &Violation, msg: &Message<'_>) -> bool {
        let t = v.message_type;
        let reply = matches!(t, Some(MessageType::Offer | MessageType::Ack));
        let release = t == Some(MessageType::Release);
        match self {
            KnownDeviation::ClientIdentifierNotEchoed => {
                (v.rule, v.subject)
                    == (
                        Rule::NotCopied,
                        Subject::Option(OptionCode::CLIENT_IDENTIFIER),
                    )
                    && msg
                        .option(OptionCode::CLIENT_IDENTIFIER)
                        .ok()
                        .flatten()
                        .is_none()
            }
            KnownDeviation::ServerCopiesSecs => {
                reply && (v.rule, v.subject) == (Rule::NotAllowed, Subject::Field(Field::Secs))
            }
            KnownDeviation::ServerCopiesHopsIntoRelayedReply => {
                reply
                    && (v.rule, v.subject) == (Rule::NotAllowed, Subject::Field(Field::Hops))
                    && !msg.giaddr().is_unspecified()
            }
            KnownDeviation::SecsInRelease => {
                release && (v.rule, v.subject) == (Rule::NotAllowed, Subject::Field(Field::Secs))
            }
            KnownDeviation::ClientOptionsInRelease => {
                release
                    && v.rule == Rule::NotAllowed
                    && matches!(v.subject, Subject::Option(OptionCode(12 | 60 | 77 | 81)))
            }
            KnownDeviation::ReleaseWithoutServerIdentifier => {
                release
                    && (v.rule, v.subject)
                        == (
                            Rule::Missing,
                            Subject::Option(OptionCode::SERVER_IDENTIFIER),
                        )
            }
            KnownDeviation::RequestedAddressWhileRenewing => {
                t == Some(MessageType::Request)
                    && !msg.ciaddr().is_unspecified()
                    && (v.rule, v.subject)
                        == (
                            Rule::NotAllowed,
                            Subject::Option(OptionCode::REQUESTED_IP_ADDRESS),
                        )
            }
        }
    }
}

impl fmt::Display for KnownDeviation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Which violations to leave out of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    /// Deviations not reported.
    pub allow: &'static [KnownDeviation],
}

impl Policy {
    /// Report everything.
    pub const STRICT: Policy = Policy { allow: &[] };
    /// Leave out every [`KnownDeviation`].
    pub const REAL_WORLD: Policy = Policy {
        allow: KnownDeviation::ALL,
    };

    /// The allowed deviation `v` is, if any.
    pub fn allowed(&self, v: &Violation, msg: &Message<'_>) -> Option<KnownDeviation> {
        self.allow.iter().copied().find(|d| d.matches(v, msg))
    }
}

// ---------------------------------------------------------------------------
// RFC 2132 option formats
// ---------------------------------------------------------------------------

#[derive(Clone, Copy)]
enum Len {
    Exact(usize, &'static str),
    /// At least `min`, a multiple of `unit`.
    Min(usize, usize, &'static str),
}

#[derive(Clone, Copy)]
enum Val {
    Any,
    Bool,
    U8Min(u8, &'static str),
    U16Min(u16, &'static str),
    OneOf(&'static [u8], &'static str),
    U16ListMin(u16, &'static str),
}

/// The RFC 2132 format of `code`: length rule, value rule, section.
fn format_of(code: u8) -> Option<(Len, Val, &'static str)> {
    const A4: Len = Len::Exact(4, "4");
    const ALIST: Len = Len::Min(4, 4, "a multiple of 4, at least 4");
    const PAIRS: Len = Len::Min(8, 8, "a multiple of 8, at least 8");
    const TEXT: Len = Len::Min(1, 1, "at least 1");
    const B1: Len = Len::Exact(1, "1");
    const B2: Len = Len::Exact(2, "2");
    use Val::*;
    Some(match code {
        1 => (A4, Any, "RFC 2132 §3.3"),
        2 => (A4, Any, "RFC 2132 §3.4"),
        3 => (ALIST, Any, "RFC 2132 §3.5"),
        4 => (ALIST, Any, "RFC 2132 §3.6"),
        5 => (ALIST, Any, "RFC 2132 §3.7"),
        6 => (ALIST, Any, "RFC 2132 §3.8"),
        7 => (ALIST, Any, "RFC 2132 §3.9"),
        8 => (ALIST, Any, "RFC 2132 §3.10"),
        9 => (ALIST, Any, "RFC 2132 §3.11"),
        10 => (ALIST, Any, "RFC 2132 §3.12"),
        11 => (ALIST, Any, "RFC 2132 §3.13"),
        12 => (TEXT, Any, "RFC 2132 §3.14"),
        13 => (B2, Any, "RFC 2132 §3.15"),
        14 => (TEXT, Any, "RFC 2132 §3.16"),
        15 => (TEXT, Any, "RFC 2132 §3.17"),
        16 => (A4, Any, "RFC 2132 §3.18"),
        17 => (TEXT, Any, "RFC 2132 §3.19"),
        18 => (TEXT, Any, "RFC 2132 §3.20"),
        19 => (B1, Bool, "RFC 2132 §4.1"),
        20 => (B1, Bool, "RFC 2132 §4.2"),
        21 => (PAIRS, Any, "RFC 2132 §4.3"),
        22 => (B2, U16Min(576, "at least 576"), "RFC 2132 §4.4"),
        23 => (B1, U8Min(1, "1 to 255"), "RFC 2132 §4.5"),
        24 => (A4, Any, "RFC 2132 §4.6"),
        25 => (
            Len::Min(2, 2, "a multiple of 2, at least 2"),
            U16ListMin(68, "MTU sizes of at least 68"),
            "RFC 2132 §4.7",
        ),
        26 => (B2, U16Min(68, "at least 68"), "RFC 2132 §5.1"),
        27 => (B1, Bool, "RFC 2132 §5.2"),
        28 => (A4, Any, "RFC 2132 §5.3"),
        29 => (B1, Bool, "RFC 2132 §5.4"),
        30 => (B1, Bool, "RFC 2132 §5.5"),
        31 => (B1, Bool, "RFC 2132 §5.6"),
        32 => (A4, Any, "RFC 2132 §5.7"),
        33 => (PAIRS, Any, "RFC 2132 §5.8"),
        34 => (B1, Bool, "RFC 2132 §6.1"),
        35 => (A4, Any, "RFC 2132 §6.2"),
        36 => (B1, Bool, "RFC 2132 §6.3"),
        37 => (B1, U8Min(1, "1 to 255"), "RFC 2132 §7.1"),
        38 => (A4, Any, "RFC 2132 §7.2"),
        39 => (B1, Bool, "RFC 2132 §7.3"),
        40 => (TEXT, Any, "RFC 2132 §8.1"),
        41 => (ALIST, Any, "RFC 2132 §8.2"),
        42 => (ALIST, Any, "RFC 2132 §8.3"),
        43 => (TEXT, Any, "RFC 2132 §8.4"),
        44 => (ALIST, Any, "RFC 2132 §8.5"),
        45 => (ALIST, Any, "RFC 2132 §8.6"),
        46 => (B1, OneOf(&[1, 2, 4, 8], "1, 2, 4 or 8"), "RFC 2132 §8.7"),
        47 => (TEXT, Any, "RFC 2132 §8.8"),
        48 => (ALIST, Any, "RFC 2132 §8.9"),
        49 => (ALIST, Any, "RFC 2132 §8.10"),
        50 => (A4, Any, "RFC 2132 §9.1"),
        51 => (A4, Any, "RFC 2132 §9.2"),
        52 => (B1, OneOf(&[1, 2, 3], "1, 2 or 3"), "RFC 2132 §9.3"),
        53 => (
            B1,
            OneOf(
                &[
                    1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18,
                ],
                "a registered message type (1 to 18)",
            ),
            "RFC 2132 §9.6",
        ),
        54 => (A4, Any, "RFC 2132 §9.7"),
        55 => (TEXT, Any, "RFC 2132 §9.8"),
        56 => (TEXT, Any, "RFC 2132 §9.9"),
        57 => (B2, U16Min(576, "at least 576"), "RFC 2132 §9.10"),
        58 => (A4, Any, "RFC 2132 §9.11"),
        59 => (A4, Any, "RFC 2132 §9.12"),
        60 => (TEXT, Any, "RFC 2132 §9.13"),
        61 => (Len::Min(2, 1, "at least 2"), Any, "RFC 2132 §9.14"),
        64 => (TEXT, Any, "RFC 2132 §8.11"),
        65 => (ALIST, Any, "RFC 2132 §8.12"),
        66 => (TEXT, Any, "RFC 2132 §9.4"),
        67 => (TEXT, Any, "RFC 2132 §9.5"),
        68 => (Len::Min(0, 4, "a multiple of 4"), Any, "RFC 2132 §8.13"),
        69 => (ALIST, Any, "RFC 2132 §8.14"),
        70 => (ALIST, Any, "RFC 2132 §8.15"),
        71 => (ALIST, Any, "RFC 2132 §8.16"),
        72 => (ALIST, Any, "RFC 2132 §8.17"),
        73 => (ALIST, Any, "RFC 2132 §8.18"),
        74 => (ALIST, Any, "RFC 2132 §8.19"),
        75 => (ALIST, Any, "RFC 2132 §8.20"),
        76 => (ALIST, Any, "RFC 2132 §8.21"),
        _ => return None,
    })
}

/// Lengths and instance counts of every option code in one message.
struct Seen {
    len: [usize; 256],
    present: [bool; 256],
}

impl Seen {
    fn has(&self, code: OptionCode) -> bool {
        self.present
            .get(usize::from(code.0))
            .copied()
            .unwrap_or(false)
    }
    fn len(&self, code: OptionCode) -> usize {
        self.len.get(usize::from(code.0)).copied().unwrap_or(0)
    }
}

/// The value of `code` as a u32 when it is exactly 4 bytes (joined).
fn u32_of(msg: &Message<'_>, code: OptionCode) -> Option<u32> {
    let v = msg.option(code).ok()??;
    let mut buf = [0u8; 4];
    match v.copy_to(&mut buf) {
        Ok(&[a, b, c, d]) => Some(u32::from_be_bytes([a, b, c, d])),
        _ => None,
    }
}

fn check_value(
    msg: &Message<'_>,
    code: OptionCode,
    val: Val,
    sink: &mut dyn FnMut(Violation),
    section: &'static str,
) {
    let Ok(Some(v)) = msg.option(code) else {
        return;
    };
    let subject = Subject::Option(code);
    let bad = |expected| Violation::must(Rule::Value { expected }, subject, section);
    if let Val::U16ListMin(min, expected) = val {
        // A list may be longer than one option: read it across fragments,
        // zero-copy.
        let mut bytes = v.fragments().flat_map(|f| f.data.iter().copied());
        while let (Some(a), Some(b)) = (bytes.next(), bytes.next()) {
            if u16::from_be_bytes([a, b]) < min {
                sink(bad(expected));
                return;
            }
        }
        return;
    }
    // The other rules are for values of one or two bytes; longer ones are
    // a length violation, reported by the format check.
    let mut buf = [0u8; 2];
    let Ok(bytes) = v.copy_to(&mut buf) else {
        return;
    };
    match val {
        Val::Any | Val::U16ListMin(..) => {}
        Val::Bool => {
            if let [b] = bytes {
                if *b > 1 {
                    sink(bad("0 or 1"));
                }
            }
        }
        Val::U8Min(min, expected) => {
            if let [b] = bytes {
                if *b < min {
                    sink(bad(expected));
                }
            }
        }
        Val::U16Min(min, expected) => {
            if let [a, b] = bytes {
                if u16::from_be_bytes([*a, *b]) < min {
                    sink(bad(expected));
                }
            }
        }
        Val::OneOf(allowed, expected) => {
            if let [b] = bytes {
                if !allowed.contains(b) {
                    sink(bad(expected));
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------

/// What a DHCPREQUEST is, judged from its fields (RFC 2131 §4.3.2).
///
/// RENEWING and REBINDING look the same on the wire (ciaddr set, no 50/54);
/// only the destination differs (unicast to the server vs broadcast).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RequestKind {
    /// Option 54 present: the client answers a DHCPOFFER.
    Selecting,
    /// No 54, ciaddr 0: the client verifies a remembered address (option 50).
    InitReboot,
    /// No 54, ciaddr set: the client extends its lease.
    RenewingOrRebinding,
}

/// Classifies a DHCPREQUEST; `None` for other messages.
pub fn request_kind(msg: &Message<'_>) -> Option<RequestKind> {
    if msg.message_type().ok()? != Some(MessageType::Request) {
        return None;
    }
    let has54 = msg
        .option(OptionCode::SERVER_IDENTIFIER)
        .ok()
        .flatten()
        .is_some();
    Some(if has54 {
        RequestKind::Selecting
    } else if msg.ciaddr().is_unspecified() {
        RequestKind::InitReboot
    } else {
        RequestKind::RenewingOrRebinding
    })
}

/// Every violation in `msg`, in a fixed-capacity list, nothing left out
/// ([`Policy::STRICT`]). See [`for_each_violation`] for what is checked.
pub fn validate(msg: &Message<'_>) -> Violations {
    validate_with(msg, &Policy::STRICT)
}

/// [`validate`] leaving out what `policy` allows.
pub fn validate_with(msg: &Message<'_>, policy: &Policy) -> Violations {
    let mut out = Violations::default();
    for_each_violation(msg, |v| {
        if policy.allowed(&v, msg).is_none() {
            out.push(v);
        }
    });
    out
}

/// Every violation in `msg`, as a vector. Requires feature `alloc`
/// ([`for_each_violation`] does not allocate).
#[cfg(feature = "alloc")]
#[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
pub fn validate_vec(msg: &Message<'_>) -> alloc::vec::Vec<Violation> {
    let mut out = alloc::vec::Vec::new();
    for_each_violation(msg, |v| out.push(v));
    out
}

/// Calls `f` for every violation in `msg`:
///
/// - the options must walk (RFC 2132 §2, RFC 3396); otherwise a single
///   [`Rule::Malformed`] is reported and nothing else is checked;
/// - RFC 2132 formats of options 1–76: fixed lengths, minimum lengths,
///   lists of 4-byte addresses and 8-byte pairs, booleans, 57 ≥ 576, ...
///   (on the value joined per RFC 3396);
/// - the reserved bits of `flags` are zero (RFC 2131 §2), `hlen` ≤ 16;
/// - T1 < T2 < lease when options 58, 59, 51 are given (RFC 2131 §4.4.5;
///   SHOULD: the RFC implies the order through the client's states);
/// - for DHCP messages 1–8, the `op` and the fields and options of
///   Table 3 (DHCPOFFER, DHCPACK, DHCPNAK) and Table 5 (DHCPDISCOVER,
///   DHCPREQUEST per state, DHCPDECLINE, DHCPRELEASE, DHCPINFORM), and the
///   broadcast bit of a relayed DHCPNAK (§4.3.2).
///
/// Deliberate readings:
/// - `giaddr` and `hops` in a client message are set by relays
///   (RFC 1542 §4.1.1): not reported, except `hops` ≠ 0 with `giaddr` 0.
/// - A DHCPACK with `yiaddr` 0 is taken as the answer to a DHCPINFORM
///   (§4.3.5): option 51 must not be in it; with `yiaddr` set it answers a
///   DHCPREQUEST and needs 51.
/// - Option 61 in DHCPOFFER/DHCPACK is allowed: RFC 6842 §3 updates Table 3
///   and makes servers echo it.
/// - Option 82 is allowed everywhere: relays add it and servers echo it
///   (RFC 3046 §2.1, §2.2).
/// - Table 3 and 5 say SHOULD for option 56 (Message) in replies, DECLINE and
///   RELEASE, meaning it should carry the reason when there is one; its
///   absence is not reported. Its presence where Table 5 says SHOULD NOT
///   (DISCOVER, REQUEST, INFORM) is.
/// - Fields the tables fix to a value (e.g. `hops` 0, `yiaddr` 0 in client
///   messages) are reported as MUST.
pub fn for_each_violation(msg: &Message<'_>, mut f: impl FnMut(Violation)) {
    check(msg, &mut f);
}

fn check(msg: &Message<'_>, f: &mut dyn FnMut(Violation)) {
    if msg.cookie().is_err() {
        // Plain BOOTP (RFC 951): no DHCP rules apply.
        return;
    }
    let mut seen = Seen {
        len: [0; 256],
        present: [false; 256],
    };
    for opt in msg.options() {
        match opt {
            Ok(o) => {
                let i = usize::from(o.code.0);
                if let (Some(l), Some(p)) = (seen.len.get_mut(i), seen.present.get_mut(i)) {
                    *l += o.len();
                    *p = true;
                }
            }
            Err(e) => {
                f(Violation::must(
                    Rule::Malformed(e),
                    Subject::Field(Field::Op),
                    SEC_OPTIONS,
                ));
                return;
            }
        }
    }
    // A bad option 53 is reported by the length rules.
    let mtype = msg.message_type().unwrap_or_default();
    let mut sink = |mut v: Violation| {
        v.message_type = mtype;
        f(v);
    };
    check_formats(msg, &seen, &mut sink);
    check_header(msg, &mut sink);
    check_timers(msg, &mut sink);
    match mtype {
        Some(
            t @ (MessageType::Discover
            | MessageType::Request
            | MessageType::Decline
            | MessageType::Release
            | MessageType::Inform),
        ) => check_client(msg, t, &seen, &mut sink),
        Some(t @ (MessageType::Offer | MessageType::Ack | MessageType::Nak)) => {
            check_server(msg, t, &seen, &mut sink)
        }
        _ => {}
    }
}

fn check_formats(msg: &Message<'_>, seen: &Seen, f: &mut dyn FnMut(Violation)) {
    for code in 1..=254u8 {
        let oc = OptionCode(code);
        if !seen.has(oc) {
            continue;
        }
        let Some((len_rule, val, section)) = format_of(code) else {
            continue;
        };
        let len = seen.len(oc);
        let ok = match len_rule {
            Len::Exact(n, _) => len == n,
            Len::Min(min, unit, _) => len >= min && len % unit == 0,
        };
        if !ok {
            let expected = match len_rule {
                Len::Exact(_, e) | Len::Min(_, _, e) => e,
            };
            f(Violation::must(
                Rule::Length { len, expected },
                Subject::Option(oc),
                section,
            ));
            continue;
        }
        check_value(msg, oc, val, f, section);
    }
}

fn check_header(msg: &Message<'_>, f: &mut dyn FnMut(Violation)) {
    if msg.flags().reserved() != 0 {
        f(Violation::must(
            Rule::Value {
                expected: "reserved bits zero",
            },
            Subject::Field(Field::Flags),
            SEC_FLAGS,
        ));
    }
    if msg.hlen > 16 {
        f(Violation::must(
            Rule::Value {
                expected: "at most 16",
            },
            Subject::Field(Field::Hlen),
            SEC_FLAGS,
        ));
    }
}

fn check_timers(msg: &Message<'_>, f: &mut dyn FnMut(Violation)) {
    let t1 = u32_of(msg, OptionCode::RENEWAL_TIME);
    let t2 = u32_of(msg, OptionCode::REBINDING_TIME);
    let lease = u32_of(msg, OptionCode::LEASE_TIME);
    if !timers_ordered(t1, t2, lease) {
        let subject = match (t1, t2) {
            (_, Some(_)) => OptionCode::REBINDING_TIME,
            _ => OptionCode::RENEWAL_TIME,
        };
        f(Violation::should(
            Rule::TimerOrder { t1, t2, lease },
            Subject::Option(subject),
            SEC_TIMERS,
        ));
    }
}

/// `a < b` where [`INFINITE`] is +∞ and ∞ < ∞ holds ("never" after
/// "never" is no contradiction).
fn before(a: u32, b: u32) -> bool {
    a < b || (a == INFINITE && b == INFINITE)
}

fn timers_ordered(t1: Option<u32>, t2: Option<u32>, lease: Option<u32>) -> bool {
    let pairs = [(t1, t2), (t2, lease), (t1, lease)];
    pairs.iter().all(|p| match p {
        (Some(a), Some(b)) => before(*a, *b),
        _ => true,
    })
}

fn check_client(msg: &Message<'_>, t: MessageType, seen: &Seen, f: &mut dyn FnMut(Violation)) {
    let field = |x| Subject::Field(x);
    let opt = |c| Subject::Option(c);
    let must_not = |s| Violation::must(Rule::NotAllowed, s, TABLE5);
    let missing = |s| Violation::must(Rule::Missing, s, TABLE5);
    if msg.op() != Op::BootRequest {
        f(Violation::must(
            Rule::WrongOp {
                expected: Op::BootRequest,
            },
            field(Field::Op),
            TABLE5,
        ));
    }
    // hops and giaddr belong to relays (RFC 1542 §4.1.1).
    if msg.hops != 0 && msg.giaddr().is_unspecified() {
        f(must_not(field(Field::Hops)));
    }
    if !msg.yiaddr().is_unspecified() {
        f(must_not(field(Field::Yiaddr)));
    }
    if !msg.siaddr().is_unspecified() {
        f(must_not(field(Field::Siaddr)));
    }
    let ciaddr_set = !msg.ciaddr().is_unspecified();
    let has = |c| seen.has(c);
    let (c50, c51, c54) = (
        OptionCode::REQUESTED_IP_ADDRESS,
        OptionCode::LEASE_TIME,
        OptionCode::SERVER_IDENTIFIER,
    );
    match t {
        MessageType::Discover => {
            if ciaddr_set {
                f(must_not(field(Field::Ciaddr)));
            }
            if has(c54) {
                f(must_not(opt(c54)));
            }
        }
        MessageType::Inform => {
            if !ciaddr_set {
                f(missing(field(Field::Ciaddr)));
            }
            for c in [c50, c51, c54] {
                if has(c) {
                    f(must_not(opt(c)));
                }
            }
        }
        MessageType::Request => match request_kind(msg) {
            Some(RequestKind::Selecting) => {
                if !has(c50) {
                    f(missing(opt(c50)));
                }
                if ciaddr_set {
                    f(Violation::must(
                        Rule::NotAllowed,
                        field(Field::Ciaddr),
                        SEC_REQUEST,
                    ));
                }
            }
            Some(RequestKind::InitReboot) => {
                if !has(c50) {
                    f(missing(opt(c50)));
                }
            }
            Some(RequestKind::RenewingOrRebinding) | None => {
                if has(c50) {
                    f(must_not(opt(c50)));
                }
            }
        },
        MessageType::Decline | MessageType::Release => {
            let decline = t == MessageType::Decline;
            if msg.secs() != 0 {
                f(must_not(field(Field::Secs)));
            }
            if msg.flags().0 != 0 {
                f(must_not(field(Field::Flags)));
            }
            if decline && ciaddr_set {
                f(must_not(field(Field::Ciaddr)));
            }
            if !decline && !ciaddr_set {
                f(missing(field(Field::Ciaddr)));
            }
            if decline && !has(c50) {
                f(missing(opt(c50)));
            }
            if !has(c54) {
                f(missing(opt(c54)));
            }
            // "All others MUST NOT": what Table 5 lets through, plus 82
            // from relays (RFC 3046) and 52 ("use file/sname: MAY").
            for code in 1..=254u8 {
                let oc = OptionCode(code);
                let allowed =
                    matches!(code, 52 | 53 | 54 | 56 | 61 | 82) || (decline && code == 50);
                if has(oc) && !allowed {
                    f(must_not(opt(oc)));
                }
            }
        }
        _ => {}
    }
    if matches!(
        t,
        MessageType::Discover | MessageType::Request | MessageType::Inform
    ) && has(OptionCode::MESSAGE)
    {
        f(Violation::should(
            Rule::NotAllowed,
            opt(OptionCode::MESSAGE),
            TABLE5,
        ));
    }
}

fn check_server(msg: &Message<'_>, t: MessageType, seen: &Seen, f: &mut dyn FnMut(Violation)) {
    let field = |x| Subject::Field(x);
    let opt = |c| Subject::Option(c);
    let must_not = |s| Violation::must(Rule::NotAllowed, s, TABLE3);
    let missing = |s| Violation::must(Rule::Missing, s, TABLE3);
    let has = |c| seen.has(c);
    if msg.op() != Op::BootReply {
        f(Violation::must(
            Rule::WrongOp {
                expected: Op::BootReply,
            },
            field(Field::Op),
            TABLE3,
        ));
    }
    if msg.hops != 0 {
        f(must_not(field(Field::Hops)));
    }
    if msg.secs() != 0 {
        f(must_not(field(Field::Secs)));
    }
    if !has(OptionCode::SERVER_IDENTIFIER) {
        f(missing(opt(OptionCode::SERVER_IDENTIFIER)));
    }
    for c in [
        OptionCode::REQUESTED_IP_ADDRESS,
        OptionCode::PARAMETER_REQUEST_LIST,
        OptionCode::MAX_MESSAGE_SIZE,
    ] {
        if has(c) && t != MessageType::Nak {
            f(must_not(opt(c)));
        }
    }
    let yiaddr_set = !msg.yiaddr().is_unspecified();
    match t {
        MessageType::Offer => {
            if !msg.ciaddr().is_unspecified() {
                f(must_not(field(Field::Ciaddr)));
            }
            if !yiaddr_set {
                f(missing(field(Field::Yiaddr)));
            }
            if !has(OptionCode::LEASE_TIME) {
                f(missing(opt(OptionCode::LEASE_TIME)));
            }
        }
        MessageType::Ack => {
            if yiaddr_set {
                if !has(OptionCode::LEASE_TIME) {
                    f(missing(opt(OptionCode::LEASE_TIME)));
                }
            } else if has(OptionCode::LEASE_TIME) {
                // An ACK without an address answers a DHCPINFORM.
                f(Violation::must(
                    Rule::NotAllowed,
                    opt(OptionCode::LEASE_TIME),
                    SEC_INFORM,
                ));
            }
        }
        MessageType::Nak => {
            for x in [Field::Ciaddr, Field::Yiaddr, Field::Siaddr] {
                let addr = match x {
                    Field::Ciaddr => msg.ciaddr(),
                    Field::Yiaddr => msg.yiaddr(),
                    _ => msg.siaddr(),
                };
                if !addr.is_unspecified() {
                    f(must_not(field(x)));
                }
            }
            if has(OptionCode::OVERLOAD) {
                // "Use 'file'/'sname' fields: MUST NOT" (and 52 is "all others").
                f(must_not(opt(OptionCode::OVERLOAD)));
            } else {
                for (x, bytes) in [
                    (Field::Sname, msg.sname_bytes()),
                    (Field::File, msg.file_bytes()),
                ] {
                    if !bytes.is_empty() {
                        f(Violation::should(Rule::NotAllowed, field(x), TABLE3));
                    }
                }
            }
            for code in 1..=254u8 {
                let oc = OptionCode(code);
                let allowed = matches!(code, 52 | 53 | 54 | 56 | 60 | 61 | 82);
                if has(oc) && !allowed {
                    f(must_not(opt(oc)));
                }
            }
            if !msg.giaddr().is_unspecified() && !msg.flags().broadcast() {
                f(Violation::must(
                    Rule::Value {
                        expected: "broadcast bit set in a DHCPNAK sent through a relay",
                    },
                    field(Field::Flags),
                    SEC_NAK,
                ));
            }
        }
        _ => {}
    }
}

/// [`validate`] on `reply`, plus what it must take from `request`
/// (RFC 2131 Table 3): the reply type answers the request type (OFFER to
/// DISCOVER, ACK/NAK to REQUEST, ACK to INFORM), `xid`, `htype`, `hlen`,
/// `chaddr`, `giaddr` and `flags` are copied (a NAK may add the broadcast
/// bit, §4.3.2; an ACK may answer a DISCOVER when both carry option 80,
/// RFC 4039 rapid commit), `ciaddr` in an ACK is the request's or 0, an
/// ACK to a DHCPINFORM has no option 51 (§4.3.5), and options 61
/// (RFC 6842 §3) and 82 (RFC 3046 §2.2) are echoed unchanged.
pub fn validate_reply(request: &Message<'_>, reply: &Message<'_>) -> Violations {
    validate_reply_with(request, reply, &Policy::STRICT)
}

/// [`validate_reply`] leaving out what `policy` allows.
pub fn validate_reply_with(
    request: &Message<'_>,
    reply: &Message<'_>,
    policy: &Policy,
) -> Violations {
    let mut out = Violations::default();
    let mut keep = |v: Violation| {
        if policy.allowed(&v, reply).is_none() {
            out.push(v);
        }
    };
    for_each_violation(reply, &mut keep);
    check_reply_pair(request, reply, &mut keep);
    out
}

fn same_value(a: &Option<OptionValue<'_>>, b: &Option<OptionValue<'_>>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => {
            a.len() == b.len()
                && a.fragments()
                    .flat_map(|r| r.data.iter())
                    .eq(b.fragments().flat_map(|r| r.data.iter()))
        }
        _ => false,
    }
}

fn check_reply_pair(request: &Message<'_>, reply: &Message<'_>, f: &mut dyn FnMut(Violation)) {
    let rtype = reply.message_type().ok().flatten();
    let qtype = request.message_type().ok().flatten();
    let mut sink = |mut v: Violation| {
        v.message_type = rtype;
        f(v);
    };
    let not_copied = |x| Violation::must(Rule::NotCopied, Subject::Field(x), TABLE3);
    let Some(rt @ (MessageType::Offer | MessageType::Ack | MessageType::Nak)) = rtype else {
        // Table 3 covers OFFER, ACK and NAK only.
        return;
    };
    if let Some(q) = qtype {
        let rapid_commit =
            |m: &Message<'_>| m.option(OptionCode::RAPID_COMMIT).ok().flatten().is_some();
        let fits = matches!(
            (q, rt),
            (MessageType::Discover, MessageType::Offer)
                | (MessageType::Request, MessageType::Ack | MessageType::Nak)
                | (MessageType::Inform, MessageType::Ack)
        ) || (q == MessageType::Discover
            && rt == MessageType::Ack
            && rapid_commit(request)
            && rapid_commit(reply));
        if !fits {
            sink(Violation::must(
                Rule::WrongReplyType { request: q },
                Subject::Option(OptionCode::MESSAGE_TYPE),
                TABLE3,
            ));
        }
    }
    let (q, r) = (request.header(), reply.header());
    if q.xid != r.xid {
        sink(not_copied(Field::Xid));
    }
    if q.htype != r.htype {
        sink(not_copied(Field::Htype));
    }
    if q.hlen != r.hlen {
        sink(not_copied(Field::Hlen));
    }
    if q.chaddr != r.chaddr {
        sink(not_copied(Field::Chaddr));
    }
    if q.giaddr != r.giaddr {
        sink(not_copied(Field::Giaddr));
    }
    // A NAK is broadcast (§4.3.2): servers set the bit whether relayed or not.
    let flags_ok = if rt == MessageType::Nak {
        r.flags().with_broadcast(false) == q.flags().with_broadcast(false)
    } else {
        q.flags == r.flags
    };
    if !flags_ok {
        sink(not_copied(Field::Flags));
    }
    if rtype == Some(MessageType::Ack)
        && !reply.ciaddr().is_unspecified()
        && reply.ciaddr() != request.ciaddr()
    {
        sink(not_copied(Field::Ciaddr));
    }
    if rtype == Some(MessageType::Ack)
        && qtype == Some(MessageType::Inform)
        && !reply.yiaddr().is_unspecified()
    {
        // §4.3.5: "SHOULD NOT fill in 'yiaddr'"; the lease time is checked
        // by validate() once yiaddr is 0.
        sink(Violation::should(
            Rule::NotAllowed,
            Subject::Field(Field::Yiaddr),
            SEC_INFORM,
        ));
        if reply
            .option(OptionCode::LEASE_TIME)
            .ok()
            .flatten()
            .is_some()
        {
            sink(Violation::must(
                Rule::NotAllowed,
                Subject::Option(OptionCode::LEASE_TIME),
                SEC_INFORM,
            ));
        }
    }
    for (code, section) in [
        (OptionCode::CLIENT_IDENTIFIER, SEC_CLIENT_ID),
        (OptionCode::RELAY_AGENT_INFORMATION, SEC_RELAY),
    ] {
        let (Ok(qv), Ok(rv)) = (request.option(code), reply.option(code)) else {
            continue;
        };
        if qv.is_some() && !same_value(&qv, &rv) {
            sink(Violation::must(
                Rule::NotCopied,
                Subject::Option(code),
                section,
            ));
        }
    }
}

// ---------------------------------------------------------------------------
// Errors of the restricted builders
// ---------------------------------------------------------------------------

/// Why a [`Reply`] or [`ClientMessage`] could not be built.
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
    /// The option is written by a dedicated method or automatically.
    #[error("option {code} is set by {by}, not by option()")]
    ManagedOption {
        /// The option code.
        code: u8,
        /// What sets it.
        by: &'static str,
    },
}

/// Which method or rule writes `code`, for codes `option()` refuses.
fn managed(code: OptionCode, client: bool) -> Option<&'static str> {
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

// ---------------------------------------------------------------------------
// Server replies
// ---------------------------------------------------------------------------

/// Marker types for the kinds of [`Reply`] and [`ClientMessage`].
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

mod sealed {
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

/// Replies that grant a lease (OFFER, ACK to REQUEST).
pub trait Leases: ReplyKind {}
impl Leases for kind::Offer {}
impl Leases for kind::Ack {}

/// A server reply restricted to what RFC 2131 §4.3.1 Table 3 allows.
///
/// [`MessageBuilder::reply_to`] copies `xid`, `htype`, `hlen`, `flags`,
/// `giaddr` and `chaddr` and sets `op` BOOTREPLY, `hops` 0, `secs` 0 and the
/// maximum size from the request's option 57. On top of that:
///
/// | | OFFER | ACK | ACK to INFORM | NAK |
/// |---|---|---|---|---|
/// | `ciaddr` | 0 | request's | request's | 0 |
/// | `yiaddr` | required | required | 0 | 0 (no setter) |
/// | `siaddr`, `sname`, `file`, other options | settable | settable | settable | no setter |
/// | 54 server identifier | required | required | required | required |
/// | 51 lease time | required | required | no setter | no setter |
/// | 58/59 T1/T2 | settable, T1 < T2 < lease | same | no setter | no setter |
/// | 56 message | settable | settable | settable | settable |
/// | 50, 55, 57 | never | never | never | never |
/// | 61 client identifier | echoed (RFC 6842) | echoed | echoed | echoed |
/// | 82 relay agent information | echoed last (RFC 3046 §2.2) | echoed | echoed | echoed |
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
    relay_info: Option<OptionValue<'r>>,
    server_id: bool,
    yiaddr: bool,
    lease: Option<u32>,
    t1: Option<u32>,
    t2: Option<u32>,
    error: Option<ProtocolError>,
    _kind: PhantomData<K>,
}

impl<'r, 'b, K: ReplyKind> Reply<'r, 'b, K> {
    fn start(
        request: &Message<'r>,
        buf: &'b mut [u8],
        reply: MessageType,
        expected: MessageType,
    ) -> Result<Self, ProtocolError> {
        request.cookie()?;
        let found = request.message_type()?;
        if found != Some(expected) {
            return Err(ProtocolError::WrongRequest {
                reply,
                expected,
                found,
            });
        }
        let mut b = MessageBuilder::reply_to(request, reply, buf)?;
        if let Some(id) = request.option(OptionCode::CLIENT_IDENTIFIER)? {
            for frag in id.fragments() {
                b.option(OptionCode::CLIENT_IDENTIFIER, frag.data);
            }
        }
        Ok(Reply {
            b,
            message_type: reply,
            relay_info: request.option(OptionCode::RELAY_AGENT_INFORMATION)?,
            server_id: false,
            yiaddr: false,
            lease: None,
            t1: None,
            t2: None,
            error: None,
            _kind: PhantomData,
        })
    }

    fn fail(&mut self, e: ProtocolError) {
        if self.error.is_none() {
            self.error = Some(e);
        }
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
        if let Some(e) = self.error {
            return Err(e);
        }
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
        if let Some(info) = self.relay_info {
            for frag in info.fragments() {
                self.b
                    .option(OptionCode::RELAY_AGENT_INFORMATION, frag.data);
            }
        }
        Ok(self.b.finish()?)
    }
}

impl<'r, 'b> Reply<'r, 'b, kind::Offer> {
    /// A DHCPOFFER answering the DHCPDISCOVER `request`.
    ///
    /// # Errors
    /// [`ProtocolError::WrongRequest`] when `request` is not a DHCPDISCOVER;
    /// [`Error::BufferTooSmall`] for a buffer under 240 bytes.
    pub fn offer(request: &Message<'r>, buf: &'b mut [u8]) -> Result<Self, ProtocolError> {
        Self::start(request, buf, MessageType::Offer, MessageType::Discover)
    }
}

impl<'r, 'b> Reply<'r, 'b, kind::Ack> {
    /// A DHCPACK answering the DHCPREQUEST `request`, `ciaddr` copied
    /// from it.
    ///
    /// # Errors
    /// As [`Reply::offer`], for a DHCPREQUEST.
    pub fn ack(request: &Message<'r>, buf: &'b mut [u8]) -> Result<Self, ProtocolError> {
        let mut r = Self::start(request, buf, MessageType::Ack, MessageType::Request)?;
        r.b.ciaddr(request.ciaddr());
        Ok(r)
    }
}

impl<'r, 'b> Reply<'r, 'b, kind::InformAck> {
    /// A DHCPACK answering the DHCPINFORM `request`: `ciaddr` copied, no
    /// `yiaddr`, no lease time (RFC 2131 §4.3.5).
    ///
    /// # Errors
    /// As [`Reply::offer`], for a DHCPINFORM.
    pub fn ack_inform(request: &Message<'r>, buf: &'b mut [u8]) -> Result<Self, ProtocolError> {
        let mut r = Self::start(request, buf, MessageType::Ack, MessageType::Inform)?;
        r.b.ciaddr(request.ciaddr());
        Ok(r)
    }
}

impl<'r, 'b> Reply<'r, 'b, kind::Nak> {
    /// A DHCPNAK answering the DHCPREQUEST `request`: nothing but 53, 54,
    /// 56, 60 and the echoed 61 and 82; the broadcast bit set when the
    /// request came through a relay (RFC 2131 §4.3.2).
    ///
    /// # Errors
    /// As [`Reply::offer`], for a DHCPREQUEST.
    pub fn nak(request: &Message<'r>, buf: &'b mut [u8]) -> Result<Self, ProtocolError> {
        let mut r = Self::start(request, buf, MessageType::Nak, MessageType::Request)?;
        if !request.giaddr().is_unspecified() {
            r.b.flags(request.flags().with_broadcast(true));
        }
        Ok(r)
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

    /// Lets options that do not fit move into `file`/`sname` (option 52).
    pub fn overload_when_full(&mut self, allowed: bool) -> &mut Self {
        self.b.overload_when_full(allowed);
        self
    }

    /// Option 1.
    pub fn subnet_mask(&mut self, mask: Ipv4Addr) -> &mut Self {
        self.b.subnet_mask(mask);
        self
    }

    /// Option 3.
    pub fn routers(&mut self, addrs: &[Ipv4Addr]) -> &mut Self {
        self.b.routers(addrs);
        self
    }

    /// Option 6.
    pub fn dns_servers(&mut self, addrs: &[Ipv4Addr]) -> &mut Self {
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
    pub fn yiaddr(&mut self, addr: Ipv4Addr) -> &mut Self {
        self.yiaddr = !addr.is_unspecified();
        self.b.yiaddr(addr);
        self
    }

    /// Option 51 in seconds ([`INFINITE`] for no expiry; required).
    pub fn lease_time(&mut self, secs: u32) -> &mut Self {
        // A second call replaces the value already written.
        if self.lease.replace(secs).is_none()
            || !self
                .b
                .overwrite(OptionCode::LEASE_TIME, &secs.to_be_bytes())
        {
            self.b.lease_time(secs);
        }
        self
    }

    /// Option 58, T1 (default 0.5 × lease when absent).
    pub fn renewal_time(&mut self, secs: u32) -> &mut Self {
        // A second call replaces the value already written.
        if self.t1.replace(secs).is_none()
            || !self
                .b
                .overwrite(OptionCode::RENEWAL_TIME, &secs.to_be_bytes())
        {
            self.b.renewal_time(secs);
        }
        self
    }

    /// Option 59, T2 (default 0.875 × lease when absent).
    pub fn rebinding_time(&mut self, secs: u32) -> &mut Self {
        // A second call replaces the value already written.
        if self.t2.replace(secs).is_none()
            || !self
                .b
                .overwrite(OptionCode::REBINDING_TIME, &secs.to_be_bytes())
        {
            self.b.rebinding_time(secs);
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

// ---------------------------------------------------------------------------
// Client messages
// ---------------------------------------------------------------------------

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
    error: Option<ProtocolError>,
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
            error: None,
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
    /// The first setter error, or the builder's [`Error`].
    pub fn finish(&mut self) -> Result<usize, ProtocolError> {
        if let Some(e) = self.error {
            return Err(e);
        }
        Ok(self.b.finish()?)
    }
}

impl<'b> ClientMessage<'b, kind::Discover> {
    /// A DHCPDISCOVER (broadcast, `ciaddr` 0, no option 54).
    ///
    /// # Errors
    /// [`Error::BufferTooSmall`], or [`Error::FieldTooLong`] for a `chaddr`
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

    /// Option 55.
    pub fn parameter_request_list(&mut self, codes: &[OptionCode]) -> &mut Self {
        self.b.parameter_request_list(codes);
        self
    }

    /// Option 57; values under 576 are refused (RFC 2132 §9.10).
    pub fn max_message_size(&mut self, size: u16) -> &mut Self {
        if size < 576 {
            self.error
                .get_or_insert(ProtocolError::Violation(Violation::must(
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
                    .get_or_insert(ProtocolError::ManagedOption { code: code.0, by });
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

// ---------------------------------------------------------------------------
// Where a reply goes
// ---------------------------------------------------------------------------

/// A hardware address of at most 16 bytes, by value.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct HardwareAddress {
    bytes: [u8; 16],
    len: u8,
}

impl HardwareAddress {
    /// The `hlen` bytes of `chaddr`.
    pub fn as_bytes(&self) -> &[u8] {
        self.bytes.get(..usize::from(self.len)).unwrap_or(&[])
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
    /// unicast (the client answers ARP for it).
    Unicast(Ipv4Addr),
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
            Destination::Unicast(ip) | Destination::Hardware { ip, .. } => {
                SocketAddrV4::new(ip, CLIENT_PORT)
            }
        }
    }
}

impl fmt::Display for Destination {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Destination::Relay(ip) => write!(f, "relay {ip}:{SERVER_PORT}"),
            Destination::Broadcast => write!(f, "broadcast 255.255.255.255:{CLIENT_PORT}"),
            Destination::Unicast(ip) => write!(f, "unicast {ip}:{CLIENT_PORT}"),
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
/// So, in order: `giaddr` ≠ 0 → [`Destination::Relay`]; a DHCPNAK →
/// [`Destination::Broadcast`]; `ciaddr` ≠ 0 → [`Destination::Unicast`];
/// broadcast bit → [`Destination::Broadcast`]; otherwise
/// [`Destination::Hardware`] with the reply's `yiaddr` and the request's
/// `chaddr` — or [`Destination::Broadcast`] when there is no `yiaddr` or no
/// usable hardware address (`hlen` 0 or over 16) to unicast to.
pub fn reply_destination(request: &Message<'_>, reply: &Message<'_>) -> Destination {
    if !request.giaddr().is_unspecified() {
        return Destination::Relay(request.giaddr());
    }
    if reply.message_type().ok().flatten() == Some(MessageType::Nak) {
        return Destination::Broadcast;
    }
    if !request.ciaddr().is_unspecified() {
        return Destination::Unicast(request.ciaddr());
    }
    if request.flags().broadcast() {
        return Destination::Broadcast;
    }
    let ip = reply.yiaddr();
    match request.chaddr() {
        Ok(hw) if !hw.is_empty() && !ip.is_unspecified() => {
            let mut bytes = [0u8; 16];
            if let Some(dst) = bytes.get_mut(..hw.len()) {
                dst.copy_from_slice(hw);
            }
            Destination::Hardware {
                ip,
                htype: request.htype,
                chaddr: HardwareAddress {
                    bytes,
                    len: u8::try_from(hw.len()).unwrap_or(16),
                },
            }
        }
        _ => Destination::Broadcast,
    }
}

// ---------------------------------------------------------------------------
// Lease timing
// ---------------------------------------------------------------------------

/// A lease's duration and its T1 (renew) and T2 (rebind) times, in seconds
/// from the moment the lease was granted (RFC 2131 §4.4.5). [`INFINITE`]
/// (0xffffffff) means "never".
///
/// ```
/// use dhcpwire::protocol::{INFINITE, LeaseTimers};
/// use std::time::Duration;
/// let t = LeaseTimers::new(3600);
/// assert_eq!((t.t1, t.t2), (1800, 3150)); // 0.5 and 0.875 of the lease
/// let granted = Duration::from_secs(1_000);
/// assert_eq!(t.renew_at(granted), Some(Duration::from_secs(2_800)));
/// assert_eq!(t.rebind_at(granted), Some(Duration::from_secs(4_150)));
/// assert_eq!(t.expires_at(granted), Some(Duration::from_secs(4_600)));
/// assert_eq!(LeaseTimers::new(INFINITE).renew_at(granted), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct LeaseTimers {
    /// Option 51.
    pub lease: u32,
    /// Option 58, or 0.5 × lease.
    pub t1: u32,
    /// Option 59, or 0.875 × lease.
    pub t2: u32,
}

/// T1 when option 58 is absent: 0.5 × `lease`, rounded down (so T1 is
/// below the lease unless the lease is 0); [`INFINITE`] for an infinite
/// lease.
pub const fn default_t1(lease: u32) -> u32 {
    if lease == INFINITE {
        INFINITE
    } else {
        lease / 2
    }
}

/// T2 when option 59 is absent: 0.875 × `lease`, rounded down, computed
/// without overflow; [`INFINITE`] for an infinite lease.
pub const fn default_t2(lease: u32) -> u32 {
    if lease == INFINITE {
        INFINITE
    } else {
        // lease - lease/8 rounded up = floor(7 * lease / 8)
        lease - lease.div_ceil(8)
    }
}

impl LeaseTimers {
    /// A lease with the default T1 and T2.
    pub const fn new(lease: u32) -> Self {
        LeaseTimers {
            lease,
            t1: default_t1(lease),
            t2: default_t2(lease),
        }
    }

    /// A lease with T1/T2 given or defaulted.
    pub const fn with(lease: u32, t1: Option<u32>, t2: Option<u32>) -> Self {
        LeaseTimers {
            lease,
            t1: match t1 {
                Some(v) => v,
                None => default_t1(lease),
            },
            t2: match t2 {
                Some(v) => v,
                None => default_t2(lease),
            },
        }
    }

    /// The timers of a DHCPACK/DHCPOFFER (options 51, 58, 59); `None`
    /// without a valid option 51.
    pub fn from_message(msg: &Message<'_>) -> Option<Self> {
        let lease = u32_of(msg, OptionCode::LEASE_TIME)?;
        Some(Self::with(
            lease,
            u32_of(msg, OptionCode::RENEWAL_TIME),
            u32_of(msg, OptionCode::REBINDING_TIME),
        ))
    }

    /// Whether the lease never expires.
    pub const fn is_infinite(&self) -> bool {
        self.lease == INFINITE
    }

    /// Whether T1 < T2 < lease ([`INFINITE`] counting as "never", after
    /// every finite time). The defaults satisfy it for every lease of at
    /// least 3 seconds (rounded down, 1 and 2 seconds give T1 = T2).
    pub const fn is_ordered(&self) -> bool {
        const fn lt(a: u32, b: u32) -> bool {
            a < b || (a == INFINITE && b == INFINITE)
        }
        lt(self.t1, self.t2) && lt(self.t2, self.lease)
    }

    /// [`is_ordered`](Self::is_ordered) as a result naming the rule.
    ///
    /// # Errors
    /// A [`Rule::TimerOrder`] violation (SHOULD, RFC 2131 §4.4.5).
    pub fn check(&self) -> Result<(), Violation> {
        if self.is_ordered() {
            Ok(())
        } else {
            Err(Violation::should(
                Rule::TimerOrder {
                    t1: Some(self.t1),
                    t2: Some(self.t2),
                    lease: Some(self.lease),
                },
                Subject::Option(OptionCode::RENEWAL_TIME),
                SEC_TIMERS,
            ))
        }
    }

    fn at(granted: Duration, secs: u32) -> Option<Duration> {
        if secs == INFINITE {
            return None;
        }
        granted.checked_add(Duration::from_secs(u64::from(secs)))
    }

    /// When the client enters RENEWING: `granted` + T1; `None` for never.
    pub fn renew_at(&self, granted: Duration) -> Option<Duration> {
        Self::at(granted, self.t1)
    }

    /// When the client enters REBINDING: `granted` + T2; `None` for never.
    pub fn rebind_at(&self, granted: Duration) -> Option<Duration> {
        Self::at(granted, self.t2)
    }

    /// When the lease expires: `granted` + lease; `None` for never.
    pub fn expires_at(&self, granted: Duration) -> Option<Duration> {
        Self::at(granted, self.lease)
    }

    /// What the client should be doing at `now` for a lease granted at
    /// `granted`.
    pub fn phase(&self, granted: Duration, now: Duration) -> LeasePhase {
        let reached = |t: Option<Duration>| t.is_some_and(|t| now >= t);
        if reached(self.expires_at(granted)) {
            LeasePhase::Expired
        } else if reached(self.rebind_at(granted)) {
            LeasePhase::Rebinding
        } else if reached(self.renew_at(granted)) {
            LeasePhase::Renewing
        } else {
            LeasePhase::Bound
        }
    }
}

/// The client state a lease puts it in at a given time (RFC 2131 §4.4.5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LeasePhase {
    /// Before T1.
    Bound,
    /// From T1: unicast DHCPREQUEST to the server.
    Renewing,
    /// From T2: broadcast DHCPREQUEST to any server.
    Rebinding,
    /// From the lease's end: the address must no longer be used.
    Expired,
}
