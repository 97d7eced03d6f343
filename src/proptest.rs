//! `proptest` strategies for DHCP software (feature `proptest`, which
//! needs `std` as proptest does): whole messages from the
//! [`arbitrary`](crate::arbitrary) generator, a typed option of a given
//! code, and a client request of each RFC 2131 Table 5 kind.
//!
//! The message and option strategies draw the generator's input bytes, so
//! proptest shrinks a failing case by shortening them and moving them
//! toward zero, which the generator turns into fewer options, shorter
//! values and plainer header fields: a failure is reported on a small
//! message. The client requests shrink toward addresses 0.0.0.1, xid 0
//! and no optional option.
//!
//! ```
//! use dhcpwire::Message;
//! use dhcpwire::protocol::{ClientKind, validate};
//! use proptest::prelude::*;
//!
//! proptest! {
//!     // In a test crate, each with #[test].
//!     fn messages_rebuild(input in dhcpwire::proptest::message()) {
//!         let msg = Message::parse(input.as_bytes()).unwrap();
//!         let mut out = [0u8; 1500];
//!         let n = dhcpwire::builder::rebuild(&msg, &mut out).unwrap();
//!         prop_assert_eq!(&out[..n], input.as_bytes());
//!     }
//!
//!     fn renewals_are_valid(req in dhcpwire::proptest::client_request(ClientKind::Renewing)) {
//!         prop_assert!(validate(&req.message().unwrap()).is_empty());
//!     }
//! }
//! # fn main() {
//! messages_rebuild();
//! renewals_are_valid();
//! # }
//! ```

use alloc::vec::Vec;
use core::net::Ipv4Addr;

use ::arbitrary::Unstructured;
use ::proptest::collection::vec;
use ::proptest::option;
use ::proptest::prelude::{Just, Strategy, any, prop_oneof};
use ::proptest::sample::select;

use crate::arbitrary::{ArbitraryMessage, ArbitraryOption, Config, Generated};
use crate::code::{MessageType, OptionCode};
use crate::options::typed::TYPED_CODES;
use crate::protocol::{ClientKind, ClientMessage, ProtocolError};

/// The most input bytes a message is drawn from.
pub const MESSAGE_INPUT: usize = 2048;

/// Any message, from [`Config::DEFAULT`]: see [`message_with`].
pub fn message() -> impl Strategy<Value = ArbitraryMessage> {
    message_with(Config::DEFAULT)
}

/// A message generated under `config` from up to [`MESSAGE_INPUT`] drawn
/// bytes; shrinks toward the empty input (a DHCPDISCOVER with no other
/// option).
pub fn message_with(config: Config) -> impl Strategy<Value = ArbitraryMessage> {
    vec(any::<u8>(), 0..=MESSAGE_INPUT)
        .prop_map(move |bytes| ArbitraryMessage::from_bytes(&bytes, &config))
}

/// A value of option `code` that its typed decode accepts (any bytes for
/// a code without a typed form); shrinks toward the smallest value.
pub fn option(code: OptionCode) -> impl Strategy<Value = ArbitraryOption> {
    vec(any::<u8>(), 0..=512)
        .prop_map(move |bytes| ArbitraryOption::generate(&mut Unstructured::new(&bytes), code))
}

/// A typed option of any typed code.
pub fn typed_option() -> impl Strategy<Value = ArbitraryOption> {
    let codes: Vec<OptionCode> = TYPED_CODES.iter().map(|t| t.code).collect();
    (select(codes), vec(any::<u8>(), 0..=512))
        .prop_map(|(code, bytes)| ArbitraryOption::generate(&mut Unstructured::new(&bytes), code))
}

/// What a client request carries besides its Table 5 fields.
#[derive(Debug, Clone)]
struct Extras {
    xid: u32,
    chaddr: [u8; 6],
    client: Ipv4Addr,
    server: Ipv4Addr,
    broadcast: bool,
    secs: u16,
    host_name: Option<Vec<u8>>,
    parameters: Option<Vec<u8>>,
    max_size: Option<u16>,
    vendor_class: Option<Vec<u8>>,
    client_id: Option<Vec<u8>>,
    lease: Option<u32>,
    message: Option<Vec<u8>>,
}

/// A set address, shrinking toward 0.0.0.1.
fn address() -> impl Strategy<Value = Ipv4Addr> {
    (1..=u32::MAX).prop_map(Ipv4Addr::from)
}

