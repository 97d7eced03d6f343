//! The rules of RFC 2131 that DHCP programs get wrong most often, as code.
//!
//! - [`Reply`]: a server reply (DHCPOFFER, DHCPACK, DHCPNAK) that only lets
//!   the caller set what RFC 2131 §4.3.1 Table 3 allows for that reply, echoes
//!   the client identifier (RFC 6842) and the relay agent information
//!   (RFC 3046 §2.2), and refuses to [`finish`](Reply::finish) when a MUST
//!   is missing.
//! - [`ClientMessage`]: DHCPDISCOVER, DHCPREQUEST in each client state,
//!   DHCPDECLINE, DHCPRELEASE and DHCPINFORM carrying exactly the fields and
//!   options of RFC 2131 §4.4.1 Table 5; [`ClientKind`] builds each of the
//!   eight in one line (for unit tests of a server).
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

mod client;
mod destination;
pub(crate) mod formats;
mod policy;
mod reply;
mod timers;
mod validate;
mod violation;

pub use crate::header::Field;
pub use client::{Asks, ClientKind, ClientMessage, Explains, RequestState, SuggestsLease};
pub use destination::{Destination, HardwareAddress, reply_destination};
pub use policy::{KnownDeviation, Policy};
pub use reply::{
    Configures, EchoRelayInfo, Leases, ProtocolError, Reply, ReplyKind, ReplyTo, kind,
};
pub use timers::{LeasePhase, LeaseTimers, default_t1, default_t2};
#[cfg(feature = "alloc")]
pub use validate::validate_vec;
pub use validate::{
    RequestKind, for_each_violation, request_kind, validate, validate_reply, validate_reply_with,
    validate_with,
};
pub use violation::{MAX_VIOLATIONS, Rule, Severity, Subject, Violation, Violations};

/// The UDP port of DHCP servers and relay agents (RFC 2131 §4.1).
pub const SERVER_PORT: u16 = 67;
/// The UDP port of DHCP clients (RFC 2131 §4.1).
pub const CLIENT_PORT: u16 = 68;
/// Option 51's value for a lease that never expires (RFC 2131 §3.3).
pub const INFINITE: u32 = 0xffff_ffff;

pub(crate) const TABLE3: &str = "RFC 2131 §4.3.1, Table 3";
pub(crate) const TABLE5: &str = "RFC 2131 §4.4.1, Table 5";
pub(crate) const SEC_FLAGS: &str = "RFC 2131 §2";
pub(crate) const SEC_NAK: &str = "RFC 2131 §4.3.2";
pub(crate) const SEC_INFORM: &str = "RFC 2131 §4.3.5";
pub(crate) const SEC_REQUEST: &str = "RFC 2131 §4.3.2";
pub(crate) const SEC_TIMERS: &str = "RFC 2131 §4.4.5";
pub(crate) const SEC_OPTIONS: &str = "RFC 2132 §2";
pub(crate) const SEC_CLIENT_ID: &str = "RFC 6842 §3";
pub(crate) const SEC_RELAY: &str = "RFC 3046 §2.2";
