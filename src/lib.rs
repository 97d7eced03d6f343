//! # dhcpwire
//!
//! A zero-copy DHCPv4 wire-format library: typed views over the fixed BOOTP
//! header, a magic-cookie-checked, overload- and RFC 3396-aware option walk,
//! typed option decoding, in-place edits, and a builder that writes into the
//! caller's buffer. No `unsafe`, no allocation on the parse, walk, edit and
//! build paths, no panic on any input: every malformed input is a typed
//! [`Error`] that says what was expected and at which byte offset.
//!
//! ```
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use dhcpwire::protocol::{ClientMessage, Reply, validate, validate_reply};
//! use dhcpwire::{DhcpOption, Message, MessageMut, MessageType};
//! use std::net::Ipv4Addr;
//!
//! // A client's Discover (op BOOTREQUEST, what RFC 2131 Table 5 allows).
//! let chaddr = [0x0a, 0x16, 0x36, 0xfb, 0xbb, 0x4a];
//! let mut discover = [0u8; 1500];
//! let len = ClientMessage::discover(&mut discover, 0x0a00_0001, &chaddr)?
//!     .host_name(b"laptop-a")
//!     .finish()?;
//! assert!(validate(&Message::parse(&discover[..len])?).is_empty());
//!
//! // A relay edits it in place on the way to the server.
//! MessageMut::parse(&mut discover[..len])?
//!     .set_giaddr(Ipv4Addr::new(10, 198, 27, 4))
//!     .increment_hops()?;
//!
//! // The server parses it (O(1)), indexes its options (one walk), and
//! // decodes them whole; a malformed one is an error naming its offset.
//! let request = Message::parse(&discover[..len])?;
//! let idx = request.index()?;
//! assert_eq!(idx.message_type()?, Some(MessageType::Discover));
//! for value in idx.values() {
//!     if let DhcpOption::HostName(name) = value.decode()? {
//!         assert_eq!(name.as_bytes(), b"laptop-a");
//!     }
//! }
//!
//! // And answers into its own buffer, without allocating, through `Reply`
//! // (Table 3: what is copied, what is echoed, what is required).
//! let mut buf = [0u8; 1500];
//! let offer = Reply::offer(&idx, &mut buf)?
//!     .yiaddr(Ipv4Addr::new(192, 168, 1, 100))
//!     .server_identifier(Ipv4Addr::new(192, 168, 1, 1))
//!     .lease_time(300)
//!     .finish_message()?;
//! assert_eq!(offer.xid(), 0x0a00_0001);
//! assert_eq!(offer.giaddr(), Ipv4Addr::new(10, 198, 27, 4));
//! assert!(validate_reply(&request, &offer).is_empty());
//! # Ok(()) }
//! ```
//!
//! ## Layers
//! Each layer imports only the ones before it:
//! - [`header`]: the 236-byte [`Header`] as a zerocopy struct.
//! - [`options`]: the raw, overload-aware and RFC 3396 walks, and typed
//!   [`DhcpOption`] values with sub-option iterators, generated from one
//!   catalogue of the typed codes.
//! - [`message`]: [`Message`] (read) and [`MessageMut`] (edit in place).
//! - [`builder`]: the [`MessageBuilder`].
//! - [`protocol`]: RFC 2131 rules: replies per Table 3, client messages per
//!   Table 5, validation, where a reply goes, lease timers.
//! - `capture` (feature `capture`): DHCP messages out of pcap, pcapng,
//!   tcpdump text and hex dumps.
//! - `arbitrary` and `proptest` (features of those names): generated
//!   messages for fuzzing and property-testing DHCP software.
//!
//! ## Features
//! - `std` (default): implies `alloc`; nothing in the core needs it.
//! - `alloc`: `OptionValue::to_vec`, `Message::deviations`,
//!   `protocol::validate_vec`.
//! - `bytes`: `MessageBuilder::finish_to` any `bytes::BufMut`.
//! - `arbitrary`: the `arbitrary` module (structure-aware
//!   fuzzing input: `ArbitraryMessage`, `ArbitraryOption`), and
//!   `Arbitrary` for codes, message types, `Op`, `Flags`, `Area` and
//!   `Overload`.
//! - `proptest`: the `proptest` module, strategies for messages,
//!   typed options and RFC 2131 Table 5 requests (needs `std`).
//! - `serde`: `Serialize` for typed option values.
//! - `capture`: the capture readers (pcap-parser, etherparse).

#![no_std]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

#[cfg(any(feature = "alloc", test))]
extern crate alloc;
// `arbitrary`'s derive names `std` (the `arbitrary` crate needs it).
#[cfg(any(feature = "std", feature = "arbitrary", test))]
extern crate std;

#[cfg(feature = "arbitrary")]
#[cfg_attr(docsrs, doc(cfg(feature = "arbitrary")))]
pub mod arbitrary;
pub mod builder;
pub mod code;
pub mod error;
mod fmt;
pub mod header;
mod layout;
pub mod message;
pub mod options;
#[cfg(feature = "proptest")]
#[cfg_attr(docsrs, doc(cfg(feature = "proptest")))]
pub mod proptest;
pub mod protocol;
mod tlv;

#[cfg(feature = "capture")]
#[cfg_attr(docsrs, doc(cfg(feature = "capture")))]
pub mod capture;

/// The README's examples, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

pub use builder::MessageBuilder;
pub use code::{MessageType, OptionCode};
pub use error::Error;
pub use header::{Flags, HTYPE_ETHERNET, Header, Op};
pub use message::{
    Deviation, DeviationKind, MAGIC_COOKIE, Message, MessageMut, OptionIndex, RelayAgentInformation,
};
pub use options::typed::DhcpOption;
pub use options::{Area, Joined, OptionValue, Options, Overload, RawOption};