/// 1 to 32 printable bytes.
fn text() -> impl Strategy<Value = Vec<u8>> {
    vec(0x21u8..0x7f, 1..=32)
}

fn extras() -> impl Strategy<Value = Extras> {
    (
        (any::<u32>(), any::<[u8; 6]>(), address(), address()),
        (any::<bool>(), prop_oneof![Just(0u16), any::<u16>()]),
        (
            option::of(text()),
            option::of(vec(1u8..=254, 1..=16)),
            option::of(576u16..=1500),
            option::of(text()),
            option::of(vec(any::<u8>(), 1..=16)),
            option::of(any::<u32>()),
            option::of(text()),
        ),
    )
        .prop_map(
            |(
                (xid, chaddr, client, server),
                (broadcast, secs),
                (host_name, parameters, max_size, vendor_class, client_id, lease, message),
            )| Extras {
                xid,
                chaddr,
                client,
                server,
                broadcast,
                secs,
                host_name,
                parameters,
                max_size,
                vendor_class,
                client_id,
                lease,
                message,
            },
        )
}

/// A client request of `kind`, built with [`ClientMessage`] (so it has
/// exactly the fields and options of its Table 5 row), with any `xid`,
/// hardware address, addresses and optional options it may carry (55, 57,
/// 60, 12, 61, 51, or 56 for DECLINE and RELEASE).
pub fn client_request(kind: ClientKind) -> impl Strategy<Value = ArbitraryMessage> {
    extras().prop_map(move |e| {
        let mut buf = [0u8; 1024];
        let len = build_request(kind, &e, &mut buf).unwrap_or(0);
        ArbitraryMessage::from_built(
            buf.get(..len).unwrap_or(&[]),
            Generated::built(kind.message_type()),
        )
    })
}

/// A client request of any Table 5 kind, with its kind.
pub fn client_requests() -> impl Strategy<Value = (ClientKind, ArbitraryMessage)> {
    select(ClientKind::ALL.to_vec()).prop_flat_map(|kind| (Just(kind), client_request(kind)))
}

fn build_request(kind: ClientKind, e: &Extras, buf: &mut [u8]) -> Result<usize, ProtocolError> {
    macro_rules! asks {
        ($m:expr) => {{
            let m = &mut $m;
            m.broadcast(e.broadcast).secs(e.secs);
            if let Some(name) = &e.host_name {
                m.host_name(name);
            }
            if let Some(codes) = &e.parameters {
                m.parameter_request_list(codes.iter().map(|&c| OptionCode(c)));
            }
            if let Some(size) = e.max_size {
                m.max_message_size(size);
            }
            if let Some(class) = &e.vendor_class {
                m.vendor_class_identifier(class);
            }
            if let Some(id) = &e.client_id {
                m.client_identifier(0, id);
            }
        }};
    }
    macro_rules! explains {
        ($m:expr) => {{
            let m = &mut $m;
            if let Some(id) = &e.client_id {
                m.client_identifier(0, id);
            }
            if let Some(text) = &e.message {
                m.message(text);
            }
            m.finish()
        }};
    }
    let (xid, chaddr) = (e.xid, &e.chaddr[..]);
    if let Some(state) = kind.request_state(e.client, e.server) {
        let mut m = ClientMessage::request(buf, xid, chaddr, state)?;
        asks!(m);
        if let Some(lease) = e.lease {
            m.lease_time(lease);
        }
        return m.finish();
    }
    match kind {
        ClientKind::Decline => {
            explains!(ClientMessage::decline(
                buf, xid, chaddr, e.client, e.server
            )?)
        }
        ClientKind::Release => {
            explains!(ClientMessage::release(
                buf, xid, chaddr, e.client, e.server
            )?)
        }
        ClientKind::Inform => {
            let mut m = ClientMessage::inform(buf, xid, chaddr, e.client)?;
            asks!(m);
            m.finish()
        }
        _ => {
            let mut m = ClientMessage::discover(buf, xid, chaddr)?;
            asks!(m);
            if let Some(lease) = e.lease {
                m.lease_time(lease);
            }
            m.finish()
        }
    }
}

impl Generated {
    /// What a message built by [`ClientMessage`] is.
    fn built(t: MessageType) -> Self {
        Generated {
            len: 0,
            message_type: Some(t),
            overload: None,
            follows_rfc2131: true,
            malformed_options: 0,
            walk_error: false,
            split_options: 0,
            bootp: false,
        }
    }
}
